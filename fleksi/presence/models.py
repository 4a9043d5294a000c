"""Check-ins and check-outs (C7), the manual fallback, and offline copies that came too late.

A check-in is a **record**, not an audited change. It is written once by the person it is
about, never edited by anyone (the retention job only blanks its coordinates), carries its own
decision (policy version, trace) and arrives by the thousand every minute at 07:30. The audit
trail is one hash chain per perangkat daerah: one entry per check-in would put every check-in
of a unit behind the lock of that chain's head and double the writes of the hottest path.
What people decide about presence — a manual check-in asked for, approved or rejected — is
audited as usual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Employee
from fleksi.policy.models import PolicyVersion


class Mode(models.TextChoices):
    ONSITE = "onsite", _("On site (office)")
    WFA_HOME = "wfa_home", _("WFA from home")
    WFA_OTHER = "wfa_other", _("WFA from another place")
    OFFICIAL_DUTY = "official_duty", _("Official duty outside the office")
    LEAVE = "leave", _("Leave")
    SICK = "sick", _("Sick")


class Kind(models.TextChoices):
    IN = "in", _("In")
    OUT = "out", _("Out")


class TimeProof(models.TextChoices):
    SERVER = "server", _("timed by the server")
    PROVEN = "proven", _("offline, time proven")
    OUTSIDE = "outside", _("offline, claimed time outside the evidence")
    UNPROVEN = "unproven", _("offline, time without evidence")


class Checkin(models.Model):
    class Source(models.TextChoices):
        ONLINE = "online", _("Sent at once")
        OFFLINE_SYNC = "offline_sync", _("Kept offline, sent later")
        MANUAL = "manual", _("Manual (approved by the supervisor)")
        READER = "reader", _("Office attendance reader")

    class Outcome(models.TextChoices):
        PASS = "pass", _("In order")
        WARN = "warn", _("To look at")
        FAIL = "fail", _("Rule not met")

    # No index of its own: the unique (employee, day, slot) and (employee, time) lead with it.
    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="checkins",
        verbose_name=_("employee"),
        db_index=False,
    )
    day = models.DateField(_("day"))
    slot = models.PositiveSmallIntegerField(_("slot"))
    kind = models.CharField(_("in/out"), max_length=3, choices=Kind.choices)
    mode = models.CharField(_("mode"), max_length=16, choices=Mode.choices)
    checked_at = models.DateTimeField(_("time"))
    device_time = models.DateTimeField(_("device time"), null=True, blank=True)
    server_received_at = models.DateTimeField(_("received at"))
    clock_offset_s = models.IntegerField(_("device clock error (s)"), null=True, blank=True)
    synced_late = models.BooleanField(_("synced late"), default=False)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    accuracy_m = models.FloatField(_("accuracy (m)"), null=True, blank=True)
    position_removed_at = models.DateTimeField(_("position removed at"), null=True, blank=True)
    idempotency_key = models.UUIDField(_("idempotency key"), unique=True)
    policy_version = models.ForeignKey(
        PolicyVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=4, choices=Outcome.choices)
    flags = models.JSONField(_("flags"), default=list, blank=True)
    flagged = models.BooleanField(_("flagged"), default=False)
    counted = models.BooleanField(_("counts as presence"), default=True)
    late_minutes = models.PositiveSmallIntegerField(_("minutes late"), default=0)
    early_minutes = models.PositiveSmallIntegerField(_("minutes early"), default=0)
    trace = models.JSONField(_("rule trace"), default=list)
    manual = models.BooleanField(_("manual"), default=False)
    source = models.CharField(_("source"), max_length=12, choices=Source.choices)
    # How the time was established (domain/timing.py): by the server (online), proven by the
    # phone's evidence (offline), or not: outside the evidence's bound, or without evidence.
    time_proof = models.CharField(
        _("time evidence"), max_length=8, choices=TimeProof.choices, default=TimeProof.SERVER
    )

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["-checked_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "day", "slot"], name="checkin_one_per_slot"
            ),
            models.CheckConstraint(
                condition=Q(slot__gte=1, slot__lte=4), name="checkin_slot_range"
            ),
            models.CheckConstraint(
                condition=(Q(slot__in=[1, 3]) & Q(kind="in"))
                | (Q(slot__in=[2, 4]) & Q(kind="out")),
                name="checkin_kind_matches_slot",
            ),
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (
                    Q(latitude__gte=-90, latitude__lte=90)
                    & Q(longitude__gte=-180, longitude__lte=180)
                ),
                name="checkin_position_whole",
            ),
            models.CheckConstraint(
                condition=Q(manual=False) | Q(source="manual"), name="checkin_manual_source"
            ),
        ]
        indexes = [
            # The monthly recap: every check-in of a period (then per employee and day).
            models.Index(fields=["day", "employee"], name="checkin_day_employee_idx"),
            # The previous check-in of a person (travel speed).
            models.Index(fields=["employee", "checked_at"], name="checkin_employee_at_idx"),
            # The retention job: positions still kept, oldest first.
            models.Index(
                fields=["checked_at"],
                condition=Q(latitude__isnull=False),
                name="checkin_position_kept_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.day} #{self.slot}"

    if TYPE_CHECKING:
        employee_id: int
        policy_version_id: int | None


class RefusedCheckin(models.Model):
    """An offline copy that arrived after the policy's sync window: refused, but counted (once
    per idempotency key), so the employee and the supervisor can see it and use the manual
    fallback. No position is kept: no rule needs it."""

    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="+", verbose_name=_("employee")
    )
    idempotency_key = models.UUIDField(_("idempotency key"), unique=True)
    day = models.DateField(_("day"))
    slot = models.PositiveSmallIntegerField(_("slot"))
    device_time = models.DateTimeField(_("device time"))
    received_at = models.DateTimeField(_("received at"))
    reason = models.CharField(_("reason"), max_length=20, default="sync_window")

    class Meta:
        verbose_name = _("refused check-in")
        verbose_name_plural = _("refused check-ins")
        indexes = [models.Index(fields=["day", "employee"], name="refused_day_employee_idx")]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.day} #{self.slot} ({self.reason})"


class ManualCheckinRequest(models.Model):
    """Where even the offline check-in failed: the employee asks, the direct supervisor
    approves (which writes a manual check-in) or rejects."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the supervisor")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="manual_checkin_requests",
        verbose_name=_("employee"),
    )
    day = models.DateField(_("day"))
    slot = models.PositiveSmallIntegerField(_("slot"))
    mode = models.CharField(_("mode"), max_length=16, choices=Mode.choices)
    time = models.TimeField(_("time (WITA)"))
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.CharField(_("note"), max_length=255, blank=True)
    checkin = models.OneToOneField(
        Checkin,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="manual_request",
        verbose_name=_("check-in"),
    )

    class Meta:
        verbose_name = _("manual check-in request")
        verbose_name_plural = _("manual check-in requests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "day", "slot"],
                condition=Q(status="pending"),
                name="manual_one_pending_per_slot",
            ),
            models.CheckConstraint(condition=Q(slot__gte=1, slot__lte=4), name="manual_slot_range"),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(decided_at__isnull=False),
                name="manual_decided_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["employee", "status"], name="manual_employee_status_idx"),
            models.Index(fields=["status", "day"], name="manual_status_day_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.day} #{self.slot} {self.status}"

    if TYPE_CHECKING:
        employee_id: int
        checkin_id: int | None


class ReaderUser(models.Model):
    """Who a user id of an office attendance reader is: the reader (its serial number or
    name; "" for a user id that means the same person on every reader) and the id enrolled
    on it, mapped to an employee. Imported from a file with NIPs (``import_reader_users``)."""

    device = models.CharField(_("attendance reader"), max_length=40, blank=True)
    user_id = models.CharField(_("reader user id"), max_length=20)
    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="reader_ids", verbose_name=_("employee")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("reader user")
        verbose_name_plural = _("reader users")
        constraints = [
            models.UniqueConstraint(fields=["device", "user_id"], name="reader_user_unique"),
            models.CheckConstraint(condition=~Q(user_id=""), name="reader_user_id_given"),
        ]

    def __str__(self) -> str:
        return f"{self.device or '*'}:{self.user_id}"

    if TYPE_CHECKING:
        employee_id: int
