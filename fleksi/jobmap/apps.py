from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobmapConfig(AppConfig):
    name = "fleksi.jobmap"
    label = "jobmap"
    verbose_name = _("Duty mapping")
