"""The facts of a month's TPP, read set-based for any set of people (a handful of queries
whatever the number of people): the recap's incidents (Fleksi's and the office readers'
check-ins judged by each person's schedule), unreported WFA days, planned days without a
daily report, disciplinary penalties and the month's predikat."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet

from fleksi.org.models import Employee, Unit
from fleksi.outputs.models import MonthlyRating, OutputReport, PlannedOutput
from fleksi.outputs.selectors.deadlines import overdue_cutoff
from fleksi.outputs.selectors.unreported import unreported_days_in
from fleksi.policy.domain.params import ParamChange, PolicyParams, diff_params
from fleksi.presence.selectors.facts import day_rules
from fleksi.presence.selectors.recap import Period, people_of_units, recap_incidents
from fleksi.schedule.models import RequestDay
from fleksi.tpp.domain.compute import (
    ABSENT,
    DISCIPLINE,
    EARLY,
    LATE,
    MISSING_REPORT,
    UNREPORTED_WFA,
    Facts,
    Incident,
    Result,
    compute,
)
from fleksi.tpp.domain.simulation import Simulation, simulate

# Above this many people the month's outputs, ratings and penalties are read for everyone
# and kept for the set in Python: naming the set (a sub-query over the month's check-ins)
# in each statement costs more than the rows.
FEW = 500


def _missing_reports(who: QuerySet[Employee], period: Period) -> list[tuple[int, date]]:
    """(employee, day) of each day with a planned output (rencana output harian) past its
    report deadline without any report of that day; approved WFA days are left to the
    unreported-WFA rule (one deduction per day)."""
    cutoff = min(period.end, overdue_cutoff(period.today))
    reported = OutputReport.objects.filter(employee_id=OuterRef("employee_id"), day=OuterRef("day"))
    wfa = RequestDay.objects.filter(
        employee_id=OuterRef("employee_id"), day=OuterRef("day"), status="approved"
    )
    return list(
        PlannedOutput.objects.filter(
            employee_id__in=who.values("pk"), day__gte=period.start, day__lte=cutoff
        )
        .exclude(Exists(reported))
        .exclude(Exists(wfa))
        .values_list("employee_id", "day")
        .distinct()
    )


def month_facts(people: QuerySet[Employee], period: Period) -> list[Facts]:
    """Every person's facts of the month (people without any incident included): the
    recap's grid (one statement), then the outputs, penalties and predikats of the month."""
    ids = list(people.order_by().values_list("pk", flat=True))
    wanted = set(ids)
    who = Employee.objects.filter(pk__in=ids) if len(ids) <= FEW else Employee.objects.all()
    incidents: dict[int, list[Incident]] = defaultdict(list)
    for d in recap_incidents(people, period):
        if d.missing:
            incidents[d.employee_id].append(Incident(ABSENT, d.day))
        if d.late:
            incidents[d.employee_id].append(Incident(LATE, d.day, d.late))
        if d.early:
            incidents[d.employee_id].append(Incident(EARLY, d.day, d.early))
    if period.end >= period.start:
        unreported = unreported_days_in(who, start=period.start, end=period.end, today=period.today)
        for e, day in unreported:
            incidents[e].append(Incident(UNREPORTED_WFA, day))
        for e, day in _missing_reports(who, period):
            incidents[e].append(Incident(MISSING_REPORT, day))
    serving = who.filter(
        Q(discipline_end__isnull=True) | Q(discipline_end__gte=period.start),
        discipline_status=Employee.Discipline.SERVING,
        discipline_start__lte=period.end,
    ).values_list("pk", flat=True)
    for e in serving:
        incidents[e].append(Incident(DISCIPLINE, None))
    predikat = dict(
        MonthlyRating.objects.filter(
            employee_id__in=who.values("pk"), month=period.month
        ).values_list("employee_id", "predikat")
    )
    return [Facts(e, tuple(incidents.get(e, ())), predikat.get(e, "")) for e in ids if e in wanted]


def params_of_month(period: Period) -> PolicyParams:
    """The TPP rules of the month: the version in force on its last day considered."""
    return day_rules(period.end).params


@dataclass(frozen=True)
class MonthRow:
    """One person's TPP of the month beside the recap's identity columns."""

    employee_id: int
    nip: str
    name: str
    unit_id: int
    unit_name: str
    pd_name: str
    result: Result


def month_results(
    people: QuerySet[Employee], period: Period, params: PolicyParams | None = None
) -> dict[int, Result]:
    params = params or params_of_month(period)
    return {f.employee_id: compute(f, params) for f in month_facts(people, period)}


def month_rows(
    people: QuerySet[Employee], period: Period, params: PolicyParams | None = None
) -> list[MonthRow]:
    results = month_results(people, period, params)
    rows = []
    for e in people.select_related("unit", "unit__root").order_by("unit__path", "name", "nip"):
        unit = e.unit
        pd = unit.root or unit
        rows.append(MonthRow(e.pk, e.nip, e.name, unit.pk, unit.name, pd.name, results[e.pk]))
    return rows


@dataclass(frozen=True)
class SimulationView:
    simulation: Simulation
    param_changes: list[ParamChange]  # the TPP rules that differ
    people: dict[int, tuple[str, str, str]]  # name, NIP, unit of the people affected


def simulation_run(draft: PolicyParams, period: Period) -> SimulationView:
    """The month of every active employee (and anyone with a check-in in it) under the
    rules in force and under ``draft``, from the same facts (read once)."""
    roots = Unit.objects.filter(parent__isnull=True).values_list("path", flat=True)
    people = people_of_units(list(roots), period)
    before = params_of_month(period)
    sim = simulate(month_facts(people, period), before, draft)
    ids = [c.employee_id for c in sim.changes]
    names = {
        e.pk: (e.name, e.nip, e.unit.name)
        for e in Employee.objects.filter(pk__in=ids).select_related("unit")
    }
    changed = [c for c in diff_params(before, draft) if c.key.startswith("tpp_")]
    return SimulationView(sim, changed, names)
