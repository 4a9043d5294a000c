"""What each role's home page shows: small, indexed aggregates, never per-person loops."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from fleksi.accounts.models import User
from fleksi.accounts.permissions import Scope
from fleksi.audit.models import AuditEntry
from fleksi.org.models import Employee, Unit
from fleksi.outputs.selectors.inbox import inbox_for as outputs_inbox_for
from fleksi.places.models import Kecamatan
from fleksi.policy.selectors import work_calendar
from fleksi.presence.models import Checkin
from fleksi.presence.selectors.checkins import manual_requests_to_decide
from fleksi.schedule.models import RequestDay
from fleksi.schedule.selectors.board import unit_board
from fleksi.schedule.selectors.inbox import pending_count
from fleksi.schedule.selectors.staffing import absent_ids


def headcount_by_asn_type(employees: Any) -> list[dict[str, Any]]:
    rows = employees.filter(is_active=True).values("asn_type").annotate(n=Count("id"))
    labels = dict(Employee.AsnType.choices)
    return sorted(
        ({"label": labels.get(r["asn_type"], r["asn_type"]), "n": r["n"]} for r in rows),
        key=lambda r: -r["n"],
    )


def regency_overview() -> dict[str, Any]:
    kinds = dict(Unit.Kind.choices)
    by_kind = (
        Unit.objects.filter(parent__isnull=True, is_active=True)
        .values("kind")
        .annotate(n=Count("id"))
        .order_by("kind")
    )
    people_by_kind = (
        Employee.objects.filter(is_active=True)
        .values("unit__root__kind")
        .annotate(n=Count("id"))
        .order_by("unit__root__kind")
    )
    return {
        "n_employees": Employee.objects.filter(is_active=True).count(),
        "n_perangkat_daerah": Unit.objects.filter(parent__isnull=True, is_active=True).count(),
        "n_units": Unit.objects.filter(is_active=True).count(),
        "n_public_service_units": Unit.objects.filter(
            is_active=True, is_public_service=True
        ).count(),
        "pd_by_kind": [{"label": kinds.get(r["kind"], r["kind"]), "n": r["n"]} for r in by_kind],
        "people_by_pd_kind": [
            {"label": kinds.get(r["unit__root__kind"], r["unit__root__kind"]), "n": r["n"]}
            for r in people_by_kind
        ],
        "by_asn_type": headcount_by_asn_type(Employee.objects.all()),
    }


def largest_perangkat_daerah(limit: int = 10) -> list[dict[str, Any]]:
    rows: Any = (
        Employee.objects.filter(is_active=True)
        .values("unit__root_id", "unit__root__name")
        .annotate(n=Count("id"))
        .order_by("-n", "unit__root__name")[:limit]
    )
    return list(rows)


def kecamatan_residents() -> list[dict[str, Any]]:
    rows: Any = (
        Kecamatan.objects.annotate(
            n_desa=Count("desa_set", distinct=True),
            n_residents=Count("desa_set__residents", filter=Q(desa_set__residents__is_active=True)),
        )
        .values("code", "name", "n_desa", "n_residents")
        .order_by("code")
    )
    return list(rows)


def recent_audit_entries(limit: int = 10) -> list[AuditEntry]:
    return list(AuditEntry.objects.order_by("-at", "-id")[:limit])


# --- Supervisor and unit head: decisions waiting, and who is where today ----------------------

NAMES_SHOWN = 25  # per group on the home page; the unit board has everyone


@dataclass(frozen=True)
class Waiting:
    """Decisions waiting for a supervisor or head, each with its inbox."""

    wfa: int  # WFA request steps to decide (schedule:inbox)
    manual: int  # manual check-in requests (presence:manual_list)
    outputs: int  # output reports to verify (outputs:inbox)

    @property
    def total(self) -> int:
        return self.wfa + self.manual + self.outputs


def decisions_waiting(user: User, employee_id: int) -> Waiting:
    """Three counts, three queries: the same querysets the inboxes list."""
    return Waiting(
        wfa=pending_count(employee_id),
        manual=manual_requests_to_decide(employee_id).count(),
        outputs=outputs_inbox_for(user).count(),
    )


@dataclass(frozen=True)
class Group:
    n: int
    names: tuple[str, ...]  # at most NAMES_SHOWN, by name

    @property
    def more(self) -> int:
        return self.n - len(self.names)


@dataclass(frozen=True)
class Short:
    """A unit (or a role within it) with fewer people on site than its minimum today."""

    unit: str
    role: str
    onsite: int
    minimum: int


@dataclass(frozen=True)
class TeamToday:
    working: bool
    total: int
    onsite: Group  # expected on site (not absent, no approved WFA day)
    wfa: Group
    absent: Group
    not_checked_in: Group  # expected at work (on site or WFA) without a check-in yet
    short: tuple[Short, ...]
    board_unit_id: int | None  # the unit board to open for everyone (heads only)

    @property
    def groups(self) -> list[tuple[str, Group]]:
        return [
            (_("On site"), self.onsite),
            (_("On WFA"), self.wfa),
            (_("Absent"), self.absent),
            (_("Not yet checked in"), self.not_checked_in),
        ]


def _group(ids: list[int], names: dict[int, str]) -> Group:
    return Group(len(ids), tuple(names[i] for i in ids[:NAMES_SHOWN]))


def team_q(scope: Scope) -> Q:
    """The people a supervisor or head answers for: those they lead (direct reports, units
    held as Plt/Plh) and every unit subtree they head — never themselves."""
    q = scope.led_q()
    if scope.headed_unit_paths:
        q |= scope.in_headed_q()
    if scope.employee_id is not None:
        q &= ~Q(pk=scope.employee_id)
    return q


def team_today(scope: Scope, day: date) -> TeamToday:
    """Who of the team is where on ``day``, and each minimum on site it misses: a handful of
    set-based queries plus the unit board of each headed unit (or of one's own unit)."""
    team = Employee.objects.filter(team_q(scope), is_active=True)
    names = dict(team.order_by("name", "pk").values_list("pk", "name"))
    ids = list(names)  # ordered by name
    team_ids = team.values("pk")
    wfa = set(
        RequestDay.objects.filter(
            day=day, status=RequestDay.Status.APPROVED, employee_id__in=team_ids
        ).values_list("employee_id", flat=True)
    )
    away = set(
        absent_ids(day).filter(employee_id__in=team_ids).values_list("employee_id", flat=True)
    )
    checked = set(
        Checkin.objects.filter(day=day, employee_id__in=team_ids).values_list(
            "employee_id", flat=True
        )
    )
    working = work_calendar(day, day).is_working_day(day)
    short: list[Short] = []
    units = list(scope.headed_units())
    if not units and scope.own_unit_id is not None:
        units = list(Unit.objects.filter(pk=scope.own_unit_id))
    if working:
        for unit in units:
            board = unit_board(unit, [day], people_limit=0)
            short += [
                s
                for s in (
                    Short(r.name, r.role, r.cells[0].tally.onsite, r.cells[0].minimum or 0)
                    for r in board.units
                    if r.cells[0].shortfall
                )
                if s not in short  # a unit under two headed units (Plt of a sub-unit)
            ]
    absent = [i for i in ids if i in away]
    on_wfa = [i for i in ids if i in wfa and i not in away]
    onsite = [i for i in ids if i not in away and i not in wfa]
    return TeamToday(
        working=working,
        total=len(ids),
        onsite=_group(onsite, names),
        wfa=_group(on_wfa, names),
        absent=_group(absent, names),
        not_checked_in=_group(
            [i for i in ids if i not in away and i not in checked] if working else [], names
        ),
        short=tuple(short),
        board_unit_id=units[0].pk if units and scope.headed_unit_paths else None,
    )
