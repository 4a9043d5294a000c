from django.urls import path

from fleksi.org import views, views_import

app_name = "org"
urlpatterns = [
    path("units/", views.unit_list, name="unit_list"),
    path("units/<int:unit_id>/", views.unit_detail, name="unit_detail"),
    path("people/", views.people, name="people"),
    path("people/<int:employee_id>/", views.employee_detail, name="employee_detail"),
    path("people/import/", views_import.import_people, name="import_people"),
    path("people/import/<int:batch_id>/", views_import.import_batch, name="import_batch"),
    path("people/import/<int:batch_id>/apply/", views_import.import_apply, name="import_apply"),
    path(
        "people/import/<int:batch_id>/problems.csv",
        views_import.import_errors,
        name="import_errors",
    ),
]
