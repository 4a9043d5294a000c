"""The mapping at a glance: positions of a unit subtree with class and progress, and counts
per perangkat daerah for the regency. Set-based (a handful of queries for any size)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, Q, Sum

from fleksi.jobmap.domain.classify import CLASSES, UNASSESSED, classify_position
from fleksi.jobmap.models import Assessment, Duty
from fleksi.jobmap.selectors.classes import approved_duties, position_class_map
from fleksi.org.models import Employee, Position, Unit
from fleksi.policy.domain.params import PolicyParams

PROGRESS = ("none", "draft", "proposed", "returned", "approved")


@dataclass(frozen=True)
class PositionRow:
    id: int
    code: str
    name: str
    kind: str
    is_head: bool
    unit_id: int
    unit_name: str
    holders: int
    duties: int
    total_share: Decimal
    position_class: str
    progress: str  # status of the latest assessment round, or "none"
    latest_version: int | None
    stale: bool  # duties edited since the current approval


@dataclass
class Counts:
    positions: int = 0
    by_class: Counter[str] = field(default_factory=Counter)
    by_progress: Counter[str] = field(default_factory=Counter)

    def add(self, position_class: str, progress: str) -> None:
        self.positions += 1
        self.by_class[position_class] += 1
        self.by_progress[progress] += 1

    @property
    def assessed(self) -> int:
        return self.positions - self.by_class["unassessed"]

    @property
    def percent_assessed(self) -> int:
        return round(100 * self.assessed / self.positions) if self.positions else 0

    def classes(self) -> list[tuple[str, int]]:
        return [(c, self.by_class[c]) for c in CLASSES]

    def progress(self) -> list[tuple[str, int]]:
        return [(p, self.by_progress[p]) for p in PROGRESS]


def _latest_rounds(position_filter: Q) -> dict[int, tuple[str, int, object]]:
    """Position id → (status, version, approved-at of the current approval or None)."""
    latest: dict[int, tuple[str, int, object]] = {}
    approved_at: dict[int, object] = {}
    rows = Assessment.objects.filter(position_filter).values_list(
        "position_id", "status", "version", "is_current", "decided_at"
    )
    for pid, status, version, is_current, decided_at in rows:
        if pid not in latest or version > latest[pid][1]:
            latest[pid] = (status, version, None)
        if is_current:
            approved_at[pid] = decided_at
    return {pid: (s, v, approved_at.get(pid)) for pid, (s, v, _x) in latest.items()}


def unit_mapping(unit: Unit, *, params: PolicyParams) -> list[PositionRow]:
    """Every position of the unit subtree, in tree order, with its class and progress."""
    in_subtree = Q(position__unit__path__startswith=unit.path)
    positions = list(
        Position.objects.filter(unit__path__startswith=unit.path)
        .order_by("unit__path", "-is_head", "name")
        .values_list("id", "code", "name", "kind", "is_head", "unit_id", "unit__name")
    )
    ids = [p[0] for p in positions]
    duty_stats = {
        pid: (n, total, last)
        for pid, n, total, last in Duty.objects.filter(in_subtree)
        .values("position_id")
        .annotate(n=Count("id"), total=Sum("time_share"), last=Max("updated_at"))
        .values_list("position_id", "n", "total", "last")
    }
    holders = dict(
        Employee.objects.filter(in_subtree, is_active=True)
        .values("position_id")
        .annotate(n=Count("id"))
        .values_list("position_id", "n")
    )
    rounds = _latest_rounds(in_subtree)
    approved = approved_duties(ids)
    capable, partly = params.class_capable_min_share, params.class_partly_min_share
    rows = []
    for pid, code, name, kind, is_head, unit_id, unit_name in positions:
        n, total, last_edit = duty_stats.get(pid, (0, Decimal(0), None))
        status, version, approved_at = rounds.get(pid, ("none", None, None))
        assessed = approved.get(pid)
        position_class = classify_position(assessed, capable, partly) if assessed else UNASSESSED
        # Duties edited, added or removed since the approval in force.
        stale = bool(
            assessed
            and (
                (approved_at and last_edit and last_edit > approved_at)
                or n != len(assessed)
                or (total or Decimal(0)) != sum((s for s, _x in assessed), Decimal(0))
            )
        )
        rows.append(
            PositionRow(
                pid,
                code,
                name,
                kind,
                is_head,
                unit_id,
                unit_name,
                holders.get(pid, 0),
                n,
                total or Decimal(0),
                position_class,
                status,
                version,
                stale,
            )
        )
    return rows


def counts_of(rows: Iterable[PositionRow]) -> Counts:
    counts = Counts()
    for row in rows:
        counts.add(row.position_class, row.progress)
    return counts


@dataclass(frozen=True)
class RegencyRow:
    unit_id: int
    name: str
    counts: Counts


def regency_summary(*, params: PolicyParams) -> tuple[list[RegencyRow], Counts]:
    """Counts per perangkat daerah (by name) and for the whole regency."""
    positions = list(Position.objects.values_list("id", "unit__root_id", "unit_id"))
    classes = position_class_map(params=params, position_ids=None)
    rounds = _latest_rounds(Q())
    per_pd: dict[int, Counts] = {}
    total = Counts()
    for pid, root_id, unit_id in positions:
        progress = rounds.get(pid, ("none", 0, None))[0]
        per_pd.setdefault(root_id or unit_id, Counts()).add(classes[pid], progress)
        total.add(classes[pid], progress)
    names = dict(Unit.objects.filter(parent__isnull=True).values_list("id", "name"))
    rows = [RegencyRow(uid, name, per_pd.get(uid, Counts())) for uid, name in names.items()]
    rows.sort(key=lambda r: r.name)
    return rows, total
