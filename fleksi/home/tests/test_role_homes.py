"""The role home pages carry today (issue 16): a supervisor or head sees the decisions
waiting and who of their team is where against the minimum on site; the regency's roles see
figures and no names; every home page stays within a few queries."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from fleksi.schedule.models import Absence
from fleksi.testkit.access import EVERYONE
from fleksi.testkit.policy import publish_policy

pytestmark = pytest.mark.django_db

TUESDAY = date(2026, 12, 8)  # a working day
MOMENT = datetime(2026, 12, 8, 9, 30, tzinfo=ZoneInfo("Asia/Makassar"))


@pytest.fixture
def tuesday():
    with time_machine.travel(MOMENT, tick=False):
        yield


@pytest.fixture
def today(tuesday, world):
    return short_of_staff(world, TUESDAY)


def short_of_staff(world, day):
    """Seksi Loket (public service) must keep three people on site; staff_a1 is sick."""
    publish_policy(world, min_onsite_public_service=3)
    Absence.objects.create(
        employee=world.people["staff_a1"],
        kind="sick",
        start=day,
        end=day,
        created_by=world.user("bkpsdm"),
    )
    return world


def home(client, world, who):
    client.force_login(world.user(who))
    response = client.get(reverse("home:index"))
    assert response.status_code == 200
    return response


def test_the_head_of_a_section_sees_who_is_where_and_the_shortfall(client, today):
    a1, a2 = today.people["staff_a1"], today.people["staff_a2"]
    response = home(client, today, "head_seksi")
    t = response.context["team_today"]
    assert t.working
    assert t.total == 2
    assert t.absent.names == (a1.name,)
    assert t.onsite.names == (a2.name,)
    assert t.not_checked_in.names == (a2.name,)  # the sick are not expected to check in
    assert t.wfa.n == 0
    (short,) = [s for s in t.short if not s.role]
    assert (short.unit, short.onsite, short.minimum) == (today.units["a_loket"].name, 2, 3)
    page = response.content.decode()
    assert "di bawah minimum 3" in page  # Indonesian by default
    assert response.context["waiting"].total == 0
    assert "Tidak ada keputusan yang menunggu Anda." in page


def test_a_head_sees_only_their_team(client, today):
    response = home(client, today, "head_b")
    t = response.context["team_today"]
    assert t.total == 1
    assert t.onsite.names == (today.people["staff_b1"].name,)
    page = response.content.decode()
    for other in ("staff_a1", "staff_a2", "head_seksi"):
        assert today.people[other].name not in page


def test_a_plain_employee_has_no_team_and_no_inbox_counts(client, today):
    response = home(client, today, "staff_a2")
    assert "team_today" not in response.context
    assert "waiting" not in response.context


@pytest.mark.parametrize("who", ["sekda", "bupati", "diskominfo", "auditor", "bkpsdm"])
def test_regency_roles_see_no_team_list(client, today, who):
    response = home(client, today, who)
    assert "team_today" not in response.context
    page = response.content.decode()
    for person in ("staff_a1", "staff_a2", "staff_b1"):
        assert today.people[person].name not in page


def test_the_sekda_sees_the_regency_wfa_figures_and_no_raw_audit(client, today):
    response = home(client, today, "sekda")
    r = response.context["regency_today"]
    assert r.working_today
    assert (r.people, r.expected, r.wfa_today) == (8, 7, 0)
    assert r.share_today == 0
    assert [(s.unit, s.onsite, s.minimum) for s in r.short] == [(today.units["a_loket"].name, 2, 3)]
    assert "recent_audit" not in response.context
    page = response.content.decode()
    assert "WFA di kabupaten" in page
    assert "di bawah minimum 3" in page
    assert "policy.publish" not in page  # no raw audit action


def test_the_sekda_sees_a_role_minimum_missed_in_the_regency(client, tuesday, world):
    from fleksi.policy.services import policy_publish, policy_role_minimum_set
    from fleksi.testkit.policy import draft_policy

    world.positions["loket"].service_role = "counter"
    world.positions["loket"].save(update_fields=["service_role"])
    draft = draft_policy(world, start=TUESDAY)
    policy_role_minimum_set(
        actor=world.user("bkpsdm"),
        version=draft,
        unit=world.units["a_bid"],
        role="counter",
        min_onsite=2,
    )
    policy_publish(actor=world.user("sekda"), version=draft)
    Absence.objects.create(
        employee=world.people["staff_a1"],
        kind="sick",
        start=TUESDAY,
        end=TUESDAY,
        created_by=world.user("bkpsdm"),
    )
    response = home(client, world, "sekda")
    short = response.context["regency_today"].short
    assert [(s.unit, s.role, s.onsite, s.minimum) for s in short] == [
        (world.units["a_bid"].name, "counter", 1, 2)
    ]
    assert "peran “counter”: 1 orang di kantor, di bawah minimum 2" in response.content.decode()


def test_the_bupati_sees_the_perbup_waiting_for_enactment(client, today):
    from fleksi.testkit.policy import draft_policy, through_legal_path

    version = draft_policy(today, start=TUESDAY, min_onsite_public_service=2)
    through_legal_path(today, version, until="initial")
    response = home(client, today, "bupati")
    w = response.context["regency_waiting"]
    assert w.legal == 1
    assert (w.imports, w.without_account, w.roles_ending) == (None, None, None)
    client.force_login(today.user("sekda"))
    assert client.get(reverse("home:index")).context["regency_waiting"].legal == 0


def test_bkpsdm_sees_drafts_imports_and_accounts_to_act_on(client, today):
    from fleksi.testkit.policy import draft_policy

    draft_policy(today, start=TUESDAY)
    w = home(client, today, "bkpsdm").context["regency_waiting"]
    assert w.legal == 1  # the draft BKPSDM may submit to the Bagian Hukum
    assert w.imports == 0
    assert w.without_account == 0
    assert w.roles_ending == 0


def test_the_bagian_organisasi_sees_the_drafts_it_may_submit_and_nothing_of_bkpsdm(client, today):
    from fleksi.testkit.policy import draft_policy

    draft_policy(today, start=TUESDAY)
    response = home(client, today, "organisasi")
    w = response.context["regency_waiting"]
    assert w.legal == 1  # the draft it may submit to the Bagian Hukum, as BKPSDM may
    assert (w.alerts, w.imports, w.without_account, w.roles_ending) == (None,) * 4
    assert "regency_today" not in response.context


def test_staff_have_nothing_regency_wide(client, today):
    response = home(client, today, "staff_b1")
    assert "regency_today" not in response.context
    assert "regency_waiting" not in response.context


# Measured on the test world (a warm second visit): heads 39, Sekda 45 (head of the Setda
# and the regency's figures), BKPSDM 29, the other regency roles 25, staff 21, the unit
# roles 5-6. The bound does not grow with the team or the regency: every figure is one
# set-based query (the minimums of every unit of the regency included).
# A lead's home also asks who of the team is at risk of a WFA suspension (2 queries when
# nobody had WFA this month: the decided suspensions, the month's WFA days).
MAX_QUERIES = {"employee": 22, "lead": 43, "sekda": 47, "regency": 31, "unit_role": 8}
KIND = {
    "staff_a1": "employee",
    "staff_b1": "employee",
    "head_a": "lead",
    "head_b": "lead",
    "head_seksi": "lead",
    "sekda": "sekda",
    "bupati": "regency",
    "bkpsdm": "regency",
    "auditor": "regency",
    "diskominfo": "regency",
    "kepeg_a": "unit_role",
    "layanan": "unit_role",
    "organisasi": "regency",
}


@pytest.mark.parametrize("who", sorted(EVERYONE))
def test_every_home_takes_few_queries(client, today, who, django_assert_max_num_queries):
    client.force_login(today.user(who))
    client.get(reverse("home:index"))  # warm the per-process caches (policy, calendar)
    with django_assert_max_num_queries(MAX_QUERIES[KIND[who]]):
        assert client.get(reverse("home:index")).status_code == 200
