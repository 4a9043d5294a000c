from django.urls import path

from fleksi.servicelevel.views import catalogue, feedback, figures, safeguard

app_name = "servicelevel"
urlpatterns = [
    path("", catalogue.index, name="index"),
    path("units/<int:unit_id>/", catalogue.unit_services, name="unit"),
    path("units/<int:unit_id>/services/new/", catalogue.service_new, name="service_new"),
    path("units/<int:unit_id>/week/", figures.week, name="week"),
    path("services/<int:service_id>/", catalogue.service_detail, name="service"),
    path("services/<int:service_id>/edit/", catalogue.service_edit, name="service_edit"),
    path("figures/import/", figures.figures_import, name="figures_import"),
    path("complaints/", feedback.complaints, name="complaints"),
    path("complaints/import/", figures.complaints_import, name="complaints_import"),
    path("surveys/", feedback.surveys, name="surveys"),
    path("surveys/new/", feedback.survey_new, name="survey_new"),
    path("surveys/import/", figures.surveys_import, name="surveys_import"),
    path("safeguard/", safeguard.safeguard, name="safeguard"),
    path("alerts/<int:alert_id>/", safeguard.alert_detail, name="alert"),
    path(
        "alerts/<int:alert_id>/acknowledge/",
        safeguard.alert_acknowledge_view,
        name="alert_acknowledge",
    ),
    path("alerts/<int:alert_id>/close/", safeguard.alert_close_view, name="alert_close"),
    path("alerts/<int:alert_id>/draft/", safeguard.alert_draft_view, name="alert_draft"),
    path("settings/", catalogue.settings_view, name="settings"),
]
