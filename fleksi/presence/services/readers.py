"""Attendance from the office readers already on the walls (issue 20 §1).

Two imports through the shared import framework (decision 0016), both all or nothing:

- :func:`reader_users_file_import`: who each reader user id is (``MESIN``, ``ID_PENGGUNA``,
  ``NIP``), kept as :class:`~fleksi.presence.models.ReaderUser`;
- :func:`attendance_file_import`: a reader's attendance log or a generic CSV/XLSX
  (:mod:`fleksi.presence.domain.punches`). Each punch becomes a check-in of source
  "reader", judged by the same rules and the same schedule as a check-in made in Fleksi
  (the day of a night shift's morning punch is the shift's day; late and early minutes).

Deduplication: a punch's idempotency key is derived from the reader, the user id (or NIP)
and the time, so importing the same file again changes nothing. The first check-in of a slot
counts: a punch for a slot already taken — by a check-in made in Fleksi, or by an earlier
punch (a second press at the door) — is reported in the summary, not written.

A punch whose in/out state the reader did not record is placed by the person's schedule of
the day: before the middle of the working window it is the arrival, from the middle on the
departure (without a schedule: before or after noon). On a four-check-in day only the
reader's break states (2 and 3) fill the middle slots.
"""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation

from fleksi.audit.services import Change, audit_record_many
from fleksi.common.bulk import insert_rows
from fleksi.common.domain.importing import RowProblem, TextRow
from fleksi.common.importing.messages import describe
from fleksi.common.importing.pipeline import file_import, table_import
from fleksi.common.importing.reader import MB, Limits
from fleksi.common.importing.report import ImportReport
from fleksi.org.models import Employee
from fleksi.org.services import unit_stream
from fleksi.policy.domain.engine import evaluate
from fleksi.presence.domain.facts import CheckinFacts
from fleksi.presence.domain.punches import (
    COL_NIP,
    COL_USER,
    GENERIC_COLUMNS,
    LOG_USER,
    Punch,
    read_punches,
)
from fleksi.presence.domain.rules import PRESENCE_RULES
from fleksi.presence.domain.slots import kind_of
from fleksi.presence.messages import IMPORT_MESSAGES, judgement
from fleksi.presence.models import Checkin, ReaderUser, TimeProof
from fleksi.presence.selectors.facts import (
    Person,
    circumstances,
    day_rules,
    offices_preload,
    person_of,
)
from fleksi.worktime.domain.attribution import attribute
from fleksi.worktime.domain.patterns import DaySchedule
from fleksi.worktime.selectors import ScheduleBook

LIMITS = Limits(max_bytes=20 * MB, max_rows=200_000)
# The names a reader's own log is saved under; read as text like a CSV file.
LOG_SUFFIXES = (".dat", ".txt", ".log")
KEYS = uuid.UUID("5f1c1f0e-20a1-4c1e-9e5b-72ea0de5a020")  # namespace of the punches' keys
NOON = time(12, 0)

COL_DEVICE = "MESIN"
USER_COLUMNS = (COL_DEVICE, COL_USER, COL_NIP)


@dataclass
class AttendanceReport(ImportReport):
    """``taken``: punches for a slot already taken (reported in ``notices``, not written);
    ``ignored``: break punches on a two-check-in day."""

    taken: int = 0
    ignored: int = 0
    notices: list[RowProblem] = field(default_factory=list)


def punch_key(device: str, punch: Punch) -> uuid.UUID:
    """The same punch of the same reader always has the same key."""
    who = punch.user_id or f"nip:{punch.nip}"
    return uuid.uuid5(KEYS, f"{device.strip()}|{who}|{punch.at.isoformat()}")


def _in_scope(path: str, unit_paths: Sequence[str] | None) -> bool:
    return unit_paths is None or any(path.startswith(p) for p in unit_paths)


# --- who is who ---------------------------------------------------------------------------


@dataclass(frozen=True)
class UserRow:
    line: int
    device: str
    user_id: str
    nip: str


def _check_user_rows(rows: list[TextRow]) -> tuple[list[UserRow], list[RowProblem]]:
    out: list[UserRow] = []
    problems: list[RowProblem] = []
    first: dict[tuple[str, str], int] = {}
    for raw in rows:
        v = raw.values
        device, user, nip = v.get(COL_DEVICE, "")[:40], v.get(COL_USER, ""), v.get(COL_NIP, "")
        found = []
        if not user:
            found.append(RowProblem(raw.line, COL_USER, "required"))
        elif len(user) > 20:
            found.append(
                RowProblem(raw.line, COL_USER, "too_long", {"max": 20, "length": len(user)})
            )
        if not nip:
            found.append(RowProblem(raw.line, COL_NIP, "required"))
        if found:
            problems.extend(found)
            continue
        if (device, user) in first:
            problems.append(
                RowProblem(
                    raw.line, COL_USER, "reader_user_twice", {"first_line": first[device, user]}
                )
            )
            continue
        first[device, user] = raw.line
        out.append(UserRow(raw.line, device, user, nip))
    return out, problems


def reader_users_import(
    rows: Sequence[UserRow],
    dry_run: bool,
    unit_paths: Sequence[str] | None = None,
    actor: Any = None,
) -> ImportReport:
    """Who each reader user id is, from checked rows; each mapping added or moved to another
    employee is audited in the stream of the employee's perangkat daerah (a mapping decides
    whose attendance a punch is)."""
    employees = {
        e.nip: e
        for e in Employee.objects.filter(nip__in={r.nip for r in rows}).select_related("unit")
    }
    existing = {
        (m.device, m.user_id): m
        for m in ReaderUser.objects.filter(user_id__in={r.user_id for r in rows})
    }
    report = ImportReport(rows=len(rows))
    new: list[ReaderUser] = []
    changed: list[ReaderUser] = []
    for r in rows:
        employee = employees.get(r.nip)
        if employee is None or not _in_scope(employee.unit.path, unit_paths):
            report.problems.append(RowProblem(r.line, COL_NIP, "nip_unknown", {"nip": r.nip}))
            continue
        m = existing.get((r.device, r.user_id))
        if m is None:
            new.append(ReaderUser(device=r.device, user_id=r.user_id, employee=employee))
        elif m.employee_id != employee.pk:
            m.employee = employee
            m.updated_at = timezone.now()  # bulk_update leaves auto_now alone
            changed.append(m)
        else:
            report.unchanged += 1
    report.created, report.updated = len(new), len(changed)
    if report.problems or dry_run:
        return report
    changes: dict[str, list[Change]] = {}
    for m, action in [*((m, "create") for m in new), *((m, "update") for m in changed)]:
        changes.setdefault(unit_stream(m.employee.unit), []).append(
            Change(
                action=f"presence.reader_user.{action}",
                object_type="presence.readeruser",
                object_id=f"{m.device}:{m.user_id}",
                object_repr=f"{m.employee.name} ({m.device or '*'} #{m.user_id})",
                after={"device": m.device, "user_id": m.user_id, "employee": m.employee_id},
            )
        )
    with transaction.atomic():
        ReaderUser.objects.bulk_create(new)
        ReaderUser.objects.bulk_update(changed, ["employee", "updated_at"])
        for stream, entries in sorted(changes.items()):
            audit_record_many(actor=actor, stream=stream, changes=entries)
    report.applied = True
    return report


def reader_users_file_import(
    *,
    actor: Any,
    name: str,
    data: bytes,
    dry_run: bool = False,
    unit_paths: Sequence[str] | None = None,
) -> ImportReport:
    """Read, check and (unless ``dry_run`` or a problem) save a file of reader user ids."""

    def write(rows: Sequence[UserRow], check_only: bool) -> ImportReport:
        return reader_users_import(rows, check_only, unit_paths, actor)

    return file_import(
        name=name,
        data=data,
        columns=USER_COLUMNS,
        required=(COL_USER, COL_NIP),
        check=_check_user_rows,
        write=write,
        report=ImportReport,
        dry_run=dry_run,
        limits=Limits(max_bytes=5 * MB, max_rows=100_000),
    )


# --- the punches ---------------------------------------------------------------------------


def _employees(
    punches: Sequence[Punch], device: str, unit_paths: Sequence[str] | None
) -> tuple[dict[int, Employee], list[RowProblem]]:
    """The employee of each punch (by its line), and a problem for each unknown one."""
    users: dict[str, Employee] = {}
    for m in (
        ReaderUser.objects.filter(device__in={device, ""}, user_id__in={p.user_id for p in punches})
        .select_related("employee__unit", "employee__domicile")
        .order_by("device")  # "" first: the reader's own mapping wins
    ):
        users[m.user_id] = m.employee
    by_nip = {
        e.nip: e
        for e in Employee.objects.filter(nip__in={p.nip for p in punches if p.nip}).select_related(
            "unit", "domicile"
        )
    }
    found: dict[int, Employee] = {}
    problems: list[RowProblem] = []
    for p in punches:
        employee = by_nip.get(p.nip) if p.nip else users.get(p.user_id)
        usable = employee is not None and employee.is_active
        if employee is None or not usable or not _in_scope(employee.unit.path, unit_paths):
            if p.nip:
                problems.append(RowProblem(p.line, COL_NIP, "nip_unknown", {"nip": p.nip}))
            else:
                column = LOG_USER if p.log else COL_USER
                problems.append(
                    RowProblem(p.line, column, "reader_user_unknown", {"user": p.user_id})
                )
            continue
        found[p.line] = employee
    return found, problems


def _middle(start: datetime, end: datetime) -> datetime:
    return start + (end - start) / 2


class _Schedules:
    """The schedules of every person of an import over its period, read once
    (:class:`~fleksi.worktime.selectors.ScheduleBook`): the arrival and the departure of a
    day, and an unstated punch's two looks, share it."""

    def __init__(self, employee_ids: Sequence[int], first: date, last: date) -> None:
        self._book = ScheduleBook(employee_ids, first - timedelta(days=1), last + timedelta(days=1))

    def at(self, person: Person, at: datetime, role: str) -> tuple[date, DaySchedule | None]:
        """As :func:`fleksi.presence.selectors.facts.schedule_at`."""
        return attribute(at, role, self._book.around(person.key, at.date()))


def _role(
    schedules: _Schedules, person: Person, at: datetime, state: str, per_day: int
) -> str | None:
    """How the punch is matched to a schedule (None: a break punch on a two-check-in day)."""
    if state == "in":
        return "arrival"
    if state == "out":
        return "departure"
    if state in ("break_out", "break_in"):
        return "middle" if per_day == 4 else None
    _day, arrival = schedules.at(person, at, "arrival")
    if arrival is not None and at < _middle(arrival.start, arrival.end):
        return "arrival"
    _day, departure = schedules.at(person, at, "departure")
    if departure is not None and at >= _middle(departure.start, departure.end):
        return "departure"
    if arrival is not None or departure is not None:
        return "arrival" if arrival is not None else "departure"
    return "arrival" if at.time() < NOON else "departure"


def _slot(role: str, state: str, per_day: int) -> int:
    if role == "arrival":
        return 1
    if role == "departure":
        return per_day
    return 2 if state == "break_out" else 3


@dataclass
class _Day:
    """The check-ins of a person's day already on record or read from the file."""

    slots: dict[int, datetime] = field(default_factory=dict)  # slot → aware time


def _keys_on_record(keys: list[uuid.UUID]) -> set[uuid.UUID]:
    """Which of ``keys`` are already check-ins: on PostgreSQL one array parameter (a list of
    100,000 markers costs the server more than the lookup), elsewhere in chunks."""
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(Checkin._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT idempotency_key FROM {table} WHERE idempotency_key = ANY(%s::uuid[])",  # noqa: S608
                [keys],
            )
            return {row[0] for row in cursor.fetchall()}
    found: set[uuid.UUID] = set()
    for i in range(0, len(keys), 5000):
        found.update(
            Checkin.objects.filter(idempotency_key__in=keys[i : i + 5000]).values_list(
                "idempotency_key", flat=True
            )
        )
    return found


def _on_record(employee_ids: set[int], first: date, last: date) -> dict[tuple[int, date], _Day]:
    days: dict[tuple[int, date], _Day] = {}
    rows = Checkin.objects.filter(
        employee_id__in=employee_ids, day__gte=first, day__lte=last
    ).values_list("employee_id", "day", "slot", "checked_at")
    for employee_id, day, slot, at in rows:
        days.setdefault((employee_id, day), _Day()).slots[slot] = at
    return days


# The columns of a punch's check-in, written with one COPY (``fleksi.common.bulk``).
CHECKIN_COLUMNS = (
    "employee_id",
    "day",
    "slot",
    "kind",
    "mode",
    "checked_at",
    "device_time",
    "server_received_at",
    "clock_offset_s",
    "synced_late",
    "latitude",
    "longitude",
    "accuracy_m",
    "position_removed_at",
    "idempotency_key",
    "policy_version_id",
    "outcome",
    "flags",
    "flagged",
    "counted",
    "late_minutes",
    "early_minutes",
    "trace",
    "manual",
    "source",
    "time_proof",
)


@dataclass(frozen=True)
class _Judged:
    """A punch's judgement, with its flags and trace already as JSON text (shared by every
    punch judged the same way)."""

    outcome: str
    flags: str
    flagged: bool
    counted: bool
    late_minutes: int
    early_minutes: int
    trace: str


class _Judge:
    """Judges punches by the presence rules, once per distinct set of facts.

    A reader's punch has no position, no phone clock and no previous position: its judgement
    depends only on the policy version, the slot, the time **to the minute** (the time rules
    compare minutes), the schedule of its day (and the arrival, for a flexible start) and the
    offices of the unit. Thousands of people punching at the same minutes of a day under the
    same schedule are judged once (the cache is this import's only)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[Any, ...], _Judged] = {}

    def judge(
        self,
        person: Person,
        punch: Punch,
        slot: int,
        day: date,
        schedule: DaySchedule | None,
        arrived: datetime | None,
    ) -> tuple[int | None, _Judged]:
        rules = day_rules(punch.at.date())
        minute = punch.at.replace(second=0, microsecond=0)
        flex_arrived = arrived if schedule is not None and schedule.flex_minutes else None
        places = circumstances(person, "onsite", day).places
        # The place rules skip a reader's punch: of the offices only "is there one" counts
        # (the assignment rule), so people of every unit with an office share a judgement.
        has_office = any(pl.kind == "office" for pl in places)
        key = (
            rules.version_id,
            rules.params.checkins_per_day,
            slot,
            minute,
            schedule,
            flex_arrived and flex_arrived.replace(second=0, microsecond=0),
            has_office,
        )
        found = self._seen.get(key)
        if found is None:
            facts = CheckinFacts(
                slot=slot,
                mode="onsite",
                checked_at=timezone.make_aware(minute),
                local_time=minute.time(),
                hours=None,
                schedule=schedule,
                local=minute,
                arrived=flex_arrived,
                places=places,
                approved_day=None,
                absence_kind=None,
                reader=True,
                policy_in_force=rules.version_id is not None,
            )
            j = judgement(evaluate(PRESENCE_RULES, facts, rules.params))
            found = self._seen[key] = _Judged(
                j["outcome"],
                json.dumps(j["flags"]),
                j["flagged"],
                j["counted"],
                j["late_minutes"],
                j["early_minutes"],
                json.dumps(j["trace"]),
            )
        return rules.version_id, found


def _row(
    person: Person,
    key: uuid.UUID,
    slot: int,
    day: date,
    at: datetime,
    now: datetime,
    version_id: int | None,
    j: _Judged,
) -> tuple[Any, ...]:
    """A punch's check-in as the values of :data:`CHECKIN_COLUMNS`."""
    return (
        person.id,
        day,
        slot,
        kind_of(slot),
        "onsite",
        at,
        at,
        now,
        None,
        False,
        None,
        None,
        None,
        None,
        key,
        version_id,
        j.outcome,
        j.flags,
        j.flagged,
        j.counted,
        j.late_minutes,
        j.early_minutes,
        j.trace,
        False,
        Checkin.Source.READER.value,
        TimeProof.SERVER.value,
    )


def punches_import(
    punches: Sequence[Punch],
    *,
    device: str,
    dry_run: bool,
    unit_paths: Sequence[str] | None = None,
) -> AttendanceReport:
    """Judge every punch and (unless ``dry_run`` or a problem) write the new check-ins."""
    report = AttendanceReport(rows=len(punches))
    employees, report.problems = _employees(punches, device, unit_paths)
    known = [p for p in punches if p.line in employees]
    keys = {p.line: punch_key(device, p) for p in known}
    seen = _keys_on_record(list(keys.values()))
    if not known:
        return report
    first = min(p.at.date() for p in known) - timedelta(days=1)
    last = max(p.at.date() for p in known) + timedelta(days=1)
    days = _on_record({e.pk for e in employees.values()}, first, last)
    people: dict[int, Person] = {}
    schedules = _Schedules(sorted({e.pk for e in employees.values()}), first, last)
    judge = _Judge()
    now = timezone.now()
    wita = timezone.get_current_timezone()
    people.update({e.pk: person_of(e) for e in employees.values()})
    offices_preload(list(people.values()))
    new: list[tuple[Any, ...]] = []
    for punch in sorted(known, key=lambda p: (p.at, p.line)):
        if keys[punch.line] in seen:
            report.unchanged += 1
            continue
        employee = employees[punch.line]
        person = people[employee.pk]
        per_day = day_rules(punch.at.date()).params.checkins_per_day
        role = _role(schedules, person, punch.at, punch.state, per_day)
        if role is None:
            report.ignored += 1
            report.notices.append(RowProblem(punch.line, "", "punch_break_ignored"))
            continue
        slot = _slot(role, punch.state, per_day)
        day, schedule = schedules.at(person, punch.at, role)
        record = days.setdefault((employee.pk, day), _Day())
        taken = record.slots.get(slot)
        if taken is not None:
            report.taken += 1
            time_taken = timezone.localtime(taken).strftime("%H:%M")
            report.notices.append(
                RowProblem(punch.line, "", "punch_slot_taken", {"time": time_taken})
            )
            continue
        arrived = record.slots.get(1)
        arrived_local = arrived.astimezone(wita).replace(tzinfo=None) if arrived else None
        version_id, judged = judge.judge(person, punch, slot, day, schedule, arrived_local)
        at = punch.at.replace(tzinfo=wita)  # local time (WITA has no daylight saving)
        record.slots[slot] = at
        seen.add(keys[punch.line])
        new.append(_row(person, keys[punch.line], slot, day, at, now, version_id, judged))
    report.created = len(new)
    if report.problems or dry_run or not new:
        return report
    try:
        with transaction.atomic():
            insert_rows(Checkin, CHECKIN_COLUMNS, new)
    except IntegrityError:
        # A check-in made in Fleksi meanwhile took a slot: nothing was written.
        report.created = 0
        report.problems.append(RowProblem(0, "", "apply_failed"))
        return report
    report.applied = True
    return report


def attendance_file_import(
    *,
    actor: Any,
    name: str,
    data: bytes,
    dry_run: bool = False,
    device: str = "",
    unit_paths: Sequence[str] | None = None,
) -> AttendanceReport:
    """Read, check and (unless ``dry_run`` or a problem is found) import an attendance file
    of the reader ``device`` (its serial number or name; "" when not known)."""
    stem, dot, suffix = name.rpartition(".")
    if dot and f".{suffix.lower()}" in LOG_SUFFIXES:
        name = f"{stem}.csv"  # a reader's log is plain delimited text

    def write(punches: Sequence[Punch], check_only: bool) -> AttendanceReport:
        return punches_import(punches, device=device, dry_run=check_only, unit_paths=unit_paths)

    return table_import(
        name=name,
        data=data,
        parse=read_punches,
        write=write,
        report=AttendanceReport,
        dry_run=dry_run,
        limits=LIMITS,
        columns=(LOG_USER, *GENERIC_COLUMNS),
    )


# --- the periodic pull from a folder -------------------------------------------------------

INBOX_SUFFIXES = (*LOG_SUFFIXES, ".csv", ".xlsx")
DONE, FAILED = "done", "failed"


def _inbox_files(inbox: Path) -> list[tuple[str, Path]]:
    """(reader, file) for each file waiting: ``INBOX/<reader>/<file>``, or ``INBOX/<file>``
    for a file whose user ids are the same on every reader."""
    found: list[tuple[str, Path]] = []
    for entry in sorted(inbox.iterdir()):
        if entry.is_dir() and entry.name not in (DONE, FAILED):
            found += [(entry.name, f) for f in sorted(entry.iterdir()) if f.is_file()]
        elif entry.is_file():
            found.append(("", entry))
    return [(device, f) for device, f in found if f.suffix.lower() in INBOX_SUFFIXES]


def _move(path: Path, inbox: Path, outcome: str, device: str) -> Path:
    target = inbox / outcome / (device or "_") / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        stamp = timezone.localtime().strftime("%Y%m%d%H%M%S")
        target = target.with_name(f"{target.stem}-{stamp}{target.suffix}")
    return Path(shutil.move(path, target))


def reader_inbox_import(inbox: Path | None = None) -> int:
    """Import every reader file waiting in the folder ``FLEKSI_READER_INBOX`` (the periodic
    job ``presence.reader_inbox``): each file whole or not at all; an imported file moves to
    ``done/<reader>/``, a refused one to ``failed/<reader>/`` beside a ``.problems.txt`` with
    its problems in the regency's language. Returns the number of files imported."""
    setting = getattr(settings, "FLEKSI_READER_INBOX", "")
    folder = inbox or (Path(setting) if setting else None)
    if folder is None or not folder.is_dir():
        return 0
    imported = 0
    for device, path in _inbox_files(folder):
        report = attendance_file_import(
            actor=None, name=path.name, data=path.read_bytes(), device=device
        )
        if report.problems:
            moved = _move(path, folder, FAILED, device)
            with translation.override(settings.LANGUAGE_CODE):
                lines = [
                    f"{p.line or '-'}\t{p.column or '-'}\t{describe(p, IMPORT_MESSAGES)}"
                    for p in report.problems
                ]
            moved.with_name(moved.name + ".problems.txt").write_text("\n".join(lines) + "\n")
            continue
        _move(path, folder, DONE, device)
        imported += 1
    return imported
