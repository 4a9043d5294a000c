"""The safeguard's alerts: a service whose recent figures are worse than before WFA."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fleksi.policy.models import PolicyVersion
from fleksi.servicelevel.domain.safeguard import METRICS
from fleksi.servicelevel.models.catalogue import PublicService

ACTIVE_STATUSES = ("open", "acknowledged", "turned_into_draft")


class SafeguardAlert(models.Model):
    """One metric of one service that degraded beyond the policy's threshold. At most one
    alert per service and metric is active (open, acknowledged or turned into a draft); once
    it is closed, a later check may raise a new one."""

    class Metric(models.TextChoices):
        PROCESSING_TIME = "processing_time", _("Processing time")
        PROCESSING_COMPLIANCE = "processing_compliance", _("Days within the standard")
        COMPLETION_RATE = "completion_rate", _("Completion rate")
        WAITING_TIME = "waiting_time", _("Waiting time")
        COMPLAINT_RATE = "complaint_rate", _("Complaints per 1,000 requests")
        IKM = "ikm", _("IKM")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        TURNED_INTO_DRAFT = "turned_into_draft", _("Turned into a draft policy change")
        CLOSED = "closed", _("Closed")

    service = models.ForeignKey(
        PublicService, on_delete=models.PROTECT, related_name="alerts", verbose_name=_("service")
    )
    metric = models.CharField(_("measure"), max_length=24, choices=Metric.choices)
    baseline_value = models.DecimalField(_("before WFA"), max_digits=14, decimal_places=4)
    recent_value = models.DecimalField(_("recently"), max_digits=14, decimal_places=4)
    change_pct = models.DecimalField(_("worse by (%)"), max_digits=10, decimal_places=2)
    threshold_pct = models.PositiveIntegerField(_("threshold (%)"))
    baseline_start = models.DateField(_("baseline from"))
    baseline_end = models.DateField(_("baseline until"))
    recent_start = models.DateField(_("recent window from"))
    recent_end = models.DateField(_("recent window until"))
    fired_on = models.DateField(_("checked on"))
    fired_at = models.DateTimeField(_("raised at"))
    policy_version = models.ForeignKey(
        PolicyVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("policy version of the thresholds"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    draft_version = models.ForeignKey(
        PolicyVersion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("draft policy change"),
    )
    trace = models.JSONField(_("trace"), default=dict)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last handled by"),
    )
    handled_at = models.DateTimeField(_("last handled at"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("safeguard alert")
        verbose_name_plural = _("safeguard alerts")
        ordering = ["-fired_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "metric"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="servicelevel_one_active_alert",
            ),
            models.CheckConstraint(
                condition=Q(metric__in=list(METRICS)), name="servicelevel_alert_metric_known"
            ),
            models.CheckConstraint(
                condition=Q(recent_end__gte=models.F("recent_start"))
                & Q(baseline_end__gte=models.F("baseline_start")),
                name="servicelevel_alert_windows_ordered",
            ),
        ]
        indexes = [models.Index(fields=["status", "fired_at"], name="servicelevel_alert_st_idx")]

    def __str__(self) -> str:
        return f"{self.service_id} {self.metric} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    if TYPE_CHECKING:
        service_id: int
        draft_version_id: int | None
