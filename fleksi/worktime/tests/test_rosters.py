"""Monthly duty rosters: saving, the minimum staff per shift, publishing (the roster becomes
everyone's schedule for the month), swaps with approval, the "jadwal dinas" import (per-line
problems, nothing half-written) and the API, scoped per role."""

import io
from datetime import date, datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.testkit.policy import publish_policy
from fleksi.worktime.importing import duty_roster_import
from fleksi.worktime.models import DutyRoster, DutyShift, WorkPattern
from fleksi.worktime.selectors import schedules_on, worktime_forget
from fleksi.worktime.services import (
    duty_roster_publish,
    duty_roster_save,
    duty_swap_decide,
    duty_swap_request,
)
from fleksi.worktime.tests.patterns import HOSPITAL_3_SHIFTS

pytestmark = pytest.mark.django_db

MAY = date(2026, 5, 1)
NOW = datetime(2026, 4, 20, 9, 0)


def ward_world(world):
    """The test world with a policy in force from May 2026 holding the three-shift pattern
    "ward", and its ward: Bidang Pelayanan and its Seksi Loket (built on 20 April 2026)."""
    with time_machine.travel(timezone.make_aware(NOW), tick=False):
        version = publish_policy(world, start=MAY)
        WorkPattern.objects.create(
            version=version,
            code="ward",
            name="Tiga shift",
            definition=HOSPITAL_3_SHIFTS,
            basis="ditetapkan PPK dalam Perbup",
        )
        worktime_forget()
        world.unit = world.units["a_bid"]
    return world


@pytest.fixture
def ward(world):
    """:func:`ward_world`, the test running on 20 April 2026."""
    w = ward_world(world)
    with time_machine.travel(timezone.make_aware(NOW), tick=False):
        worktime_forget()
        yield w
        worktime_forget()


def may(day):
    return date(2026, 5, day)


def plan(w):
    """Sari on mornings every day; Rina the night of the 4th; Darto afternoons on weekdays."""
    shifts = {(w.people["head_seksi"].pk, may(d)): "P" for d in range(1, 32)}
    shifts[(w.people["staff_a1"].pk, may(4))] = "M"
    for d in range(1, 32):
        if may(d).weekday() < 5:
            shifts[(w.people["staff_a2"].pk, may(d))] = "S"
    return shifts


def test_publishing_checks_the_minimum_and_makes_the_month_everyone_s_schedule(ward):
    w = ward
    roster = duty_roster_save(
        actor=w.user("layanan"),
        unit=w.unit,
        month=MAY,
        pattern_code="ward",
        shifts=plan(w),
        min_staff={"P": 1, "M": 1},
    )
    with pytest.raises(ValidationFailed) as short:
        duty_roster_publish(actor=w.user("layanan"), roster=roster)
    assert short.value.code == "roster_min_staff"
    assert "2026-05-05" in short.value.params["errors"]
    assert "2026-05-04" not in short.value.params["errors"]
    assert not DutyShift.objects.filter(published=True).exists()  # nothing half-done

    roster = duty_roster_save(
        actor=w.user("layanan"),
        unit=w.unit,
        month=MAY,
        pattern_code="ward",
        shifts=plan(w),
        min_staff={"P": 1},
    )
    assert schedules_on(may(4))[w.people["staff_a1"].pk].pattern == "default"  # a draft
    duty_roster_publish(actor=w.user("layanan"), roster=roster)
    rina, sari = w.people["staff_a1"].pk, w.people["head_seksi"].pk
    assert DutyShift.objects.filter(employee_id=rina).count() == 31  # days off written too
    night = schedules_on(may(4))[rina]
    assert (night.shift, night.end) == ("M", datetime(2026, 5, 5, 7, 0))
    assert schedules_on(may(5))[rina] is None  # a weekday off: the roster decides
    assert schedules_on(may(10))[sari].shift == "P"  # a Sunday on duty
    with pytest.raises(Conflict):
        duty_roster_save(
            actor=w.user("layanan"), unit=w.unit, month=MAY, pattern_code="ward", shifts={}
        )


def test_a_bad_roster_is_refused_whole(ward):
    w = ward
    bad = {(w.people["staff_b1"].pk, may(4)): "P", (w.people["staff_a1"].pk, may(5)): "X"}
    with pytest.raises(ValidationFailed) as exc:
        duty_roster_save(
            actor=w.user("layanan"), unit=w.unit, month=MAY, pattern_code="ward", shifts=bad
        )
    assert set(exc.value.params["errors"]) == {"employee", "shift"}
    assert not DutyRoster.objects.exists()
    with pytest.raises(ValidationFailed):
        duty_roster_save(
            actor=w.user("layanan"), unit=w.unit, month=MAY, pattern_code="nope", shifts={}
        )


def test_a_swap_waits_for_approval_and_keeps_the_minimum(ward):
    w = ward
    roster = duty_roster_save(
        actor=w.user("layanan"),
        unit=w.unit,
        month=MAY,
        pattern_code="ward",
        shifts=plan(w),
        min_staff={"P": 1},
    )
    duty_roster_publish(actor=w.user("layanan"), roster=roster)
    rina, darto = w.people["staff_a1"], w.people["staff_a2"]
    with pytest.raises(NotAllowed):
        duty_swap_request(
            actor=w.user("staff_a2"), requester=rina, roster=roster, day=may(4), other=darto
        )
    swap = duty_swap_request(
        actor=w.user("staff_a1"), requester=rina, roster=roster, day=may(4), other=darto
    )
    assert schedules_on(may(4))[rina.pk].shift == "M"  # not before the approval
    with pytest.raises(Conflict):
        duty_swap_request(
            actor=w.user("staff_a1"), requester=rina, roster=roster, day=may(4), other=darto
        )
    duty_swap_decide(actor=w.user("layanan"), swap=swap, approve=True)
    on_4th = schedules_on(may(4))
    assert on_4th[darto.pk].shift == "M"
    assert on_4th[rina.pk].shift == "S"
    with pytest.raises(Conflict):
        duty_swap_decide(actor=w.user("layanan"), swap=swap, approve=False)
    # An exchange keeps every shift's head count: Sari's morning passes to Rina.
    sari = w.people["head_seksi"]
    taken = duty_swap_request(
        actor=w.user("head_seksi"), requester=sari, roster=roster, day=may(10), other=rina
    )
    duty_swap_decide(actor=w.user("layanan"), swap=taken, approve=True)
    on_10th = schedules_on(may(10))
    assert (on_10th[sari.pk], on_10th[rina.pk].shift) == (None, "P")


def sheet(rows):
    book = Workbook()
    ws = book.active
    ws.append(["NIP", "NAMA", *range(1, 32)])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_jadwal_dinas_import_reports_every_line_and_writes_nothing_on_a_problem(ward):
    w = ward
    rina, sari = w.people["staff_a1"], w.people["head_seksi"]
    bad = sheet(
        [
            [rina.nip, rina.name, "P", "p", "L", "", "X"],
            [w.people["staff_b1"].nip, "Yusuf", "P"],
            [rina.nip, rina.name, "S"],
        ]
    )
    report = duty_roster_import(
        actor=w.user("layanan"),
        unit=w.unit,
        month=MAY,
        pattern_code="ward",
        name="jadwal.xlsx",
        data=bad,
    )
    assert not report.applied
    assert [(p.line, p.column, p.code) for p in report.problems] == [
        (2, "5", "roster_shift_unknown"),
        (3, "NIP", "roster_nip_unknown"),
        (4, "NIP", "roster_nip_twice"),
    ]
    assert not DutyRoster.objects.exists()

    good = sheet(
        [
            [rina.nip, rina.name, "P", "p", "L", "", "M"],
            [f" {sari.nip} ", sari.name, *(["S"] * 31)],
        ]
    )
    report = duty_roster_import(
        actor=w.user("layanan"),
        unit=w.unit,
        month=MAY,
        pattern_code="ward",
        name="jadwal.xlsx",
        data=good,
    )
    assert report.applied, report.problems
    assert report.created == 3 + 31
    roster = DutyRoster.objects.get()
    assert roster.status == "draft"
    assert DutyShift.objects.get(employee=rina, day=may(5)).shift_code == "M"
    assert (
        duty_roster_import(
            actor=w.user("layanan"),
            unit=w.unit,
            month=MAY,
            pattern_code="ward",
            name="jadwal.pdf",
            data=b"%PDF",
        )
        .problems[0]
        .code
        == "file_type"
    )


def named(data):
    f = io.BytesIO(data)
    f.name = "jadwal-juni.xlsx"
    return f


def test_the_api_is_scoped_per_role(client, ward):
    w = ward
    body = {
        "unit_id": w.unit.pk,
        "month": "2026-05",
        "pattern": "ward",
        "min_staff": {"P": 1},
        "shifts": [
            {"employee_id": e, "day": d.isoformat(), "shift": c} for (e, d), c in plan(w).items()
        ],
    }
    save = reverse("api:worktime_roster_save")
    for who, status in (("staff_a1", 404), ("staff_b1", 404), ("bkpsdm", 403)):
        client.force_login(w.user(who))
        assert client.put(save, body, content_type="application/json").status_code == status, who
    client.force_login(w.user("layanan"))
    saved = client.put(save, body, content_type="application/json")
    assert saved.status_code == 200, saved.content
    roster_id = saved.json()["id"]
    publish = reverse("api:worktime_roster_publish", args=[roster_id])
    get = reverse("api:worktime_roster_get", args=[roster_id])

    client.force_login(w.user("staff_a1"))  # on the roster: sees it, cannot publish
    assert client.get(get).status_code == 200
    assert client.post(publish).status_code == 403
    client.force_login(w.user("staff_b1"))  # another unit: does not see it
    assert client.get(get).status_code == 404
    assert client.get(reverse("api:worktime_roster_list")).json() == []
    client.force_login(w.user("bkpsdm"))
    assert client.get(get).status_code == 200
    client.force_login(w.user("layanan"))
    assert client.post(publish).json()["status"] == "published"

    client.force_login(w.user("staff_a1"))
    asked = client.post(
        reverse("api:worktime_swap_request", args=[roster_id]),
        {"day": "2026-05-04", "other_id": w.people["staff_a2"].pk},
        content_type="application/json",
    )
    assert asked.status_code == 201, asked.content
    decide = reverse("api:worktime_swap_decide", args=[asked.json()["id"]])
    assert client.post(decide, {"approve": True}, content_type="application/json").status_code == (
        403
    )
    client.force_login(w.user("layanan"))
    decided = client.post(decide, {"approve": True}, content_type="application/json")
    assert decided.json()["status"] == "approved"

    upload = client.post(
        reverse("api:worktime_roster_import"),
        {
            "unit_id": w.unit.pk,
            "month": "2026-06",
            "pattern": "ward",
            "file": named(sheet([[w.people["staff_a1"].nip, "", "Q"]])),
        },
    )
    assert upload.status_code == 200, upload.content
    problems = upload.json()["problems"]
    assert problems[0]["code"] == "roster_shift_unknown"
    assert "Q" in problems[0]["message"]
    doc = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/worktime/rosters/import" in doc["paths"]
    assert "/api/v1/worktime/swaps/{swap_id}/decision" in doc["paths"]


def test_the_pages_are_scoped_and_the_import_shows_problems(client, ward):
    w = ward
    roster = duty_roster_save(
        actor=w.user("layanan"), unit=w.unit, month=MAY, pattern_code="ward", shifts=plan(w)
    )
    page = reverse("worktime:roster", args=[roster.pk])
    publish = reverse("worktime:roster_publish", args=[roster.pk])
    client.force_login(w.user("staff_b1"))
    assert client.get(page).status_code == 404
    assert b"Bidang Pelayanan" not in client.get(reverse("worktime:rosters")).content
    client.force_login(w.user("staff_a1"))
    mine = client.get(page)
    assert mine.status_code == 200
    assert f"<strong>{w.people['staff_a1'].name}</strong>".encode() in mine.content
    assert client.post(publish).status_code == 403
    client.force_login(w.user("layanan"))
    listed = client.get(reverse("worktime:rosters"))
    assert b'name="file"' in listed.content
    bad = client.post(
        reverse("worktime:roster_import"),
        {
            "unit": w.unit.pk,
            "month": "2026-06",
            "pattern": "ward",
            "file": named(sheet([["123", "", "P"]])),
        },
    )
    assert bad.status_code == 200
    assert "123" in bad.content.decode()
    assert DutyRoster.objects.count() == 1
    assert client.post(publish).status_code == 302
    assert DutyRoster.objects.get(pk=roster.pk).status == "published"


def test_a_short_shift_is_named_by_its_day_in_words_on_the_page(client, ward):
    w = ward
    roster = duty_roster_save(
        actor=w.user("layanan"),
        unit=w.unit,
        month=MAY,
        pattern_code="ward",
        shifts=plan(w),
        min_staff={"M": 1},
    )
    client.force_login(w.user("layanan"))
    page = client.post(reverse("worktime:roster_publish", args=[roster.pk]), follow=True)
    text = page.content.decode()
    assert "1 Mei 2026" in text
    assert "2026-05-01" not in text
