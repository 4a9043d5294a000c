"""The monthly rows and the dashboards equal a brute-force recount of the source tables, on
a small world with records of every kind (``scene.py``); and the refresh's own guarantees
(idempotent, a month replaced whole, no future months, the current month up to today, an
employee who moved)."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fleksi.common.domain.months import add_months, month_start, previous_month
from fleksi.insights.domain.figures import Figures
from fleksi.insights.models import MonthRefresh, PersonMonth, UnitMonth
from fleksi.insights.selectors.dashboards import (
    kecamatan_dashboard,
    regency_dashboard,
    unit_dashboard,
)
from fleksi.insights.services.refresh import stats_refresh
from fleksi.insights.tests import scene
from fleksi.insights.tests.conftest import module_scoped
from fleksi.org.models import Employee, Unit
from fleksi.presence.models import Checkin
from fleksi.presence.selectors.facts import day_rules_forget
from fleksi.schedule.models import RequestDay
from fleksi.testkit.properties import examples
from fleksi.testkit.world import build_world

TODAY = timezone.localdate()
LAST = previous_month(TODAY)
THIS = month_start(TODAY)
MONTHS = {"last": LAST, "this": THIS}


def _build():
    w = scene.prepare(build_world(), LAST)
    rng = random.Random(20260)
    scene.populate(w, LAST, rng.choice)
    scene.populate(w, THIS, rng.choice)
    # An alert raised before this month and still open counts in this month too.
    scene._alert(w.services["ktp"], LAST - timedelta(days=20), "open")
    stats_refresh(months=[LAST, THIS], today=TODAY)
    return w


@pytest.fixture(scope="module")
def _scene(django_db_setup, django_db_blocker):
    yield from module_scoped(django_db_blocker, _build)


@pytest.fixture
def w(_scene, db):
    day_rules_forget()
    return _scene


@pytest.fixture(params=list(MONTHS))
def month(request):
    return MONTHS[request.param]


def test_the_scene_has_records_of_every_kind(w):
    modes = set(Checkin.objects.values_list("mode", flat=True))
    assert {"onsite", "wfa_home", "official_duty", "leave"} <= modes
    statuses = set(RequestDay.objects.values_list("status", flat=True))
    assert {"approved", "refused", "rejected"} <= statuses
    assert UnitMonth.objects.filter(month=LAST).exists()
    total = regency_dashboard([LAST]).total
    for name in (
        "onsite_days", "wfa_present_days", "duty_days", "leave_days", "missing_days",
        "late_days", "wfa_days", "wfa_refused_days", "outputs", "outputs_full", "reports",
        "quality_n", "awaiting", "rated", "svc_days", "capable", "ready_home", "eligible",
    ):  # fmt: skip
        assert getattr(total, name) > 0, name


def test_person_rows_equal_the_recount(w, month):
    recounted = scene.recount_people(month)
    scene.assert_rows_equal(scene.stored_people(month), recounted, scene.PERSON_FIELDS)


def test_unit_rows_equal_the_recount(w, month):
    units = scene.recount_units(month, scene.recount_people(month))
    scene.assert_rows_equal(scene.stored_units(month), units, scene.UNIT_FIELDS)


def test_regency_dashboard_equals_the_recount(w, month):
    units = scene.recount_units(month, scene.recount_people(month))
    d = regency_dashboard([month])
    scene.assert_figures_equal(d.total, scene.total_of(units.values()), "regency")
    # One row per perangkat daerah: the sum of its units; the rows add up to the regency.
    tops = list(Unit.objects.filter(parent__isnull=True))
    assert {r.id for r in d.rows} == {u.pk for u in tops}
    for r in d.rows:
        mine = [u for u in units.values() if u["root_id"] == r.id]
        scene.assert_figures_equal(r.figures, scene.total_of(mine), r.name)
    summed = Figures()
    for r in d.rows:
        summed = summed + r.figures
    scene.assert_figures_equal(summed, d.total, "sum of rows")
    # Kecamatan rows: Bappeda lies in Tabang, the rest in Tenggarong.
    by_kec = {r.id: r.figures for r in d.kecamatan_rows}
    for kec in (w.kecamatan["tgr"], w.kecamatan["tbg"]):
        mine = [u for u in units.values() if u["kecamatan_id"] == kec.pk]
        scene.assert_figures_equal(by_kec[kec.pk], scene.total_of(mine), kec.name)
    bappeda = next(r for r in d.rows if r.id == w.units["b"].pk)
    scene.assert_figures_equal(by_kec[w.kecamatan["tbg"].pk], bappeda.figures, "Tabang")


def test_unit_subtree_equals_the_sum_of_its_units(w, month):
    units = scene.recount_units(month, scene.recount_people(month))
    dinas = Unit.objects.get(pk=w.units["a"].pk)
    paths = dict(Unit.objects.values_list("id", "path"))
    d = unit_dashboard(dinas, [month])
    inside = [u for pk, u in units.items() if paths[pk].startswith(dinas.path)]
    scene.assert_figures_equal(d.total, scene.total_of(inside), "subtree")
    assert d.own is not None
    scene.assert_figures_equal(d.own, scene.total_of([units.get(dinas.pk, {})]), "own")
    assert [r.name for r in d.rows] == ["Bidang Pelayanan", "Sekretariat Disdukcapil"]
    summed = d.own
    for r in d.rows:
        below = [u for pk, u in units.items() if paths[pk].startswith(paths[r.id])]
        scene.assert_figures_equal(r.figures, scene.total_of(below), r.name)
        summed = summed + r.figures
    scene.assert_figures_equal(summed, d.total, "own + rows")
    # The regency's row of the Dinas is its subtree.
    row = next(r for r in regency_dashboard([month]).rows if r.id == dinas.pk)
    scene.assert_figures_equal(row.figures, d.total, "regency row")


def test_kecamatan_dashboard_equals_the_recount(w, month):
    units = scene.recount_units(month, scene.recount_people(month))
    tgr = w.kecamatan["tgr"]
    d = kecamatan_dashboard(tgr, [month])
    mine = [u for u in units.values() if u["kecamatan_id"] == tgr.pk]
    scene.assert_figures_equal(d.total, scene.total_of(mine), "Tenggarong")
    assert w.units["b"].pk not in {r.id for r in d.rows}
    for r in d.rows:
        scene.assert_figures_equal(
            r.figures, scene.total_of(u for u in mine if u["root_id"] == r.id), r.name
        )


def test_a_quarter_is_the_sum_of_its_months(w):
    both = regency_dashboard([LAST, THIS]).total
    one, two = regency_dashboard([LAST]).total, regency_dashboard([THIS]).total
    scene.assert_figures_equal(both, one + two, "two months")


# --- The refresh ----------------------------------------------------------------------------


def _snapshot(month):
    people = sorted(
        PersonMonth.objects.filter(month=month).values_list(*("employee_id", *scene.PERSON_FIELDS))
    )
    units = sorted(UnitMonth.objects.filter(month=month).values_list(*scene.UNIT_FIELDS))
    return people, units


def test_refresh_is_idempotent(w):
    before = _snapshot(LAST), _snapshot(THIS)
    stats_refresh(months=[LAST, THIS, LAST], today=TODAY)
    stats_refresh(months=[THIS, LAST], today=TODAY)
    assert (_snapshot(LAST), _snapshot(THIS)) == before
    assert MonthRefresh.objects.filter(month__in=[LAST, THIS]).count() == 2


def test_a_month_is_replaced_whole(w):
    """Rows of people and units that have no records any more disappear; other months stay."""
    other = _snapshot(THIS)
    bappeda = w.units["b"]
    gone = Employee.objects.filter(unit=bappeda)
    # A stale row: the Sekda counted in Bappeda.
    PersonMonth.objects.filter(month=LAST, employee=w.people["sekda"]).update(unit=bappeda)
    for e in gone:
        # Left before the month, and every trace of them in it removed.
        Checkin.objects.filter(employee=e, day__gte=LAST, day__lt=THIS).delete()
    gone.update(is_active=False)
    from fleksi.eligibility.models import WfaSuspension
    from fleksi.outputs.models import MonthlyRating, OutputReport, PlannedOutput, Verification
    from fleksi.schedule.models import WorkPlanItem

    ids = list(gone.values_list("pk", flat=True))
    Verification.objects.filter(report__employee_id__in=ids).delete()
    OutputReport.objects.filter(employee_id__in=ids).delete()
    PlannedOutput.objects.filter(employee_id__in=ids).delete()
    WorkPlanItem.objects.filter(request__employee_id__in=ids).delete()
    RequestDay.objects.filter(employee_id__in=ids).delete()
    MonthlyRating.objects.filter(employee_id__in=ids).delete()
    WfaSuspension.objects.filter(employee_id__in=ids).delete()
    stats_refresh(months=[LAST], today=TODAY)
    assert not PersonMonth.objects.filter(month=LAST, employee_id__in=ids).exists()
    assert PersonMonth.objects.filter(month=LAST, employee=w.people["sekda"]).count() == 1
    assert PersonMonth.objects.get(month=LAST, employee=w.people["sekda"]).unit_id == (
        w.units["setda"].pk
    )
    recounted = scene.recount_people(LAST)
    scene.assert_rows_equal(scene.stored_people(LAST), recounted, scene.PERSON_FIELDS)
    # Bappeda keeps a row only for what is not about people (its complaints, its survey).
    row = UnitMonth.objects.filter(month=LAST, unit=bappeda).first()
    if row is not None:
        assert row.headcount == 0
    assert _snapshot(THIS) == other


def test_months_after_today_are_skipped(w):
    nxt = add_months(THIS, 1)
    done = stats_refresh(months=[nxt, add_months(THIS, 5), LAST], today=TODAY)
    assert [r.month for r in done] == [LAST]
    assert not PersonMonth.objects.filter(month__gt=THIS).exists()
    assert not MonthRefresh.objects.filter(month__gt=THIS).exists()
    # A day inside a month stands for its month.
    assert [r.month for r in stats_refresh(months=[TODAY], today=TODAY)] == [THIS]


def test_the_current_month_counts_up_to_today(w):
    from fleksi.presence.selectors.recap import period_of

    period = period_of(THIS, today=TODAY)
    before_today = [d for d in period.working_days if d < TODAY]
    row = PersonMonth.objects.get(month=THIS, employee=w.people["staff_b1"])
    assert row.working_days == len(period.working_days)
    assert all(d <= TODAY for d in period.working_days)
    # Today is not over: it is never missing.
    assert row.missing_days <= len(before_today)
    # A check-in tomorrow (a clock ahead) does not count; yesterday's would.
    tomorrow = TODAY + timedelta(days=1)
    if tomorrow.month == TODAY.month:
        Checkin.objects.create(
            employee=w.people["staff_b1"], day=tomorrow, slot=1, kind="in", mode="onsite",
            checked_at=scene._at(tomorrow, 7, 30), server_received_at=scene._at(tomorrow, 7, 30),
            idempotency_key="9d1c1f7e-0000-4000-8000-000000000001", outcome="pass",
            source="online",
        )  # fmt: skip
        stats_refresh(months=[THIS], today=TODAY)
        again = PersonMonth.objects.get(month=THIS, employee=w.people["staff_b1"])
        assert again.onsite_days == row.onsite_days
    # Computed as of an earlier day, the month stops there.
    if len(period.working_days) >= 2:
        early = period.working_days[0]
        stats_refresh(months=[THIS], today=early)
        first = PersonMonth.objects.get(month=THIS, employee=w.people["staff_b1"])
        assert first.working_days == 1
        assert first.missing_days == 0  # the first day was "today": not missing yet


def test_an_employee_who_moved_counts_in_the_new_unit(w):
    """The month is computed in the unit the employee belongs to when it is computed; the
    old unit no longer counts them and the totals are unchanged."""
    rina = w.people["staff_a1"]
    regency_before = regency_dashboard([LAST]).total
    loket_before = UnitMonth.objects.get(month=LAST, unit=w.units["a_loket"])
    Employee.objects.filter(pk=rina.pk).update(unit=w.units["b"], position=w.positions["analis"])
    stats_refresh(months=[LAST], today=TODAY)
    assert PersonMonth.objects.get(month=LAST, employee=rina).unit_id == w.units["b"].pk
    loket = UnitMonth.objects.get(month=LAST, unit=w.units["a_loket"])
    assert loket.headcount == loket_before.headcount - 1
    recounted = scene.recount_units(LAST, scene.recount_people(LAST))
    scene.assert_rows_equal(scene.stored_units(LAST), recounted, scene.UNIT_FIELDS)
    after = regency_dashboard([LAST]).total
    for name in ("headcount", "working_days", "onsite_days", "outputs", "wfa_days", "reports"):
        assert getattr(after, name) == getattr(regency_before, name), name


# --- Randomised ------------------------------------------------------------------------------


@settings(
    max_examples=examples(6),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_random_months_equal_the_recount(w, data):
    month = add_months(LAST, -1)  # a month the scene left empty

    def pick(options):
        return data.draw(st.sampled_from(list(options)))

    people = data.draw(
        st.lists(st.sampled_from(scene.STAFF), min_size=1, max_size=3, unique=True), label="who"
    )
    with transaction.atomic():
        scene.populate(w, month, pick, people=people, max_days=6)
        stats_refresh(months=[month], today=TODAY)
        recounted = scene.recount_people(month)
        scene.assert_rows_equal(scene.stored_people(month), recounted, scene.PERSON_FIELDS)
        units = scene.recount_units(month, recounted)
        scene.assert_rows_equal(scene.stored_units(month), units, scene.UNIT_FIELDS)
        d = regency_dashboard([month])
        scene.assert_figures_equal(d.total, scene.total_of(units.values()), "regency")
        transaction.set_rollback(True)
