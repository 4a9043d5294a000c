from django.urls import path

from fleksi.policy import views

app_name = "policy"
urlpatterns = [
    path("", views.version_list, name="version_list"),
    path("new/", views.draft_create, name="draft_create"),
    path("compare/", views.version_diff, name="version_diff"),
    path("calendar/", views.calendar_view, name="calendar"),
    path("calendar/change/", views.calendar_change, name="calendar_change"),
    path("<int:version_id>/", views.version_detail, name="version_detail"),
    path("<int:version_id>/edit/", views.version_edit, name="version_edit"),
    path("<int:version_id>/units/", views.override_set, name="override_set"),
    path("<int:version_id>/roles/", views.role_minimum_set, name="role_minimum_set"),
    path("<int:version_id>/delete/", views.version_delete, name="version_delete"),
]
