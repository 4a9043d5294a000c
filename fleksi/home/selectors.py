"""What each role's home page shows: small, indexed aggregates, never per-person loops."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import RoleAssignment, User
from fleksi.accounts.permissions import Scope, employees_visible_to
from fleksi.audit.models import AuditEntry
from fleksi.common.domain.months import month_end, month_start
from fleksi.org.models import Employee, ImportBatch, Unit
from fleksi.org.selectors import subtree_q
from fleksi.outputs.selectors.inbox import inbox_for as outputs_inbox_for
from fleksi.places.models import Kecamatan
from fleksi.policy.domain.legal import NEXT_STEPS
from fleksi.policy.models import PolicyVersion
from fleksi.policy.permissions import STEP_PERMS
from fleksi.policy.selectors import (
    params_of,
    role_minimums,
    unit_overrides,
    version_in_force,
    work_calendar,
)
from fleksi.presence.models import Checkin
from fleksi.presence.selectors.checkins import manual_requests_to_decide
from fleksi.schedule.domain.board import presence_of, shortfall, tally_by_unit
from fleksi.schedule.models import RequestDay
from fleksi.schedule.selectors.board import minimum_on_site, unit_board
from fleksi.schedule.selectors.inbox import pending_count
from fleksi.schedule.selectors.staffing import absent_ids
from fleksi.servicelevel.models.safeguard import ACTIVE_STATUSES
from fleksi.servicelevel.permissions import alerts_visible
from fleksi.servicelevel.permissions import may_use as may_use_servicelevel


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


# --- Sekda, Bupati and BKPSDM: the regency's WFA figures and what waits for them -------------


@dataclass(frozen=True)
class RegencyToday:
    people: int  # active employees
    expected: int  # of them, not absent today
    wfa_today: int  # people with an approved WFA day today
    wfa_days_month: int  # approved WFA days in the month
    wfa_people_month: int  # people with at least one approved WFA day in the month
    person_days_month: int  # active employees × working days of the month
    working_today: bool
    short: tuple[Short, ...]  # units below their minimum on site today

    @property
    def share_today(self) -> float | None:
        return 100 * self.wfa_today / self.expected if self.expected else None

    @property
    def share_month(self) -> float | None:
        return (
            100 * self.wfa_days_month / self.person_days_month if self.person_days_month else None
        )


def units_short(day: date) -> tuple[Short, ...]:
    """Every unit with fewer people on site on ``day`` than its minimum under the Perbup in
    force (its own minimum, or the public-service default), and every role minimum of a unit
    (e.g. its counter officers) that is missed: four set-based queries for the whole regency,
    counted as the unit board counts them (subtrees, absences first, then WFA)."""
    version = version_in_force(day)
    if version is None:
        return ()
    params, overrides = params_of(version), unit_overrides(version)
    by_role = role_minimums(version)
    units = list(
        Unit.objects.filter(
            Q(is_public_service=True) | Q(pk__in=[*overrides, *(u for u, _r in by_role)]),
            is_active=True,
        ).order_by("path")
    )
    with_minimum = [(u, m) for u in units if (m := minimum_on_site(u, params, overrides))]
    role_rows = [(u, r, by_role[(u.pk, r)]) for u in units for (uid, r) in by_role if uid == u.pk]
    if not with_minimum and not role_rows:
        return ()
    paths = [u.path for u in units]
    staff = Employee.objects.filter(subtree_q(paths, "unit__path"), is_active=True)
    ids = staff.values("pk")
    wfa = set(
        RequestDay.objects.filter(
            day=day, status=RequestDay.Status.APPROVED, employee_id__in=ids
        ).values_list("employee_id", flat=True)
    )
    away = set(absent_ids(day).filter(employee_id__in=ids).values_list("employee_id", flat=True))
    marks = [
        (path, role, presence_of(absent=pk in away, wfa=pk in wfa))
        for pk, path, role in staff.values_list("pk", "unit__path", "position__service_role")
    ]
    tallies = tally_by_unit(paths, ((path, p) for path, _role, p in marks))
    short = [
        Short(u.name, "", tallies[u.path].onsite, m)
        for u, m in with_minimum
        if shortfall(tallies[u.path].onsite, m)
    ]
    for role in sorted({r for _u, r, _m in role_rows}):
        of_role = tally_by_unit(paths, ((path, p) for path, r, p in marks if r == role))
        short += [
            Short(u.name, role, of_role[u.path].onsite, m)
            for u, r, m in role_rows
            if r == role and shortfall(of_role[u.path].onsite, m)
        ]
    return tuple(short)


def regency_today(day: date) -> RegencyToday:
    """The regency's WFA figures of ``day`` and of its month (counts only, no names)."""
    first, last = month_start(day), month_end(day)
    active = Employee.objects.filter(is_active=True)
    people = active.count()
    absent = absent_ids(day).filter(employee__is_active=True).values("employee_id").distinct()
    approved = RequestDay.objects.filter(
        status=RequestDay.Status.APPROVED, employee__is_active=True
    )
    month = approved.filter(day__gte=first, day__lte=last).aggregate(
        days=Count("id"), people=Count("employee_id", distinct=True)
    )
    calendar = work_calendar(first, last)
    working_days = sum(
        1 for i in range((last - first).days + 1) if calendar.is_working_day(first + timedelta(i))
    )
    working = calendar.is_working_day(day)
    return RegencyToday(
        people=people,
        expected=people - absent.count(),
        wfa_today=approved.filter(day=day).exclude(employee_id__in=absent).count(),
        wfa_days_month=month["days"],
        wfa_people_month=month["people"],
        person_days_month=people * working_days,
        working_today=working,
        short=units_short(day) if working else (),
    )


@dataclass(frozen=True)
class RegencyWaiting:
    """What waits for the regency's roles: steps of the Perbup's legal path that are theirs,
    safeguard alerts of service levels still open, and BKPSDM's personnel work."""

    legal: int | None  # Perbup versions at a step of the user's role (None: no such role)
    alerts: int | None  # active safeguard alerts (None: not the user's pages)
    imports: int | None  # validated registry imports not yet applied (BKPSDM)
    without_account: int | None  # active employees without a sign-in account (BKPSDM)
    roles_ending: int | None  # role assignments ending in the next 14 days (BKPSDM)


def legal_steps_waiting(scope: Scope) -> int | None:
    """Perbup versions whose next step of the legal path belongs to one of the user's roles
    (decision 0025): the Sekda's paraf and promulgation, the Bupati's enactment, the drafts
    BKPSDM may submit, the Bagian Hukum's harmonisation."""
    stages = [
        stage.value
        for stage, steps in NEXT_STEPS.items()
        if any(scope.has(STEP_PERMS[step]) for step in steps)
    ]
    if not stages:
        return None
    return PolicyVersion.objects.filter(status=PolicyVersion.Status.DRAFT, stage__in=stages).count()


def regency_waiting(user: User, scope: Scope, day: date) -> RegencyWaiting:
    """One count per line, each only for the roles it concerns."""
    bkpsdm = scope.has(Perm.PEOPLE_IMPORT)
    horizon = timezone.now() + timedelta(days=14)
    return RegencyWaiting(
        legal=legal_steps_waiting(scope),
        alerts=(
            alerts_visible(user).filter(status__in=ACTIVE_STATUSES).count()
            if scope.has(Perm.REGENCY_VIEW) and may_use_servicelevel(user)
            else None
        ),
        imports=(
            ImportBatch.objects.filter(status=ImportBatch.Status.VALIDATED).count()
            if bkpsdm
            else None
        ),
        without_account=(
            employees_visible_to(user).filter(is_active=True, account__isnull=True).count()
            if bkpsdm
            else None
        ),
        roles_ending=(
            RoleAssignment.objects.current()
            .filter(valid_until__isnull=False, valid_until__lte=horizon)
            .count()
            if scope.has(Perm.ROLES_MANAGE)
            else None
        ),
    )
