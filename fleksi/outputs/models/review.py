"""Performance dialogue, the monthly rating, and the record of each monthly revocation
check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Employee

LEVEL_CHOICES = [
    ("above", _("Above expectation")),
    ("as", _("As expected")),
    ("below", _("Below expectation")),
]
PREDIKAT_CHOICES = [
    ("sangat_baik", _("Sangat Baik")),
    ("baik", _("Baik")),
    ("butuh_perbaikan", _("Butuh Perbaikan")),
    ("kurang", _("Kurang/Misconduct")),
    ("sangat_kurang", _("Sangat Kurang")),
]


class DialogueNote(models.Model):
    """A note of the performance dialogue between an employee and their supervisor."""

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="dialogue_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("month"))
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dialogue note")
        verbose_name_plural = _("dialogue notes")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["employee", "month"], name="dialogue_employee_idx")]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.month}"


class MonthlyRating(models.Model):
    """The supervisor's monthly rating: the suggested work-results level with the numbers it
    came from, the behaviour level entered (overall, with optional notes per BerAKHLAK
    value), the predikat of the quadrant and the final one (a change needs a reason)."""

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="ratings")
    month = models.DateField(_("month"))
    results_suggested = models.CharField(
        _("suggested work results"), max_length=6, choices=LEVEL_CHOICES, blank=True
    )
    results = models.CharField(_("work results"), max_length=6, choices=LEVEL_CHOICES)
    basis = models.JSONField(_("how the suggestion was reached"), default=dict)
    behaviour = models.CharField(_("work behaviour"), max_length=6, choices=LEVEL_CHOICES)
    behaviour_notes = models.JSONField(_("notes per BerAKHLAK value"), default=dict, blank=True)
    predikat_suggested = models.CharField(max_length=16, choices=PREDIKAT_CHOICES)
    predikat = models.CharField(_("predikat"), max_length=16, choices=PREDIKAT_CHOICES)
    changed_reason = models.TextField(_("reason for the change"), blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    rated_at = models.DateTimeField(_("rated at"))

    class Meta:
        verbose_name = _("monthly rating")
        verbose_name_plural = _("monthly ratings")
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(fields=["employee", "month"], name="rating_one_per_month"),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.month}: {self.predikat}"

    if TYPE_CHECKING:
        employee_id: int


class RevocationNotice(models.Model):
    """One run of the mid-month notice: the people at risk of a WFA suspension are warned
    once a month, with their figures so far, before the monthly check decides."""

    month = models.DateField(unique=True)
    ran_at = models.DateTimeField()
    checked = models.PositiveIntegerField(default=0)
    warned = models.PositiveIntegerField(default=0)
    params = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("revocation notice")
        verbose_name_plural = _("revocation notices")
        ordering = ["-month"]

    def __str__(self) -> str:
        return f"{self.month}: {self.warned}/{self.checked}"


class RevocationCheck(models.Model):
    """One run of the monthly revocation check: the month is decided once."""

    month = models.DateField(unique=True)
    ran_at = models.DateTimeField()
    checked = models.PositiveIntegerField(default=0)
    suspended = models.PositiveIntegerField(default=0)
    params = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("revocation check")
        verbose_name_plural = _("revocation checks")
        ordering = ["-month"]

    def __str__(self) -> str:
        return f"{self.month}: {self.suspended}/{self.checked}"
