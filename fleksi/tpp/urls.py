from django.urls import path

from fleksi.tpp import views

app_name = "tpp"
urlpatterns = [
    path("", views.tpp_mine, name="mine"),
    path("employees/<int:employee_id>/", views.tpp_employee, name="employee"),
    path("units/", views.tpp_units, name="units"),
    path("units/<int:unit_id>/", views.tpp_unit, name="unit"),
    path("units/<int:unit_id>/export.<str:fmt>", views.tpp_export, name="export"),
    path("export.<str:fmt>", views.tpp_export_all, name="export_all"),
    path("simulation/<int:version_id>/", views.tpp_simulation, name="simulation"),
]
