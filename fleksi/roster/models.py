"""Rosters: the employees' preferences for a month, the roster of a unit subtree for a month
(queued → solving → proposed / infeasible / failed → published → superseded) and its cells.

The problem a roster was solved for is kept with it (``Roster.problem``, see
``fleksi.roster.domain.codec``): an edited cell is re-checked against the same rules at once,
and the page's figures are recomputed from the cells.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Employee, Unit
from fleksi.policy.models import PolicyVersion
from fleksi.schedule.models import WfaRequest


class PreferenceReason(models.TextChoices):
    CARE = "care", _("Caring for family")
    HEALTH = "health", _("Health")
    COMMUTE = "commute", _("Long commute")
    OTHER = "other", _("Other")


class RosterPreference(models.Model):
    """One employee's wishes for one month (``month`` is the first day of the month)."""

    employee = models.ForeignKey(
        Employee,
        on_delete=models.CASCADE,
        related_name="roster_preferences",
        verbose_name=_("employee"),
    )
    month = models.DateField(_("month"))
    note = models.CharField(_("note"), max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("roster preference")
        verbose_name_plural = _("roster preferences")
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "month"], name="roster_preference_one_per_month"
            ),
        ]
        indexes = [models.Index(fields=["month"], name="roster_pref_month_idx")]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.month:%Y-%m}"


class PreferenceDay(models.Model):
    """A day the employee wishes to work from anywhere, or would rather avoid, and why."""

    class Kind(models.TextChoices):
        WISH = "wish", _("Wish WFA")
        AVOID = "avoid", _("Rather on site")

    preference = models.ForeignKey(RosterPreference, on_delete=models.CASCADE, related_name="days")
    day = models.DateField(_("day"))
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    reason = models.CharField(_("reason"), max_length=8, choices=PreferenceReason.choices)

    class Meta:
        verbose_name = _("preferred day")
        verbose_name_plural = _("preferred days")
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["preference", "day"], name="roster_pref_day_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.kind} {self.reason}"


class Roster(models.Model):
    """The WFA roster of a unit and its sub-units for one month."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SOLVING = "solving", _("Solving")
        PROPOSED = "proposed", _("Proposed")
        INFEASIBLE = "infeasible", _("Cannot be met")
        PUBLISHED = "published", _("Published")
        SUPERSEDED = "superseded", _("Superseded")
        FAILED = "failed", _("Failed")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    month = models.DateField(_("month"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    relax_shortfalls = models.BooleanField(
        _("solve even where a minimum cannot be met"), default=False
    )
    time_limit_s = models.PositiveSmallIntegerField(_("time limit (s)"), default=20)
    progress = models.CharField(_("progress"), max_length=120, blank=True)
    progress_pct = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    result = models.JSONField(_("result summary"), default=dict, blank=True)
    problem = models.JSONField(_("problem solved"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    policy_version = models.ForeignKey(
        PolicyVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("roster")
        verbose_name_plural = _("rosters")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "month"],
                condition=Q(status="published"),
                name="roster_one_published_per_unit_month",
            ),
            models.UniqueConstraint(
                fields=["unit", "month"],
                condition=Q(status__in=["queued", "solving"]),
                name="roster_one_solving_per_unit_month",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "month", "-created_at"], name="roster_unit_month_idx"),
            models.Index(fields=["month", "status"], name="roster_month_status_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.unit_id} {self.month:%Y-%m} {self.status}"

    @property
    def working(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.SOLVING)

    @property
    def ref(self) -> str:
        """The plain reference the schedule records on the requests a roster creates."""
        return f"roster:{self.pk}"


class RosterCell(models.Model):
    """One person on one day of a roster. ``fixed``: decided before the roster (an approved or
    waiting request, an absence, a day already started); ``edited``: changed by hand;
    ``request``: the WFA request created when the roster was published."""

    class Placement(models.TextChoices):
        WFA = "wfa", _("WFA")
        ONSITE = "onsite", _("On site")
        ABSENT = "absent", _("Absent")

    roster = models.ForeignKey(Roster, on_delete=models.CASCADE, related_name="cells")
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    placement = models.CharField(_("placement"), max_length=6, choices=Placement.choices)
    fixed = models.BooleanField(_("decided before"), default=False)
    edited = models.BooleanField(_("edited"), default=False)
    request = models.ForeignKey(
        WfaRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("roster cell")
        verbose_name_plural = _("roster cells")
        constraints = [
            models.UniqueConstraint(
                fields=["roster", "employee", "day"], name="roster_cell_unique"
            ),
        ]
        indexes = [models.Index(fields=["employee", "day"], name="roster_cell_employee_day_idx")]

    def __str__(self) -> str:
        return f"{self.roster_id} {self.employee_id} {self.day} {self.placement}"
