"""Demo data of the schedule: a month of WFA requests and decisions around today.

Called by the demo seeding (``fleksi.demo``) after the policy is published::

    from fleksi.demo.services.requests import seed_requests
    seed_requests(rng=random.Random(seed + 3), today=plan.today, personas=...)

From today on, everything goes through the real services (``request_submit``,
``request_approve``, ``request_reject``, ``request_return``, ``request_recall``,
``absence_create``, ``place_propose``/``place_decide``), so every day carries the trace of
the rules that decided it, and the audit trail and notifications are the real ones:

- the next week mostly decided (approved, partly approved, rejected or returned with a
  comment in Bahasa Indonesia), the weeks after partly waiting in the heads' inboxes;
- days refused by the rules (a third day in a week; Rina asks one too);
- at Disdukcapil, an application developer whose unit exclusion BKPSDM lifted works from home,
  and the head of his bidang recalls one day because two counter officers are sick; Bu
  Sari's counters show a shortfall on the board one day next week;
- a few absences (leave, sickness, official travel).

The weeks before today cannot go through the services: the demo's Perbup comes into force
on the seeding day, and the services only accept days from today on. Those requests (of
other employees than the ones above, whose past WFA days would otherwise wait for output
reports) are written directly, in bulk (``fleksi.demo.services.request_history``): approved,
rejected and cancelled requests with their work plans and approval steps, within the weekly
maximum and the default quota, each day's trace saying that it is demo history (no rule was
evaluated for it). Nothing is added when requests exist already.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from fleksi.accounts.models import RoleAssignment, User
from fleksi.common.errors import ServiceError
from fleksi.demo.services.request_history import HistoryPlan, write_history
from fleksi.eligibility.services import eligibility_evaluate
from fleksi.jobmap.models import EmployeeException
from fleksi.jobmap.services import exception_grant
from fleksi.org.models import Employee, Office, Unit
from fleksi.org.selectors import unit_head_on
from fleksi.policy.domain.calendar import WorkCalendar
from fleksi.policy.models import UnitOverride
from fleksi.policy.selectors import version_in_force, work_calendar
from fleksi.schedule.models import ApprovalStep, WfaRequest
from fleksi.schedule.permissions import PLACE_DECIDER_ROLES, place_decider_kind
from fleksi.schedule.selectors.workflow import first_approver, head_at_or_above
from fleksi.schedule.services import (
    PlanItemIn,
    request_approve,
    request_recall,
    request_reject,
    request_return,
    request_submit,
)
from fleksi.schedule.services.absences import absence_create
from fleksi.schedule.services.places import place_decide, place_propose

WITA = ZoneInfo("Asia/Makassar")
PEOPLE = 30  # employees with requests from today on
HISTORY_PEOPLE = 24  # other employees with requests in the weeks before
SAMPLE = 160  # employees whose eligibility is looked at to find them
OUTPUTS = (
    ("Menyusun draf laporan kinerja triwulan", 1, "dokumen"),
    ("Merekap data usulan Musrenbang kecamatan", 18, "kecamatan"),
    ("Memverifikasi dokumen pertanggungjawaban (SPJ)", 25, "berkas"),
    ("Menyusun notula rapat koordinasi", 2, "notula"),
    ("Memutakhirkan data inventaris aset", 40, "item"),
    ("Menyusun telaahan staf", 1, "naskah"),
    ("Mengolah data survei kepuasan masyarakat", 120, "responden"),
    ("Menyusun bahan paparan pimpinan", 1, "paparan"),
    ("Menginput capaian kinerja ke e-Kinerja", 12, "indikator"),
    ("Menyusun draf surat edaran", 1, "draf"),
)
REASONS = (
    "Fokus menyelesaikan laporan tanpa gangguan.",
    "Mengurangi perjalanan jauh ke kantor; pekerjaan dapat dikerjakan daring.",
    "Pengolahan data membutuhkan waktu kerja yang tidak terputus.",
    "Menyelesaikan draf dokumen sesuai tenggat.",
)
REJECTIONS = (
    "Ada rapat koordinasi dengan Sekda pada hari itu; mohon hadir di kantor.",
    "Kegiatan monitoring bersama tim; WFA ditunda dulu.",
    "Hari itu ada pemeriksaan Inspektorat, semua staf diminta di kantor.",
)
RETURNS = (
    "Target keluaran belum terukur; mohon tambahkan jumlah dan tenggatnya.",
    "Mohon rinci rencana kerja per hari WFA.",
)
QUOTA_FULL = "Kuota WFA unit pada hari itu sudah penuh; silakan pilih hari lain."
RECALL = (
    "Dua petugas loket Seksi Identitas Penduduk sakit; mohon bantu perekaman KTP-el di "
    "ruang pelayanan."
)


@dataclass(frozen=True)
class RequestSeedReport:
    requests: int  # through the services
    history: int  # written directly for the weeks before today
    statuses: dict[str, int]  # days by status, all requests
    absences: int
    places: int


def _users(employee_ids: list[int]) -> dict[int, User]:
    users = User.objects.filter(employee_id__in=employee_ids, is_active=True)
    return {u.employee_id: u for u in users if u.employee_id is not None}


def _plan(rng: random.Random, last_day: date, n: int = 1) -> list[PlanItemIn]:
    picks = rng.sample(OUTPUTS, n)
    return [PlanItemIn(what, Decimal(qty), unit, last_day) for what, qty, unit in picks]


def _weeks(cal: WorkCalendar, start: date, n: int) -> list[list[date]]:
    """The working days of the ``n`` ISO weeks after ``start``'s week."""
    monday = start - timedelta(days=start.weekday())
    weeks = []
    for i in range(1, n + 1):
        first = monday + timedelta(weeks=i)
        weeks.append(cal.working_days(first, first + timedelta(days=4)))
    return weeks


def _candidates(rng: random.Random, day: date, first: list[int], wanted: int) -> list[Employee]:
    """Eligible staff (not heads) outside the public-service units, with an approver."""
    ids = list(
        Employee.objects.filter(
            is_active=True, unit__is_public_service=False, position__is_head=False
        ).values_list("pk", flat=True)
    )
    sample = [i for i in first if i in ids] + rng.sample(ids, min(SAMPLE, len(ids)))
    found: list[Employee] = []
    seen: set[int] = set()
    people = Employee.objects.select_related("unit", "position").in_bulk(sample)
    for pk in sample:
        if pk in seen or pk not in people:
            continue
        seen.add(pk)
        employee = people[pk]
        if employee.domicile_id is None:
            continue
        if not eligibility_evaluate(employee=employee, day=day)[1].allowed:
            continue
        if first_approver(employee, day) is None:
            continue
        found.append(employee)
        if len(found) >= wanted:
            break
    return found


def _submit(
    user: User, employee: Employee, days: list[date], rng: random.Random, **kw: Any
) -> WfaRequest | None:
    try:
        return request_submit(
            actor=user,
            employee=employee,
            days=days,
            reason=kw.pop("reason", rng.choice(REASONS)),
            plan=_plan(rng, max(days), rng.choice((1, 1, 2))),
            **kw,
        )
    except ServiceError:
        return None


def _decide(
    request: WfaRequest,
    rng: random.Random,
    users: dict[int, User],
    mood: str,
    only: list[date] | None = None,
) -> None:
    """The approver's decision: ``approve`` (``only`` these days, or all), ``partly``,
    ``reject`` or ``return``."""
    step = ApprovalStep.objects.filter(request=request, status="pending").first()
    if step is None:
        return
    if step.approver_id not in users:
        users.update(_users([step.approver_id]))
    actor = users.get(step.approver_id)
    if actor is None:
        return
    days = sorted(request.days.filter(status="pending").values_list("day", flat=True))
    try:
        if mood == "reject":
            request_reject(actor=actor, step=step, comment=rng.choice(REJECTIONS))
        elif mood == "return":
            request_return(actor=actor, step=step, comment=rng.choice(RETURNS))
        elif mood == "partly" and len(days) > 1:
            request_reject(actor=actor, step=step, days=days[-1:], comment=rng.choice(REJECTIONS))
            request_approve(actor=actor, step=step, comment="Satu hari saja untuk minggu ini.")
        else:
            request_approve(
                actor=actor, step=step, days=only, comment="Disetujui, laporkan hasilnya."
            )
    except ServiceError:
        # The quota was taken by an earlier approval: the head says so.
        step.refresh_from_db()
        if step.status == ApprovalStep.Status.PENDING:
            request_reject(actor=actor, step=step, comment=QUOTA_FULL)


def _place_decider(employee: Employee) -> User | None:
    """The account that decides on places under the policy in force (Pasal 11)."""
    day = timezone.localdate()
    kind = place_decider_kind(day)
    if kind in PLACE_DECIDER_ROLES:
        return (
            User.objects.filter(role_assignments__role=PLACE_DECIDER_ROLES[kind])
            .order_by("pk")
            .first()
        )
    approver = first_approver(employee, day)
    if kind == "opd_head":
        top = employee.unit
        while top.parent is not None:
            top = top.parent
        approver = head_at_or_above(top, day, not_=employee.pk)
    return _users([approver[0].pk]).get(approver[0].pk) if approver else None


def _approved_place(employee: Employee, user: User, rng: random.Random) -> Any:
    head = _place_decider(employee)
    if head is None or employee.domicile is None:
        return None
    place = place_propose(
        actor=user,
        employee=employee,
        name=rng.choice(("Perpustakaan Daerah", "Ruang baca kelurahan", "Rumah orang tua")),
        address=f"Jl. Pahlawan No. {rng.randrange(1, 90)}",
        desa=employee.domicile,
        reason="Koneksi internet stabil dan dekat rumah.",
    )
    return place_decide(actor=head, place=place, approve=True)


def _future(
    rng: random.Random, people: list[Employee], weeks: list[list[date]], rina: int | None
) -> tuple[int, int]:
    """Requests from today on; returns (requests, approved places)."""
    users = _users([p.pk for p in people])
    offices = list(Office.objects.order_by("pk").values_list("pk", flat=True)[:200])
    made = places = 0
    for i, employee in enumerate(people):
        user = users.get(employee.pk)
        if user is None:
            continue
        if employee.pk == rina and len(weeks[0]) >= 4:
            # Rina plans Tuesday and Thursday; a third day in the same week is refused.
            tue_thu = [d for d in weeks[0] + weeks[1] if d.weekday() in (1, 3)]
            first = _submit(user, employee, tue_thu, rng, reason="Dua hari WFA per minggu.")
            _submit(user, employee, [weeks[0][2]], rng)
            if first is not None:  # this week's days are approved, next week's wait
                _decide(first, rng, users, "approve", only=[d for d in tue_thu if d in weeks[0]])
                made += 2
            continue
        kw: dict[str, Any] = {}
        if i % 9 == 4 and offices:
            kw = {"location_type": "office", "office": Office.objects.get(pk=rng.choice(offices))}
        elif i % 11 == 6:
            place = _approved_place(employee, user, rng)
            if place is not None:
                kw, places = {"location_type": "approved_place", "place": place}, places + 1
        elif i % 13 == 7:
            kw = {"kind": "official_duty", "reason": "Monitoring kegiatan fisik di desa."}
        week = i % len(weeks)
        n = 3 if i % 8 == 3 else rng.choice((1, 2, 2))
        days = sorted(rng.sample(weeks[week], min(n, len(weeks[week]))))
        request = _submit(user, employee, days, rng, **kw)
        if request is None:
            continue
        made += 1
        roll = rng.random()
        if week == 0:
            mood = (
                "approve"
                if roll < 0.65
                else "partly"
                if roll < 0.75
                else "reject"
                if roll < 0.88
                else "return"
            )
            _decide(request, rng, users, mood)
        elif week == 1 and roll < 0.4:
            _decide(request, rng, users, "approve")
    return made, places


def _bkpsdm() -> User | None:
    found = (
        RoleAssignment.objects.current().filter(role="bkpsdm_admin").select_related("user").first()
    )
    return found.user if found else None


def _disdukcapil_recall(rng: random.Random, week: list[date], root: Unit) -> int:
    """An application developer of Disdukcapil (unit exclusion lifted) works from home two
    days; the head of his bidang recalls the first because two counter officers are sick."""
    admin = _bkpsdm()
    if admin is None or len(week) < 2:
        return 0
    excepted = EmployeeException.objects.values("employee_id")
    staff = (
        Employee.objects.filter(
            unit__path__startswith=root.path,
            unit__is_public_service=False,
            position__is_head=False,
            is_active=True,
        )
        .exclude(pk__in=excepted)
        .select_related("unit", "position")
        .order_by("pk")
    )
    today = timezone.localdate()
    for employee in staff:
        failures = eligibility_evaluate(employee=employee, day=week[0])[1].failures
        if {t.rule for t in failures} != {"public_service_unit"}:
            continue  # the exception would not be enough
        exception_grant(
            actor=admin,
            employee=employee,
            kind="duty_in_public_service",
            reason="Pengembang aplikasi; tidak melayani masyarakat secara langsung.",
            start=today - timedelta(days=14),
            end=today + timedelta(days=180),
            waives_unit_exclusion=True,
        )
        if not eligibility_evaluate(employee=employee, day=week[0])[1].allowed:
            continue
        user = _users([employee.pk]).get(employee.pk)
        request = _submit(user, employee, week[:2], rng) if user else None
        if request is None or request.status != WfaRequest.Status.PENDING:
            continue
        step = ApprovalStep.objects.get(request=request, status="pending")
        head = _users([step.approver_id]).get(step.approver_id)
        if head is None:
            return 0
        request_approve(actor=head, step=step, comment="Disetujui.")
        return request_recall(actor=head, request=request, days=week[:1], reason=RECALL)
    return 0


def _counters(day: date) -> Unit | None:
    """The service counters of the demo: the unit with its own minimum on site."""
    version = version_in_force(day)
    found = (
        UnitOverride.objects.filter(version=version, min_onsite_staff__isnull=False)
        .select_related("unit")
        .order_by("unit__path")
        .first()
        if version
        else None
    )
    return found.unit if found else None


def _absences(
    rng: random.Random, weeks: list[list[date]], people: list[Employee], counters: Unit | None
) -> int:
    """Bu Sari's counters: two sick on the recall day, four away the next (a shortfall);
    and leave, sickness and travel here and there."""
    admin = _bkpsdm()
    if admin is None:
        return 0
    made = 0
    if counters is not None and len(weeks[0]) >= 3:
        head = unit_head_on(counters, timezone.localdate())
        actor = _users([head.pk]).get(head.pk, admin) if head else admin
        officers = list(
            Employee.objects.filter(unit=counters, position__is_head=False, is_active=True)
            .select_related("unit")
            .order_by("pk")
        )
        first, second = weeks[0][0], weeks[0][1]
        plan = [
            ("sick", first, second, "Demam, surat dokter menyusul."),
            ("sick", first, second, ""),
            ("leave", second, weeks[0][-1], "Cuti tahunan."),
            ("official_travel", second, second, "Rapat teknis di Samarinda."),
        ]
        for officer, (kind, start, end, note) in zip(officers, plan, strict=False):
            absence_create(
                actor=actor, employee=officer, kind=kind, start=start, end=end, note=note
            )
            made += 1
    today = timezone.localdate()
    for employee in rng.sample(people, min(6, len(people))):
        kind = rng.choice(("leave", "sick", "official_travel"))
        start = today + timedelta(days=rng.randrange(-20, 20))
        length = {"leave": rng.randrange(1, 5), "sick": rng.randrange(0, 2)}.get(kind, 2)
        try:
            absence_create(
                actor=admin,
                employee=employee,
                kind=kind,
                start=start,
                end=start + timedelta(days=length),
                note="Perjalanan dinas ke Samarinda." if kind == "official_travel" else "",
            )
        except ServiceError:
            continue
        made += 1
    return made


def seed_requests(
    *,
    rng: random.Random,
    today: date,
    personas: Mapping[str, int] | None = None,
    not_before: date | None = None,
) -> RequestSeedReport:
    """A month of requests and decisions around ``today`` (see the module's docstring);
    ``personas`` maps persona keys ("rina") to employee ids; the weeks written as history
    start no earlier than ``not_before`` (the demo's WFA start, when it has one)."""
    if WfaRequest.objects.exists():
        return RequestSeedReport(0, 0, {}, 0, 0)
    personas = personas or {}
    real_today = timezone.localdate()
    cal = work_calendar(today - timedelta(days=40), real_today + timedelta(days=40))
    weeks = [w for w in _weeks(cal, real_today, 3) if w]
    if not weeks or version_in_force(weeks[0][0]) is None:
        return RequestSeedReport(0, 0, {}, 0, 0)
    rina = personas.get("rina")
    # Those with requests from today on have no history: their past WFA days would wait for
    # output reports, which the output supervision's demo does not write.
    found = _candidates(rng, weeks[0][0], [rina] if rina else [], PEOPLE + HISTORY_PEOPLE)
    people, earlier = found[:PEOPLE], found[PEOPLE:]
    made, places = _future(rng, people, weeks, rina)
    counters = _counters(weeks[0][0])
    root = Unit.objects.filter(pk=counters.root_id or counters.pk).first() if counters else None
    recalled = _disdukcapil_recall(rng, weeks[0], root) if root is not None else 0
    absences = _absences(rng, weeks, people, counters)
    history = write_history(
        HistoryPlan(
            rng=rng,
            people=earlier,
            weeks=[
                past
                for w in _weeks(cal, today - timedelta(weeks=4), 4)
                if (past := [d for d in w if d < real_today and d >= (not_before or d)])
            ],
            users=_users([p.pk for p in earlier]),
            stamp=lambda day: datetime.combine(day, time(8, rng.randrange(0, 59)), WITA),
        )
    )
    statuses = Counter(
        WfaRequest.objects.values_list("days__status", flat=True).exclude(days__status=None)
    )
    return RequestSeedReport(
        requests=made + (1 if recalled else 0),
        history=history,
        statuses=dict(statuses),
        absences=absences,
        places=places,
    )
