"""A national picture without a national database (issue 19 §5): three instances each publish
a signed document of a month's aggregate figures; the national view verifies and merges them.

The three instances here are one test database published three times, its figures changed in
between (each instance has its own key, code and figures); in production each is its own
server and database."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db.models import F

from fleksi.insights.domain.figures import Figures
from fleksi.insights.models import UnitMonth
from fleksi.insights.services.refresh import stats_refresh
from fleksi.org.models import Employee

pytestmark = pytest.mark.django_db

MOMENT = datetime(2026, 4, 21, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
MONTH = date(2026, 3, 1)
INSTANCES = [
    ("64.02", "Kabupaten Kutai Kartanegara"),
    ("64.03", "Kabupaten Berau"),
    ("64.04", "Kabupaten Kutai Barat"),
]


def run(*args: str, **options) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def published(world, tmp_path) -> list[tuple[Path, Path]]:
    """(document, public key) of each instance; each next one has 10 more employees (and 20
    more working days) than the one before."""
    with time_machine.travel(MOMENT, tick=False):
        stats_refresh(months=[MONTH], today=MOMENT.date())
        made = []
        for code, name in INSTANCES:
            key = tmp_path / f"{code}.key"
            run("aggregate_publish", new_key=str(key))
            out = tmp_path / f"{code}.json"
            run(
                "aggregate_publish",
                month="2026-03",
                code=code,
                name=name,
                key=str(key),
                out=str(out),
            )
            made.append((out, Path(f"{key}.pub")))
            one_unit = UnitMonth.objects.filter(month=MONTH).order_by("pk")[:1].values("pk")
            UnitMonth.objects.filter(pk__in=one_unit).update(
                headcount=F("headcount") + 10, working_days=F("working_days") + 20
            )
    return made


def trust(published) -> list[str]:
    return [str(public) for _doc, public in published]


def test_the_document_holds_sums_and_no_person(published, world):
    signed = json.loads(published[0][0].read_text())
    document = signed["document"]
    assert document["format"] == "fleksi-national-aggregate/1"
    assert document["month"] == "2026-03"
    assert document["instance"] == {"code": "64.02", "name": "Kabupaten Kutai Kartanegara"}
    assert document["generated_at"] == "2026-04-21T01:00:00+00:00"
    assert set(document["figures"]) == set(Figures.__dataclass_fields__)
    text = published[0][0].read_text()
    for employee in Employee.objects.all():
        assert employee.nip not in text
        assert employee.name not in text


def test_the_national_view_merges_three_instances(published):
    first = json.loads(published[0][0].read_text())["document"]["figures"]
    picture = json.loads(
        run(
            "national_view", *[str(doc) for doc, _k in published], trust=trust(published), json=True
        )
    )
    assert [i["code"] for i in picture["instances"]] == ["64.02", "64.03", "64.04"]
    heads = [i["headcount"] for i in picture["instances"]]
    assert heads == [first["headcount"] + 10 * n for n in range(3)]
    assert picture["national"]["headcount"] == sum(heads)
    # Indicators of the merged picture come from the summed figures, not from averages.
    working = 3 * first["working_days"] + 20 + 40
    expected = round(100 * 3 * first["wfa_days"] / working, 1) if working else None
    assert picture["national"]["wfa_use_pct"] == expected
    table = run("national_view", *[str(doc) for doc, _k in published], trust=trust(published))
    assert "National picture of 2026-03: 3 instances" in table
    assert "NATIONAL" in table


def test_a_changed_figure_an_unknown_key_or_a_twice_sent_instance_is_refused(published, tmp_path):
    docs = [str(doc) for doc, _k in published]
    tampered = json.loads(published[1][0].read_text())
    tampered["document"]["figures"]["headcount"] += 1
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(tampered))
    with pytest.raises(CommandError, match=r"64\.03: the signature does not match"):
        run("national_view", docs[0], str(forged), trust=trust(published))
    with pytest.raises(CommandError, match="untrusted key"):
        run("national_view", *docs, trust=[str(published[0][1])])
    with pytest.raises(CommandError, match=r"64\.02 appears twice"):
        run("national_view", docs[0], docs[0], trust=trust(published))
