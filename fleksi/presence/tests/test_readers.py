"""Attendance from office readers: a hand-made attendance log (ZKTeco ``attlog``) and a generic
file, imported as check-ins of source "reader" judged by each person's schedule.

Sari (head_seksi) is a nurse on the ward roster (M: 21:00–07:00, crossing midnight); Rina
(staff_a1) works the regency default (Mon–Thu 07:30–16:00, Perpres 21/2023).
"""

import uuid
from datetime import date, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from fleksi.audit.models import AuditEntry
from fleksi.common.periodic import jobs
from fleksi.org.models import Office
from fleksi.policy.services import policy_draft_create, policy_publish
from fleksi.presence.domain.punches import read_punches, state_of, time_of
from fleksi.presence.models import Checkin, ReaderUser
from fleksi.presence.selectors.facts import day_rules_forget
from fleksi.presence.services import CheckinIn, checkin_record
from fleksi.presence.services.readers import (
    attendance_file_import,
    reader_inbox_import,
    reader_users_file_import,
)
from fleksi.testkit.spreadsheets import xlsx_bytes
from fleksi.worktime.models import DutyRoster, DutyShift
from fleksi.worktime.selectors import worktime_forget
from fleksi.worktime.services import work_pattern_set
from fleksi.worktime.tests.patterns import HOSPITAL_3_SHIFTS

pytestmark = pytest.mark.django_db

OFFICE_A = (-0.4180, 116.9870)
TODAY = timezone.make_aware(datetime(2026, 6, 10, 12, 0))
DEVICE = "AEWD201160123"

# A reader's attendance log as the machine writes it: user id (right-aligned), date-time,
# verify mode, in/out state, work code, reserved.
ATTLOG = (
    "        7\t2026-05-04 20:55:12\t1\t0\t0\t0\n"  # Sari in: the night shift of 4 May
    "       12\t2026-05-04 07:33:40\t1\t0\t0\t0\n"  # Rina in, 3 minutes late
    "       12\t2026-05-04 07:34:02\t1\t0\t0\t0\n"  # Rina presses again: slot taken
    "        7\t2026-05-05 07:02:09\t1\t1\t0\t0\n"  # Sari out the next morning
    "       12\t2026-05-04 15:50:00\t15\t255\t0\t0\n"  # Rina, state not stated: departure
)


@pytest.fixture
def ward(world):
    """A Perbup in force since 1 January with the ward roster; Sari on the night of 4 May."""
    worktime_forget()
    Office.objects.create(
        unit=world.units["a"], name="Kantor A", latitude=OFFICE_A[0], longitude=OFFICE_A[1]
    )
    bkpsdm = world.user("bkpsdm")
    with time_machine.travel(datetime(2025, 12, 1, 9), tick=False):
        draft = policy_draft_create(
            actor=bkpsdm,
            regulation_number="Perbup 9/2025",
            title="Jam kerja",
            effective_from=date(2026, 1, 1),
        )
        work_pattern_set(
            actor=bkpsdm,
            version=draft,
            code="ward",
            name="ward",
            definition=HOSPITAL_3_SHIFTS,
            basis="ditetapkan PPK dalam Perbup",
        )
    with time_machine.travel(datetime(2026, 1, 1, 9), tick=False):
        policy_publish(actor=world.user("sekda"), version=draft)
    roster = DutyRoster.objects.create(
        unit=world.units["a"], month=date(2026, 5, 1), pattern_code="ward", status="published"
    )
    DutyShift.objects.bulk_create(
        DutyShift(
            roster=roster,
            employee=world.people["head_seksi"],
            day=date(2026, 5, 1) + timedelta(days=i),
            shift_code="M" if i == 3 else "",
            published=True,
        )
        for i in range(31)
    )
    for key, user in (("head_seksi", "7"), ("staff_a1", "12")):
        ReaderUser.objects.create(device=DEVICE, user_id=user, employee=world.people[key])
    worktime_forget()
    day_rules_forget()
    yield world
    worktime_forget()
    day_rules_forget()


def _import(data: str, name: str = "ATTLOG.dat", **kw):
    return attendance_file_import(
        actor=None, name=name, data=data.encode(), device=kw.pop("device", DEVICE), **kw
    )


def _reader_checkins():
    return {
        (c.employee_id, c.day.isoformat(), c.slot): c
        for c in Checkin.objects.filter(source=Checkin.Source.READER)
    }


def test_punches_are_read_from_either_layout():
    assert time_of("04/05/2026 07:30") == datetime(2026, 5, 4, 7, 30)
    assert time_of(datetime(2026, 5, 4, 7, 30, 5, 120)) == datetime(2026, 5, 4, 7, 30, 5)
    assert time_of(date(2026, 5, 4)) is None
    assert [state_of(v) for v in ("0", "1", "255", "", "Pulang", "x")] == [
        "in",
        "out",
        "",
        "",
        "out",
        None,
    ]
    punches, problems = read_punches([["NIP", "Waktu"], ["199001012015032001", "2026-05-04 7:30"]])
    assert problems == []
    assert punches[0].nip == "199001012015032001"
    punches, problems = read_punches([["12", "2026-05-04 07:30:00", "1", "9"]])
    assert punches == []
    assert [p.code for p in problems] == ["punch_state"]


@time_machine.travel(TODAY, tick=False)
def test_an_attendance_log_is_judged_by_each_person_s_schedule(ward):
    report = _import(ATTLOG)
    assert report.problems == []
    assert (report.rows, report.created, report.taken, report.unchanged) == (5, 4, 1, 0)
    assert [(n.line, n.code, dict(n.params)) for n in report.notices] == [
        (3, "punch_slot_taken", {"time": "07:33"})
    ]
    sari, rina = ward.people["head_seksi"].pk, ward.people["staff_a1"].pk
    got = {
        key: (c.late_minutes, c.early_minutes, c.outcome, c.flagged)
        for key, c in _reader_checkins().items()
    }
    assert got == {
        (sari, "2026-05-04", 1): (0, 0, "pass", False),
        # The morning punch belongs to the shift of the day before.
        (sari, "2026-05-04", 2): (0, 0, "pass", False),
        (rina, "2026-05-04", 1): (3, 0, "fail", False),
        # No state: after the middle of the day, so the departure, 10 minutes early.
        (rina, "2026-05-04", 2): (0, 10, "fail", False),
    }
    one = Checkin.objects.get(employee_id=sari, slot=2)
    assert one.kind == "out"
    assert one.mode == "onsite"
    assert one.latitude is None
    # The reader is on the office wall: no place, no sync, no phone clock to judge.
    codes = {t["rule"]: t["code"] for t in one.trace}
    assert codes == {"assignment": "assignment.office", "early_departure": "early_departure.pass"}


@time_machine.travel(TODAY, tick=False)
def test_importing_the_same_log_again_changes_nothing(ward):
    assert _import(ATTLOG).created == 4
    again = _import(ATTLOG)
    assert again.problems == []
    assert (again.created, again.unchanged, again.taken) == (0, 4, 1)
    assert Checkin.objects.count() == 4
    # The same punches in a generic file (by NIP) are other punches: their slots are taken.
    nips = {"7": ward.people["head_seksi"].nip, "12": ward.people["staff_a1"].nip}
    lines = [line.split("\t") for line in ATTLOG.splitlines()]
    generic = "NIP,WAKTU\n" + "".join(f"{nips[u.strip()]},{at}\n" for u, at, *_ in lines)
    other = _import(generic, name="presensi.csv")
    assert other.problems == []
    assert (other.created, other.taken) == (0, 5)


@time_machine.travel(TODAY, tick=False)
def test_a_check_in_made_in_fleksi_keeps_its_slot(ward):
    at = timezone.make_aware(datetime(2026, 5, 4, 7, 20))
    checkin_record(
        employee=ward.people["staff_a1"],
        data=CheckinIn(
            uuid.uuid4(),
            1,
            "onsite",
            device_time=at,
            sent_at=at,
            latitude=OFFICE_A[0],
            longitude=OFFICE_A[1],
            accuracy_m=8.0,
        ),
        received_at=at,
    )
    report = _import(ATTLOG)
    assert report.problems == []
    assert report.created == 3
    assert report.taken == 2
    assert [n.params["time"] for n in report.notices] == ["07:20", "07:20"]
    rina = Checkin.objects.get(employee=ward.people["staff_a1"], slot=1)
    assert rina.source == "online"
    assert rina.late_minutes == 0


@time_machine.travel(TODAY, tick=False)
def test_a_bad_line_or_an_unknown_user_refuses_the_whole_file(ward):
    bad = ATTLOG + "       99\t2026-05-04 07:40:00\t1\t0\t0\t0\n" + "12\t04-05-2026 7\t1\t0\n"
    report = _import(bad)
    assert [(p.line, p.column, p.code) for p in report.problems] == [
        (6, "1", "reader_user_unknown"),
        (7, "2", "punch_time"),
    ]
    assert Checkin.objects.count() == 0
    # Another reader's user 7 is someone else (or no one): the mapping is per reader.
    assert [p.code for p in _import(ATTLOG, device="OTHER").problems] == ["reader_user_unknown"] * 5


@time_machine.travel(TODAY, tick=False)
def test_a_generic_file_by_nip_and_the_reader_users_file(ward):
    nip = ward.people["staff_a1"].nip
    users = f"MESIN,ID_PENGGUNA,NIP\n,40,{nip}\n{DEVICE},7,{nip}\n"
    unknown = users + ",41,199901012020011999\n"
    report = reader_users_file_import(actor=None, name="users.csv", data=unknown.encode())
    assert [(p.line, p.code) for p in report.problems] == [(4, "nip_unknown")]
    assert ReaderUser.objects.count() == 2  # nothing written
    report = reader_users_file_import(actor=None, name="users.csv", data=users.encode())
    assert (report.created, report.updated, report.problems) == (1, 1, [])
    assert ReaderUser.objects.get(device=DEVICE, user_id="7").employee == ward.people["staff_a1"]
    audited = AuditEntry.objects.filter(object_type="presence.readeruser")
    assert sorted(audited.values_list("action", "object_id")) == [
        ("presence.reader_user.create", ":40"),
        ("presence.reader_user.update", f"{DEVICE}:7"),
    ]
    data = xlsx_bytes(
        [
            ["NIP", "ID_PENGGUNA", "WAKTU", "STATUS"],
            [nip, "", datetime(2026, 5, 5, 7, 29), "Masuk"],
            ["", "40", "2026-05-05 16:02", "pulang"],
        ]
    )
    report = attendance_file_import(actor=None, name="presensi.xlsx", data=data, device="")
    assert report.problems == []
    assert report.created == 2
    assert {(c.slot, c.late_minutes, c.early_minutes) for c in _reader_checkins().values()} == {
        (1, 0, 0),
        (2, 0, 0),
    }


@time_machine.travel(TODAY, tick=False)
def test_the_command_reports_and_refuses(ward, tmp_path):
    log = tmp_path / "ATTLOG.dat"
    log.write_text(ATTLOG)
    out = StringIO()
    call_command("import_attendance", str(log), "--device", DEVICE, "--dry-run", stdout=out)
    assert "would change 4 check-in(s) added" in out.getvalue()
    assert "line 3" in out.getvalue()
    assert Checkin.objects.count() == 0
    call_command("import_attendance", str(log), "--device", DEVICE, stdout=StringIO())
    assert Checkin.objects.count() == 4
    log.write_text(ATTLOG + "x\n")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_attendance", str(log), "--device", DEVICE, stderr=err)
    assert "line 6" in err.getvalue()


@time_machine.travel(TODAY, tick=False)
def test_the_page_imports_only_the_people_of_the_administrator_s_subtree(ward, client):
    ReaderUser.objects.create(device=DEVICE, user_id="30", employee=ward.people["staff_b1"])
    other_unit = "       30\t2026-05-04 07:20:00\t1\t0\t0\t0\n"
    upload = {"device": DEVICE, "dry_run": ""}
    client.force_login(ward.user("kepeg_a"))  # personnel administrator of the Dinas (unit a)
    page = client.post(
        reverse("presence:reader_import"),
        {**upload, "file": SimpleUploadedFile("ATTLOG.dat", (ATTLOG + other_unit).encode())},
    )
    assert page.status_code == 200
    assert [(p.line, p.code) for p in page.context["report"].problems] == [
        (6, "reader_user_unknown")
    ]
    assert Checkin.objects.count() == 0
    page = client.post(
        reverse("presence:reader_import"),
        {**upload, "file": SimpleUploadedFile("ATTLOG.dat", ATTLOG.encode())},
    )
    assert page.context["report"].created == 4
    assert [line for line, _column, _text in page.context["notices"]] == [3]
    assert "07:33" in page.content.decode()
    client.force_login(ward.user("bkpsdm"))
    page = client.post(
        reverse("presence:reader_import"),
        {**upload, "file": SimpleUploadedFile("ATTLOG.dat", other_unit.encode())},
    )
    assert page.context["report"].created == 1


@time_machine.travel(TODAY, tick=False)
def test_the_periodic_job_imports_the_files_waiting_in_the_folder(ward, tmp_path, settings):
    settings.FLEKSI_READER_INBOX = str(tmp_path)
    (tmp_path / DEVICE).mkdir()
    (tmp_path / DEVICE / "ATTLOG.dat").write_text(ATTLOG)
    (tmp_path / "rusak.csv").write_text("NIP,WAKTU\n123,kemarin\n")
    (tmp_path / "catatan.doc").write_text("not a log")
    assert "presence.reader_inbox" in [j.name for j in jobs()]
    call_command("run_periodic", job=["presence.reader_inbox"], stdout=StringIO())
    assert Checkin.objects.filter(source="reader").count() == 4
    assert (tmp_path / "done" / DEVICE / "ATTLOG.dat").is_file()
    problems = (tmp_path / "failed" / "_" / "rusak.csv.problems.txt").read_text()
    assert "bukan NIP" in problems
    assert "bukan tanggal dan jam" in problems
    assert (tmp_path / "catatan.doc").is_file()  # not a reader's file: left alone
    assert reader_inbox_import() == 0  # nothing waiting any more


def test_each_punch_is_judged_as_if_alone(ward):
    """The import judges each distinct set of facts once and shares the judgement: every
    stored check-in's trace equals the rules evaluated on that punch alone (seconds and
    all), for people of different units, on the roster and on the regency default."""
    from fleksi.policy.domain.engine import evaluate
    from fleksi.presence.domain.facts import CheckinFacts
    from fleksi.presence.domain.rules import PRESENCE_RULES
    from fleksi.presence.messages import judgement
    from fleksi.presence.selectors.facts import circumstances, day_rules, person_for_checkin
    from fleksi.presence.selectors.facts import schedule_at as schedule_of_punch

    log = "".join(
        f"{user}\t2026-05-{d:02d} {hh}\t1\t{state}\t0\t0\n"
        for d in (11, 12)
        for user, hh, state in (
            ("12", "07:33:10", 0),
            ("7", "20:50:59", 0),
            ("12", "15:59:59", 1),
            ("7", "07:31:00", 1),
        )
    )
    with time_machine.travel(TODAY, tick=False):
        report = _import(log)
    assert report.applied, report.problems
    stored = list(Checkin.objects.filter(source=Checkin.Source.READER))
    assert len(stored) == report.created >= 6
    for c in stored:
        local = timezone.localtime(c.checked_at).replace(tzinfo=None)
        person = person_for_checkin(c.employee_id)
        role = "arrival" if c.slot == 1 else "departure"
        day, schedule = schedule_of_punch(person, local, role)
        assert day == c.day
        arrived = Checkin.objects.filter(employee_id=c.employee_id, day=c.day, slot=1).first()
        facts = CheckinFacts(
            slot=c.slot,
            mode="onsite",
            checked_at=c.checked_at,
            local_time=local.time(),
            hours=None,
            schedule=schedule,
            local=local,
            arrived=None
            if schedule is None or not schedule.flex_minutes or arrived is None
            else timezone.localtime(arrived.checked_at).replace(tzinfo=None),
            places=circumstances(person, "onsite", day).places,
            reader=True,
            policy_in_force=day_rules(local.date()).version_id is not None,
        )
        alone = judgement(evaluate(PRESENCE_RULES, facts, day_rules(local.date()).params))
        assert (c.trace, c.late_minutes, c.early_minutes, c.outcome) == (
            alone["trace"],
            alone["late_minutes"],
            alone["early_minutes"],
            alone["outcome"],
        )
