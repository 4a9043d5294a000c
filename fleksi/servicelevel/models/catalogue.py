"""Services of the public-service units with their standard (Standar Pelayanan, UU 25/2009
Pasal 20), and the regency's settings of the capability."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Unit


class Source(models.TextChoices):
    FORM = "form", _("Form")
    IMPORT = "import", _("File import")
    API = "api", _("API")
    DEMO = "demo", _("Demo data")


class PublicService(models.Model):
    """One service a public-service unit delivers (e.g. KTP-el at Disdukcapil's counters)."""

    class TimeUnit(models.TextChoices):
        MINUTES = "minutes", _("minutes")
        DAYS = "days", _("working days")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="public_services", verbose_name=_("unit")
    )
    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    processing_unit = models.CharField(
        _("unit of the processing time"),
        max_length=8,
        choices=TimeUnit.choices,
        default=TimeUnit.MINUTES,
    )
    standard_max_processing = models.PositiveIntegerField(
        _("maximum processing time (standard)"),
        help_text=_("In the unit chosen above, as the published service standard says."),
    )
    standard_max_waiting_minutes = models.PositiveIntegerField(
        _("maximum waiting time (minutes)"), null=True, blank=True
    )
    standard_reference = models.CharField(
        _("service standard (reference)"),
        max_length=255,
        blank=True,
        help_text=_("The decree that publishes the standard, e.g. “SK Kepala Dinas No. …”."),
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("public service")
        verbose_name_plural = _("public services")
        ordering = ["unit__path", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(standard_max_processing__gt=0), name="servicelevel_standard_positive"
            ),
            models.CheckConstraint(
                condition=Q(processing_unit__in=["minutes", "days"]),
                name="servicelevel_processing_unit_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    if TYPE_CHECKING:
        unit_id: int


class ServiceLevelConfig(models.Model):
    """The regency's settings of the capability (one row): the WFA start the safeguard
    compares against, and the IKM grade boundaries (PermenPANRB 14/2017; defaults)."""

    wfa_start = models.DateField(
        _("WFA start"),
        null=True,
        blank=True,
        help_text=_(
            "The safeguard's baseline ends the day before. Empty: the start of the first "
            "published policy version."
        ),
    )
    ikm_a_min = models.DecimalField(
        _("lowest index of grade A"), max_digits=5, decimal_places=2, default=Decimal("88.31")
    )
    ikm_b_min = models.DecimalField(
        _("lowest index of grade B"), max_digits=5, decimal_places=2, default=Decimal("76.61")
    )
    ikm_c_min = models.DecimalField(
        _("lowest index of grade C"), max_digits=5, decimal_places=2, default=Decimal("65.00")
    )
    ikm_basis = models.CharField(
        _("basis of the grades"),
        max_length=200,
        default="PermenPANRB 14/2017 (nilai interval konversi)",
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("service-level settings")
        verbose_name_plural = _("service-level settings")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="servicelevel_config_singleton"),
            models.CheckConstraint(
                condition=Q(ikm_c_min__gt=25)
                & Q(ikm_b_min__gt=models.F("ikm_c_min"))
                & Q(ikm_a_min__gt=models.F("ikm_b_min"))
                & Q(ikm_a_min__lte=100),
                name="servicelevel_ikm_grades_ordered",
            ),
        ]

    def __str__(self) -> str:
        return str(_("service-level settings"))
