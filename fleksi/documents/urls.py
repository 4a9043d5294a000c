from django.urls import path

from fleksi.documents import views

app_name = "documents"
urlpatterns = [
    path("perbup/<int:version_id>/", views.version_documents, name="version"),
    path("perbup/<int:version_id>/draft/", views.perbup_draft, name="perbup_draft"),
    path("perbup/<int:version_id>/diff/", views.perbup_diff, name="perbup_diff"),
    path("<int:document_id>/file/", views.document_file, name="file"),
    path("requests/<int:request_id>/form/", views.request_form, name="request_form"),
    path("keputusan/", views.keputusan, name="keputusan"),
    path("keputusan/new/", views.keputusan_new, name="keputusan_new"),
    path("monitoring/", views.monitoring, name="monitoring"),
    path("monitoring/new/", views.monitoring_new, name="monitoring_new"),
]
