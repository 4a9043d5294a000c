"""The daily figures of a service: requests received and completed, median times."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fleksi.servicelevel.models.catalogue import PublicService, Source


class ServiceDaily(models.Model):
    """One service's figures for one day; entering the day again replaces them."""

    service = models.ForeignKey(
        PublicService, on_delete=models.PROTECT, related_name="days", verbose_name=_("service")
    )
    day = models.DateField(_("date"))
    received = models.PositiveIntegerField(_("requests received"))
    completed = models.PositiveIntegerField(_("requests completed"))
    median_processing = models.DecimalField(
        _("median processing time"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("In the service's unit (minutes or working days)."),
    )
    median_waiting_minutes = models.DecimalField(
        _("median waiting time (minutes)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    entered_at = models.DateTimeField(_("entered at"))

    class Meta:
        verbose_name = _("daily service figures")
        verbose_name_plural = _("daily service figures")
        ordering = ["service", "day"]
        constraints = [
            models.UniqueConstraint(fields=["service", "day"], name="servicelevel_daily_unique"),
            models.CheckConstraint(
                condition=(Q(median_processing__isnull=True) | Q(median_processing__gte=0))
                & (Q(median_waiting_minutes__isnull=True) | Q(median_waiting_minutes__gte=0)),
                name="servicelevel_daily_medians_positive",
            ),
        ]
        indexes = [models.Index(fields=["day"], name="servicelevel_daily_day_idx")]

    def __str__(self) -> str:
        return f"{self.service_id} {self.day}"

    if TYPE_CHECKING:
        service_id: int
