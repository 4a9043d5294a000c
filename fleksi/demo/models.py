"""Which account plays which demo persona (see ``fleksi.demo.domain.personas``).

ASN personas sign in with their NIP, so the link is kept here for ``manage.py
demo_accounts`` and the tests rather than guessed from names.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoAccount(models.Model):
    persona = models.CharField(_("persona"), max_length=40, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="demo_persona",
        verbose_name=_("account"),
    )

    class Meta:
        verbose_name = _("demo account")
        verbose_name_plural = _("demo accounts")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.persona
