"""The reads other capabilities build on (eligibility calls these): the class of every
position, the share of suitable working time, and the exceptions in force on a day.

All set-based: a constant number of queries, whatever the number of positions or people.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.utils import timezone

from fleksi.jobmap.domain.classify import UNASSESSED, classify_position, suitable_share
from fleksi.jobmap.domain.criteria import Criterion, criteria_with
from fleksi.jobmap.domain.facts import ExceptionFacts
from fleksi.jobmap.models import AssessmentDuty, EmployeeException
from fleksi.org.models import Position
from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.selectors import params_of, version_in_force

# Above this many ids, one query for everything beats a long IN list (and stays under
# SQLite's limit on query parameters).
IN_LIMIT = 900


def params_in_force(day: date | None = None) -> PolicyParams:
    """The parameters of the policy in force (the defaults when none is published yet)."""
    version = version_in_force(day or timezone.localdate())
    return params_of(version) if version is not None else PolicyParams()


def criteria_in_force(day: date | None = None) -> tuple[Criterion, ...]:
    """Pasal 23's five criteria plus the extra criteria of the policy in force."""
    return criteria_with(params_in_force(day).extra_duty_criteria)


def _wanted(ids: Iterable[int] | None) -> set[int] | None:
    return None if ids is None else {int(i) for i in ids}


def approved_duties(
    position_ids: Iterable[int] | None = None,
) -> dict[int, list[tuple[Decimal, bool | None]]]:
    """(time share, suitable) of every duty of the current approved assessment, by position.
    One query."""
    wanted = _wanted(position_ids)
    qs = AssessmentDuty.objects.filter(assessment__status="approved", assessment__is_current=True)
    if wanted is not None and len(wanted) <= IN_LIMIT:
        qs = qs.filter(assessment__position_id__in=wanted)
    result: dict[int, list[tuple[Decimal, bool | None]]] = {}
    # One plain list read, without the model's default ordering (which would join the
    # position and unit for nothing): server-side cursors cost ~10× more on PostgreSQL here.
    rows = list(qs.order_by().values_list("assessment__position_id", "time_share", "suitable"))
    for position_id, share, suitable in rows:
        if wanted is None or position_id in wanted:
            result.setdefault(position_id, []).append((share, suitable))
    return result


def position_class_map(
    *, params: PolicyParams, position_ids: Iterable[int] | None = None
) -> dict[int, str]:
    """Position id → ``capable`` | ``partly`` | ``onsite`` | ``unassessed`` under ``params``.

    Every requested position (all positions when ``position_ids`` is ``None``) is in the
    result; those without an approved assessment are ``unassessed``. Two queries.
    """
    wanted = _wanted(position_ids)
    duties = approved_duties(wanted)
    if wanted is None:
        wanted = set(Position.objects.values_list("id", flat=True))
    capable, partly = params.class_capable_min_share, params.class_partly_min_share
    return {
        pid: classify_position(duties[pid], capable, partly) if pid in duties else UNASSESSED
        for pid in wanted
    }


def position_share_map(*, position_ids: Iterable[int] | None = None) -> dict[int, Fraction]:
    """Position id → share (0–1, exact) of working time in suitable duties, for positions with
    an approved assessment only. One query."""
    result: dict[int, Fraction] = {}
    for pid, duties in approved_duties(position_ids).items():
        share = suitable_share(duties)
        if share is not None:
            result[pid] = share
    return result


def exceptions_on(
    day: date, employee_ids: Iterable[int] | None = None
) -> dict[int, ExceptionFacts]:
    """Employee id → the exception in force on ``day`` (its first and last day included).
    Withdrawn exceptions never apply. One query."""
    wanted = _wanted(employee_ids)
    qs = EmployeeException.objects.filter(start__lte=day, end__gte=day, withdrawn=False)
    if wanted is not None and len(wanted) <= IN_LIMIT:
        qs = qs.filter(employee_id__in=wanted)
    result: dict[int, ExceptionFacts] = {}
    rows = qs.order_by("start", "id").values_list(
        "employee_id", "override_class", "waives_unit_exclusion", "end", "reason", "kind"
    )
    for employee_id, override, waives, end, reason, kind in rows:
        if wanted is not None and employee_id not in wanted:
            continue
        # Exceptions of one person do not overlap (the service refuses it); if old data
        # does, the one that started last wins.
        result[employee_id] = ExceptionFacts(
            override_class=override or None,
            waives_unit=waives,
            until=end,
            reason=reason,
            kind=kind,
        )
    return result
