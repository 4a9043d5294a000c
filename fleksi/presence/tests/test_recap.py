"""The monthly recap, day by day, and exports that carry exactly the recap's figures."""

import csv
import io
import uuid
from datetime import date, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from fleksi.presence.domain.recap import EXPORT_COLUMNS, TOTAL_COLUMNS, Totals
from fleksi.presence.selectors.recap import (
    employee_days,
    people_of_units,
    period_of,
    recap_rows,
    recap_totals,
)
from fleksi.presence.services import CheckinIn, checkin_record
from fleksi.presence.services.contact import contact_issue
from fleksi.presence.tests.conftest import DISDUKCAPIL, MELAYU
from fleksi.schedule.models import Absence

pytestmark = pytest.mark.django_db


def last_month():
    return (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=1)


def at(day: date, hh: int, mm: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hh, mm)))


def check(w, who, day, slot, hh, mm, *, mode="onsite", where=DISDUKCAPIL, wait_h=0):
    tapped = at(day, hh, mm)
    sent = tapped + timedelta(hours=wait_h, seconds=3)
    data = CheckinIn(
        uuid.uuid4(),
        slot,
        mode,
        device_time=tapped,
        sent_at=sent,
        latitude=where[0],
        longitude=where[1],
        accuracy_m=10.0,
        # A copy kept offline carries the phone's evidence: the last contact ten minutes before.
        contact=contact_issue(w.people[who].pk, tapped - timedelta(minutes=10)) if wait_h else None,
        since_contact_ms=600_000 if wait_h else None,
    )
    return checkin_record(employee=w.people[who], data=data, received_at=sent).checkin


@pytest.fixture
def month(presence):
    """Rina's month: on time, late and early, WFA without an approved day, leave, no
    check-out, synced late; the rest missing."""
    period = period_of(last_month())
    d = period.working_days
    w = presence
    check(w, "staff_a1", d[0], 1, 7, 25)
    check(w, "staff_a1", d[0], 2, 16, 5)
    check(w, "staff_a1", d[1], 1, 7, 45)  # 15 minutes late
    end = (16, 0) if d[1].weekday() == 4 else (15, 30)  # Friday ends at 16:30
    check(w, "staff_a1", d[1], 2, *end)  # 30 minutes early
    check(w, "staff_a1", d[2], 1, 7, 20, mode="wfa_home", where=MELAYU)  # no approved day
    check(w, "staff_a1", d[2], 2, 16, 40, mode="wfa_home", where=MELAYU)
    Absence.objects.create(
        employee=w.people["staff_a1"],
        kind="leave",
        start=d[3],
        end=d[3],
        created_by=w.user("kepeg_a"),
    )
    check(w, "staff_a1", d[4], 1, 7, 10)  # no check-out
    check(w, "staff_a1", d[5], 1, 7, 15, wait_h=2)  # kept offline for two hours
    check(w, "staff_a1", d[5], 2, 16, 35)
    return period


def test_rina_s_month_day_by_day(presence, month):
    rina = presence.people["staff_a1"]
    n = len(month.working_days)
    totals = recap_totals(people_of_units([presence.units["a_loket"].path], month), month)
    assert totals[rina.pk] == Totals(
        working_days=n,
        onsite_days=4,
        wfa_days=1,
        duty_days=0,
        leave_days=1,
        missing_days=n - 6,
        late_days=1,
        late_minutes=15,
        early_days=1,
        early_minutes=30,
        incomplete_days=1,
        flagged_days=1,
        synced_late=1,
        manual=0,
        refused=0,
    )
    # A colleague without a single check-in: every working day missing.
    darto = totals[presence.people["staff_a2"].pk]
    assert (darto.working_days, darto.missing_days, darto.onsite_days) == (n, n, 0)
    days = employee_days(rina, month)
    d = month.working_days
    assert [days[x]["status"] for x in d[:7]] == [
        "onsite",
        "onsite",
        "wfa",
        "leave",
        "onsite",
        "onsite",
        "missing",
    ]
    assert (days[d[1]]["late"], days[d[1]]["early"], days[d[2]]["flagged"]) == (15, 30, True)
    assert days[d[4]]["departed"] is False


def test_statuses_add_up_to_the_working_days(presence, month):
    rows = recap_rows(people_of_units([presence.units["a"].path], month), month)
    assert len(rows) == 5  # the head, the head of the Bidang and the Seksi's three
    for r in rows:
        t = r.totals
        assert (
            t.onsite_days + t.wfa_days + t.duty_days + t.leave_days + t.missing_days
            == t.working_days
        )


def test_exports_equal_the_recap(client, presence, month):
    client.force_login(presence.user("head_a"))
    unit = presence.units["a"]
    rows = recap_rows(people_of_units([unit.path], month), month)
    expected = {
        r.nip: [r.nip, r.name, r.pd_name, r.unit_name, month.label, *r.totals.values()]
        for r in rows
    }
    query = {"month": month.label}
    response = client.get(reverse("presence:recap_export", args=[unit.pk, "csv"]), query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert tuple(table[0]) == EXPORT_COLUMNS
    got = {line[0]: [*line[:5], *(int(v) for v in line[5:])] for line in table[1:]}
    assert got == expected
    response = client.get(reverse("presence:recap_export", args=[unit.pk, "xlsx"]), query)
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    sheet = book.worksheets[0]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert tuple(values[0]) == EXPORT_COLUMNS
    assert {r[0]: list(r) for r in values[1:]} == expected
    legend = [list(r) for r in book.worksheets[1].iter_rows(values_only=True)]
    assert [r[0] for r in legend] == list(EXPORT_COLUMNS)
    # The regency-wide export holds the same rows for these people.
    client.force_login(presence.user("bkpsdm"))
    response = client.get(reverse("presence:recap_export_all", args=["csv"]), query)
    regency = {
        line[0]: [*line[:5], *(int(v) for v in line[5:])]
        for line in list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))[1:]
    }
    assert {k: regency[k] for k in expected} == expected
    assert len(TOTAL_COLUMNS) == len(EXPORT_COLUMNS) - 5


def test_the_recap_pages_show_the_figures(client, presence, month):
    client.force_login(presence.user("head_seksi"))
    unit = presence.units["a_loket"]
    page = client.get(reverse("presence:recap_unit", args=[unit.pk]), {"month": month.label})
    assert page.status_code == 200
    assert presence.people["staff_a1"].name in page.content.decode()
    mine = client.get(
        reverse("presence:recap_employee", args=[presence.people["staff_a1"].pk]),
        {"month": month.label},
    )
    assert mine.status_code == 200
    api = client.get(
        reverse("api:presence_recap_unit", args=[unit.pk]), {"month": month.label}
    ).json()
    rina = next(i for i in api["items"] if i["nip"] == presence.people["staff_a1"].nip)
    assert rina["totals"]["late_minutes"] == 15
    assert api["totals"]["onsite_days"] == 4


def test_a_future_month_has_nothing_to_count(presence):
    ahead = period_of(timezone.localdate().replace(day=1) + timedelta(days=40))
    assert ahead.working_days == ()
    assert recap_totals(people_of_units([presence.units["a"].path], ahead), ahead) == {}
