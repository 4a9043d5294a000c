from django.urls import path

from fleksi.places import views

app_name = "places"
urlpatterns = [
    path("", views.readiness, name="readiness"),
    path("mine/", views.mine, name="mine"),
    path("kecamatan/<int:kecamatan_id>/", views.kecamatan, name="kecamatan"),
    path("desa/<int:desa_id>/edit/", views.desa_edit, name="desa_edit"),
    path("import/", views.profile_import, name="import"),
]
