from django.urls import path

from fleksi.eligibility import views

app_name = "eligibility"
urlpatterns = [
    path("me/", views.mine, name="mine"),
    path("employees/<int:employee_id>/", views.employee_eligibility, name="employee"),
    path("units/<int:unit_id>/", views.unit_list, name="unit"),
    path("regency/", views.regency, name="regency"),
    path("simulation/<int:version_id>/", views.simulation, name="simulation"),
]
