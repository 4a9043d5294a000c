from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsAppConfig(AppConfig):
    name = "fleksi.documents"
    label = "documents"
    verbose_name = _("Generated documents")
