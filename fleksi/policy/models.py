"""The policy (Perbup) as versioned data, and the working calendar."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Unit
from fleksi.policy.domain.legal import Stage, Step


class PolicyVersion(models.Model):
    """One version of the regency's flexible-work regulation.

    Drafts are edited; a published version is never changed again (a newer version
    supersedes it). Published versions' periods never overlap, so exactly one version is in
    force on any date covered.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Promulgated")
        SUPERSEDED = "superseded", _("Superseded")

    class Kind(models.TextChoices):
        ORIGINAL = "original", _("Regulation")
        AMENDMENT = "amendment", _("Amendment")
        REVOCATION = "revocation", _("Revocation")

    class LegalStage(models.TextChoices):
        DRAFTING = Stage.DRAFTING.value, _("Being drafted")
        HARMONISATION = Stage.HARMONISATION.value, _("In harmonisation (Bagian Hukum)")
        CLEARED = Stage.CLEARED.value, _("Harmonised, awaiting the Sekda's initials")
        INITIALLED = Stage.INITIALLED.value, _("Initialled by the Sekda, awaiting the Bupati")
        ENACTED = Stage.ENACTED.value, _("Enacted (ditetapkan), awaiting promulgation")
        PROMULGATED = Stage.PROMULGATED.value, _("Promulgated (diundangkan)")

    regulation_number = models.CharField(_("regulation number"), max_length=120)
    title = models.CharField(_("title"), max_length=255)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(_("in force until"), null=True, blank=True)
    params = models.JSONField(_("parameters"), default=dict)
    notes = models.TextField(_("notes"), blank=True)
    based_on = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("based on"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # The legal path (decision 0025): the stage reached, the Bupati's number and date
    # (ditetapkan), the Sekda's Berita Daerah number and year (diundangkan).
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.ORIGINAL)
    revokes = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revokes"),
    )
    stage = models.CharField(
        _("legal stage"), max_length=14, choices=LegalStage.choices, default=Stage.DRAFTING.value
    )
    harmonisation_round = models.PositiveSmallIntegerField(_("harmonisation round"), default=0)
    enacted_number = models.CharField(_("Perbup number"), max_length=8, blank=True)
    enacted_on = models.DateField(_("enacted on"), null=True, blank=True)
    enacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("enacted by"),
    )
    gazette_number = models.CharField(_("Berita Daerah number"), max_length=8, blank=True)
    gazette_year = models.PositiveSmallIntegerField(_("Berita Daerah year"), null=True, blank=True)
    promulgated_on = models.DateField(_("promulgated on"), null=True, blank=True)
    promulgated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("promulgated by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        ordering = ["-effective_from", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["status"],
                condition=Q(status="published"),
                name="policy_one_published_version",
            ),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True)
                | Q(effective_to__gte=models.F("effective_from")),
                name="policy_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | (Q(approver__isnull=False) & Q(published_at__isnull=False)),
                name="policy_published_has_approver",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(stage=Stage.PROMULGATED.value),
                name="policy_in_force_is_promulgated",
            ),
            models.UniqueConstraint(
                "enacted_number",
                ExtractYear("enacted_on"),
                condition=Q(enacted_on__isnull=False),
                name="policy_enacted_number_unique",
            ),
            models.UniqueConstraint(
                fields=["gazette_year", "gazette_number"],
                condition=Q(gazette_year__isnull=False),
                name="policy_gazette_number_unique",
            ),
        ]
        indexes = [models.Index(fields=["status", "effective_from"], name="policy_status_from_idx")]

    def __str__(self) -> str:
        return f"{self.regulation_number} ({self.get_status_display()})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Guard against editing a published text by accident; services change only the
        # status fields of a published version (update_fields names them).
        if self.pk is not None and not self.is_draft:
            allowed = {"status", "effective_to", "updated_at"}
            fields = kwargs.get("update_fields")
            if fields is None or not set(fields) <= allowed:
                stored = (
                    PolicyVersion.objects.filter(pk=self.pk)
                    .values_list("status", flat=True)
                    .first()
                )
                if stored != self.Status.DRAFT:
                    raise TypeError("a published policy version cannot be edited")
        super().save(*args, **kwargs)

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_editable(self) -> bool:
        """Its text may change: a draft with the drafters (not in harmonisation or later)."""
        return self.is_draft and self.stage == Stage.DRAFTING

    @property
    def is_revocation(self) -> bool:
        return self.kind == self.Kind.REVOCATION


class LegalStep(models.Model):
    """One step of a version's legal path, for its timeline (the audit trail holds it too)."""

    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="legal_steps")
    step = models.CharField(_("step"), max_length=12, choices=[(s.value, s.value) for s in Step])
    round = models.PositiveSmallIntegerField(_("harmonisation round"), default=0)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("at"))
    note = models.TextField(_("note"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("legal step")
        verbose_name_plural = _("legal steps")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.version_id} {self.step}"


class HarmonisationNote(models.Model):
    """A comment of the Bagian Hukum on a draft: on the whole, one parameter or one
    article, in one round of harmonisation."""

    version = models.ForeignKey(
        PolicyVersion, on_delete=models.CASCADE, related_name="harmonisation_notes"
    )
    round = models.PositiveSmallIntegerField(_("harmonisation round"))
    target = models.CharField(_("about"), max_length=60, blank=True)
    text = models.TextField(_("comment"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("harmonisation comment")
        verbose_name_plural = _("harmonisation comments")
        ordering = ["round", "id"]

    def __str__(self) -> str:
        return f"{self.version_id} #{self.round} {self.target}"


class SignedDocument(models.Model):
    """The signed PDF of an enacted version (from SRIKANDI, BSrE e-signature), kept with
    its SHA-256. A later upload replaces it on the page; the earlier ones stay."""

    version = models.ForeignKey(
        PolicyVersion, on_delete=models.PROTECT, related_name="signed_documents"
    )
    file = models.FileField(_("file"), upload_to="policy/signed/%Y/")
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"))

    class Meta:
        verbose_name = _("signed document")
        verbose_name_plural = _("signed documents")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.sha256[:12]})"


class UnitOverride(models.Model):
    """A per-unit value of a version: the share off-site and the minimum on site."""

    version = models.ForeignKey(
        PolicyVersion,
        on_delete=models.CASCADE,
        related_name="unit_overrides",
        verbose_name=_("version"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    max_offsite_share = models.DecimalField(
        _("maximum share off-site"), max_digits=5, decimal_places=4, null=True, blank=True
    )
    min_onsite_staff = models.PositiveIntegerField(_("minimum on site"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("unit override")
        verbose_name_plural = _("unit overrides")
        constraints = [
            models.UniqueConstraint(fields=["version", "unit"], name="policy_override_unique"),
            models.CheckConstraint(
                condition=Q(max_offsite_share__isnull=True)
                | (Q(max_offsite_share__gte=0) & Q(max_offsite_share__lte=1)),
                name="policy_override_share_range",
            ),
            models.CheckConstraint(
                condition=Q(max_offsite_share__isnull=False) | Q(min_onsite_staff__isnull=False),
                name="policy_override_not_empty",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.max_offsite_share} / {self.min_onsite_staff}"


class RoleMinimum(models.Model):
    """A minimum on site for one role in a unit (e.g. counter officers of a service section)."""

    version = models.ForeignKey(
        PolicyVersion,
        on_delete=models.CASCADE,
        related_name="role_minimums",
        verbose_name=_("version"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    role = models.SlugField(_("service role"), max_length=30)
    min_onsite = models.PositiveIntegerField(_("minimum on site"))

    class Meta:
        verbose_name = _("role minimum")
        verbose_name_plural = _("role minimums")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "unit", "role"], name="policy_role_minimum_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.role} ≥ {self.min_onsite}"


class CalendarOverride(models.Model):
    """A local change to the national calendar: an extra holiday, or a day worked."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Holiday (no work)")
        WORKING_DAY = "working_day", _("Working day")

    day = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day}: {self.name}"


class RamadanPeriod(models.Model):
    """Ramadan: shorter working hours (Perpres 21/2023 Pasal 4)."""

    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))

    class Meta:
        verbose_name = _("Ramadan period")
        verbose_name_plural = _("Ramadan periods")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="ramadan_period_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start} – {self.end}"


class NationalWfaWindow(models.Model):
    """An ad-hoc national WFA window (e.g. SE MenPANRB 2/2025) that the regency accepts or
    declines."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Not decided")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    name = models.CharField(_("name"), max_length=200)
    reference = models.CharField(_("reference"), max_length=200)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("national WFA window")
        verbose_name_plural = _("national WFA windows")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="wfa_window_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PolicyGeneration(models.Model):
    """One row whose token changes (by database triggers) whenever any policy table changes:
    versions, unit values, role minimums, calendar overrides, Ramadan periods, national WFA
    windows. Readers cache what depends only on the policy under the token they read, so a
    change made by any process, bulk update or raw SQL is seen at once (see
    ``fleksi.policy.selectors.on_policy``)."""

    token = models.BigIntegerField(_("token"))

    class Meta:
        verbose_name = _("policy generation")
        verbose_name_plural = _("policy generations")

    def __str__(self) -> str:
        return str(self.token)
