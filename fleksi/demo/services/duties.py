"""Demo data of the duty mapping: duties, answers and assessments for the demo positions,
written set-based (a few bulk inserts for thousands of positions).

Called by the demo seeding (``fleksi.demo``) after positions and employees exist::

    from fleksi.demo.services.duties import seed_duty_mapping
    seed_duty_mapping(actor=actor, rng=random.Random(seed), today=today)

Positions that already have duties are left alone, so a second call adds nothing.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.utils import timezone

from fleksi.audit.services import Change, audit_record_many
from fleksi.jobmap.domain.catalogue import CODES, duties_for
from fleksi.jobmap.domain.criteria import duty_suitable
from fleksi.jobmap.models import (
    Assessment,
    AssessmentAnswer,
    AssessmentDuty,
    Duty,
    EmployeeException,
)
from fleksi.org.models import Employee, Position

BATCH = 2000
WITA = ZoneInfo("Asia/Makassar")
# Share of positions per state of their mapping (the rest: duties recorded, not assessed).
STATES = (("approved", 0.82), ("proposed", 0.06), ("returned", 0.03), ("draft", 0.03))
RETURN_COMMENTS = (
    "Alasan kriteria TIK belum menjelaskan aplikasi yang digunakan.",
    "Persentase waktu tugas pelayanan tampak terlalu kecil; mohon dicek dengan ABK.",
    "Uraian tugas belum sesuai Anjab terbaru.",
)


@dataclass(frozen=True)
class DutySeedReport:
    positions: int
    duties: int
    states: dict[str, int]
    exceptions: int


def _pick_state(rng: random.Random) -> str:
    roll = rng.random()
    for state, share in STATES:
        if roll < share:
            return state
        roll -= share
    return "none"


def _moment(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(8 + rng.randrange(8), rng.randrange(60)), tzinfo=WITA)


def seed_duty_mapping(
    *, actor: Any, rng: random.Random, today: date | None = None
) -> DutySeedReport:
    """Duties for every position without any, and for most of them an assessment (mostly
    approved; a few proposed, returned or in draft), plus a few employee exceptions."""
    today = today or timezone.localdate()
    user = actor if getattr(actor, "pk", None) is not None else None
    positions = list(
        Position.objects.exclude(duties__isnull=False)
        .order_by("id")
        .values_list("id", "name", "kind", "is_head", "unit__root_id", "unit_id")
    )
    plans = [(p, duties_for(p[1], p[2], p[3], rng), _pick_state(rng)) for p in positions]
    states = Counter(state for _p, _d, state in plans)
    with transaction.atomic():
        duties = [
            Duty(
                position_id=p[0],
                order=i,
                description=d.description,
                output=d.output,
                time_share=d.time_share,
            )
            for p, seeded, _s in plans
            for i, d in enumerate(seeded, start=1)
        ]
        seeded_at = timezone.now()
        Duty.objects.bulk_create(duties, batch_size=BATCH)
        # As if entered from the Anjab before the assessments below (not "changed since").
        entered = _moment(today - timedelta(days=120), rng)
        Duty.objects.filter(created_at__gte=seeded_at).update(
            created_at=entered, updated_at=entered
        )
        assessed = [(p, seeded, s) for p, seeded, s in plans if s != "none"]
        assessments = []
        for p, _seeded, state in assessed:
            proposed_day = today - timedelta(days=rng.randrange(5, 90))
            decided_day = proposed_day + timedelta(days=rng.randrange(1, 5))
            a = Assessment(position_id=p[0], version=1, status=state, created_by=user)
            if state != "draft":
                a.criteria = list(CODES)
                a.proposed_by, a.proposed_at = user, _moment(proposed_day, rng)
            if state in ("approved", "returned"):
                a.decided_by, a.decided_at = user, _moment(min(decided_day, today), rng)
            a.is_current = state == "approved"
            if state == "returned":
                a.comment = rng.choice(RETURN_COMMENTS)
            assessments.append(a)
        Assessment.objects.bulk_create(assessments, batch_size=BATCH)
        # bulk_create sets the primary keys (PostgreSQL; SQLite 3.35 and later).
        duty_ids = {(d.position_id, d.order): d.pk for d in duties}
        copies: list[AssessmentDuty] = []
        answers_of: list[tuple[int, tuple[bool, ...], tuple[str, ...]]] = []
        for a, (p, seeded, state) in zip(assessments, assessed, strict=True):
            for i, d in enumerate(seeded, start=1):
                copies.append(
                    AssessmentDuty(
                        assessment=a,
                        duty_id=duty_ids[(p[0], i)],
                        order=i,
                        description=d.description,
                        output=d.output,
                        time_share=d.time_share,
                        suitable=None
                        if state == "draft"
                        else duty_suitable(dict(zip(CODES, d.answers, strict=True)), CODES),
                    )
                )
                answers_of.append((len(copies) - 1, d.answers, d.reasons))
        AssessmentDuty.objects.bulk_create(copies, batch_size=BATCH)
        _insert_answers(
            (copies[index].pk, code, yes, reason)
            for index, flags, reasons in answers_of
            for code, yes, reason in zip(CODES, flags, reasons, strict=True)
        )
        exceptions = _seed_exceptions(user, rng, today)
        per_stream: Counter[int] = Counter(p[4] or p[5] for p, _d, _s in plans)
        for root_id, n in per_stream.items():
            audit_record_many(
                actor=actor,
                stream=f"pd:{root_id}",
                changes=[
                    Change(
                        action="jobmap.demo.seed", object_type="jobmap.duty", after={"positions": n}
                    )
                ],
            )
    return DutySeedReport(len(positions), len(duties), dict(states), exceptions)


def _insert_answers(rows: Iterable[tuple[int, str, bool, str]]) -> None:
    """Answers are the bulk of the rows (five per duty): one prepared INSERT run for all of
    them is several times faster than building model instances."""
    meta = AssessmentAnswer._meta
    names = [meta.get_field(f).column for f in ("duty", "criterion", "answer", "reason")]  # type: ignore[union-attr]
    columns = ", ".join(connection.ops.quote_name(str(n)) for n in names)
    table = connection.ops.quote_name(meta.db_table)
    sql = f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s)"  # noqa: S608
    batch: list[tuple[int, str, bool, str]] = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(row)
            if len(batch) >= 10_000:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def _seed_exceptions(user: Any, rng: random.Random, today: date) -> int:
    """A few exceptions: back-office staff of public-service units (the unit exclusion
    lifted) and special circumstances (a better class for a while). Only into an empty table."""
    if EmployeeException.objects.exists():
        return 0
    finance = list(
        Employee.objects.filter(
            is_active=True, unit__is_public_service=True, position__name__icontains="keuangan"
        )
        .order_by("id")
        .values_list("id", flat=True)[:400]
    )
    others = list(
        Employee.objects.filter(is_active=True, position__kind="pelaksana")
        .exclude(pk__in=finance)
        .order_by("id")
        .values_list("id", flat=True)[:2000]
    )
    rows = [
        EmployeeException(
            employee_id=emp_id,
            kind="duty_in_public_service",
            reason="Tugas administrasi keuangan, tidak melayani masyarakat secara langsung.",
            start=today - timedelta(days=30),
            end=today + timedelta(days=335),
            waives_unit_exclusion=True,
            granted_by=user,
        )
        for emp_id in rng.sample(finance, min(len(finance), 6))
    ]
    rows += [
        EmployeeException(
            employee_id=emp_id,
            kind="special_circumstances",
            reason="Keadaan khusus: pemulihan kesehatan sesuai surat keterangan dokter.",
            start=today - timedelta(days=7),
            end=today + timedelta(days=rng.randrange(14, 60)),
            override_class="capable",
            granted_by=user,
        )
        for emp_id in rng.sample(others, min(len(others), 4))
    ]
    EmployeeException.objects.bulk_create(rows)
    return len(rows)
