"""The readiness picture: every desa with its profile, measured evidence and score, every
kecamatan with its summary, under the minimum connectivity of the policy in force.

A handful of queries for the whole regency (kecamatan, desa with profiles, four for the
measurements); the rules are the pure ones of ``fleksi.places.domain.readiness``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from fleksi.places.domain.readiness import (
    WINDOW_DAYS,
    AreaReadiness,
    Readiness,
    Survey,
    area_readiness,
    desa_readiness,
)
from fleksi.places.models import ConnectivityProfile, Desa, Kecamatan
from fleksi.places.selectors.measurements import Evidence, measured_evidence
from fleksi.policy.domain.location import LocationFacts
from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.selectors import params_of, version_in_force


@dataclass(frozen=True)
class Rules:
    """What the picture was computed under."""

    day: date
    since: datetime  # start of the measurement window
    min_connectivity: str
    regulation_number: str  # "" when no policy is in force (the default minimum applies)
    # the readiness points of each connectivity level (the policy's readiness_points_*)
    points: Mapping[str, int] = field(default_factory=lambda: PolicyParams().network_points())


@dataclass(frozen=True)
class DesaRow:
    id: int
    code: str
    name: str
    kind: str
    kecamatan_id: int
    profile: ConnectivityProfile | None
    evidence: Evidence | None
    readiness: Readiness


@dataclass(frozen=True)
class KecamatanRow:
    id: int
    code: str
    name: str
    latitude: float | None
    longitude: float | None
    summary: AreaReadiness

    @property
    def number(self) -> str:
        """The last part of the code ("12" for 64.02.12), drawn on the map."""
        return self.code.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class Picture:
    rules: Rules
    desa: list[DesaRow]
    kecamatan: list[KecamatanRow]
    regency: AreaReadiness

    @property
    def ready_desa_ids(self) -> frozenset[int]:
        return frozenset(d.id for d in self.desa if d.readiness.ready)


def rules_on(day: date | None = None, params: PolicyParams | None = None) -> Rules:
    """The day, the window and the minimum connectivity (of ``params``, else of the policy in
    force on ``day``, else the default of the parameters)."""
    day = day or timezone.localdate()
    number = ""
    if params is None:
        version = version_in_force(day)
        params = params_of(version) if version is not None else PolicyParams()
        number = version.regulation_number if version is not None else ""
    start = datetime.combine(day - timedelta(days=WINDOW_DAYS - 1), time.min)
    since = timezone.make_aware(start, timezone.get_current_timezone())
    return Rules(day, since, params.min_connectivity, number, params.network_points())


def _survey(profile: ConnectivityProfile | None) -> Survey | None:
    if profile is None:
        return None
    return Survey(profile.best_network, profile.electricity_24h, profile.blank_spot)


def desa_rows(
    rules: Rules,
    *,
    desa_ids: Collection[int] | None = None,
    kecamatan_id: int | None = None,
    medians: bool = True,
) -> list[DesaRow]:
    """The desa (all, those of ``desa_ids`` or of one kecamatan) with their readiness;
    without ``medians`` the evidence carries counts only (see ``measured_evidence``)."""
    qs = Desa.objects.order_by("kecamatan__code", "code")
    if kecamatan_id is not None:
        qs = qs.filter(kecamatan_id=kecamatan_id)
    if desa_ids is not None:
        qs = qs.filter(pk__in=list(desa_ids))
    desa = list(qs.only("id", "code", "name", "kind", "kecamatan"))
    ids = [d.pk for d in desa]
    scoped = desa_ids is not None or kecamatan_id is not None
    profiles = {
        p.desa_id: p
        for p in ConnectivityProfile.objects.filter(**({"desa_id__in": ids} if scoped else {}))
    }
    evidence = measured_evidence(
        since=rules.since, desa_ids=ids if scoped else None, medians=medians
    )
    rows = []
    for d in desa:
        profile, found = profiles.get(d.pk), evidence.get(d.pk)
        readiness = desa_readiness(
            _survey(profile),
            measured_level=found.level if found else None,
            samples=found.samples if found else 0,
            min_connectivity=rules.min_connectivity,
            points=rules.points,
        )
        rows.append(
            DesaRow(d.pk, d.code, d.name, d.kind, d.kecamatan_id, profile, found, readiness)
        )
    return rows


def readiness_picture(
    *, day: date | None = None, kecamatan_id: int | None = None, params: PolicyParams | None = None
) -> Picture:
    """Every desa (or those of one kecamatan) and every kecamatan, with their readiness.
    The medians of the measurements are computed for one kecamatan only: the regency view
    shows none, and needs only the counts per level."""
    rules = rules_on(day, params)
    rows = desa_rows(rules, kecamatan_id=kecamatan_id, medians=kecamatan_id is not None)
    by_kecamatan: dict[int, list[Readiness]] = {}
    for row in rows:
        by_kecamatan.setdefault(row.kecamatan_id, []).append(row.readiness)
    kecamatan_qs = Kecamatan.objects.order_by("code")
    if kecamatan_id is not None:
        kecamatan_qs = kecamatan_qs.filter(pk=kecamatan_id)
    kecamatan = [
        KecamatanRow(
            k.pk,
            k.code,
            k.name,
            k.latitude,
            k.longitude,
            area_readiness(by_kecamatan.get(k.pk, [])),
        )
        for k in kecamatan_qs
    ]
    return Picture(rules, rows, kecamatan, area_readiness(r.readiness for r in rows))


def desa_readiness_get(desa_id: int, *, rules: Rules | None = None) -> DesaRow | None:
    rows = desa_rows(rules or rules_on(), desa_ids=[desa_id])
    return rows[0] if rows else None


def location_facts_for_desa(
    desa_id: int | None,
    *,
    params: PolicyParams,
    location_type: str = "home",
    day: date | None = None,
) -> LocationFacts:
    """The facts of ``fleksi.policy.domain.location`` for a WFA day in ``desa_id`` (the
    employee's domicile for "home"; the place's desa otherwise), under ``params``.
    A place without a desa, or an unknown desa, has no known connectivity."""
    if desa_id is None:
        return LocationFacts(location_type, None, None, None)
    rows = desa_rows(rules_on(day, params), desa_ids=[desa_id], medians=False)
    if not rows:
        return LocationFacts(location_type, None, None, None)
    row = rows[0]
    return LocationFacts(location_type, row.code, row.readiness.level, row.readiness.ready)
