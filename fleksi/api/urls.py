from django.urls import path

from fleksi.api.api import api

urlpatterns = [path("", api.urls)]
