from django.urls import path

from fleksi.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.entry_list, name="entry_list"),
    path("export.csv", views.entry_export, name="entry_export"),
    path("verify/", views.verify, name="verify"),
    path("<int:entry_id>/", views.entry_detail, name="entry_detail"),
]
