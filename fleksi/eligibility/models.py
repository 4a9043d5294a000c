from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Employee
from fleksi.policy.models import PolicyVersion


class EligibilityDecision(models.Model):
    """A stored answer to "may this person use WFA on this day?", with the version of the
    policy and the full trace of the rules that decided it (both languages)."""

    class Verdict(models.TextChoices):
        ALLOWED = "allowed", _("Allowed")
        ALLOWED_WITH_WARNINGS = "allowed_with_warnings", _("Allowed, with warnings")
        REFUSED = "refused", _("Not allowed")

    employee = models.ForeignKey(
        Employee,
        on_delete=models.CASCADE,
        related_name="eligibility_decisions",
        verbose_name=_("employee"),
    )
    day = models.DateField(_("day"))
    version = models.ForeignKey(
        PolicyVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("policy version"),
    )
    verdict = models.CharField(_("verdict"), max_length=24, choices=Verdict.choices)
    trace = models.JSONField(_("trace"), default=list)
    decided_at = models.DateTimeField(_("decided at"), auto_now=True)

    class Meta:
        verbose_name = _("eligibility decision")
        verbose_name_plural = _("eligibility decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "day", "version"], name="eligibility_decision_unique"
            ),
            models.UniqueConstraint(
                fields=["employee", "day"],
                condition=models.Q(version__isnull=True),
                name="eligibility_decision_unique_without_version",
            ),
        ]
        indexes = [models.Index(fields=["day", "verdict"], name="eligibility_day_verdict_idx")]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.day}: {self.verdict}"


class WfaSuspension(models.Model):
    """WFA withdrawn from one employee for a period, decided by the monthly output check
    (achievement below the policy's threshold, or too many unreported WFA days), with the
    values and thresholds that decided it. The eligibility rule ``suspension`` refuses every
    day from ``start`` to ``end`` until the supervisor reinstates the employee."""

    class Trigger(models.TextChoices):
        ACHIEVEMENT = "achievement", _("Achievement below the threshold")
        UNREPORTED = "unreported", _("Too many unreported WFA days")

    employee = models.ForeignKey(
        Employee,
        on_delete=models.CASCADE,
        related_name="wfa_suspensions",
        verbose_name=_("employee"),
    )
    month = models.DateField(_("month checked"), help_text=_("First day of the month."))
    start = models.DateField(_("from"))
    end = models.DateField(_("until"))
    trigger = models.CharField(_("trigger"), max_length=12, choices=Trigger.choices)
    reason = models.TextField(_("reason"))
    trace = models.JSONField(_("trace"), default=dict)
    decided_at = models.DateTimeField(_("decided at"))
    reinstated_at = models.DateTimeField(_("reinstated at"), null=True, blank=True)
    reinstated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reinstated by"),
    )
    reinstated_reason = models.TextField(_("reason for reinstatement"), blank=True)

    class Meta:
        verbose_name = _("WFA suspension")
        verbose_name_plural = _("WFA suspensions")
        ordering = ["-start", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "month"], name="wfa_suspension_one_per_month"
            ),
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="wfa_suspension_ordered"
            ),
        ]
        indexes = [
            models.Index(fields=["employee", "start", "end"], name="wfa_suspension_period_idx")
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.start}–{self.end} ({self.trigger})"

    @property
    def is_reinstated(self) -> bool:
        return self.reinstated_at is not None
