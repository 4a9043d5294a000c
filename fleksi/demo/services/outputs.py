"""Demo data of the output supervision: SKPs with cascaded results for the demo's WFA users
and the supervisors above them, and for this month plans, reports, verifications and a few
dialogue notes — on their approved WFA days that exist when it runs (the request's work plan
is the plan) and on some on-site days. Written in bulk, with one audit summary per
perangkat daerah.

Called by the demo seeding (``fleksi.demo``) after the WFA requests::

    from fleksi.demo.services.outputs import seed_outputs
    seed_outputs(rng=random.Random(seed + 4), today=plan.today)

Evidence is a link to the e-office (no file is written to storage by the demo).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction

from fleksi.accounts.models import User
from fleksi.audit.services import Change, audit_record_many
from fleksi.common.domain.months import month_start
from fleksi.demo.domain import output_texts as texts
from fleksi.demo.services.skps import seed_skps
from fleksi.org.models import Employee
from fleksi.outputs.domain.periods import report_due
from fleksi.outputs.models import (
    DialogueNote,
    OutputReport,
    PlannedOutput,
    Skp,
    SkpResult,
    Verification,
)
from fleksi.outputs.selectors.deadlines import params_on
from fleksi.outputs.selectors.plans import open_items
from fleksi.policy.domain.calendar import WorkCalendar
from fleksi.policy.selectors import work_calendar
from fleksi.schedule.models import RequestDay, WfaRequest, WorkPlanItem

WITA = ZoneInfo("Asia/Makassar")
BATCH = 1000


@dataclass(frozen=True)
class OutputSeedReport:
    skps: int
    results: int
    planned: int
    reports: int
    verified: int
    notes: int


def _at(day: date, hour: int, rng: random.Random) -> datetime:
    return datetime.combine(day, time(hour, rng.randrange(60)), tzinfo=WITA)


def _planned(
    rng: random.Random,
    wfa_days: list[tuple[int, date, int]],
    users: list[int],
    results: dict[int, list[SkpResult]],
    working: list[date],
    today: date,
) -> list[PlannedOutput]:
    """The WFA days' plan (taken over from the requests, as reporting does) and the plan of
    three on-site days per person."""
    employee_of = {r: e for e, _d, r in wfa_days}
    items = [i for i in open_items(employee_of) if i.day <= today]
    rows = WorkPlanItem.objects.in_bulk([i.id for i in items])
    planned: list[PlannedOutput] = []
    for item in items:
        if rng.random() < 0.08:
            continue  # never opened: still planned by the request, and unreported
        emp = employee_of[item.request_id]
        planned.append(
            PlannedOutput(
                employee_id=emp,
                day=item.day,
                description=item.description,
                target_quantity=item.quantity,
                unit=item.unit,
                rhk=rng.choice(results[emp]) if results.get(emp) else None,
                source=PlannedOutput.Source.REQUEST,
                plan_item=rows[item.id],
            )
        )
    wfa = {(e, d) for e, d, _r in wfa_days}
    # A WFA day to which the request's plan gave no output: the employee plans one that day.
    covered = {(employee_of[i.request_id], i.day) for i in items}
    for emp, day in sorted(wfa - covered):
        what, qty, unit = rng.choice(texts.ONSITE_OUTPUTS)
        planned.append(
            PlannedOutput(
                employee_id=emp,
                day=day,
                description=what,
                target_quantity=Decimal(qty),
                unit=unit,
                rhk=rng.choice(results[emp]) if results.get(emp) else None,
                source=PlannedOutput.Source.OWN,
            )
        )
    for emp in users:
        for day in rng.sample(working, min(3, len(working))):
            if (emp, day) in wfa:
                continue
            for what, qty, unit in rng.sample(texts.ONSITE_OUTPUTS, rng.choice((1, 2))):
                planned.append(
                    PlannedOutput(
                        employee_id=emp,
                        day=day,
                        description=what,
                        target_quantity=Decimal(qty),
                        unit=unit,
                        rhk=rng.choice(results[emp]) if results.get(emp) else None,
                        source=PlannedOutput.Source.OWN,
                    )
                )
    PlannedOutput.objects.bulk_create(planned, batch_size=BATCH)
    return planned


def _reports(
    rng: random.Random, planned: list[PlannedOutput], today: date, cal: WorkCalendar
) -> tuple[list[OutputReport], list[Verification]]:
    """Most outputs reported (a few late, a few short of target), most of those verified."""
    params = params_on(today)
    supervisor = dict(
        Employee.objects.filter(pk__in={p.employee_id for p in planned}).values_list(
            "id", "supervisor_id"
        )
    )
    accounts = dict(
        User.objects.filter(employee_id__in=set(supervisor.values())).values_list(
            "employee_id", "id"
        )
    )
    reports: list[OutputReport] = []
    for p in planned:
        if rng.random() > (0.5 if p.day == today else 0.9):
            continue
        roll = rng.random()
        qty = (
            p.target_quantity
            if roll < 0.7
            else (
                (p.target_quantity / 2).quantize(Decimal(1))
                if roll < 0.9
                else p.target_quantity + 1
            )
        )
        due = report_due(cal, p.day, params.report_deadline_days)
        late_roll = rng.random()
        on = p.day if late_roll < 0.8 else cal.add_working_days(p.day, 1 if late_roll < 0.92 else 3)
        on = min(on, today)
        reports.append(
            OutputReport(
                employee_id=p.employee_id,
                day=p.day,
                planned_output=p,
                rhk=p.rhk,
                description=rng.choice(texts.REPORT_TEXTS),
                quantity=qty,
                unit=p.unit,
                evidence_url=f"https://srikandi.arsip.go.id/naskah/DEMO-{rng.randrange(10**6):06d}",
                reported_at=_at(on, 15 + rng.randrange(3), rng),
                due_on=due,
                late=on > due,
            )
        )
    verifications: list[Verification] = []
    for r in reports:
        verifier = supervisor.get(r.employee_id)
        if verifier is None:
            continue
        reported = r.reported_at.date()
        due_day = cal.add_working_days(reported, params.verification_deadline_days)
        due_at = datetime.combine(due_day, time(23, 59), tzinfo=WITA)
        roll = rng.random()
        status = "pending"
        if (today - reported).days >= 2:
            status = (
                "accepted"
                if roll < 0.85
                else "returned"
                if roll < 0.93
                else ("rejected" if roll < 0.95 else "pending")
            )
        v = Verification(report=r, level=1, verifier_id=verifier, status=status, due_at=due_at)
        if status != "pending":
            v.acted_by_id = accounts.get(verifier)
            v.acted_at = _at(min(cal.add_working_days(reported, 1), today), 9, rng)
            if status == "accepted":
                v.quality = rng.choice((75, 80, 85, 90, 90, 95, 100))
            else:
                v.comment = rng.choice(
                    texts.RETURN_COMMENTS if status == "returned" else texts.REJECT_COMMENTS
                )
            r.status, r.quality = ("submitted" if status == "pending" else status), v.quality
        verifications.append(v)
    OutputReport.objects.bulk_create(reports, batch_size=BATCH)
    Verification.objects.bulk_create(verifications, batch_size=BATCH)
    return reports, verifications


def _notes(rng: random.Random, users: list[int], month: date) -> int:
    supervisor = dict(
        Employee.objects.filter(pk__in=users, supervisor__isnull=False).values_list(
            "id", "supervisor_id"
        )
    )
    accounts = dict(
        User.objects.filter(employee_id__in=set(supervisor.values())).values_list(
            "employee_id", "id"
        )
    )
    notes = [
        DialogueNote(
            employee_id=emp,
            author_id=accounts[supervisor[emp]],
            month=month,
            text=rng.choice(texts.DIALOGUE_NOTES),
        )
        for emp in rng.sample(sorted(supervisor), min(4, len(supervisor)))
        if supervisor[emp] in accounts
    ]
    DialogueNote.objects.bulk_create(notes)
    return len(notes)


def _audit(people: list[Employee], report: OutputSeedReport, counts: Counter[int]) -> None:
    """One summary entry per perangkat daerah stream."""
    by_pd: dict[int, list[int]] = {}
    for e in people:
        by_pd.setdefault(e.unit.root_id or e.unit_id, []).append(e.pk)
    for root, ids in sorted(by_pd.items()):
        audit_record_many(
            actor=None,
            stream=f"pd:{root}",
            changes=[
                Change(
                    action="demo.outputs",
                    object_type="org.unit",
                    object_id=str(root),
                    after={"skps": len(ids), "reports": sum(counts[i] for i in ids)},
                    context={"seeded": report.__dict__},
                )
            ],
        )


def seed_outputs(*, rng: random.Random, today: date) -> OutputSeedReport:
    """SKPs for the WFA users of this month and every supervisor above them, then this
    month's plans, reports and verifications up to today. Nothing when SKPs exist already."""
    if Skp.objects.exists():
        return OutputSeedReport(0, 0, 0, 0, 0, 0)
    start = month_start(today)
    wfa_days = list(
        RequestDay.objects.filter(
            status=RequestDay.Status.APPROVED, day__gte=start, day__lte=today
        ).values_list("employee_id", "day", "request_id")
    )
    # The demo people: everyone who asked for WFA (whatever the answer), and above them.
    users = sorted(
        {e for e, _d, _r in wfa_days}
        | set(WfaRequest.objects.values_list("employee_id", flat=True).distinct())
    )
    chain, frontier = set(users), set(users)
    while frontier:
        frontier = (
            set(
                Employee.objects.filter(pk__in=frontier, supervisor__isnull=False).values_list(
                    "supervisor_id", flat=True
                )
            )
            - chain
        )
        chain |= frontier
    people = list(Employee.objects.filter(pk__in=chain).select_related("position", "unit"))
    cal = work_calendar(start - timedelta(days=7), today + timedelta(days=60))
    with transaction.atomic():
        n_skps, results = seed_skps(rng, people, today.year)
        working = cal.working_days(start, today)
        planned = _planned(rng, wfa_days, users, results, working, today)
        reports, verifications = _reports(rng, planned, today, cal)
        notes = _notes(rng, users, start)
        report = OutputSeedReport(
            skps=n_skps,
            results=sum(len(v) for v in results.values()),
            planned=len(planned),
            reports=len(reports),
            verified=sum(1 for v in verifications if v.status != "pending"),
            notes=notes,
        )
        _audit(people, report, Counter(r.employee_id for r in reports))
    return report
