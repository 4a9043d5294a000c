"""WFA requests, their days and work plans, the approval steps, absences and the rows that
serialise decisions about one unit on one day."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Employee, Office, Unit
from fleksi.places.models import Desa
from fleksi.policy.models import PolicyVersion

ACTIVE_DAY_STATUSES = ("pending", "approved")


class WfaPlace(models.Model):
    """Another place than home or an office, approved beforehand by the head of unit."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="wfa_places", verbose_name=_("employee")
    )
    name = models.CharField(_("name"), max_length=120)
    address = models.CharField(_("address"), max_length=255)
    desa = models.ForeignKey(Desa, on_delete=models.PROTECT, verbose_name=_("desa/kelurahan"))
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    reason = models.CharField(_("why this place"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("approved place")
        verbose_name_plural = _("approved places")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class WfaRequest(models.Model):
    class Kind(models.TextChoices):
        REGULAR = "regular", _("Regular WFA")
        OFFICIAL_DUTY = "official_duty", _("Duties outside the office")
        SPECIAL_CIRCUMSTANCES = "special_circumstances", _("Special circumstances")

    class Location(models.TextChoices):
        HOME = "home", _("Home (recorded domicile)")
        OFFICE = "office", _("Another office of the agency")
        APPROVED_PLACE = "approved_place", _("A place approved beforehand")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        PARTLY = "partly", _("Partly approved")
        REJECTED = "rejected", _("Rejected")
        RETURNED = "returned", _("Returned for changes")
        REFUSED = "refused", _("Refused by the rules")
        CANCELLED = "cancelled", _("Cancelled")

    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="wfa_requests", verbose_name=_("employee")
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.REGULAR)
    location_type = models.CharField(
        _("place"), max_length=16, choices=Location.choices, default=Location.HOME
    )
    office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("office"),
    )
    place = models.ForeignKey(
        WfaPlace,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("approved place"),
    )
    desa = models.ForeignKey(
        Desa,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("desa/kelurahan of the place"),
    )
    reason = models.TextField(_("reason"), blank=True)
    evidence = models.FileField(_("evidence"), upload_to="evidence/requests/%Y/%m/", blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    evidence_sha256 = models.CharField(max_length=64, blank=True)
    # Dinas luar: the surat tugas (number, date and the signed file, kept with its SHA-256).
    # Without one, a dinas luar day counts towards the weekly maximum.
    duty_letter_number = models.CharField(_("surat tugas number"), max_length=100, blank=True)
    duty_letter_date = models.DateField(_("surat tugas date"), null=True, blank=True)
    duty_letter = models.FileField(
        _("surat tugas"), upload_to="evidence/surat-tugas/%Y/%m/", blank=True
    )
    duty_letter_sha256 = models.CharField(max_length=64, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    policy_version = models.ForeignKey(
        PolicyVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    revises = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revision",
        verbose_name=_("revises"),
        help_text=_("The returned request this one was sent again for (at most one revision)."),
    )

    class Meta:
        verbose_name = _("WFA request")
        verbose_name_plural = _("WFA requests")
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["employee", "-submitted_at"], name="request_employee_idx"),
            models.Index(fields=["status"], name="request_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(location_type="office") & Q(office__isnull=False))
                | (Q(location_type="approved_place") & Q(place__isnull=False))
                | Q(location_type="home"),
                name="request_location_given",
            ),
            models.CheckConstraint(
                condition=(
                    Q(duty_letter_number="")
                    & Q(duty_letter_date__isnull=True)
                    & Q(duty_letter_sha256="")
                )
                | (
                    Q(kind="official_duty")
                    & ~Q(duty_letter_number="")
                    & Q(duty_letter_date__isnull=False)
                    & ~Q(duty_letter_sha256="")
                ),
                name="request_duty_letter_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.employee.name}"


class RequestDay(models.Model):
    """One requested day. At most one pending or approved day per person and date."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        REFUSED = "refused", _("Refused by the rules")
        RETURNED = "returned", _("Returned")
        CANCELLED = "cancelled", _("Cancelled")
        RECALLED = "recalled", _("Recalled")

    request = models.ForeignKey(WfaRequest, on_delete=models.CASCADE, related_name="days")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="wfa_days")
    day = models.DateField(_("day"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    trace = models.JSONField(_("rule trace"), default=list)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("WFA day")
        verbose_name_plural = _("WFA days")
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "day"],
                condition=Q(status__in=ACTIVE_DAY_STATUSES),
                name="request_day_one_active_per_person",
            ),
        ]
        indexes = [
            models.Index(fields=["day", "status"], name="request_day_day_status_idx"),
            models.Index(fields=["employee", "day"], name="request_day_employee_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.day} {self.status}"


class WorkPlanItem(models.Model):
    """A planned output with a measurable target: what, how many, by when. The output
    supervision links it to the SKP and collects the result."""

    request = models.ForeignKey(WfaRequest, on_delete=models.CASCADE, related_name="plan_items")
    order = models.PositiveSmallIntegerField(default=1)
    description = models.CharField(_("planned output"), max_length=255)
    quantity = models.DecimalField(_("target quantity"), max_digits=8, decimal_places=2)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=40)
    due_date = models.DateField(_("by when"))

    class Meta:
        verbose_name = _("planned output")
        verbose_name_plural = _("planned outputs")
        ordering = ["request", "order"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="plan_item_quantity_positive"),
        ]

    def __str__(self) -> str:
        return self.description


class ApprovalRule(models.Model):
    """The approval route as data: for whom (staff, head of a sub-unit, head of a perangkat
    daerah), which approver in which order."""

    class AppliesTo(models.TextChoices):
        STAFF = "staff", _("Staff")
        SUBUNIT_HEAD = "subunit_head", _("Head of a sub-unit")
        PD_HEAD = "pd_head", _("Head of a perangkat daerah")

    class Resolver(models.TextChoices):
        UNIT_HEAD = "unit_head", _("Head of the employee's unit")
        PARENT_HEAD = "parent_head", _("Head of the unit above")
        SEKDA = "sekda", _("The Sekda")

    applies_to = models.CharField(_("applies to"), max_length=16, choices=AppliesTo.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    resolver = models.CharField(_("approver"), max_length=16, choices=Resolver.choices)

    class Meta:
        verbose_name = _("approval rule")
        verbose_name_plural = _("approval rules")
        ordering = ["applies_to", "order"]
        constraints = [
            models.UniqueConstraint(fields=["applies_to", "order"], name="approval_rule_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.applies_to} #{self.order}: {self.resolver}"


class ApprovalStep(models.Model):
    """One approver's turn on a request. Escalation closes a step and opens the next level."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        RETURNED = "returned", _("Returned")
        ESCALATED = "escalated", _("Escalated")
        CLOSED = "closed", _("Closed")

    request = models.ForeignKey(WfaRequest, on_delete=models.CASCADE, related_name="steps")
    level = models.PositiveSmallIntegerField(default=1)
    approver = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="+", verbose_name=_("approver")
    )
    via_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("as head of")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    due_at = models.DateTimeField(_("due"))
    acted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acted_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("approval step")
        verbose_name_plural = _("approval steps")
        ordering = ["request", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["request"], condition=Q(status="pending"), name="approval_one_pending_step"
            ),
        ]
        indexes = [
            models.Index(fields=["approver", "status"], name="approval_inbox_idx"),
            models.Index(fields=["status", "due_at"], name="approval_due_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.request_id} L{self.level} {self.status}"


class Absence(models.Model):
    """Leave, sickness or official travel: the person is neither on site nor on WFA."""

    class Kind(models.TextChoices):
        LEAVE = "leave", _("Leave (cuti)")
        SICK = "sick", _("Sick")
        OFFICIAL_TRAVEL = "official_travel", _("Official travel (dinas luar)")
        OTHER = "other", _("Other")

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="absences")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    start = models.DateField(_("from"))
    end = models.DateField(_("until"))
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("absence")
        verbose_name_plural = _("absences")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="absence_dates_ordered"
            ),
        ]
        indexes = [models.Index(fields=["start", "end"], name="absence_period_idx")]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.kind} {self.start}–{self.end}"


class StaffingLock(models.Model):
    """One row per unit and day, locked while a decision about that unit-day is made, so that
    two approvals can never both take the last place (quota or minimum on site)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "day"], name="staffing_lock_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.day}"


class CalendarFeed(models.Model):
    """The secret address of a person's iCalendar feed (revocable by making a new one)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=43, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"feed of {self.user_id}"
