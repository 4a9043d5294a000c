from django.urls import path

from fleksi.org import views

app_name = "org"
urlpatterns = [
    path("units/", views.unit_list, name="unit_list"),
    path("units/<int:unit_id>/", views.unit_detail, name="unit_detail"),
    path("people/", views.people, name="people"),
    path("people/<int:employee_id>/", views.employee_detail, name="employee_detail"),
]
