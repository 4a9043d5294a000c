"""What each tier sees beyond the status codes: a head of unit gets the figures of their own
subtree only (the names and numbers of other units never reach the page or the API), and
the table of people only reaches those allowed to see those people."""

from __future__ import annotations

import random
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from fleksi.common.domain.months import month_key, previous_month
from fleksi.insights.schemas import DashboardOut
from fleksi.insights.selectors.dashboards import regency_dashboard
from fleksi.insights.services.refresh import stats_refresh
from fleksi.insights.tests import scene
from fleksi.insights.tests.conftest import module_scoped
from fleksi.org.models import Unit
from fleksi.presence.selectors.facts import day_rules_forget
from fleksi.testkit.world import build_world

TODAY = timezone.localdate()
LAST = previous_month(TODAY)
MONTH = {"month": month_key(LAST)}
NAMES = {
    "sekda": "Dr. H. Bambang Wicaksono, S.Sos., M.Si.",
    "head_a": "Hj. Rahmawati",
    "head_bidang": "Bambang Sutrisno",
    "head_seksi": "Sari Wulandari",
    "staff_a1": "Rina Kartika",
    "staff_a2": "Darto Wijaya",
    "head_b": "Andi Pratama",
    "staff_b1": "Yusuf Hidayat",
}
LOKET_PEOPLE = {"head_seksi", "staff_a1", "staff_a2"}
DINAS_PEOPLE = LOKET_PEOPLE | {"head_a", "head_bidang"}


def _build():
    w = scene.prepare(build_world(), LAST)
    scene.populate(w, LAST, random.Random(11).choice)
    stats_refresh(months=[LAST], today=TODAY)
    return w


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    yield from module_scoped(django_db_blocker, _build)


@pytest.fixture
def w(_world, db):
    day_rules_forget()
    return _world


def page(client, w, who, url):
    client.force_login(w.user(who))
    client.cookies["django_language"] = "en"  # the assertions read English text
    response = client.get(url, MONTH)
    assert response.status_code == 200
    return response.content.decode()


def subtree_counts(w, key):
    units = scene.recount_units(LAST, scene.recount_people(LAST))
    paths = dict(Unit.objects.values_list("id", "path"))
    top = paths[w.units[key].pk]
    return scene.total_of(u for pk, u in units.items() if paths[pk].startswith(top))


def test_a_unit_head_sees_only_their_subtree_on_the_page(client, w):
    html = page(client, w, "head_seksi", reverse("insights:index"))
    assert "Seksi Loket" in html
    for key in LOKET_PEOPLE:
        assert NAMES[key] in html, key
    for key in set(NAMES) - LOKET_PEOPLE:
        assert NAMES[key] not in html, key
    for other in ("Bappeda", "Sekretariat Daerah", "Sekretariat Disdukcapil", "Tabang"):
        assert other not in html, other
    # The links lead only inside the subtree.
    for key in ("a", "a_bid", "b", "setda", "a_sek"):
        assert reverse("insights:unit", args=[w.units[key].pk]) not in html, key
    # Out of scope is 404 (not 403: nothing tells the unit exists).
    for key in ("a", "a_bid", "b"):
        client.force_login(w.user("head_seksi"))
        url = reverse("insights:unit", args=[w.units[key].pk])
        assert client.get(url).status_code == 404


def test_a_unit_head_gets_only_their_subtree_from_the_api(client, w):
    client.force_login(w.user("head_seksi"))
    body = client.get(reverse("api:insights_dashboard"), MONTH).json()
    dash = DashboardOut.model_validate(body)
    assert (dash.tier, dash.unit_id) == ("unit", w.units["a_loket"].pk)
    expected = subtree_counts(w, "a_loket")
    for name, value in dash.counts.items():
        assert value == pytest.approx(getattr(expected, name)), name
    assert dash.rows == []
    assert dash.kecamatan == []
    for c in dash.concerns:
        assert c.unit_id == w.units["a_loket"].pk
    text = str(body)
    for key in set(NAMES) - LOKET_PEOPLE:
        assert NAMES[key] not in text
    assert "Bappeda" not in text
    for key in ("a", "a_bid", "b"):
        url = reverse("api:insights_unit", args=[w.units[key].pk])
        assert client.get(url, MONTH).status_code == 404


def test_a_perangkat_daerah_head_sees_their_dinas(client, w):
    html = page(client, w, "head_a", reverse("insights:index"))
    for key in DINAS_PEOPLE:
        assert NAMES[key] in html, key
    for key in set(NAMES) - DINAS_PEOPLE:
        assert NAMES[key] not in html, key
    assert "Bappeda" not in html
    assert "Bidang Pelayanan" in html
    assert "Sekretariat Disdukcapil" in html
    client.force_login(w.user("head_a"))
    dash = DashboardOut.model_validate(client.get(reverse("api:insights_dashboard"), MONTH).json())
    assert dash.tier == "perangkat_daerah"
    expected = subtree_counts(w, "a")
    assert dash.counts["headcount"] == expected.headcount == len(DINAS_PEOPLE)
    assert dash.counts["wfa_days"] == expected.wfa_days
    assert dash.counts["outputs"] == expected.outputs
    assert {r.name for r in dash.rows} == {"Bidang Pelayanan", "Sekretariat Disdukcapil"}
    # Bappeda's head sees none of the Dinas.
    html = page(client, w, "head_b", reverse("insights:index"))
    for key in DINAS_PEOPLE:
        assert NAMES[key] not in html, key


@pytest.mark.parametrize(
    ("who", "sees_people"),
    [
        ("bupati", True),
        ("bkpsdm", True),
        ("sekda", True),
        ("auditor", True),
        ("diskominfo", False),  # the regency's figures, but not its people
        ("layanan", True),  # manages the Bidang above the Seksi
        ("head_seksi", True),
    ],
)
def test_the_people_table_only_for_those_who_may_see_them(client, w, who, sees_people):
    html = page(client, w, who, reverse("insights:unit", args=[w.units["a_loket"].pk]))
    assert ('id="people"' in html) is sees_people
    assert (NAMES["staff_a1"] in html) is sees_people
    assert (NAMES["staff_a2"] in html) is sees_people


def test_the_regency_page_shows_every_perangkat_daerah(client, w):
    html = page(client, w, "bupati", reverse("insights:index"))
    for name in ("Bappeda", "Dinas Kependudukan dan Pencatatan Sipil", "Sekretariat Daerah"):
        assert name in html
    assert 'id="people"' not in html  # no table of people at the regency level
    assert "<script" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_the_charts_write_numbers_in_the_page_language(client, w):
    """12,5 in Indonesian, 12.5 in English: the bars' values and the axes' labels."""
    rows = regency_dashboard([LAST]).rows
    shown = [r.figures.achievement_pct for r in rows if r.figures.headcount or r.figures.outputs]
    fractional = [v for v in shown if v is not None and v < 100 and round(v, 1) != round(v)]
    assert fractional, "the scene should have an achievement with a decimal"
    svgs = {}
    for language in ("id", "en"):
        client.force_login(w.user("bupati"))
        client.cookies["django_language"] = language
        html = client.get(reverse("insights:index"), MONTH).content.decode()
        svgs[language] = " ".join(part.split("</svg>", 1)[0] for part in html.split("<svg")[1:])
    for value in fractional:
        english = f"{value:.1f}%"
        assert english.replace(".", ",") in svgs["id"]
        assert english in svgs["en"]
    assert not re.search(r">\d+\.\d%", svgs["id"])  # no English decimal in an Indonesian chart
    assert not re.search(r">\d+,\d%", svgs["en"])
