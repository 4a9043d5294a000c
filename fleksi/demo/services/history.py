"""Writing the demo history (``seed_demo --history N``): the records of the pure generator
(``fleksi.demo.domain.history``) inserted set-based, fast, then the monthly figures of the
evaluation computed for every month.

The rows skip the per-row model logic (no ``save()``, no signals, no audit entry per row):
on PostgreSQL they are streamed with ``COPY``, on SQLite inserted with ``executemany``, in
batches, with ids given by the writer (and the sequences set after). Every database
constraint holds: one check-in per slot, one active WFA day per person and date, one rating
per person and month... The person-days the other demo parts already wrote are left alone.
The audit trail gets one summary entry.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.accounts.models import User
from fleksi.audit.services import AGENCY_STREAM, Change, audit_record
from fleksi.demo.domain import output_texts as texts
from fleksi.demo.domain.history import (
    APPROVED,
    HistoryInput,
    Person,
    WeekRecords,
    generate_history,
    history_span,
    months_before,
)
from fleksi.demo.domain.records import DEFAULT_SEED
from fleksi.demo.services import SeedReport, demo_seed
from fleksi.eligibility.selectors import facts_for
from fleksi.insights.services.refresh import stats_refresh
from fleksi.org.models import Employee
from fleksi.outputs.models import MonthlyRating, OutputReport, PlannedOutput, Verification
from fleksi.policy.domain.eligibility import ELIGIBILITY_RULES
from fleksi.policy.domain.engine import evaluate
from fleksi.policy.domain.requests import allowed_offsite
from fleksi.policy.models import RamadanPeriod
from fleksi.policy.selectors import params_of, version_in_force, work_calendar
from fleksi.presence.models import Checkin
from fleksi.schedule.models import Absence, ApprovalStep, RequestDay, WfaRequest, WorkPlanItem
from fleksi.worktime.selectors import own_schedules_between

WITA = ZoneInfo("Asia/Makassar")
FLUSH_ROWS = 200_000
# Ramadan of the years a history may reach (the demo policy adds the next one).
RAMADAN = ((date(2025, 3, 1), date(2025, 3, 30)), (date(2026, 2, 18), date(2026, 3, 19)))
# The idempotency keys of history check-ins: a fixed prefix and a counter (unique, stable).
KEY_PREFIX = 0xF1E5_4D15_0000_0000 << 64
HISTORY_TRACE = json.dumps({"verdict": "allowed", "version": None, "rules": [], "history": True})
REASON = "Menyelesaikan pekerjaan pengolahan data dan laporan."
RETURNED = "Bukti dukung belum lengkap; mohon lengkapi lampirannya."
REJECTED = "Ada rapat evaluasi bulanan; mohon hadir di kantor."


@dataclass
class HistoryReport:
    months: int
    first_day: date
    wfa_start: date
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


# --- Fast insertion --------------------------------------------------------------------------


def _sqlite_adapter(f: models.Field[Any, Any]) -> Callable[[Any], Any] | None:
    if isinstance(f, models.DateTimeField):
        return lambda v: (
            None if v is None else v.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
        )
    if isinstance(f, models.DateField):
        return lambda v: None if v is None else v.isoformat()
    if isinstance(f, models.UUIDField):
        return lambda v: v.hex
    if isinstance(f, models.DecimalField):
        return lambda v: None if v is None else str(v)
    return None


class Table:
    """Rows of one model, ids given here, written in large batches."""

    def __init__(self, model: type[models.Model], columns: Sequence[str]) -> None:
        self.model = model
        self.columns = ("id", *columns)
        self.rows: list[tuple[Any, ...]] = []
        self.written = 0
        last = model._default_manager.order_by("-pk").values_list("pk", flat=True).first()
        self.next_id = int(last or 0) + 1
        fields = {f.column: f for f in model._meta.concrete_fields}
        self.adapters = [_sqlite_adapter(fields[c]) for c in self.columns]

    def add(self, *values: Any) -> int:
        pk = self.next_id
        self.next_id += 1
        self.rows.append((pk, *values))
        return pk

    def flush(self) -> None:
        if not self.rows:
            return
        table = connection.ops.quote_name(self.model._meta.db_table)
        cols = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                convert = [(i, a) for i, a in enumerate(self.adapters) if a is not None]
                rows = []
                for row in self.rows:
                    values = list(row)
                    for i, a in convert:
                        values[i] = a(values[i])
                    rows.append(values)
                marks = ", ".join(["%s"] * len(self.columns))
                cursor.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)  # noqa: S608
        self.written += len(self.rows)
        self.rows = []


def _reset_sequences(tables: Iterable[Table]) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), [t.model for t in tables])
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


# --- Inputs ----------------------------------------------------------------------------------


def _ramadan(first: date, last: date) -> None:
    for start, end in RAMADAN:
        if start <= last and end >= first:
            RamadanPeriod.objects.get_or_create(start=start, end=end)


def _busy(
    first: date, last: date
) -> tuple[frozenset[tuple[int, date]], frozenset[tuple[int, date]], frozenset[tuple[int, date]]]:
    """Person-days the other demo parts wrote: (check-ins or absences; WFA days or outputs;
    approved WFA days)."""
    busy: set[tuple[int, date]] = set()
    planned: set[tuple[int, date]] = set()
    span = {"day__gte": first, "day__lte": last}
    busy.update(Checkin.objects.filter(**span).values_list("employee_id", "day"))
    for model in (RequestDay, PlannedOutput, OutputReport):
        planned.update(model._default_manager.filter(**span).values_list("employee_id", "day"))
    approved = RequestDay.objects.filter(**span, status=APPROVED)
    for emp, start, end in Absence.objects.filter(start__lte=last, end__gte=first).values_list(
        "employee_id", "start", "end"
    ):
        d = max(start, first)
        while d <= min(end, last):
            busy.add((emp, d))
            d += timedelta(days=1)
    return (
        frozenset(busy),
        frozenset(planned),
        frozenset(approved.values_list("employee_id", "day")),
    )


def _own_hours(first: date, last: date) -> dict[int, dict[date, tuple[int, int]]]:
    """The people with schedules of their own (shifts, duty cycles, six-day weeks, part-time
    hours): their working days with start and end in minutes from the day's midnight."""

    def minutes(moment: datetime, day: date) -> int:
        return int((moment - datetime.combine(day, dtime(0))).total_seconds() // 60)

    return {
        e: {d: (minutes(s.start, d), minutes(s.end, d)) for d, s in days.items()}
        for e, days in own_schedules_between(first, last).items()
    }


@dataclass(frozen=True)
class _Who:
    user: int
    desa: int | None
    supervisor: int | None
    supervisor_unit: int | None
    supervisor_user: int | None


def _people(today: date) -> tuple[list[Person], dict[int, _Who], dict[int, int], int]:
    """The active employees (their perangkat daerah, appointment, whether they may work from
    anywhere under today's policy), who they are as users, and the quota per perangkat
    daerah."""
    version = version_in_force(today)
    params = params_of(version) if version else None
    allowed: set[int] = set()
    if params is not None:
        allowed = {
            facts.employee_id
            for facts, _place in facts_for(Employee.objects.all(), day=today, params=params)
            if evaluate(ELIGIBILITY_RULES, facts, params).allowed
        }
    users = dict(User.objects.filter(employee__isnull=False).values_list("employee_id", "id"))
    rows = list(
        Employee.objects.filter(is_active=True)
        .order_by("pk")
        .values_list(
            "pk",
            "unit_id",
            "unit__root_id",
            "tmt_appointment",
            "domicile_id",
            "supervisor_id",
            "supervisor__unit_id",
            "position__is_head",
        )
    )
    people, who = [], {}
    headcount: dict[int, int] = {}
    for pk, unit, root, tmt, desa, sup, sup_unit, head in rows:
        if pk not in users:
            continue
        pd = root or unit
        headcount[pd] = headcount.get(pd, 0) + 1
        sup_user = users.get(sup) if sup else None
        wfa = pk in allowed and not head and sup_user is not None and desa is not None
        people.append(Person(pk, pd, tmt or date.min, wfa, sup_user is not None))
        who[pk] = _Who(users[pk], desa, sup, sup_unit, sup_user)
    share = params.default_max_offsite_share if params else 0.3
    quota = {pd: allowed_offsite(n, share) for pd, n in headcount.items()}
    return people, who, quota, params.report_deadline_days if params else 1


# --- Writing ---------------------------------------------------------------------------------


class _Writer:
    def __init__(self, who: dict[int, _Who], now: datetime) -> None:
        self.who = who
        self.now = now
        self.checkins = Table(
            Checkin,
            (
                "employee_id", "day", "slot", "kind", "mode", "checked_at",
                "server_received_at", "synced_late", "idempotency_key", "outcome", "flags",
                "flagged", "counted", "late_minutes", "early_minutes", "trace", "manual",
                "source", "time_proof",
            ),
        )  # fmt: skip
        self.requests = Table(
            WfaRequest,
            (
                "employee_id", "kind", "location_type", "desa_id", "reason", "evidence",
                "evidence_name", "evidence_sha256", "status", "submitted_at", "decided_at",
                "created_by_id", "duty_letter_number", "duty_letter", "duty_letter_sha256",
            ),
        )  # fmt: skip
        self.days = Table(
            RequestDay,
            ("request_id", "employee_id", "day", "status", "trace", "decided_by_id",
             "decided_at", "note"),
        )  # fmt: skip
        self.steps = Table(
            ApprovalStep,
            ("request_id", "level", "approver_id", "via_unit_id", "status", "due_at",
             "acted_by_id", "acted_at", "comment"),
        )  # fmt: skip
        self.items = Table(
            WorkPlanItem,
            ("request_id", "order", "description", "quantity", "unit_of_measure", "due_date"),
        )
        self.planned = Table(
            PlannedOutput,
            ("employee_id", "day", "description", "target_quantity", "unit", "source",
             "plan_item_id", "created_by_id", "created_at"),
        )  # fmt: skip
        self.reports = Table(
            OutputReport,
            (
                "employee_id", "day", "planned_output_id", "description", "quantity", "unit",
                "evidence", "evidence_name", "evidence_type", "evidence_size",
                "evidence_sha256", "evidence_url", "reported_at", "due_on", "late", "status",
                "quality", "revision", "updated_at",
            ),
        )  # fmt: skip
        self.verifications = Table(
            Verification,
            ("report_id", "level", "verifier_id", "status", "due_at", "quality", "comment",
             "acted_by_id", "acted_at", "created_at"),
        )  # fmt: skip
        self.ratings = Table(
            MonthlyRating,
            ("employee_id", "month", "results_suggested", "results", "basis", "behaviour",
             "behaviour_notes", "predikat_suggested", "predikat", "changed_reason",
             "rated_by_id", "rated_at"),
        )  # fmt: skip
        self.keys = KEY_PREFIX + self.checkins.next_id
        self.request_ids: dict[int, int] = {}
        self.item_ids: dict[tuple[int, date], int] = {}
        self.midnight: dict[date, datetime] = {}
        self.onsite = 0  # planned outputs of on-site days (own plans, no request)

    @property
    def tables(self) -> tuple[Table, ...]:
        return (
            self.requests, self.days, self.steps, self.items, self.planned, self.reports,
            self.verifications, self.ratings, self.checkins,
        )  # fmt: skip

    def at(self, day: date, minute: int) -> datetime:
        base = self.midnight.get(day)
        if base is None:
            base = datetime.combine(day, dtime(0), WITA).astimezone(UTC)
            self.midnight[day] = base
        return base + timedelta(minutes=minute)

    def week(self, w: WeekRecords) -> None:
        self._requests(w)
        self._outputs(w)
        add = self.checkins.add
        at = self.at
        for emp, day, slot, mode, minute, late, early in w.checkins:
            moment = at(day, minute)
            self.keys += 1
            present = mode not in ("leave", "sick")
            add(
                emp, day, slot, "in" if slot == 1 else "out", mode, moment, moment, False,
                uuid.UUID(int=self.keys), "warn" if late or early else "pass", "[]", False,
                present, late, early, "[]", False, "online", "server",
            )  # fmt: skip
        for emp, month, predikat in w.ratings:
            who = self.who[emp]
            rated = min(self.at((month + timedelta(days=32)).replace(day=3), 9 * 60), self.now)
            level = "below" if predikat in ("butuh_perbaikan", "kurang", "sangat_kurang") else "as"
            level = "above" if predikat == "sangat_baik" else level
            self.ratings.add(
                emp, month, level, level, "{}", level, "{}", predikat, predikat, "",
                who.supervisor_user, rated,
            )  # fmt: skip
        if sum(len(t.rows) for t in self.tables) >= FLUSH_ROWS:
            self.flush()

    def _requests(self, w: WeekRecords) -> None:
        for r in w.requests:
            who = self.who[r.employee]
            submitted = self.at(r.submitted_on, 8 * 60 + r.key % 50)
            decided = submitted + timedelta(hours=2 + r.key % 20)
            pk = self.requests.add(
                r.employee, "regular", "home", who.desa, REASON, "", "", "", r.status,
                submitted, decided, who.user, "", "", "",
            )  # fmt: skip
            self.request_ids[r.key] = pk
            note = REJECTED if r.status != APPROVED else ""
            for d in r.days:
                self.days.add(pk, r.employee, d, r.status, HISTORY_TRACE, who.supervisor_user,
                              decided, note)  # fmt: skip
            self.steps.add(
                pk, 1, who.supervisor, who.supervisor_unit, r.status,
                submitted + timedelta(days=2), who.supervisor_user, decided, note,
            )  # fmt: skip

    def _outputs(self, w: WeekRecords) -> None:
        for o in w.outputs:
            who = self.who[o.employee]
            what, _qty, unit = texts.ONSITE_OUTPUTS[o.what % len(texts.ONSITE_OUTPUTS)]
            target = Decimal(o.target)
            if o.request is None:  # an on-site day: the employee's own plan, no request
                self.onsite += 1
                item, source = None, "own"
            else:
                request = self.request_ids[o.request]
                item, source = self.items.add(request, 1, what, target, unit, o.day), "request"
            planned = self.planned.add(
                o.employee, o.day, what, target, unit, source, item, who.user, self.now
            )
            r = o.report
            if r is None:
                continue
            reported = self.at(r.reported_on, 15 * 60 + o.what % 120)
            report = self.reports.add(
                o.employee, o.day, planned, texts.REPORT_TEXTS[o.what % len(texts.REPORT_TEXTS)],
                Decimal(r.quantity), unit, "", "", "", 0, "",
                f"https://srikandi.arsip.go.id/naskah/DEMO-{o.what:03d}{planned % 1000:03d}",
                reported, r.due_on, r.late, r.status, r.quality, 0, reported,
            )  # fmt: skip
            acted = r.status != "submitted"
            self.verifications.add(
                report, 1, who.supervisor, "pending" if not acted else r.status,
                reported + timedelta(days=3), r.quality,
                RETURNED if r.status == "returned" else REJECTED if r.status == "rejected" else "",
                who.supervisor_user if acted else None,
                reported + timedelta(hours=18) if acted else None, reported,
            )  # fmt: skip

    def flush(self) -> None:
        for t in self.tables:
            t.flush()


def history_write(
    *, first_day: date, wfa_start: date, today: date, seed: int
) -> tuple[dict[str, int], dict[str, float], int]:
    """Generate and write the history from ``first_day`` to yesterday; returns the rows
    written per table, the seconds of each step and how many of the planned outputs are
    on-site days' own plans."""
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    last = today - timedelta(days=1)
    _ramadan(first_day, last)
    cal = work_calendar(first_day, last)
    days = [d for d in cal.working_days(first_day, last) if d < today]
    hours = {d: h for d in days if (h := cal.hours(d)) is not None}
    people, who, quota, deadline = _people(today)
    own = _own_hours(first_day, last)
    rated = frozenset(
        MonthlyRating.objects.filter(month__gte=first_day).values_list("month", flat=True)
    )
    busy, planned, wfa_days = _busy(first_day, last)
    history = HistoryInput(
        people=people,
        days=[d for d in days if d in hours],
        hours=hours,
        wfa_start=wfa_start,
        today=today,
        seed=seed,
        quota=quota,
        report_deadline_days=deadline,
        busy=busy,
        planned=planned,
        wfa_days=wfa_days,
        rated_months=rated,
        own=own,
    )
    seconds["inputs"] = time.perf_counter() - started
    writer = _Writer(who, datetime.now(UTC))
    for week in generate_history(history):
        writer.week(week)
    writer.flush()
    _reset_sequences(writer.tables)
    seconds["records"] = time.perf_counter() - started - seconds["inputs"]
    counts = {t.model._meta.db_table: t.written for t in writer.tables}
    audit_record(
        actor=None,
        stream=AGENCY_STREAM,
        change=Change(
            action="demo.seed",
            object_type="demo.history",
            object_repr=_("Demo history"),
            after=counts,
            context={
                "first_day": first_day,
                "wfa_start": wfa_start,
                "today": today,
                "onsite_outputs": writer.onsite,
            },
        ),
    )
    return counts, seconds, writer.onsite


def demo_seed_with_history(
    *,
    size: str,
    seed: int = DEFAULT_SEED,
    history: int = 0,
    today: date | None = None,
    password: str | None = None,
) -> SeedReport:
    """The demo (``demo_seed``), then ``history`` months of records before the current month
    and the current month up to yesterday (one transaction), then the evaluation's figures of
    every one of those months. ``counts`` gets ``history_rows``, the rows per table and
    ``history_onsite_outputs`` (the planned outputs of on-site days), ``timings`` the seconds
    of each step."""
    today = today or timezone.localdate()
    report = demo_seed(size=size, seed=seed, today=today, password=password, history=history)
    report.counts["history_months"] = history
    report.counts["history_rows"] = 0
    report.counts["history_onsite_outputs"] = 0
    if not history:
        return report
    first_day, wfa_start = history_span(today, history)
    with transaction.atomic():
        counts, seconds, onsite = history_write(
            first_day=first_day, wfa_start=wfa_start, today=today, seed=seed + 7
        )
    report.timings.update({f"history_{k}": v for k, v in seconds.items()})
    report.counts["history_rows"] = sum(counts.values())
    report.counts.update({f"history_{table}": n for table, n in counts.items()})
    report.counts["history_onsite_outputs"] = onsite
    started = time.perf_counter()
    current = today.replace(day=1)
    months = [months_before(current, n) for n in range(history, -1, -1)]
    stats_refresh(months=months, today=today)
    report.timings["refresh"] = time.perf_counter() - started
    return report
