from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "fleksi.common"
    label = "common"
    verbose_name = _("Common")

    def ready(self) -> None:
        # The empty choice of every select, in our catalogue (Django's own label has no
        # Indonesian translation and showed "- Select an option -").
        from django.db.models import fields

        fields.BLANK_CHOICE_LABEL = _("— choose —")
