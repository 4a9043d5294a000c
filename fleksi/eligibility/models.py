from __future__ import annotations

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
