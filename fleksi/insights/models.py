"""Monthly figures kept for the dashboards and reports (C10), the evaluation reports, and
the record of each verification of the audit trail.

``PersonMonth`` and ``UnitMonth`` are **derived** rows: ``services.refresh`` rebuilds a month
from the records of the other apps (check-ins, WFA days, outputs, ratings, service figures)
in a few set-based statements, and nothing else writes them. The dashboards read only these
rows (a few thousand a year), never the millions of records behind them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fleksi.insights.domain.figures import PERSON_COUNTS, Figures
from fleksi.org.models import Employee, Unit
from fleksi.places.models import Kecamatan
from fleksi.policy.models import PolicyVersion


def _count(label: Any) -> models.PositiveIntegerField[int, int]:
    return models.PositiveIntegerField(label, default=0)


class MonthFigures(models.Model):
    """The counts of a month that add up across people and units (see
    ``fleksi.insights.domain.figures``)."""

    month = models.DateField(_("month"), help_text=_("First day of the month."))
    working_days = _count(_("working days"))
    onsite_days = _count(_("days on site"))
    wfa_present_days = _count(_("days present on WFA"))
    duty_days = _count(_("official duty days"))
    leave_days = _count(_("leave days"))
    missing_days = _count(_("missing days"))
    late_days = _count(_("late days"))
    early_days = _count(_("early departures"))
    incomplete_days = _count(_("days without a departure check-in"))
    flagged_days = _count(_("flagged days"))
    wfa_days = _count(_("approved WFA days"))
    wfa_refused_days = _count(_("WFA days refused by the rules"))
    wfa_rejected_days = _count(_("WFA days rejected"))
    outputs = _count(_("planned outputs"))
    outputs_full = _count(_("outputs delivered in full"))
    achievement_sum = models.FloatField(_("sum of achievement ratios"), default=0.0)
    reports = _count(_("output reports"))
    reports_on_time = _count(_("reports on time"))
    quality_sum = _count(_("sum of quality scores"))
    quality_n = _count(_("quality scores"))
    unreported_days = _count(_("unreported WFA days"))
    awaiting = _count(_("reports awaiting verification"))
    overdue = _count(_("verifications overdue"))

    class Meta:
        abstract = True


class PersonMonth(MonthFigures):
    """One employee's month, in the unit the employee belonged to when it was computed."""

    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    eligible = models.BooleanField(_("eligible for WFA"), default=False)
    capable = models.BooleanField(_("WFA-capable position"), default=False)
    ready_home = models.BooleanField(_("lives in a ready desa"), default=False)
    suspended = models.BooleanField(_("WFA suspended by the monthly check"), default=False)
    predikat = models.CharField(_("monthly rating"), max_length=16, blank=True)

    class Meta:
        verbose_name = _("month of an employee")
        verbose_name_plural = _("months of employees")
        constraints = [
            models.UniqueConstraint(fields=["employee", "month"], name="insights_person_month")
        ]
        indexes = [models.Index(fields=["month", "unit"], name="insights_person_unit_idx")]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.month:%Y-%m}"

    @property
    def figures(self) -> Figures:
        return Figures.of(
            {name: getattr(self, name) for name in (*PERSON_COUNTS, "achievement_sum")}
        )

    if TYPE_CHECKING:
        employee_id: int
        unit_id: int


class UnitMonth(MonthFigures):
    """One unit's month: the sum of its own employees (not of its sub-units: a subtree is the
    sum of its units' rows) and the figures of its own public services."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+", db_index=False)
    root = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="+", verbose_name=_("perangkat daerah")
    )
    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    headcount = _count(_("employees"))
    eligible = _count(_("eligible for WFA"))
    capable = _count(_("in WFA-capable positions"))
    ready_home = _count(_("living in a ready desa"))
    wfa_users = _count(_("employees with WFA days"))
    suspended = _count(_("WFA suspensions"))
    rated = _count(_("monthly ratings"))
    rating_sangat_baik = _count(_("rated Sangat Baik"))
    rating_baik = _count(_("rated Baik"))
    rating_butuh_perbaikan = _count(_("rated Butuh Perbaikan"))
    rating_kurang = _count(_("rated Kurang"))
    rating_sangat_kurang = _count(_("rated Sangat Kurang"))
    svc_days = _count(_("service-days with figures"))
    svc_received = _count(_("requests received"))
    svc_completed = _count(_("requests completed"))
    svc_timed_days = _count(_("service-days with a processing time"))
    svc_within_standard = _count(_("service-days within the standard"))
    svc_waiting_days = _count(_("service-days with a waiting time"))
    svc_waiting_sum = models.FloatField(_("sum of median waiting times"), default=0.0)
    complaints = _count(_("complaints"))
    ikm_respondents = _count(_("IKM respondents"))
    ikm_weighted = models.FloatField(_("IKM × respondents"), default=0.0)
    alerts_active = _count(_("active safeguard alerts"))

    class Meta:
        verbose_name = _("month of a unit")
        verbose_name_plural = _("months of units")
        constraints = [
            models.UniqueConstraint(fields=["unit", "month"], name="insights_unit_month")
        ]
        indexes = [
            models.Index(fields=["month", "root"], name="insights_unit_root_idx"),
            models.Index(fields=["month", "kecamatan"], name="insights_unit_kec_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%Y-%m}"

    if TYPE_CHECKING:
        unit_id: int
        root_id: int
        kecamatan_id: int | None


class MonthRefresh(models.Model):
    """When a month was last computed, under which policy, and how long it took."""

    month = models.DateField(_("month"), unique=True)
    refreshed_at = models.DateTimeField(_("computed at"))
    seconds = models.FloatField(_("seconds"), default=0.0)
    people = models.PositiveIntegerField(_("employees"), default=0)
    policy_version = models.ForeignKey(
        PolicyVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("computed month")
        verbose_name_plural = _("computed months")
        ordering = ["-month"]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"


class EvaluationReport(models.Model):
    """A monthly or quarterly evaluation report for the Sekda and the Bupati, generated in
    the background and kept: a PDF and an XLSX in private storage, with their SHA-256."""

    class Kind(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being generated")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    pdf = models.FileField(_("PDF"), upload_to="insights/reports/%Y/", blank=True, max_length=255)
    xlsx = models.FileField(_("XLSX"), upload_to="insights/reports/%Y/", blank=True, max_length=255)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True)
    xlsx_sha256 = models.CharField(_("SHA-256 of the XLSX"), max_length=64, blank=True)
    pdf_size = models.PositiveIntegerField(default=0)
    xlsx_size = models.PositiveIntegerField(default=0)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    policy_version = models.ForeignKey(
        PolicyVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("asked by"),
    )
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    seconds = models.FloatField(_("seconds"), default=0.0)

    class Meta:
        verbose_name = _("evaluation report")
        verbose_name_plural = _("evaluation reports")
        ordering = ["-period_start", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "period_start"],
                condition=models.Q(status__in=["queued", "running"]),
                name="insights_report_one_in_progress",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="insights_report_period_ordered",
            ),
        ]
        indexes = [models.Index(fields=["kind", "period_start"], name="insights_report_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.period_start:%Y-%m}"


class TrailCheck(models.Model):
    """One verification of the audit trail's hash chains (by the periodic job or on demand):
    how many entries were checked and the first problem found, if any."""

    checked_at = models.DateTimeField(_("checked at"))
    entries = models.PositiveBigIntegerField(_("entries checked"))
    ok = models.BooleanField(_("intact"))
    problem = models.JSONField(_("first problem"), default=dict, blank=True)
    seconds = models.FloatField(_("seconds"), default=0.0)

    class Meta:
        verbose_name = _("audit trail verification")
        verbose_name_plural = _("audit trail verifications")
        ordering = ["-checked_at"]

    def __str__(self) -> str:
        return f"{self.checked_at:%Y-%m-%d %H:%M} {'ok' if self.ok else 'problem'}"
