"""Work patterns (policy data of a Perbup version), who follows which, and duty rosters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Employee, Unit
from fleksi.policy.models import PolicyVersion


class WorkPattern(models.Model):
    """How a group works, as set in one version of the Perbup: the regency default, a
    six-day week, a shift cycle, 24-hour duty, part-time hours, a roster's shifts. Frozen
    once its version is published (a new draft copies it)."""

    version = models.ForeignKey(
        PolicyVersion,
        on_delete=models.CASCADE,
        related_name="work_patterns",
        verbose_name=_("policy version"),
    )
    code = models.SlugField(_("code"), max_length=30)
    name = models.CharField(_("name"), max_length=120)
    definition = models.JSONField(_("definition"))
    is_default = models.BooleanField(_("regency default"), default=False)
    asn_type = models.CharField(
        _("default for ASN type"),
        max_length=8,
        choices=Employee.AsnType.choices,
        blank=True,
        help_text=_("Followed by every employee of this type (e.g. PPPK paruh waktu)."),
    )
    basis = models.CharField(_("basis"), max_length=200)

    class Meta:
        verbose_name = _("work pattern")
        verbose_name_plural = _("work patterns")
        ordering = ["version", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="worktime_pattern_code"),
            models.UniqueConstraint(
                fields=["version"], condition=Q(is_default=True), name="worktime_one_default"
            ),
            models.UniqueConstraint(
                fields=["version", "asn_type"],
                condition=~Q(asn_type=""),
                name="worktime_one_per_asn_type",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.name})"

    if TYPE_CHECKING:
        version_id: int


class UnitWorkPattern(models.Model):
    """The pattern of a unit and its sub-units, set by the PPK in a version of the Perbup."""

    version = models.ForeignKey(
        PolicyVersion,
        on_delete=models.CASCADE,
        related_name="unit_work_patterns",
        verbose_name=_("policy version"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    pattern = models.ForeignKey(
        WorkPattern, on_delete=models.CASCADE, related_name="units", verbose_name=_("pattern")
    )

    class Meta:
        verbose_name = _("unit work pattern")
        verbose_name_plural = _("unit work patterns")
        constraints = [
            models.UniqueConstraint(fields=["version", "unit"], name="worktime_unit_once"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}: {self.pattern_id}"

    if TYPE_CHECKING:
        version_id: int
        unit_id: int
        pattern_id: int


class PersonWorkPattern(models.Model):
    """One person's own pattern from a date (by code, so it holds across versions), with
    their place in a cycle (e.g. the fire service's watch)."""

    employee = models.ForeignKey(
        Employee,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("employee"),
        db_index=False,
    )
    pattern_code = models.SlugField(_("pattern"), max_length=30)
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True)
    cycle_offset = models.PositiveSmallIntegerField(_("place in the cycle"), default=0)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("personal work pattern")
        verbose_name_plural = _("personal work patterns")
        ordering = ["employee", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="worktime_person_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(cycle_offset__lte=56), name="worktime_person_offset_range"
            ),
        ]
        indexes = [models.Index(fields=["employee", "start"], name="worktime_person_start_idx")]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.pattern_code} {self.start}"

    if TYPE_CHECKING:
        employee_id: int


class DutyRoster(models.Model):
    """The monthly duty roster ("jadwal dinas") of a shift unit."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    month = models.DateField(_("month"))  # the first day
    pattern_code = models.SlugField(_("pattern"), max_length=30)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="draft")
    # Shift code -> the fewest people on that shift on any day (checked when published).
    min_staff = models.JSONField(_("minimum staff per shift"), default=dict, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("duty roster")
        verbose_name_plural = _("duty rosters")
        ordering = ["-month", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "month"], name="worktime_roster_once"),
            models.CheckConstraint(condition=Q(month__day=1), name="worktime_roster_first_day"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%Y-%m}"

    if TYPE_CHECKING:
        unit_id: int


class DutyShift(models.Model):
    """One person's shift on one day of a roster. ``published`` mirrors the roster's status
    so that the check-in's lookup is one index read without a join."""

    roster = models.ForeignKey(
        DutyRoster, on_delete=models.CASCADE, related_name="shifts", verbose_name=_("roster")
    )
    employee = models.ForeignKey(
        Employee,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("employee"),
        db_index=False,
    )
    day = models.DateField(_("day"))
    shift_code = models.CharField(_("shift"), max_length=10)
    published = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("duty shift")
        verbose_name_plural = _("duty shifts")
        constraints = [
            models.UniqueConstraint(fields=["employee", "day"], name="worktime_shift_one_per_day"),
        ]
        indexes = [models.Index(fields=["roster", "day"], name="worktime_shift_roster_day_idx")]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.day} {self.shift_code}"

    if TYPE_CHECKING:
        roster_id: int
        employee_id: int


class DutySwap(models.Model):
    """Two people of a published roster exchange their shifts of a day (one may be a day off:
    the other takes the shift). Waits for the roster's manager; approval exchanges them."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    roster = models.ForeignKey(
        DutyRoster, on_delete=models.CASCADE, related_name="swaps", verbose_name=_("roster")
    )
    day = models.DateField(_("day"))
    requester = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="+", verbose_name=_("asked by")
    )
    other = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="+", verbose_name=_("with")
    )
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("shift swap")
        verbose_name_plural = _("shift swaps")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(requester=models.F("other")), name="worktime_swap_two_people"
            ),
            models.UniqueConstraint(
                fields=["requester", "day"],
                condition=Q(status="pending"),
                name="worktime_swap_one_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester_id}<->{self.other_id} {self.day}"

    if TYPE_CHECKING:
        roster_id: int
        requester_id: int
        other_id: int
