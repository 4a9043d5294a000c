from django.urls import path

from fleksi.insights.views import dashboards, reports

app_name = "insights"
urlpatterns = [
    path("", dashboards.index, name="index"),
    path("audit/", dashboards.audit, name="audit"),
    path("units/<int:unit_id>/", dashboards.unit, name="unit"),
    path("kecamatan/<int:kecamatan_id>/", dashboards.kecamatan, name="kecamatan"),
    path("reports/", reports.reports, name="reports"),
    path("reports/new/", reports.report_new, name="report_new"),
    path("reports/<int:report_id>/<str:fmt>/", reports.report_file, name="report_file"),
]
