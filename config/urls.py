from django.urls import include, path

from fleksi.common import health
from fleksi.common.metrics import metrics_view

urlpatterns = [
    path("health/live", health.live, name="health_live"),
    path("health/ready", health.ready, name="health_ready"),
    path("metrics", metrics_view, name="metrics"),
    path("", include("fleksi.home.urls")),
    path("", include("fleksi.accounts.urls")),
    path("org/", include("fleksi.org.urls")),
    path("audit/", include("fleksi.audit.urls")),
    path("jobmap/", include("fleksi.jobmap.urls")),
    path("policy/", include("fleksi.policy.urls")),
    path("eligibility/", include("fleksi.eligibility.urls")),
    path("places/", include("fleksi.places.urls")),
    path("presence/", include("fleksi.presence.urls")),
    path("worktime/", include("fleksi.worktime.urls")),
    path("schedule/", include("fleksi.schedule.urls")),
    path("outputs/", include("fleksi.outputs.urls")),
    path("roster/", include("fleksi.roster.urls")),
    path("servicelevel/", include("fleksi.servicelevel.urls")),
    path("insights/", include("fleksi.insights.urls")),
    path("tpp/", include("fleksi.tpp.urls")),
    path("documents/", include("fleksi.documents.urls")),
    path("notifications/", include("fleksi.notify.urls")),
    path("api/v1/", include("fleksi.api.urls")),
]
handler500 = "fleksi.common.views.server_error"
