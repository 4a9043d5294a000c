"""The SKP (Sasaran Kinerja Pegawai) of an employee and year: planned results (RHK), each
cascaded from a result of the supervisor, with indicators and targets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Employee
from fleksi.outputs.domain.skp_rows import USUAL_QUALITY_PCT, USUAL_TIME_MONTHS


class Skp(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AGREED = "agreed", _("Agreed with the supervisor")

    class Source(models.TextChoices):
        PAGE = "page", _("Entered in Fleksi")
        IMPORT = "import", _("Imported (e-Kinerja layout)")

    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="skps", verbose_name=_("employee")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.DRAFT
    )
    source = models.CharField(_("source"), max_length=8, choices=Source.choices, default="page")
    rater = models.ForeignKey(
        Employee,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rating official"),
    )
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agreed_at = models.DateTimeField(_("agreed at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("SKP")
        verbose_name_plural = _("SKPs")
        ordering = ["-year", "employee__name"]
        constraints = [
            models.UniqueConstraint(fields=["employee", "year"], name="skp_one_per_year"),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="skp_year_range"
            ),
        ]

    def __str__(self) -> str:
        return f"SKP {self.year} {self.employee_id}"

    if TYPE_CHECKING:
        employee_id: int


class SkpResult(models.Model):
    """A planned result (Rencana Hasil Kerja). ``parent`` is the result of the supervisor's
    SKP of the same year that this one cascades from (RHK atasan yang diintervensi)."""

    class Kind(models.TextChoices):
        MAIN = "main", _("Main (utama)")
        ADDITIONAL = "additional", _("Additional (tambahan)")

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="results")
    number = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MAIN)
    text = models.CharField(_("planned result (RHK)"), max_length=500)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("cascaded from the supervisor's result"),
    )

    class Meta:
        verbose_name = _("planned result (RHK)")
        verbose_name_plural = _("planned results (RHK)")
        ordering = ["skp", "number"]
        constraints = [
            models.UniqueConstraint(fields=["skp", "number"], name="skp_result_number_unique"),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="skp_result_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"

    if TYPE_CHECKING:
        skp_id: int
        parent_id: int | None


class SkpIndicator(models.Model):
    """An indicator of a result with its targets: quantity and unit, quality, time."""

    result = models.ForeignKey(SkpResult, on_delete=models.CASCADE, related_name="indicators")
    order = models.PositiveSmallIntegerField(default=1)
    text = models.CharField(_("indicator"), max_length=500)
    target_quantity = models.DecimalField(_("target quantity"), max_digits=10, decimal_places=2)
    target_unit = models.CharField(_("unit"), max_length=40)
    target_quality_pct = models.PositiveSmallIntegerField(
        _("target quality (%)"), default=USUAL_QUALITY_PCT
    )
    target_time_months = models.PositiveSmallIntegerField(
        _("target time (months)"), default=USUAL_TIME_MONTHS
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["result", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_quantity__gt=0), name="skp_indicator_quantity_positive"
            ),
            models.CheckConstraint(
                condition=Q(target_quality_pct__lte=100), name="skp_indicator_quality_range"
            ),
            models.CheckConstraint(
                condition=Q(target_time_months__gte=1, target_time_months__lte=12),
                name="skp_indicator_time_range",
            ),
        ]

    def __str__(self) -> str:
        return self.text
