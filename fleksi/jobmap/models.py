"""Duty mapping (capability C2): the duties of each position, their assessment against the
criteria of PermenPANRB 4/2025 Pasal 23 (proposed by the unit, approved by BKPSDM), and
per-employee exceptions.

An assessment keeps a snapshot of the duties as they were assessed (:class:`AssessmentDuty`),
so its history stays readable after the duties change, and the class a position derives
from its approved assessment does not move until a newer assessment is approved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Employee, Position

SHARE_RANGE = Q(time_share__gt=0) & Q(time_share__lte=100)


class Duty(models.Model):
    """A duty (uraian tugas) of a position with its output (hasil kerja) and its share of the
    position's working time in percent (from the job analysis, Anjab/ABK)."""

    position = models.ForeignKey(
        Position, on_delete=models.PROTECT, related_name="duties", verbose_name=_("position")
    )
    order = models.PositiveIntegerField(_("number"))
    description = models.TextField(_("duty (uraian tugas)"), max_length=1000)
    output = models.CharField(_("output (hasil kerja)"), max_length=255)
    time_share = models.DecimalField(_("share of working time (%)"), max_digits=5, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("duty")
        verbose_name_plural = _("duties")
        ordering = ["position", "order"]
        constraints = [
            models.UniqueConstraint(fields=["position", "order"], name="duty_unique_order"),
            models.CheckConstraint(condition=SHARE_RANGE, name="duty_time_share_range"),
            models.CheckConstraint(condition=Q(order__gte=1), name="duty_order_positive"),
            models.CheckConstraint(condition=~Q(description=""), name="duty_description_given"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.description[:60]}"

    if TYPE_CHECKING:
        position_id: int


class Assessment(models.Model):
    """One round of assessing a position's duties.

    draft → proposed (by the unit's administrator or BKPSDM) → approved or returned (by
    BKPSDM). A later round is a new row with the next version number; an approved
    assessment stays *current* until a newer one is approved.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PROPOSED = "proposed", _("Proposed")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned")

    position = models.ForeignKey(
        Position, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("position")
    )
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    is_current = models.BooleanField(
        _("current"), default=False, help_text=_("The approved assessment in force.")
    )
    criteria = models.JSONField(
        _("criteria assessed"),
        default=list,
        help_text=_("Codes of the criteria this assessment answers (fixed when proposed)."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["position", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["position", "version"], name="assessment_unique_version"
            ),
            models.UniqueConstraint(
                fields=["position"],
                condition=Q(status="approved", is_current=True),
                name="assessment_one_current_approved",
            ),
            models.UniqueConstraint(
                fields=["position"],
                condition=Q(status__in=["draft", "proposed"]),
                name="assessment_one_open",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "proposed", "approved", "returned"]),
                name="assessment_status_known",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="assessment_version_positive"),
            models.CheckConstraint(
                condition=Q(is_current=False) | Q(status="approved"),
                name="assessment_current_is_approved",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(proposed_at__isnull=False),
                name="assessment_proposed_has_date",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "proposed"]) | Q(decided_at__isnull=False),
                name="assessment_decided_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(comment=""),
                name="assessment_returned_has_comment",
            ),
        ]
        indexes = [models.Index(fields=["status", "proposed_at"], name="assessment_queue_idx")]

    def __str__(self) -> str:
        return f"{self.position} v{self.version} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.PROPOSED)

    if TYPE_CHECKING:
        position_id: int
        proposed_by_id: int | None
        decided_by_id: int | None


class AssessmentDuty(models.Model):
    """A duty as it was assessed: a copy of its text and time share, and whether it suits
    WFA (set when the assessment is proposed)."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="duties", verbose_name=_("assessment")
    )
    duty = models.ForeignKey(
        Duty,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("duty"),
    )
    order = models.PositiveIntegerField(_("number"))
    description = models.TextField(_("duty (uraian tugas)"), max_length=1000)
    output = models.CharField(_("output (hasil kerja)"), max_length=255)
    time_share = models.DecimalField(_("share of working time (%)"), max_digits=5, decimal_places=2)
    suitable = models.BooleanField(_("suits WFA"), null=True, blank=True)

    class Meta:
        verbose_name = _("assessed duty")
        verbose_name_plural = _("assessed duties")
        ordering = ["assessment", "order"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "duty"], name="assessment_duty_unique"),
            models.CheckConstraint(condition=SHARE_RANGE, name="assessment_duty_share_range"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.description[:60]}"

    if TYPE_CHECKING:
        assessment_id: int
        duty_id: int | None


class AssessmentAnswer(models.Model):
    """The answer to one criterion for one assessed duty, with a short reason. A draft may
    hold gaps; proposing requires every answer and every reason."""

    duty = models.ForeignKey(
        AssessmentDuty,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("assessed duty"),
    )
    criterion = models.CharField(_("criterion"), max_length=40)
    answer = models.BooleanField(_("answer"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["duty", "criterion"], name="answer_unique_criterion"),
            models.CheckConstraint(condition=~Q(criterion=""), name="answer_criterion_given"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.answer}"

    if TYPE_CHECKING:
        duty_id: int


class EmployeeException(models.Model):
    """An exception for one employee, for a period: a class that replaces the class of the
    position, and/or lifting the exclusion of public-service units."""

    class Kind(models.TextChoices):
        SPECIAL_CIRCUMSTANCES = "special_circumstances", _("Special circumstances (keadaan khusus)")
        DUTY_IN_PUBLIC_SERVICE = (
            "duty_in_public_service",
            _("Back-office duty in a public-service unit"),
        )
        OTHER = "other", _("Other")

    class Override(models.TextChoices):
        NONE = "", _("No change to the class")
        CAPABLE = "capable", _("WFA-capable")
        PARTLY = "partly", _("Partly capable")

    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="wfa_exceptions",
        verbose_name=_("employee"),
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    reason = models.TextField(_("reason"), max_length=1000)
    start = models.DateField(_("from"))
    end = models.DateField(_("until (included)"))
    override_class = models.CharField(
        _("class for this employee"),
        max_length=10,
        choices=Override.choices,
        blank=True,
        default="",
    )
    waives_unit_exclusion = models.BooleanField(
        _("lifts the public-service unit exclusion"), default=False
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    created_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ended by"),
    )
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    withdrawn = models.BooleanField(
        _("withdrawn"), default=False, help_text=_("Ended before it started: never applied.")
    )

    class Meta:
        verbose_name = _("employee exception")
        verbose_name_plural = _("employee exceptions")
        ordering = ["-start", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="exception_dates_ordered"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["special_circumstances", "duty_in_public_service", "other"]),
                name="exception_kind_known",
            ),
            models.CheckConstraint(
                condition=Q(override_class__in=["", "capable", "partly"]),
                name="exception_override_known",
            ),
            models.CheckConstraint(
                condition=~Q(override_class="") | Q(waives_unit_exclusion=True),
                name="exception_has_effect",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="exception_reason_given"),
        ]
        indexes = [
            models.Index(fields=["start", "end"], name="exception_period_idx"),
            models.Index(fields=["employee", "start"], name="exception_employee_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.employee} {self.start}–{self.end}"

    if TYPE_CHECKING:
        employee_id: int
