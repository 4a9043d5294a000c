"""A month's TPP from the recap (Fleksi's and the readers' check-ins together), the BPKAD
export that reconciles, the pages and the simulation of a rule change."""

import csv
import io
import uuid
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from fleksi.org.models import Employee
from fleksi.outputs.models import MonthlyRating
from fleksi.presence.selectors.recap import people_of_units, period_of, recap_totals
from fleksi.presence.services import CheckinIn, checkin_record
from fleksi.presence.services.readers import attendance_file_import
from fleksi.presence.tests.conftest import DISDUKCAPIL
from fleksi.testkit.policy import draft_policy
from fleksi.tpp.domain.export import EXPORT_COLUMNS
from fleksi.tpp.selectors import month_results, simulation_run

WITA = ZoneInfo("Asia/Makassar")
# A stated moment: Wednesday 13 May 2026; the month computed is April 2026 (all of it past).
NOW = datetime(2026, 5, 13, 10, 0, tzinfo=WITA)
APRIL = date(2026, 4, 1)
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def check(w, who, day, slot, hh, mm):
    tapped = datetime.combine(day, time(hh, mm), tzinfo=WITA)
    data = CheckinIn(
        uuid.uuid4(),
        slot,
        "onsite",
        device_time=tapped,
        sent_at=tapped,
        latitude=DISDUKCAPIL[0],
        longitude=DISDUKCAPIL[1],
        accuracy_m=10.0,
    )
    return checkin_record(employee=w.people[who], data=data, received_at=tapped).checkin


@pytest.fixture
def april(presence):
    """Rina's April: on time, 45 minutes late (the phone), 95 minutes late and 20 minutes
    early (the office reader), every other working day on time; three days absent."""
    w = presence
    period = period_of(APRIL)
    d = period.working_days
    rina = w.people["staff_a1"]
    for i, day in enumerate(d[:-3]):
        if i in (1, 2):
            continue
        check(w, "staff_a1", day, 1, 7, 20)
        check(w, "staff_a1", day, 2, 16, 35)
    check(w, "staff_a1", d[1], 1, 8, 15)  # 45 minutes late
    check(w, "staff_a1", d[1], 2, 16, 35)
    log = (
        f"{rina.nip}\t{d[2].isoformat()} 09:05:00\t1\t0\n"  # 95 minutes late
        f"{rina.nip}\t{d[2].isoformat()} 15:40:00\t1\t1\n"  # left early
    )
    generic = "NIP;WAKTU;STATUS\n" + "".join(
        f"{rina.nip};{line.split(chr(9))[1]};{'masuk' if line.endswith('0') else 'pulang'}\n"
        for line in log.strip().splitlines()
    )
    report = attendance_file_import(
        actor=w.user("bkpsdm"), name="absen.csv", data=generic.encode(), device="X1"
    )
    assert report.applied, report.problems
    MonthlyRating.objects.filter(employee=rina).delete()
    return period


def test_the_month_follows_the_recap_and_prices_each_incident(april, presence):
    rina = presence.people["staff_a1"]
    people = Employee.objects.filter(pk=rina.pk)
    totals = recap_totals(people, april)[rina.pk]
    result = month_results(people, april)[rina.pk]
    kinds = [line.kind for line in result.lines]
    assert kinds.count("absent") == totals.missing_days == 3
    assert kinds.count("late") == totals.late_days == 2
    assert kinds.count("early") == totals.early_days >= 1
    assert sum(line.minutes for line in result.lines if line.kind == "late") == (
        totals.late_minutes
    )
    late = {line.minutes: line.rule for line in result.lines if line.kind == "late"}
    assert late == {45: "tpp_late_band2_share", 95: "tpp_late_band4_share"}
    assert result.predikat == ""  # not rated: no performance part yet
    assert result.total == result.attendance_max - result.deducted


def _export(client, user, unit):
    client.force_login(user)
    response = client.get(reverse("tpp:export", args=[unit.pk, "csv"]), {"month": "2026-04"})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode()), delimiter=";"))


def _bp(text):
    whole, _, part = text.partition(".")
    return int(whole) * 100 + int(part)


def test_the_bpkad_export_reconciles_per_person_and_in_total(client, april, presence):
    w = presence
    rows = _export(client, w.user("bkpsdm"), w.units["a"])
    assert rows
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    people = people_of_units([w.units["a"].path], april)
    recap = recap_totals(people, april)
    nips = dict(people.values_list("nip", "pk"))
    deductions = ("late", "early", "absent", "unreported_wfa", "missing_report", "discipline")
    for row in rows:
        parts = sum(_bp(row[f"{k}_pct"]) for k in deductions)
        assert _bp(row["attendance_pct"]) == _bp(row["attendance_max_pct"]) - parts
        assert _bp(row["total_pct"]) == _bp(row["performance_pct"]) + _bp(row["attendance_pct"])
        totals = recap[nips[row["nip"]]]
        for column in ("missing_days", "late_days", "late_minutes", "early_days", "early_minutes"):
            assert int(row[column]) == getattr(totals, column), column
    rina = next(r for r in rows if r["nip"] == w.people["staff_a1"].nip)
    assert int(rina["missing_days"]) == 3
    total = sum(_bp(r["total_pct"]) for r in rows)
    assert total == sum(r.total for r in month_results(people, april).values())


def test_the_page_shows_the_trace_with_the_rule_and_its_basis(client, april, presence):
    client.force_login(presence.user("staff_a1"))
    response = client.get(
        reverse("tpp:employee", args=[presence.people["staff_a1"].pk]), {"month": "2026-04"}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Ditetapkan PPK dalam Perbup" in text
    assert "Tidak hadir tanpa keterangan" in text


def test_the_api_gives_the_trace_in_basis_points(client, april, presence):
    client.force_login(presence.user("head_seksi"))
    response = client.get(
        reverse("api:tpp_employee", args=[presence.people["staff_a1"].pk]), {"month": "2026-04"}
    )
    body = response.json()
    assert body["total_bp"] == body["performance_bp"] + body["attendance_bp"]
    assert {line["rule"] for line in body["lines"]} >= {"tpp_absent_share"}
    assert all(line["basis"].startswith("Ditetapkan PPK dalam Perbup") for line in body["lines"])


def test_a_stricter_draft_shows_who_is_paid_less(april, presence):
    draft = draft_policy(
        presence,
        start=date(2026, 6, 1),
        tpp_absent_share=0.10,
        articles={"tpp_absent_share": "Pasal 12"},
    )
    from fleksi.policy.selectors import params_of

    view = simulation_run(params_of(draft), april)
    sim = view.simulation
    assert [c.key for c in view.param_changes] == ["tpp_absent_share"]
    rina = presence.people["staff_a1"].pk
    assert rina in {c.employee_id for c in sim.changes}
    assert sim.lower == sim.affected >= 1
    assert sim.higher == 0
    assert sim.total_after < sim.total_before
    change = next(c for c in sim.changes if c.employee_id == rina)
    assert change.delta == -3 * 200  # three days, 5 % more of the 40 % each
