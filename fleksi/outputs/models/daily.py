"""Daily work: planned outputs, output reports with their evidence, and the verification
of each report by the supervisor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Employee
from fleksi.outputs.models.skp import SkpResult
from fleksi.schedule.models import WorkPlanItem


class PlannedOutput(models.Model):
    """An output planned for one day: the employee's own, or an output of an approved WFA
    request's work plan taken over when the employee first acts on it (see
    ``fleksi.outputs.selectors.plans``)."""

    class Source(models.TextChoices):
        REQUEST = "request", _("WFA request work plan")
        OWN = "own", _("Own plan")

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="planned_outputs")
    day = models.DateField(_("day"))
    description = models.CharField(_("planned output"), max_length=255)
    target_quantity = models.DecimalField(_("target quantity"), max_digits=8, decimal_places=2)
    unit = models.CharField(_("unit of measure"), max_length=40)
    rhk = models.ForeignKey(
        SkpResult,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="planned_outputs",
        verbose_name=_("SKP result (RHK)"),
    )
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    plan_item = models.OneToOneField(
        WorkPlanItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="planned_output",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("planned output")
        verbose_name_plural = _("planned outputs")
        ordering = ["day", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_quantity__gt=0), name="planned_output_target_positive"
            ),
        ]
        indexes = [models.Index(fields=["employee", "day"], name="planned_output_day_idx")]

    def __str__(self) -> str:
        return self.description

    if TYPE_CHECKING:
        employee_id: int
        rhk_id: int | None
        plan_item_id: int | None


class OutputReport(models.Model):
    """What was delivered on a day, against a planned output or as unplanned work, with its
    evidence: an uploaded file (kept in private storage, with its SHA-256) or a link."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Awaiting verification")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for revision")
        REJECTED = "rejected", _("Rejected")

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="output_reports")
    day = models.DateField(_("day"))
    planned_output = models.OneToOneField(
        PlannedOutput,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report",
        verbose_name=_("planned output"),
    )
    rhk = models.ForeignKey(
        SkpResult,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("SKP result (RHK)"),
    )
    description = models.TextField(_("what was delivered"))
    quantity = models.DecimalField(_("quantity delivered"), max_digits=8, decimal_places=2)
    unit = models.CharField(_("unit of measure"), max_length=40)
    evidence = models.FileField(
        _("evidence file"), upload_to="evidence/outputs/%Y/%m/", blank=True, max_length=255
    )
    evidence_name = models.CharField(max_length=200, blank=True)
    evidence_type = models.CharField(max_length=8, blank=True)
    evidence_size = models.PositiveIntegerField(default=0)
    evidence_sha256 = models.CharField(max_length=64, blank=True)
    evidence_url = models.URLField(_("evidence link"), max_length=500, blank=True)
    reported_at = models.DateTimeField(_("reported at"))
    due_on = models.DateField(_("report due"))
    late = models.BooleanField(_("late"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    quality = models.PositiveSmallIntegerField(_("quality (0–100)"), null=True, blank=True)
    revision = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("output report")
        verbose_name_plural = _("output reports")
        ordering = ["-day", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(evidence="") | ~Q(evidence_url=""), name="output_report_evidence"
            ),
            models.CheckConstraint(
                condition=Q(quantity__gte=0), name="output_report_quantity_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(quality__isnull=True) | Q(quality__lte=100),
                name="output_report_quality_range",
            ),
        ]
        indexes = [
            models.Index(fields=["employee", "day"], name="output_report_day_idx"),
            models.Index(fields=["status"], name="output_report_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.day}: {self.quantity} {self.unit}"

    if TYPE_CHECKING:
        employee_id: int
        planned_output_id: int | None
        rhk_id: int | None


class Verification(models.Model):
    """One verifier's turn on a report (the direct supervisor first). A missed deadline
    closes it as escalated and opens the next level (the supervisor's supervisor)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for revision")
        REJECTED = "rejected", _("Rejected")
        ESCALATED = "escalated", _("Escalated")
        SUPERSEDED = "superseded", _("Superseded by a revision")

    report = models.ForeignKey(OutputReport, on_delete=models.CASCADE, related_name="verifications")
    level = models.PositiveSmallIntegerField(default=1)
    verifier = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="+", verbose_name=_("verifier")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    due_at = models.DateTimeField(_("due"))
    quality = models.PositiveSmallIntegerField(_("quality (0–100)"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    acted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")
        ordering = ["report", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["report"],
                condition=Q(status="pending"),
                name="verification_one_pending",
            ),
            models.CheckConstraint(
                condition=Q(quality__isnull=True) | Q(quality__lte=100),
                name="verification_quality_range",
            ),
        ]
        indexes = [
            models.Index(fields=["verifier", "status"], name="verification_inbox_idx"),
            models.Index(fields=["status", "due_at"], name="verification_due_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.report_id} L{self.level} {self.status}"

    if TYPE_CHECKING:
        report_id: int
        verifier_id: int
