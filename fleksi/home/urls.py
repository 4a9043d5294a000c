from django.urls import path

from fleksi.home import views, views_personal

app_name = "home"
urlpatterns = [
    path("", views.index, name="index"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("me/data/", views_personal.personal_data_page, name="personal_data"),
    path(
        "me/data/download/",
        views_personal.personal_data_download,
        name="personal_data_download",
    ),
]
