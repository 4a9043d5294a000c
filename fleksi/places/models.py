"""Reference places: the kecamatan and desa/kelurahan of the regency.

Codes follow the national region codes (Kemendagri): ``64.02.05`` is a kecamatan of
Kutai Kartanegara, ``64.02.05.2001`` a desa in it (``1xxx`` kelurahan, ``2xxx`` desa).

Capability C4 adds the connectivity of each desa: a surveyed :class:`ConnectivityProfile`
(kept by Diskominfo) and the :class:`ConnectivityMeasurement` rows that check-ins bring.
The readiness rules are in ``fleksi.places.domain.readiness``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kecamatan(models.Model):
    code = models.CharField(_("code"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=100)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        verbose_name = _("kecamatan")
        verbose_name_plural = _("kecamatan")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90),
                name="kecamatan_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="kecamatan_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Desa(models.Model):
    class Kind(models.TextChoices):
        DESA = "desa", _("Desa")
        KELURAHAN = "kelurahan", _("Kelurahan")

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.DESA)
    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.PROTECT, related_name="desa_set", verbose_name=_("kecamatan")
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        verbose_name = _("desa/kelurahan")
        verbose_name_plural = _("desa/kelurahan")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90),
                name="desa_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="desa_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"


class NetworkLevel(models.TextChoices):
    """The connectivity levels as Kukar has them (3G is gone; decision in migration 0003 and
    ``docs/places-readiness.md``). They are the values of the policy's ``min_connectivity``;
    which one is better is the policy's points (``readiness_points_<level>``)."""

    NONE = "none", _("No signal")
    G2 = "2g", "2G"
    G4 = "4g", "4G"
    RADIO_LINK = "radio_link", _("Radio link")
    VSAT = "vsat", _("VSAT/satellite")
    FIBRE = "fibre", _("Fibre optic")


class ConnectivityProfile(models.Model):
    """What a survey found in one desa/kelurahan. The person who last changed it is kept as
    an account id and name (places know no accounts; the audit trail has the full story)."""

    desa = models.OneToOneField(
        Desa,
        on_delete=models.CASCADE,
        related_name="connectivity",
        verbose_name=_("desa/kelurahan"),
    )
    best_network = models.CharField(
        _("best network available"), max_length=10, choices=NetworkLevel.choices
    )
    electricity_24h = models.BooleanField(_("electricity 24 hours a day"))
    blank_spot = models.BooleanField(
        _("blank spot"), help_text=_("Part of the village has no mobile signal at all.")
    )
    source = models.CharField(_("source of the data"), max_length=200)
    surveyed_on = models.DateField(_("date of the data"))
    updated_at = models.DateTimeField(_("updated at"))
    updated_by_id = models.BigIntegerField(_("updated by (account id)"), null=True, blank=True)
    updated_by_label = models.CharField(_("updated by"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("connectivity profile")
        verbose_name_plural = _("connectivity profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(best_network__in=NetworkLevel.values),
                name="connectivity_profile_network_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(source=""), name="connectivity_profile_source_required"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.desa_id}: {self.best_network}"

    if TYPE_CHECKING:
        desa_id: int


class EffectiveType(models.TextChoices):
    """As the browser's Network Information API reports it ("" when it does not)."""

    UNKNOWN = "", _("not reported")
    SLOW_2G = "slow-2g", "slow-2g"
    G2 = "2g", "2g"
    G3 = "3g", "3g"
    G4 = "4g", "4g"


class MeasuredLevel(models.TextChoices):
    """The level one measurement is read as (``fleksi.places.domain.connectivity``): the
    browser's "slow-2g", "2g" and "3g" speed classes all count as 2G."""

    G2 = "2g", "2G"
    G4 = "4g", "4G"


class ConnectivityMeasurement(models.Model):
    """What one check-in's browser could tell about the network, in a desa.

    ``level`` is derived when the row is written (``fleksi.places.domain.connectivity``):
    the aggregation counts levels instead of re-reading every number. Rows are never
    changed; ``reference`` (for example the check-in id) makes a replayed offline check-in
    add nothing twice.
    """

    desa = models.ForeignKey(
        Desa,
        on_delete=models.CASCADE,
        related_name="measurements",
        verbose_name=_("desa/kelurahan"),
    )
    measured_at = models.DateTimeField(_("measured at"))
    effective_type = models.CharField(
        _("effective type"),
        max_length=8,
        choices=EffectiveType.choices,
        blank=True,
        default="",
    )
    rtt_ms = models.PositiveIntegerField(_("round-trip time (ms)"), null=True, blank=True)
    downlink_mbps = models.FloatField(_("downlink (Mbit/s)"), null=True, blank=True)
    server_latency_ms = models.PositiveIntegerField(
        _("time to reach the server (ms)"), null=True, blank=True
    )
    level = models.CharField(_("measured level"), max_length=4, choices=MeasuredLevel.choices)
    source = models.CharField(_("source"), max_length=16, default="checkin")
    # NULL (not ""): rows without a reference stay outside the partial unique constraint.
    reference = models.CharField(  # noqa: DJ001
        _("reference"), max_length=64, null=True, blank=True
    )

    class Meta:
        verbose_name = _("connectivity measurement")
        verbose_name_plural = _("connectivity measurements")
        indexes = [
            models.Index(fields=["desa", "measured_at"], name="measurement_desa_at_idx"),
            models.Index(fields=["measured_at"], name="measurement_at_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(effective_type__in=EffectiveType.values),
                name="measurement_effective_type_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(level__in=MeasuredLevel.values), name="measurement_level_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(downlink_mbps__isnull=True) | models.Q(downlink_mbps__gte=0),
                name="measurement_downlink_not_negative",
            ),
            models.UniqueConstraint(
                fields=["source", "reference"],
                condition=models.Q(reference__isnull=False),
                name="measurement_reference_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.desa_id} {self.measured_at:%Y-%m-%d %H:%M} {self.level}"

    if TYPE_CHECKING:
        desa_id: int
