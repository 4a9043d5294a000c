from django.urls import path

from fleksi.roster import views

app_name = "roster"
urlpatterns = [
    path("", views.index, name="index"),
    path("preferences/", views.preferences, name="preferences"),
    path("generate/", views.generate, name="generate"),
    path("<int:roster_id>/", views.detail, name="detail"),
    path("<int:roster_id>/cell/", views.cell, name="cell"),
    path("<int:roster_id>/publish/", views.publish, name="publish"),
]
