"""Documents generated from the data (the Perbup draft, the comparison of two versions, …),
each kept as a file with its SHA-256, who asked for it and when."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fleksi.policy.models import PolicyVersion


class GeneratedDocument(models.Model):
    class Kind(models.TextChoices):
        PERBUP_DRAFT = "perbup_draft", _("Draft Perbup")
        PERBUP_DIFF = "perbup_diff", _("Comparison of two Perbup versions")
        APPLICATION_FORM = "application_form", _("WFA application form")
        KEPUTUSAN = "keputusan", _("Unit head's decision on flexible work")
        MONITORING = "monitoring_report", _("Monitoring report (Pasal 35)")

    class Format(models.TextChoices):
        DOCX = "docx", "DOCX"
        PDF = "pdf", "PDF"

    class Paper(models.TextChoices):
        A4 = "a4", "A4"
        F4 = "f4", _("F4 (215 × 330 mm)")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    fmt = models.CharField(_("format"), max_length=4, choices=Format.choices)
    paper = models.CharField(_("paper"), max_length=2, choices=Paper.choices)
    # What the document is about: a policy version (and, for a comparison, the older one).
    version = models.ForeignKey(
        PolicyVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("policy version"),
    )
    base_version = models.ForeignKey(
        PolicyVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("compared with"),
    )
    # An employee's WFA request (the application form).
    request = models.ForeignKey(
        "schedule.WfaRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("WFA request"),
    )
    # A unit and a period (the unit head's keputusan).
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
    )
    period_start = models.DateField(_("from"), null=True, blank=True)
    period_end = models.DateField(_("until"), null=True, blank=True)
    subject = models.CharField(_("subject"), max_length=255)
    file = models.FileField(_("file"), upload_to="documents/%Y/", max_length=255)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("generated document")
        verbose_name_plural = _("generated documents")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind__in=["perbup_draft", "perbup_diff"]) | Q(version__isnull=False),
                name="documents_perbup_has_version",
            ),
            models.CheckConstraint(
                condition=~Q(kind="perbup_diff") | Q(base_version__isnull=False),
                name="documents_diff_has_base",
            ),
            models.CheckConstraint(
                condition=~Q(kind="application_form") | Q(request__isnull=False),
                name="documents_form_has_request",
            ),
            models.CheckConstraint(
                condition=~Q(kind="keputusan")
                | (
                    Q(unit__isnull=False)
                    & Q(period_start__isnull=False)
                    & Q(period_end__gte=models.F("period_start"))
                ),
                name="documents_keputusan_has_unit_and_period",
            ),
            models.CheckConstraint(
                condition=~Q(kind="monitoring_report") | Q(period_start__isnull=False),
                name="documents_monitoring_has_period",
            ),
            models.CheckConstraint(
                condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="documents_sha256_hex"
            ),
        ]
        indexes = [models.Index(fields=["version", "kind"], name="documents_version_kind_idx")]

    def __str__(self) -> str:
        return f"{self.name} ({self.sha256[:12]})"
