"""What the public says: complaints (SP4N-LAPOR!) and satisfaction surveys (IKM)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Unit
from fleksi.servicelevel.models.catalogue import PublicService, Source


class Complaint(models.Model):
    """One complaint, keyed by its SP4N-LAPOR! tracking number. No content is stored: the
    figures need the date, category, status and resolution time only."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROCESS = "in_process", _("In process")
        RESOLVED = "resolved", _("Resolved")
        CLOSED = "closed", _("Closed")

    external_id = models.CharField(_("tracking number"), max_length=64, unique=True)
    service = models.ForeignKey(
        PublicService,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("service"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    received_on = models.DateField(_("received on"))
    category = models.CharField(_("category"), max_length=120)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    resolution_days = models.PositiveIntegerField(
        _("resolution time (days)"), null=True, blank=True
    )
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"))

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["open", "in_process", "resolved", "closed"]),
                name="servicelevel_complaint_status_known",
            ),
        ]
        indexes = [
            models.Index(fields=["service", "received_on"], name="servicelevel_compl_svc_idx"),
            models.Index(fields=["unit", "received_on"], name="servicelevel_compl_unit_idx"),
        ]

    def __str__(self) -> str:
        return self.external_id

    if TYPE_CHECKING:
        service_id: int | None
        unit_id: int


class SatisfactionSurvey(models.Model):
    """An IKM survey of a service (or of a whole unit) over a period: the 9 element averages
    (each 1–4), with the index (25–100) and grade computed when it is saved."""

    service = models.ForeignKey(
        PublicService,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="surveys",
        verbose_name=_("service"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    respondents = models.PositiveIntegerField(_("respondents"))
    u1 = models.DecimalField(_("U1 requirements"), max_digits=5, decimal_places=3)
    u2 = models.DecimalField(
        _("U2 systems, mechanisms and procedures"), max_digits=5, decimal_places=3
    )
    u3 = models.DecimalField(_("U3 completion time"), max_digits=5, decimal_places=3)
    u4 = models.DecimalField(_("U4 cost/tariff"), max_digits=5, decimal_places=3)
    u5 = models.DecimalField(_("U5 product specification"), max_digits=5, decimal_places=3)
    u6 = models.DecimalField(_("U6 staff competence"), max_digits=5, decimal_places=3)
    u7 = models.DecimalField(_("U7 staff behaviour"), max_digits=5, decimal_places=3)
    u8 = models.DecimalField(_("U8 handling of complaints"), max_digits=5, decimal_places=3)
    u9 = models.DecimalField(_("U9 facilities and infrastructure"), max_digits=5, decimal_places=3)
    index = models.DecimalField(_("IKM"), max_digits=5, decimal_places=2)
    grade = models.CharField(_("grade"), max_length=1)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    entered_at = models.DateTimeField(_("entered at"))

    ELEMENTS = ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")

    class Meta:
        verbose_name = _("satisfaction survey")
        verbose_name_plural = _("satisfaction surveys")
        ordering = ["-period_end", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "period_start", "period_end"],
                condition=Q(service__isnull=False),
                name="servicelevel_survey_service_period",
            ),
            models.UniqueConstraint(
                fields=["unit", "period_start", "period_end"],
                condition=Q(service__isnull=True),
                name="servicelevel_survey_unit_period",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="servicelevel_survey_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(respondents__gt=0), name="servicelevel_survey_respondents"
            ),
            models.CheckConstraint(
                condition=Q(index__gte=25) & Q(index__lte=100), name="servicelevel_survey_index"
            ),
            models.CheckConstraint(
                condition=Q(grade__in=["A", "B", "C", "D"]), name="servicelevel_survey_grade"
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{e}__gte": 1}) & Q(**{f"{e}__lte": 4}),
                    name=f"servicelevel_survey_{e}_range",
                )
                for e in ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")
            ),
        ]
        indexes = [
            models.Index(fields=["service", "period_end"], name="servicelevel_survey_svc_idx"),
        ]

    def __str__(self) -> str:
        return f"IKM {self.index} ({self.period_start} – {self.period_end})"

    if TYPE_CHECKING:
        service_id: int | None
        unit_id: int
