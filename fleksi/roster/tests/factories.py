"""Small roster problems for the tests: a helper for hand-written cases and a hypothesis
strategy for random ones."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from fleksi.roster.domain import GroupMinimum, RosterEmployee, RosterProblem, RosterWeights

MONDAY = date(2026, 9, 7)


def weekdays(n: int, start: date = MONDAY) -> tuple[date, ...]:
    """The first ``n`` Monday-to-Friday days from ``start``."""
    out: list[date] = []
    day = start
    while len(out) < n:
        if day.weekday() < 5:
            out.append(day)
        day += timedelta(days=1)
    return tuple(out)


def person(k: int, days: tuple[date, ...], **kw: object) -> RosterEmployee:
    kw.setdefault("allowed", frozenset(days))
    return RosterEmployee(id=k, **kw)


@st.composite
def problems(
    draw: st.DrawFn, min_people: int = 1, max_people: int = 7, max_days: int = 10
) -> RosterProblem:
    n_days = draw(st.integers(3, max_days))
    start = MONDAY + timedelta(days=draw(st.integers(0, 4)))
    days = weekdays(n_days, start)
    # drop a "holiday" now and then
    if n_days > 3 and draw(st.booleans()):
        days = tuple(d for d in days if d != days[draw(st.integers(0, n_days - 1))])
    n = draw(st.integers(min_people, max_people))
    groups = ("unit:1", "role:counter")
    subset = st.frozensets(st.sampled_from(days))
    reasons = st.sampled_from(("care", "commute", "health", ""))
    employees = []
    for k in range(n):
        days_subset = draw(subset)
        fixed = draw(
            st.dictionaries(
                st.sampled_from(days), st.sampled_from(("onsite", "wfa", "absent")), max_size=3
            )
        )
        wished = draw(st.dictionaries(st.sampled_from(days), reasons, max_size=4))
        unwanted = {
            d: r
            for d, r in draw(st.dictionaries(st.sampled_from(days), reasons, max_size=2)).items()
            if d not in wished
        }
        employees.append(
            RosterEmployee(
                id=k + 1,
                groups=draw(st.frozensets(st.sampled_from(groups))),
                allowed=draw(st.sampled_from((frozenset(days), frozenset(days), days_subset))),
                fixed=fixed,
                cap_exempt=draw(st.booleans()) and draw(st.booleans()),
                wfa_outside={days[0].isocalendar()[:2]: draw(st.sampled_from((0, 0, 1, 2)))},
                prior_wfa_days=draw(st.integers(0, 6)),
                wished=wished,
                unwanted=unwanted,
                usual_weekdays=draw(st.frozensets(st.integers(0, 4), max_size=2)),
                peer_group=draw(st.sampled_from(("", "", "team:a", "team:b"))),
            )
        )
    minimums = tuple(
        GroupMinimum(g, draw(st.integers(0, 3)), draw(st.one_of(st.none(), subset)))
        for g in draw(st.lists(st.sampled_from(groups), max_size=2, unique=True))
    )
    return RosterProblem(
        days=days,
        employees=tuple(employees),
        weekly_cap=draw(st.sampled_from((1, 2, 2, 3, 0))),
        max_offsite_share=draw(st.sampled_from((1.0, 0.5, 0.3, 0.0))),
        offsite_caps=draw(st.dictionaries(st.sampled_from(days), st.integers(0, 3), max_size=2)),
        blackout=draw(st.frozensets(st.sampled_from(days), max_size=1)),
        minimums=minimums,
        relax_shortfalls=draw(st.booleans()),
        min_wfa_days=draw(st.sampled_from((0, 0, 1, 2))),
        weights=RosterWeights(unrequested=draw(st.sampled_from((0, 1, 2)))),
    )
