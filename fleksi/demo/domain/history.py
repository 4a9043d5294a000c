"""A year (or a few months) of demo history, generated in pure Python: per employee and
working day the check-ins, per week the approved (or rejected) WFA days, per WFA day and on
some on-site days the planned output, its report and its verification, per month the
rating. No Django import.

The history is a pure function of its :class:`HistoryInput` (people, working days and their
hours, the WFA start, the seed): one ``random.Random(seed)`` consumed in a fixed order
(weeks, then people in the given order, then days). It is yielded week by week
(:class:`WeekRecords`) so that a year of a regency (~9 M check-ins) never sits in memory at
once. Records are plain tuples (their field order is given by the ``*_FIELDS`` constants):
the writer turns them into rows.

Rules kept (the database's constraints and the services' invariants):

- at most one check-in per person, day and slot; arrivals in slot 1, departures in slot 2;
- no record on a person-day listed in ``busy`` (the other demo parts wrote its check-ins or
  an absence), no WFA day where they wrote one (``planned``, whose approved ``wfa_days`` get
  WFA check-ins), nothing before the person's ``since`` day;
- WFA days only from ``wfa_start`` on, only for people marked ``wfa``, at most
  ``max_days_per_week`` a week, and never more people of a perangkat daerah off site on a day
  than its ``quota``;
- an approved WFA day gets a WFA check-in (or none, or a leave), a planned output and most
  often a report; a rejected one is worked on site;
- an on-site day (an on-site arrival, no approved WFA day, no output written by the other
  demo parts) of someone with a supervisor gets, with the chance ``P_ONSITE_OUTPUT``, an own
  planned output (no request), its report and its verification drawn exactly as a WFA
  day's: the same targets, reporting and verification chances, the same slip — so the
  "WFA days vs on-site days" comparison of the same people has two sides that differ only
  by chance, and the months before the WFA start have outputs too.

People in ``own`` (a shift, a duty cycle, a six-day week or part-time hours of their own)
work their own days at their own hours instead of the regency's working days — a night shift
checks out the next morning, on the shift's day — and are not given WFA days (their work is
a direct service on site).

Before the WFA start everyone works on site: that is the baseline of the before/after
comparisons. After it, a few perangkat daerah (``weak``) slip: more missing and late days,
more unreported and returned outputs — so the evaluation has units of concern to show.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

ONSITE, WFA_HOME, DUTY, LEAVE, SICK = "onsite", "wfa_home", "official_duty", "leave", "sick"
APPROVED, REJECTED = "approved", "rejected"
PREDIKAT = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
PREDIKAT_WEIGHTS = (14, 72, 10, 3, 1)

# The fields of the record tuples.
CHECKIN_FIELDS = ("employee", "day", "slot", "mode", "minute", "late", "early")
RATING_FIELDS = ("employee", "month", "predikat")

# Daily chances (before the WFA start; weak perangkat daerah after it: see SLIP).
P_LEAVE = 0.03
P_SICK = 0.01
P_DUTY = 0.02
P_MISSING = 0.012
P_LATE = 0.07
P_EARLY = 0.03
P_NO_DEPARTURE = 0.015
P_WFA_USER = 0.65  # of the people allowed WFA, those who use it
P_WEEK = 0.75  # a WFA user asks for days in a given week
P_REJECTED = 0.1
P_UNREPORTED = 0.06
P_LATE_REPORT = 0.1
P_ONSITE_OUTPUT = 0.15  # of the on-site days of people with a supervisor: an own daily plan
SLIP = 3.0  # weak perangkat daerah after the start: missing, late and unreported × SLIP
WEAK_SHARE = 0.08  # of the perangkat daerah with WFA users


@dataclass(frozen=True)
class Person:
    id: int
    pd: int  # the perangkat daerah (root unit)
    since: date  # no record before this day (appointment)
    wfa: bool = False  # allowed to work from anywhere (eligible, with a supervisor to verify)
    rated: bool = True  # has a supervisor who rates monthly


@dataclass(frozen=True)
class HistoryInput:
    people: Sequence[Person]
    days: Sequence[date]  # the working days, ascending, all before today
    hours: Mapping[date, tuple[time, time]]  # start and end of each working day
    wfa_start: date
    today: date
    seed: int
    quota: Mapping[int, int] = field(default_factory=dict)  # pd → most off site on a day
    max_days_per_week: int = 2
    report_deadline_days: int = 1  # working days after the WFA day
    busy: frozenset[tuple[int, date]] = frozenset()  # person-days left alone
    planned: frozenset[tuple[int, date]] = frozenset()  # days with WFA or outputs already
    wfa_days: frozenset[tuple[int, date]] = frozenset()  # approved WFA days already written
    rated_months: frozenset[date] = frozenset()  # months (first day) already rated: skipped
    # person -> their working days with (start, end) in minutes from the day's midnight (the
    # end may pass midnight): people who follow a schedule of their own (see the module)
    own: Mapping[int, Mapping[date, tuple[int, int]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    quantity: int
    reported_on: date
    due_on: date
    late: bool
    status: str  # submitted | accepted | returned | rejected (the verification's outcome)
    quality: int | None


@dataclass(frozen=True)
class Output:
    employee: int
    day: date
    request: int | None  # the key of its request; None: an on-site day's own plan
    target: int
    what: int  # index into the demo's output texts
    report: Report | None


@dataclass(frozen=True)
class Request:
    key: int
    employee: int
    status: str  # approved | rejected
    days: tuple[date, ...]
    submitted_on: date


@dataclass
class WeekRecords:
    checkins: list[tuple[int, date, int, str, int, int, int]] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    outputs: list[Output] = field(default_factory=list)
    ratings: list[tuple[int, date, str]] = field(default_factory=list)

    def __len__(self) -> int:
        return (
            len(self.checkins)
            + sum(len(r.days) for r in self.requests)
            + len(self.outputs)
            + sum(1 for o in self.outputs if o.report)
            + len(self.ratings)
        )


def months_before(month: date, n: int) -> date:
    """The first day of the month ``n`` months before ``month``'s."""
    index = month.year * 12 + month.month - 1 - n
    return date(index // 12, index % 12 + 1, 1)


def history_span(today: date, months: int) -> tuple[date, date]:
    """(first day of the history, WFA start) for ``months`` months before the current one:
    WFA starts on the first day of the month half-way (``months // 2`` months before the
    current one), so both sides of the before/after comparison have months."""
    current = today.replace(day=1)
    return months_before(current, months), months_before(current, months // 2)


def weeks_of(days: Sequence[date]) -> list[list[date]]:
    """The working days grouped by ISO week, in order."""
    weeks: list[list[date]] = []
    current: tuple[int, int] | None = None
    for d in days:
        key = d.isocalendar()[:2]
        if key != current:
            weeks.append([])
            current = key
        weeks[-1].append(d)
    return weeks


def _minute(t: time) -> int:
    return t.hour * 60 + t.minute


def _month(d: date) -> date:
    return d.replace(day=1)


def generate_history(h: HistoryInput) -> Iterator[WeekRecords]:
    """The records, week by week (see the module)."""
    rng = random.Random(h.seed)
    people = list(h.people)
    users = {p.id for p in people if p.wfa and rng.random() < P_WFA_USER}
    pds = sorted({p.pd for p in people if p.id in users})
    weak = set(rng.sample(pds, max(1, round(len(pds) * WEAK_SHARE)))) if pds else set()
    index = {d: i for i, d in enumerate(h.days)}
    key = 0
    rated = set(h.rated_months)
    weeks = weeks_of(h.days)
    own = [p for p in people if p.id in h.own]
    for n, week in enumerate(weeks):
        out = WeekRecords()
        approved: dict[tuple[int, date], int] = {}
        used: Counter[tuple[int, date]] = Counter()
        after = [d for d in week if d >= h.wfa_start]
        if after:
            for p in people:
                if p.id not in users or p.id in h.own or rng.random() > P_WEEK:
                    continue
                k = min(len(after), rng.choice((1, 2, 2)), h.max_days_per_week)
                wanted = sorted(rng.sample(after, k))
                days = tuple(
                    d
                    for d in wanted
                    if d >= p.since
                    and (p.id, d) not in h.busy
                    and (p.id, d) not in h.planned
                    and used[(p.pd, d)] < h.quota.get(p.pd, 0)
                )
                if not days:
                    continue
                key += 1
                status = REJECTED if rng.random() < P_REJECTED else APPROVED
                out.requests.append(
                    Request(key, p.id, status, days, days[0] - timedelta(days=rng.randrange(2, 8)))
                )
                if status == APPROVED:
                    for d in days:
                        used[(p.pd, d)] += 1
                        approved[(p.id, d)] = key
        for d in week:
            start, end = h.hours[d]
            s, e = _minute(start), _minute(end)
            slip = SLIP if d >= h.wfa_start else 1.0
            for p in people:
                if d < p.since or (p.id, d) in h.busy or p.id in h.own:
                    continue
                f = slip if p.pd in weak else 1.0
                request = approved.get((p.id, d))
                wfa = request is not None or (p.id, d) in h.wfa_days
                mode = _day(rng, out, p.id, d, s, e, f, wfa)
                if request is not None:
                    out.outputs.append(_output(rng, h, index, p.id, d, request, f))
                elif (
                    mode == ONSITE
                    and p.rated
                    and (p.id, d) not in h.planned
                    and rng.random() < P_ONSITE_OUTPUT
                ):
                    out.outputs.append(_output(rng, h, index, p.id, d, None, f))
        if own:
            _own_week(rng, h, out, own, week, weak)
        following = weeks[n + 1][0] if n + 1 < len(weeks) else h.today
        for month in sorted({_month(d) for d in week} - rated):
            if month < _month(following) and month < _month(h.today):
                rated.add(month)
                last = max(d for d in week if _month(d) == month)
                out.ratings.extend(
                    (p.id, month, rng.choices(PREDIKAT, PREDIKAT_WEIGHTS)[0])
                    for p in people
                    if p.rated and p.since <= last
                )
        yield out


def _own_week(
    rng: random.Random,
    h: HistoryInput,
    out: WeekRecords,
    own: Sequence[Person],
    week: Sequence[date],
    weak: set[int],
) -> None:
    """The check-ins of the people with schedules of their own, over the whole ISO week of
    ``week`` (weekends and holidays included: their schedule says which days they work)."""
    monday = week[0] - timedelta(days=week[0].weekday())
    for d in (monday + timedelta(days=i) for i in range(7)):
        if d >= h.today:
            break
        slip = SLIP if d >= h.wfa_start else 1.0
        for p in own:
            hours = h.own[p.id].get(d)
            if hours is None or d < p.since or (p.id, d) in h.busy:
                continue
            _day(rng, out, p.id, d, hours[0], hours[1], slip if p.pd in weak else 1.0, False)


def _day(
    rng: random.Random,
    out: WeekRecords,
    emp: int,
    d: date,
    s: int,
    e: int,
    f: float,
    wfa: bool,
) -> str | None:
    """One person's check-ins of one working day; the mode of the arrival (None: absent)."""
    roll = rng.random()
    if roll < P_LEAVE:
        out.checkins.append((emp, d, 1, LEAVE, s - rng.randrange(0, 30), 0, 0))
        return None
    roll -= P_LEAVE
    if roll < P_SICK:
        out.checkins.append((emp, d, 1, SICK, s - rng.randrange(0, 30), 0, 0))
        return None
    roll -= P_SICK
    if roll < P_MISSING * f:
        return None
    roll -= P_MISSING * f
    mode = WFA_HOME if wfa else (DUTY if roll < P_DUTY else ONSITE)
    if rng.random() < P_LATE * f:
        late = rng.choice((1, 3, 5, 8, 12, 15, 20, 30, 45, 75))
        arrival = s + late
    else:
        late, arrival = 0, s - rng.randrange(0, 35)
    out.checkins.append((emp, d, 1, mode, arrival, late, 0))
    if rng.random() < P_NO_DEPARTURE * f:
        return mode
    if rng.random() < P_EARLY:
        early = rng.choice((5, 10, 15, 30, 60, 90))
        out.checkins.append((emp, d, 2, mode, e - early, 0, early))
    else:
        out.checkins.append((emp, d, 2, mode, e + rng.randrange(0, 50), 0, 0))
    return mode


def _output(
    rng: random.Random,
    h: HistoryInput,
    index: Mapping[date, int],
    emp: int,
    d: date,
    request: int | None,
    f: float,
) -> Output:
    """The planned output of a WFA day (or an on-site day: ``request`` None), its report
    and the report's verification."""
    target = rng.choice((1, 1, 2, 5, 10, 15, 25, 40))
    what = rng.randrange(1000)
    i = index[d] + h.report_deadline_days
    due = h.days[i] if i < len(h.days) else d + timedelta(days=h.report_deadline_days)
    if rng.random() < P_UNREPORTED * f:
        return Output(emp, d, request, target, what, None)
    late = rng.random() < P_LATE_REPORT * f
    on = due + timedelta(days=rng.randrange(1, 4)) if late else d
    if on >= h.today:
        return Output(emp, d, request, target, what, None)  # not reported yet
    roll = rng.random()
    quantity = target if roll < 0.75 else max(0, target // 2) if roll < 0.9 else target + 1
    v = rng.random()
    if (h.today - on).days < 3:
        status, quality = "submitted", None
    elif v < 0.92 - 0.05 * (f - 1):
        status, quality = "accepted", rng.choice((75, 80, 85, 85, 90, 90, 95, 100))
    elif v < 0.98:
        status, quality = "returned", None
    else:
        status, quality = "rejected", None
    return Output(
        emp, d, request, target, what, Report(quantity, on, due, on > due, status, quality)
    )
