"""The demo's working times (issue 14): the patterns the PPK set in the demo Perbup and who
follows them, so that every unit of the demo is judged by its own schedule.

- RSUD: the nursing units (Bidang Keperawatan) work three shifts (P 07–14, S 14–21, M 21–07)
  planned in a monthly duty roster, published for the current and the next month with a
  minimum staff per shift;
- inpatient puskesmas (every third puskesmas): a rotating cycle P P S S M M – –, each person
  at their own place in it;
- the fire service's operations (Damkar, fire posts): 24 hours from 08:00, then two days off,
  in three watches;
- schools: a six-day week with Saturday classes;
- PPPK paruh waktu: four hours a day (08:00–12:00).
Holidays and cuti bersama apply to the weekly patterns, not to shifts and duty.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q
from django.utils import timezone

from fleksi.common.domain.months import month_start, next_month
from fleksi.org.models import Employee, Unit
from fleksi.policy.models import PolicyVersion
from fleksi.worktime.models import DutyRoster, DutyShift, PersonWorkPattern, UnitWorkPattern
from fleksi.worktime.services import month_days, work_pattern_set

BASIS = "ditetapkan PPK dalam Perbup (Perpres 21/2023 Pasal 5)"
WARD = "rsud3"
PUSKESMAS = "puskesmas-ri"
FIRE = "damkar24"
SCHOOL = "sekolah6"
PART_TIME = "paruh-waktu"
CYCLE_ANCHOR = "2026-01-05"
NURSE_CYCLE = ("P", "P", "S", "S", "M", "M", "", "")
THREE_SHIFTS = {
    "P": {"start": "07:00", "end": "14:00", "break": 0},
    "S": {"start": "14:00", "end": "21:00", "break": 0},
    "M": {"start": "21:00", "end": "07:00", "break": 0},
}
PATTERNS: tuple[tuple[str, str, dict[str, Any], str], ...] = (
    (
        WARD,
        "RSUD: tiga shift (jadwal dinas bulanan)",
        {
            "kind": "roster",
            "holidays_apply": False,
            "ramadan_applies": False,
            "shifts": THREE_SHIFTS,
        },
        "",
    ),
    (
        PUSKESMAS,
        "Puskesmas rawat inap: shift bergilir",
        {
            "kind": "cycle",
            "holidays_apply": False,
            "ramadan_applies": False,
            "anchor": CYCLE_ANCHOR,
            "shifts": THREE_SHIFTS,
            "cycle": [c or None for c in NURSE_CYCLE],
        },
        "",
    ),
    (
        FIRE,
        "Damkar: jaga 24 jam, libur dua hari",
        {
            "kind": "cycle",
            "holidays_apply": False,
            "ramadan_applies": False,
            "anchor": CYCLE_ANCHOR,
            "shifts": {"D24": {"start": "08:00", "end": "08:00", "break": 120}},
            "cycle": ["D24", None, None],
        },
        "",
    ),
    (
        SCHOOL,
        "Sekolah: enam hari (Sabtu masuk)",
        {
            "kind": "weekly",
            "holidays_apply": True,
            "shifts": {
                "wd": {"start": "07:00", "end": "13:30", "break": 30},
                "fri": {"start": "07:00", "end": "11:30", "break": 0},
                "sat": {"start": "07:00", "end": "12:30", "break": 0},
                "ram": {"start": "07:30", "end": "12:00", "break": 0},
            },
            "week": {
                "mon": "wd",
                "tue": "wd",
                "wed": "wd",
                "thu": "wd",
                "fri": "fri",
                "sat": "sat",
            },
            "ramadan_week": {
                "mon": "ram",
                "tue": "ram",
                "wed": "ram",
                "thu": "ram",
                "fri": "ram",
                "sat": "ram",
            },
        },
        "",
    ),
    (
        PART_TIME,
        "PPPK paruh waktu: empat jam",
        {
            "kind": "weekly",
            "holidays_apply": True,
            "shifts": {"pw": {"start": "08:00", "end": "12:00", "break": 0}},
            "week": {"mon": "pw", "tue": "pw", "wed": "pw", "thu": "pw", "fri": "pw"},
        },
        "pppk_pw",
    ),
)


def _nursing() -> list[Unit]:
    return list(Unit.objects.filter(name="Bidang Keperawatan", root__kind="rsud"))


def _inpatient() -> list[Unit]:
    return list(Unit.objects.filter(kind="puskesmas").order_by("code"))[::3]


def _fire() -> list[Unit]:
    return list(Unit.objects.filter(name__startswith="Bidang Operasi Pemadaman"))


def demo_patterns_write(*, actor: Any, version: PolicyVersion) -> None:
    """The patterns and the units that follow them, on the draft before it is published."""
    for code, name, definition, asn in PATTERNS:
        work_pattern_set(
            actor=actor,
            version=version,
            code=code,
            name=name,
            definition=definition,
            basis=BASIS,
            asn_type=asn,
        )
    by_code = {p.code: p for p in version.work_patterns.all()}
    units: list[tuple[Unit, str]] = [
        *((u, WARD) for u in _nursing()),
        *((u, PUSKESMAS) for u in _inpatient()),
        *((u, FIRE) for u in _fire()),
        *((u, SCHOOL) for u in Unit.objects.filter(kind="sekolah")),
    ]
    UnitWorkPattern.objects.bulk_create(
        UnitWorkPattern(version=version, unit=u, pattern=by_code[code]) for u, code in units
    )


def _people_of(units: list[Unit]) -> list[int]:
    q = Q(pk__in=[])
    for u in units:
        q |= Q(unit__path__startswith=u.path)
    return list(
        Employee.objects.filter(q, is_active=True)
        .exclude(asn_type="pppk_pw")
        .order_by("id")
        .values_list("id", flat=True)
    )


def demo_people_write(*, start: date) -> int:
    """Each fire-fighter's watch and each inpatient nurse's place in the cycle (from
    ``start``); returns the people given a pattern of their own."""
    rows = [
        PersonWorkPattern(
            employee_id=e, pattern_code=FIRE, start=start, cycle_offset=i % 3, reason="Regu jaga"
        )
        for i, e in enumerate(_people_of(_fire()))
    ]
    rows += [
        PersonWorkPattern(
            employee_id=e,
            pattern_code=PUSKESMAS,
            start=start,
            cycle_offset=i % len(NURSE_CYCLE),
            reason="Giliran rawat inap",
        )
        for i, e in enumerate(_people_of(_inpatient()))
    ]
    PersonWorkPattern.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def demo_rosters_write(*, months: list[date]) -> int:
    """Published rosters of the RSUD nursing units: each nurse rotates P P S S M M – – from
    their own place; the minimum per shift is what the plan gives on its leanest day."""
    written = 0
    for unit in _nursing():
        nurses = _people_of([unit])
        if not nurses:
            continue
        for month in months:
            days = month_days(month)
            roster = DutyRoster.objects.create(
                unit=unit, month=month, pattern_code=WARD, status="published"
            )
            shifts = [
                DutyShift(
                    roster=roster,
                    employee_id=e,
                    day=d,
                    shift_code=NURSE_CYCLE[(d.toordinal() + i) % len(NURSE_CYCLE)],
                    published=True,
                )
                for i, e in enumerate(nurses)
                for d in days
            ]
            DutyShift.objects.bulk_create(shifts, batch_size=5000)
            counts: dict[tuple[date, str], int] = {}
            for s in shifts:
                counts[(s.day, s.shift_code)] = counts.get((s.day, s.shift_code), 0) + 1
            roster.min_staff = {
                code: min(counts.get((d, code), 0) for d in days) for code in THREE_SHIFTS
            }
            roster.published_at = timezone.now()
            roster.save(update_fields=["min_staff", "published_at"])
            written += 1
    return written


def demo_worktime_months(since: date, today: date) -> list[date]:
    """The months of the published rosters: from the month of ``since`` to the next month."""
    months, month, last = [], month_start(since), next_month(today)
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months
