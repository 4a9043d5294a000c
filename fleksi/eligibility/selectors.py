"""Facts for the eligibility rules, assembled set-based (a handful of queries for the whole
regency), and the decisions built from them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from fleksi.eligibility.domain.simulation import Placement, SimulationResult, simulate
from fleksi.eligibility.models import WfaSuspension
from fleksi.jobmap.domain.facts import ExceptionFacts
from fleksi.jobmap.models import EmployeeException
from fleksi.jobmap.selectors import exceptions_on, position_class_map
from fleksi.org.models import Employee, Unit
from fleksi.places.models import Kecamatan
from fleksi.policy.domain.eligibility import ELIGIBILITY_RULES, EmployeeFacts
from fleksi.policy.domain.engine import evaluate
from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import params_of, unit_overrides, version_in_force

FACT_FIELDS = (
    "id",
    "asn_type",
    "tmt_appointment",
    "last_promotion_date",
    "last_transfer_date",
    "last_rotation_date",
    "discipline_status",
    "discipline_start",
    "discipline_end",
    "last_rating",
    "position_id",
    "unit_id",
    "unit__kind",
    "unit__path",
    "unit__root_id",
    "unit__kecamatan_id",
    "unit__root__kecamatan_id",
)


def public_service_unit_ids() -> frozenset[int]:
    return frozenset(Unit.objects.filter(is_public_service=True).values_list("id", flat=True))


def _in_public_service(path: str, flagged: frozenset[int]) -> bool:
    return any(int(part) in flagged for part in path.split(".") if part)


def suspensions_on(employees: QuerySet[Employee], *, day: date) -> dict[int, date]:
    """Employee id → last day of a WFA suspension covering ``day`` and not reinstated (one
    query; suspensions are rare, so the answer is small)."""
    found: dict[int, date] = {}
    for emp_id, end in WfaSuspension.objects.filter(
        employee__in=employees.values("pk"),
        start__lte=day,
        end__gte=day,
        reinstated_at__isnull=True,
    ).values_list("employee_id", "end"):
        found[emp_id] = max(end, found.get(emp_id, end))
    return found


def facts_for(
    employees: QuerySet[Employee], *, day: date, params: PolicyParams
) -> Iterator[tuple[EmployeeFacts, Placement]]:
    """Facts and placement of each active employee in ``employees`` on ``day``."""
    rows = list(employees.filter(is_active=True).values_list(*FACT_FIELDS))
    position_ids = {r[10] for r in rows}
    classes = position_class_map(params=params, position_ids=position_ids)
    exceptions = exceptions_on(day, employee_ids=[r[0] for r in rows])
    suspended = suspensions_on(employees, day=day)
    flagged = public_service_unit_ids()
    in_service: dict[str, bool] = {}  # per unit path: many people share a unit
    for row in rows:
        path = row[13]
        if path not in in_service:
            in_service[path] = _in_public_service(path, flagged)
        yield _facts_of_row(
            row,
            day=day,
            classes=classes,
            exc=exceptions.get(row[0]),
            suspended_until=suspended.get(row[0]),
            in_public_service=in_service[path],
        )


def _facts_of_row(
    row: tuple[Any, ...],
    *,
    day: date,
    classes: dict[int, str],
    exc: ExceptionFacts | None,
    suspended_until: date | None,
    in_public_service: bool,
) -> tuple[EmployeeFacts, Placement]:
    (
        emp_id,
        asn_type,
        tmt,
        promo,
        transfer,
        rotation,
        disc,
        disc_start,
        disc_end,
        rating,
        position_id,
        _unit_id,
        unit_kind,
        _path,
        root_id,
        kec_id,
        root_kec_id,
    ) = row[: len(FACT_FIELDS)]
    cls = classes.get(position_id, "unassessed")
    if exc is not None and exc.override_class:
        cls = exc.override_class
    facts = EmployeeFacts(
        employee_id=emp_id,
        day=day,
        asn_type=asn_type,
        tmt_appointment=tmt,
        last_promotion_date=promo,
        last_transfer_date=transfer,
        last_rotation_date=rotation,
        discipline_status=disc,
        discipline_start=disc_start,
        discipline_end=disc_end,
        last_rating=rating,
        unit_kind=unit_kind,
        in_public_service_unit=in_public_service,
        position_class=cls,
        exception_until=exc.until if exc is not None else None,
        exception_waives_unit=bool(exc and exc.waives_unit),
        suspended_until=suspended_until,
    )
    return (
        facts,
        Placement(
            perangkat_daerah_id=root_id or _unit_id,
            kecamatan_id=kec_id or root_kec_id,
            asn_type=asn_type,
        ),
    )


_ONE_SQL = """
SELECT e.id, e.asn_type, e.tmt_appointment, e.last_promotion_date, e.last_transfer_date,
       e.last_rotation_date, e.discipline_status, e.discipline_start, e.discipline_end,
       e.last_rating, e.position_id, e.unit_id, u.kind, u.path, u.root_id, u.kecamatan_id,
       r.kecamatan_id,
       (SELECT x.id FROM {exc} x WHERE {exc_where} ORDER BY x.start DESC, x.id DESC LIMIT 1),
       (SELECT x.override_class FROM {exc} x WHERE {exc_where}
         ORDER BY x.start DESC, x.id DESC LIMIT 1),
       (SELECT x.waives_unit_exclusion FROM {exc} x WHERE {exc_where}
         ORDER BY x.start DESC, x.id DESC LIMIT 1),
       (SELECT x."end" FROM {exc} x WHERE {exc_where} ORDER BY x.start DESC, x.id DESC LIMIT 1),
       (SELECT max(s."end") FROM {susp} s
         WHERE s.employee_id = e.id AND s.start <= %(day)s AND s."end" >= %(day)s
           AND s.reinstated_at IS NULL),
       EXISTS (SELECT 1 FROM {unit} pu WHERE pu.is_public_service AND u.path LIKE pu.path || '%%')
  FROM {employee} e
  JOIN {unit} u ON u.id = e.unit_id
  LEFT JOIN {unit} r ON r.id = u.root_id
 WHERE e.id = %(id)s AND e.is_active
"""
_EXC_WHERE = (
    'x.employee_id = e.id AND x.start <= %(day)s AND x."end" >= %(day)s AND NOT x.withdrawn'
)


def facts_of(employee: Employee, *, day: date, params: PolicyParams) -> EmployeeFacts | None:
    """One person's facts (the check of a request): two queries, the person's row with their
    exception, suspension and public-service flag as subqueries, then their position's
    class. The same facts as :func:`facts_for` (``test_decisions``)."""
    sql = _ONE_SQL.format(
        exc=EmployeeException._meta.db_table,
        exc_where=_EXC_WHERE,
        susp=WfaSuspension._meta.db_table,
        unit=Unit._meta.db_table,
        employee=Employee._meta.db_table,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"id": employee.pk, "day": day})
        row = cursor.fetchone()
    if row is None:
        return None
    exc_id, exc_class, exc_waives, exc_end, suspended, in_ps = row[len(FACT_FIELDS) :]
    exc_until = _date(exc_end)
    exc = (
        ExceptionFacts(
            override_class=exc_class or None,
            waives_unit=bool(exc_waives),
            until=exc_until,
            reason="",
            kind="",
        )
        if exc_id is not None and exc_until is not None
        else None
    )
    classes = position_class_map(params=params, position_ids={row[10]})
    fields = tuple(_date(v) if i in _DATE_COLUMNS else v for i, v in enumerate(row))
    facts, _place = _facts_of_row(
        fields,
        day=day,
        classes=classes,
        exc=exc,
        suspended_until=_date(suspended),
        in_public_service=bool(in_ps),
    )
    return facts


# Columns of ``_ONE_SQL`` holding dates (SQLite answers them as text).
_DATE_COLUMNS = frozenset({2, 3, 4, 5, 7, 8})


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


@dataclass(frozen=True)
class SimulationView:
    """A simulation with the names people need to read it."""

    result: SimulationResult
    before: PolicyVersion | None
    after: PolicyVersion
    day: date
    names: dict[int, str]  # perangkat daerah id → name
    kecamatan_names: dict[int | None, str]
    people: dict[int, tuple[str, str, str]]  # employee id → (name, nip, unit name)
    seconds: float


def _share_and_minimum(
    version: PolicyVersion | None, pd_ids: set[int]
) -> tuple[dict[int, float], dict[int, int]]:
    if version is None:
        return {}, {}
    shares: dict[int, float] = {}
    minimums: dict[int, int] = {}
    for unit_id, (share, minimum) in unit_overrides(version).items():
        if unit_id in pd_ids:
            if share is not None:
                shares[unit_id] = share
            if minimum is not None:
                minimums[unit_id] = minimum
    return shares, minimums


def simulation_run(
    *, version: PolicyVersion, day: date, limit_changes: int = 2000
) -> SimulationView:
    """Simulate ``version`` against the version in force on ``day`` (or none) on today's
    data: set-based facts, the same rules as a single decision."""
    started = time.perf_counter()
    current = version_in_force(day)
    before_params = params_of(current) if current is not None else None
    after_params = params_of(version)
    after_side = list(facts_for(Employee.objects.all(), day=day, params=after_params))
    same_classes = before_params is not None and (
        before_params.class_capable_min_share == after_params.class_capable_min_share
        and before_params.class_partly_min_share == after_params.class_partly_min_share
    )
    if before_params is None or same_classes:
        triples = [(f, f, p) for f, p in after_side]
    else:
        before_side = {
            f.employee_id: f
            for f, _p in facts_for(Employee.objects.all(), day=day, params=before_params)
        }
        triples = [(before_side[f.employee_id], f, p) for f, p in after_side]
    pd_ids = {p.perangkat_daerah_id for _f, p in after_side}
    share_b, min_b = _share_and_minimum(current, pd_ids)
    share_a, min_a = _share_and_minimum(version, pd_ids)
    result = simulate(
        triples,
        before=before_params,
        after=after_params,
        share_before=share_b,
        share_after=share_a,
        min_onsite_before=min_b,
        min_onsite_after=min_a,
    )
    changed_ids = [c.employee_id for c in result.changes[:limit_changes]]
    people = {
        pk: (name, nip, unit)
        for pk, name, nip, unit in Employee.objects.filter(pk__in=changed_ids).values_list(
            "id", "name", "nip", "unit__name"
        )
    }
    names = dict(Unit.objects.filter(pk__in=pd_ids).values_list("id", "name"))
    kec_names: dict[int | None, str] = dict(Kecamatan.objects.values_list("id", "name"))
    return SimulationView(
        result=result,
        before=current,
        after=version,
        day=day,
        names=names,
        kecamatan_names=kec_names,
        people=people,
        seconds=time.perf_counter() - started,
    )


@dataclass(frozen=True)
class PersonRow:
    employee_id: int
    name: str
    position: str
    unit: str
    allowed: bool
    failing: tuple[str, ...]
    warnings: tuple[str, ...]


def unit_eligibility(unit: Unit, *, day: date) -> tuple[PolicyVersion | None, list[PersonRow]]:
    """Everyone of a unit subtree with their verdict under the version in force."""
    version = version_in_force(day)
    qs = Employee.objects.filter(unit__path__startswith=unit.path)
    if version is None:
        rows = qs.filter(is_active=True).values_list("id", "name", "position__name", "unit__name")
        return None, [PersonRow(i, n, p, u, False, ("policy_in_force",), ()) for i, n, p, u in rows]
    params = params_of(version)
    verdicts: dict[int, tuple[bool, tuple[str, ...], tuple[str, ...]]] = {}
    for facts, _place in facts_for(qs, day=day, params=params):
        decision = evaluate(ELIGIBILITY_RULES, facts, params)
        verdicts[facts.employee_id] = (
            decision.allowed,
            tuple(t.rule for t in decision.failures),
            tuple(t.rule for t in decision.warnings),
        )
    names = (
        qs.filter(pk__in=list(verdicts))
        .values_list("id", "name", "position__name", "unit__name")
        .order_by("unit__path", "name")
    )
    return version, [PersonRow(i, n, p, u, *verdicts[i]) for i, n, p, u in names]


def regency_counts(*, day: date) -> tuple[PolicyVersion | None, SimulationResult | None]:
    """Eligible people per perangkat daerah, kecamatan and ASN type under the version in force."""
    version = version_in_force(day)
    if version is None:
        return None, None
    params = params_of(version)
    triples = [(f, f, p) for f, p in facts_for(Employee.objects.all(), day=day, params=params)]
    pd_ids = {p.perangkat_daerah_id for _f, _g, p in triples}
    shares, minimums = _share_and_minimum(version, pd_ids)
    return version, simulate(
        triples, before=None, after=params, share_after=shares, min_onsite_after=minimums
    )
