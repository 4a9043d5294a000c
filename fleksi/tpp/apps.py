from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TppAppConfig(AppConfig):
    name = "fleksi.tpp"
    label = "tpp"
    verbose_name = _("Regional allowance (TPP)")
