from django.urls import path

from fleksi.worktime import views

app_name = "worktime"
urlpatterns = [
    path("rosters/", views.roster_list, name="rosters"),
    path("rosters/import/", views.roster_import, name="roster_import"),
    path("rosters/<int:roster_id>/", views.roster_detail, name="roster"),
    path("rosters/<int:roster_id>/publish/", views.roster_publish, name="roster_publish"),
    path("rosters/<int:roster_id>/swaps/", views.roster_swaps, name="roster_swaps"),
    path("swaps/<int:swap_id>/decision/", views.swap_decide, name="swap_decide"),
]
