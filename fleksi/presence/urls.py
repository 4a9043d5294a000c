from django.urls import path

from fleksi.presence.views import checkin, manual, readers, recap

app_name = "presence"
urlpatterns = [
    path("", checkin.checkin_page, name="checkin"),
    path("manifest.webmanifest", checkin.manifest, name="manifest"),
    path("sw.js", checkin.service_worker, name="sw"),
    path("recap/", recap.recap_mine, name="recap_mine"),
    path("recap/employees/<int:employee_id>/", recap.recap_employee, name="recap_employee"),
    path("recap/units/", recap.recap_units, name="recap_units"),
    path("recap/units/<int:unit_id>/", recap.recap_unit, name="recap_unit"),
    path(
        "recap/units/<int:unit_id>/export.<str:fmt>",
        recap.recap_export,
        name="recap_export",
    ),
    path("recap/export.<str:fmt>", recap.recap_export_all, name="recap_export_all"),
    path("manual/", manual.manual_list, name="manual_list"),
    path("manual/new/", manual.manual_new, name="manual_new"),
    path("manual/<int:request_id>/decide/", manual.manual_decide, name="manual_decide"),
    path("readers/import/", readers.reader_import, name="reader_import"),
    path("readers/users/", readers.reader_users_import, name="reader_users_import"),
]
