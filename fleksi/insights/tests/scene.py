"""A small world with real records of every kind the evaluation counts, and the same figures
recounted by brute force in plain Python straight from the source tables.

The records are made with model creates (one statement each, no rules in between), so that
a test controls exactly what lies in the tables; the recount reads them back row by row and
applies the definitions of ``docs/insights.md`` without any of the set-based statements of
``selectors/sources.py`` or ``services/refresh.py``.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from fleksi.common.domain.months import month_end
from fleksi.eligibility.models import WfaSuspension
from fleksi.eligibility.selectors import facts_of
from fleksi.insights.domain.figures import COUNTS, PERSON_COUNTS, RATINGS, SUMS, Figures
from fleksi.insights.models import PersonMonth, UnitMonth
from fleksi.jobmap.models import EmployeeException
from fleksi.org.models import Employee, Unit
from fleksi.outputs.models import (
    MonthlyRating,
    OutputReport,
    PlannedOutput,
    Verification,
)
from fleksi.outputs.selectors.deadlines import overdue_cutoff
from fleksi.places.selectors.readiness import desa_readiness_get
from fleksi.places.services import profile_update
from fleksi.policy.domain.eligibility import ELIGIBILITY_RULES
from fleksi.policy.domain.engine import evaluate
from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import params_of, version_in_force
from fleksi.presence.models import Checkin
from fleksi.presence.selectors.facts import day_rules_forget
from fleksi.presence.selectors.recap import period_of
from fleksi.schedule.models import Absence, RequestDay, WfaRequest, WorkPlanItem
from fleksi.servicelevel.models import (
    Complaint,
    PublicService,
    SafeguardAlert,
    SatisfactionSurvey,
    ServiceDaily,
    ServiceLevelConfig,
)
from fleksi.servicelevel.models.safeguard import ACTIVE_STATUSES
from fleksi.servicelevel.services import service_create
from fleksi.testkit.policy import publish_policy
from fleksi.testkit.world import World

Pick = Callable[[Sequence[Any]], Any]
STAFF = ("head_a", "head_bidang", "head_seksi", "staff_a1", "staff_a2", "head_b", "staff_b1")
MODES = (
    "none",
    "onsite",
    "onsite",
    "wfa_home",
    "wfa_other",
    "official_duty",
    "leave",
    "sick",
    "uncounted",
    "absence",
    "travel",
)
DAY_STATUSES = ("approved", "approved", "refused", "rejected", "pending", "cancelled")
REPORT_STATUSES = ("none", "accepted", "accepted", "submitted", "returned", "rejected")


def prepare(w: World, month: date) -> World:
    """A policy in force since well before ``month``, a ready desa where everyone lives, an
    exception making one analyst WFA-capable, two public services, a WFA start, and Bappeda
    located in another kecamatan."""
    today = timezone.localdate()
    policy = publish_policy(w)
    PolicyVersion.objects.filter(pk=policy.pk).update(effective_from=month - timedelta(days=70))
    day_rules_forget()
    profile_update(
        actor=None,
        desa=w.desa["melayu"],
        best_network="4g",
        electricity_24h=True,
        blank_spot=False,
        source="Survei",
        surveyed_on=month - timedelta(days=90),
    )
    EmployeeException.objects.create(
        employee=w.people["staff_b1"],
        kind="other",
        reason="uji",
        start=month - timedelta(days=40),
        end=today + timedelta(days=60),
        override_class="capable",
    )
    Unit.objects.filter(pk=w.units["b"].pk).update(kecamatan=w.kecamatan["tbg"])
    bkpsdm = w.user("bkpsdm")
    w.services = {
        "ktp": service_create(
            actor=bkpsdm,
            unit=w.units["a_loket"],
            code="T-KTP",
            name="Perekaman KTP-el",
            processing_unit="minutes",
            standard_max_processing=60,
            standard_max_waiting_minutes=30,
        ),
        "akta": service_create(
            actor=bkpsdm,
            unit=w.units["a_bid"],
            code="T-AKTA",
            name="Akta Kelahiran",
            processing_unit="days",
            standard_max_processing=3,
        ),
    }
    ServiceLevelConfig.objects.update_or_create(
        pk=1, defaults={"wfa_start": month - timedelta(days=30)}
    )
    return w


def _at(day: date, hh: int, mm: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hh, mm)))


@dataclass
class Made:
    checkins: int = 0
    request_days: int = 0
    outputs: int = 0
    keys: list[str] = field(default_factory=list)


def populate(
    w: World,
    month: date,
    pick: Pick,
    *,
    people: Iterable[str] = STAFF,
    max_days: int | None = None,
    services: bool = True,
) -> Made:
    """Records of ``month`` (up to today) for ``people``, every choice made by ``pick``."""
    today = timezone.localdate()
    period = period_of(month, today=today)
    days = list(period.working_days)[:max_days] if max_days else list(period.working_days)
    made = Made()
    creator = w.user("kepeg_a")
    head = w.people["head_a"]
    now = timezone.now()
    for key in people:
        e = w.people[key]
        made.keys.append(key)
        for d in days:
            mode = pick(MODES)
            if mode == "absence":
                Absence.objects.create(
                    employee=e, kind=pick(("leave", "sick", "other")), start=d, end=d,
                    created_by=creator,
                )  # fmt: skip
                mode = pick(("none", "onsite"))  # a check-in may still come in
            elif mode == "travel":
                Absence.objects.create(
                    employee=e, kind="official_travel", start=d, end=d, created_by=creator
                )
                mode = "none"
            if mode != "none":
                counted = mode != "uncounted"
                real = "onsite" if mode == "uncounted" else mode
                slots = [1] + ([2] if pick((True, True, False)) else [])
                for slot in slots:
                    Checkin.objects.create(
                        employee=e,
                        day=d,
                        slot=slot,
                        kind="in" if slot == 1 else "out",
                        mode=real,
                        checked_at=_at(d, 7 if slot == 1 else 16, 30),
                        server_received_at=_at(d, 7 if slot == 1 else 16, 31),
                        idempotency_key=uuid.uuid4(),
                        outcome="pass",
                        source="online",
                        counted=counted,
                        flagged=pick((False, False, False, True)),
                        late_minutes=pick((0, 0, 0, 7)) if slot == 1 else 0,
                        early_minutes=pick((0, 0, 12)) if slot == 2 else 0,
                    )
                    made.checkins += 1
            status = pick(("",) * 3 + DAY_STATUSES)
            if status:
                request = WfaRequest.objects.create(
                    employee=e, status="approved", created_by=w.user(key)
                )
                RequestDay.objects.create(request=request, employee=e, day=d, status=status)
                made.request_days += 1
                if status == "approved" and pick((True, False)):
                    item = WorkPlanItem.objects.create(
                        request=request,
                        order=1,
                        description="Menyusun laporan",
                        quantity=1,
                        unit_of_measure="dokumen",
                        due_date=d,
                    )
                    if pick((True, False)):  # taken over into the day's plan
                        PlannedOutput.objects.create(
                            employee=e, day=d, description="Menyusun laporan", target_quantity=1,
                            unit="dokumen", source="request", plan_item=item, created_by=creator,
                        )  # fmt: skip
            _outputs(e, d, pick, head, now, made)
        if pick((True, True, False)):
            predikat = pick(RATINGS)
            MonthlyRating.objects.create(
                employee=e, month=month, results="as", behaviour="as",
                predikat_suggested=predikat, predikat=predikat, rated_by=creator, rated_at=now,
            )  # fmt: skip
        if pick((False, False, True)):
            WfaSuspension.objects.create(
                employee=e, month=month, start=month_end(month) + timedelta(days=1),
                end=month_end(month) + timedelta(days=30), trigger="achievement",
                reason="uji", decided_at=now,
            )  # fmt: skip
    if services:
        _service_records(w, month, days, pick, now)
    return made


def _outputs(e: Employee, d: date, pick: Pick, head: Employee, now: datetime, made: Made) -> None:
    kind = pick(("", "", "planned", "planned", "unplanned"))
    if not kind:
        return
    planned = None
    if kind == "planned":
        planned = PlannedOutput.objects.create(
            employee=e,
            day=d,
            description="Verifikasi berkas",
            target_quantity=pick((1, 2, 4)),
            unit="berkas",
            source="own",
            created_by=None,
        )
        made.outputs += 1
    status = pick(REPORT_STATUSES) if planned else pick(REPORT_STATUSES[1:])
    if status == "none":
        return
    report = OutputReport.objects.create(
        employee=e,
        day=d,
        planned_output=planned,
        description="Verifikasi berkas",
        quantity=pick((0, 1, 2, 3, 5)),
        unit="berkas",
        evidence_url="https://drive.example/berkas",
        reported_at=_at(d, 15, 0),
        due_on=d + timedelta(days=1),
        late=pick((False, False, True)),
        status=status,
        quality=pick((None, 55, 80, 100)) if status == "accepted" else None,
    )
    if status == "submitted":
        Verification.objects.create(
            report=report,
            verifier=head,
            status="pending",
            due_at=now + timedelta(hours=pick((-30, -2, 5))),
        )


def _service_records(w: World, month: date, days: list[date], pick: Pick, now: datetime) -> None:
    services: dict[str, PublicService] = w.services
    for svc in services.values():
        for d in days:
            if not pick((True, True, False)):
                continue
            ServiceDaily.objects.create(
                service=svc,
                day=d,
                received=pick((0, 12, 40)),
                completed=pick((0, 10, 38)),
                median_processing=pick((None, Decimal("2.5"), Decimal("3"), Decimal("45"))),
                median_waiting_minutes=pick((None, Decimal("7.25"), Decimal("31"))),
                source="demo",
                entered_at=now,
            )
    for i, d in enumerate(days[: pick((0, 2, 5))]):
        unit = pick(("a_loket", "a_bid", "b"))
        Complaint.objects.create(
            external_id=f"C-{month:%Y%m}-{i}-{uuid.uuid4().hex[:6]}",
            unit=w.units[unit],
            received_on=d,
            category="Antrian",
            status=pick(("open", "resolved")),
            source="demo",
            updated_at=now,
        )
    last = min(month_end(month), timezone.localdate())
    for n, unit in enumerate(("a_loket", "b")):
        if pick((True, False)):
            respondents = pick((10, 55))
            SatisfactionSurvey.objects.create(
                service=services["ktp"] if unit == "a_loket" else None,
                unit=w.units[unit],
                period_start=month,
                period_end=last - timedelta(days=n),
                respondents=respondents,
                **{f"u{k}": Decimal("3.250") for k in range(1, 10)},
                index=pick((Decimal("81.25"), Decimal("76.5"))),
                grade="B",
                source="demo",
                entered_at=now,
            )
    if pick((True, False)):
        _alert(services["akta"], days[0] if days else month, pick(("open", "closed")))


def _alert(service: PublicService, day: date, status: str) -> SafeguardAlert:
    # One active alert per service and measure (a database constraint): a scene that drew an
    # open alert where one is active already records this one as closed.
    active = SafeguardAlert.objects.filter(
        service=service, metric="processing_time", status__in=ACTIVE_STATUSES
    )
    if status in ACTIVE_STATUSES and active.exists():
        status = "closed"
    return SafeguardAlert.objects.create(
        service=service,
        metric="processing_time",
        baseline_value=2,
        recent_value=3,
        change_pct=50,
        threshold_pct=10,
        baseline_start=day - timedelta(days=130),
        baseline_end=day - timedelta(days=41),
        recent_start=day - timedelta(days=29),
        recent_end=day,
        fired_on=day,
        fired_at=timezone.now(),
        status=status,
    )


# --- The recount --------------------------------------------------------------------------------


def _covers(absence: Absence, day: date) -> bool:
    return absence.start <= day <= absence.end


def recount_people(month: date) -> dict[int, dict[str, Any]]:
    """Employee id → every field of ``PersonMonth``, from the source tables row by row."""
    today = timezone.localdate()
    period = period_of(month, today=today)
    start, end = month, min(month_end(month), today)
    per_day = period.checkins_per_day
    people = {
        e.pk: e
        for e in Employee.objects.all()
        if (e.is_active and e.tmt_appointment <= month)
        or Checkin.objects.filter(employee=e, day__gte=start, day__lte=end).exists()
    }
    out: dict[int, dict[str, Any]] = {}
    zero: dict[str, Any] = dict.fromkeys(PERSON_COUNTS, 0) | {"achievement_sum": 0.0}

    def row(pk: int) -> dict[str, Any]:
        if pk not in out:
            out[pk] = dict(zero)
        return out[pk]

    checkins: dict[tuple[int, date], list[Checkin]] = defaultdict(list)
    for c in Checkin.objects.filter(day__gte=start, day__lte=end):
        checkins[(c.employee_id, c.day)].append(c)
    absences = list(Absence.objects.all())
    for pk in people:
        r = row(pk)
        for d in period.working_days:
            cs = checkins.get((pk, d), [])
            mine = [a for a in absences if a.employee_id == pk and _covers(a, d)]
            counted = [c for c in cs if c.counted]
            onsite = any(c.mode == "onsite" for c in counted)
            wfa = any(c.mode in ("wfa_home", "wfa_other") for c in counted)
            duty = any(c.mode == "official_duty" for c in counted) or any(
                a.kind == "official_travel" for a in mine
            )
            leave = any(a.kind != "official_travel" for a in mine) or any(
                c.mode in ("leave", "sick") for c in cs
            )
            r["working_days"] += 1
            if onsite:
                r["onsite_days"] += 1
            elif wfa:
                r["wfa_present_days"] += 1
            elif duty:
                r["duty_days"] += 1
            elif leave:
                r["leave_days"] += 1
            elif d < today:
                r["missing_days"] += 1
            present = onsite or wfa or duty
            r["late_days"] += any(c.slot == 1 and c.late_minutes > 0 for c in counted)
            r["early_days"] += any(c.slot == per_day and c.early_minutes > 0 for c in counted)
            departed = any(c.slot == per_day for c in counted)
            r["incomplete_days"] += present and not departed and d < today
            r["flagged_days"] += any(c.flagged for c in cs)
    for day in RequestDay.objects.filter(day__gte=start, day__lte=end):
        name = {"approved": "wfa_days", "refused": "wfa_refused_days"}.get(day.status)
        name = name or ("wfa_rejected_days" if day.status == "rejected" else None)
        if name:
            row(day.employee_id)[name] += 1
    reports = {r.planned_output_id: r for r in OutputReport.objects.exclude(planned_output=None)}
    for p in PlannedOutput.objects.filter(day__gte=start, day__lte=end):
        r = row(p.employee_id)
        r["outputs"] += 1
        rep = reports.get(p.pk)
        if rep is not None and rep.status in ("accepted", "submitted"):
            if rep.quantity >= p.target_quantity:
                r["outputs_full"] += 1
                r["achievement_sum"] += 1.0
            else:
                r["achievement_sum"] += float(rep.quantity) / float(p.target_quantity)
    for item in WorkPlanItem.objects.filter(planned_output__isnull=True):
        approved = sorted(
            d.day for d in RequestDay.objects.filter(request=item.request, status="approved")
        )
        # The scene gives each request a single day: the item is planned on it.
        if approved and start <= approved[0] <= end:
            row(item.request.employee_id)["outputs"] += 1
    for rep in OutputReport.objects.filter(day__gte=start, day__lte=end):
        r = row(rep.employee_id)
        r["reports"] += 1
        r["reports_on_time"] += not rep.late
        if rep.status == "accepted" and rep.quality is not None:
            r["quality_sum"] += rep.quality
            r["quality_n"] += 1
        r["awaiting"] += rep.status == "submitted"
    moment = timezone.now()
    for v in Verification.objects.filter(status="pending").select_related("report"):
        if v.due_at < moment and start <= v.report.day <= end:
            row(v.report.employee_id)["overdue"] += 1
    cutoff = overdue_cutoff(today)
    reported = set(OutputReport.objects.values_list("employee_id", "day"))
    for day in RequestDay.objects.filter(day__gte=start, day__lte=end, status="approved"):
        if day.day <= cutoff and (day.employee_id, day.day) not in reported:
            row(day.employee_id)["unreported_days"] += 1
    # Who they are in the month: unit, eligibility, readiness, suspension, rating.
    version = version_in_force(end) or version_in_force(today)
    params = params_of(version) if version else None
    suspended = set(WfaSuspension.objects.filter(month=month).values_list("employee_id", flat=True))
    ratings = dict(MonthlyRating.objects.filter(month=month).values_list("employee_id", "predikat"))
    for pk in set(suspended) | set(ratings):
        row(pk)
    for pk, r in out.items():
        e = Employee.objects.get(pk=pk)
        facts = facts_of(e, day=end, params=params) if params else None
        r["unit_id"] = e.unit_id
        r["eligible"] = bool(facts and evaluate(ELIGIBILITY_RULES, facts, params).allowed)
        capable = params is None or bool(
            facts and facts.position_class in params.allowed_position_classes
        )
        ready_desa = desa_readiness_get(e.domicile_id) if e.domicile_id else None
        r["capable"] = capable
        r["ready_home"] = capable and bool(ready_desa and ready_desa.readiness.ready)
        r["suspended"] = pk in suspended
        r["predikat"] = ratings.get(pk, "")
    return out


def recount_units(month: date, people: dict[int, dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Unit id → every field of ``UnitMonth`` (root and kecamatan included)."""
    today = timezone.localdate()
    start, end = month, min(month_end(month), today)
    current = month == today.replace(day=1)
    out: dict[int, dict[str, Any]] = {}
    zero: dict[str, Any] = dict.fromkeys(COUNTS, 0) | dict.fromkeys(SUMS, 0.0)

    def row(unit_id: int) -> dict[str, Any]:
        if unit_id not in out:
            out[unit_id] = dict(zero)
        return out[unit_id]

    for p in people.values():
        u = row(p["unit_id"])
        for name in (*PERSON_COUNTS, "achievement_sum"):
            u[name] += p[name]
        u["headcount"] += 1
        for flag in ("eligible", "capable", "ready_home", "suspended"):
            u[flag] += p[flag]
        u["wfa_users"] += p["wfa_days"] > 0
        u["rated"] += p["predikat"] != ""
        for rating in RATINGS:
            u[f"rating_{rating}"] += p["predikat"] == rating
    for s in ServiceDaily.objects.filter(day__gte=start, day__lte=end).select_related("service"):
        u = row(s.service.unit_id)
        u["svc_days"] += 1
        u["svc_received"] += s.received
        u["svc_completed"] += s.completed
        if s.median_processing is not None:
            u["svc_timed_days"] += 1
            u["svc_within_standard"] += s.median_processing <= s.service.standard_max_processing
        if s.median_waiting_minutes is not None:
            u["svc_waiting_days"] += 1
            u["svc_waiting_sum"] += float(s.median_waiting_minutes)
    for c in Complaint.objects.filter(received_on__gte=start, received_on__lte=end):
        row(c.unit_id)["complaints"] += 1
    for sv in SatisfactionSurvey.objects.filter(period_end__gte=start, period_end__lte=end):
        u = row(sv.unit_id)
        u["ikm_respondents"] += sv.respondents
        u["ikm_weighted"] += float(sv.index) * sv.respondents
    for a in SafeguardAlert.objects.select_related("service"):
        if start <= a.fired_on <= end or (
            current and a.fired_on < start and a.status in ACTIVE_STATUSES
        ):
            row(a.service.unit_id)["alerts_active"] += 1
    units = {u.pk: u for u in Unit.objects.select_related("root")}
    for unit_id, u in out.items():
        unit = units[unit_id]
        root = unit.root or unit
        u["root_id"] = root.pk
        u["kecamatan_id"] = unit.kecamatan_id or root.kecamatan_id
    return out


def figures_of(values: dict[str, Any]) -> Figures:
    return Figures.of(values)


def total_of(rows: Iterable[dict[str, Any]]) -> Figures:
    out = Figures()
    for r in rows:
        out = out + Figures.of(r)
    return out


def assert_figures_equal(got: Figures, expected: Figures, label: str = "") -> None:
    for name in (*COUNTS, *SUMS):
        a, b = getattr(got, name), getattr(expected, name)
        if name in SUMS:
            assert a == pytest.approx(b, abs=1e-6), f"{label} {name}: {a} != {b}"
        else:
            assert a == b, f"{label} {name}: {a} != {b}"


PERSON_FIELDS = (*PERSON_COUNTS, "achievement_sum", "unit_id", "eligible", "capable",
                 "ready_home", "suspended", "predikat")  # fmt: skip
UNIT_FIELDS = (*COUNTS, *SUMS, "root_id", "kecamatan_id")


def stored_people(month: date) -> dict[int, dict[str, Any]]:
    return {
        r["employee_id"]: r
        for r in PersonMonth.objects.filter(month=month).values("employee_id", *PERSON_FIELDS)
    }


def stored_units(month: date) -> dict[int, dict[str, Any]]:
    return {
        r["unit_id"]: r
        for r in UnitMonth.objects.filter(month=month).values("unit_id", *UNIT_FIELDS)
    }


def assert_rows_equal(
    stored: dict[int, dict[str, Any]], recounted: dict[int, dict[str, Any]], fields: Sequence[str]
) -> None:
    assert set(stored) == set(recounted)
    for key, expected in recounted.items():
        got = stored[key]
        for name in fields:
            a, b = got[name], expected[name]
            if isinstance(b, float):
                assert a == pytest.approx(b, abs=1e-6), f"{key} {name}: {a} != {b}"
            else:
                assert a == b, f"{key} {name}: {a} != {b}"
