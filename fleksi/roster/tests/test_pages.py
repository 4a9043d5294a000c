"""The pages and the API as people use them: preferences for next month, the list of rosters,
the roster calendar, and the same through ``/api/v1/roster``."""

import json
from datetime import date

import pytest
from django.urls import reverse

from fleksi.audit.models import AuditEntry
from fleksi.common.domain.months import month_end
from fleksi.policy.models import UnitOverride
from fleksi.policy.selectors import work_calendar
from fleksi.roster.models import PreferenceDay, Roster, RosterCell, RosterPreference
from fleksi.roster.tests.conftest import solved

pytestmark = pytest.mark.django_db


def _days(w):
    return work_calendar(w.month, month_end(w.month)).working_days(w.month, month_end(w.month))


def test_preferences_for_next_month_are_saved_with_reasons(bappeda, en_client):
    w = bappeda
    en_client.force_login(w.user("staff_b1"))
    url = reverse("roster:preferences")
    page = en_client.get(url)
    assert page.status_code == 200
    days = _days(w)
    text = page.content.decode()
    assert all(f'name="k-{d.isoformat()}"' in text for d in days)
    response = en_client.post(
        url,
        {
            f"k-{days[0]}": "wish",
            f"r-{days[0]}": "care",
            f"k-{days[1]}": "avoid",
            f"r-{days[1]}": "commute",
            "note": "Anak sekolah pagi",
        },
    )
    assert response.status_code == 302
    pref = RosterPreference.objects.get(employee=w.people["staff_b1"], month=w.month)
    assert pref.note == "Anak sekolah pagi"
    assert set(
        PreferenceDay.objects.filter(preference=pref).values_list("day", "kind", "reason")
    ) == {
        (days[0], "wish", "care"),
        (days[1], "avoid", "commute"),
    }
    assert AuditEntry.objects.filter(action="roster.preference.save").count() == 1
    # A choice without a reason is sent back, nothing changes.
    again = en_client.post(url, {f"k-{days[2]}": "wish", "note": ""})
    assert again.status_code == 200
    assert "Say why." in again.content.decode()
    assert PreferenceDay.objects.filter(preference=pref).count() == 2


def test_the_index_offers_planning_to_heads_and_lists_for_readers(bappeda, en_client):
    w = bappeda
    roster = solved(w)
    en_client.force_login(w.user("head_b"))
    text = en_client.get(reverse("roster:index")).content.decode()
    assert "Generate a proposal" in text
    assert reverse("roster:detail", args=[roster.pk]) in text
    en_client.force_login(w.user("auditor"))
    text = en_client.get(reverse("roster:index")).content.decode()
    assert "Generate a proposal" not in text
    assert reverse("roster:detail", args=[roster.pk]) in text


def test_navigation_links(bappeda, en_client):
    w = bappeda
    en_client.force_login(w.user("head_b"))
    text = en_client.get(reverse("roster:index")).content.decode()
    assert f'href="{reverse("roster:index")}"' in text
    assert f'href="{reverse("roster:preferences")}"' in text
    en_client.force_login(w.user("staff_b1"))
    text = en_client.get(reverse("roster:preferences")).content.decode()
    assert f'href="{reverse("roster:index")}"' not in text


def test_the_calendar_shows_coverage_fairness_and_unmet_wishes(bappeda, en_client):
    w = bappeda
    b = w.units["b"]
    UnitOverride.objects.create(version=w.policy, unit=b, min_onsite_staff=4)
    days = _days(w)
    # Everyone wishes the first day: at most one of them can have it (minimum 4 of 5).
    for key in w.analysts:
        pref = RosterPreference.objects.create(employee=w.people[key], month=w.month)
        PreferenceDay.objects.create(preference=pref, day=days[0], kind="wish", reason="care")
    roster = solved(w)
    en_client.force_login(w.user("head_b"))
    response = en_client.get(reverse("roster:detail", args=[roster.pk]))
    p = response.context["p"]
    assert len(p.rows) == 5
    assert len(p.columns) == len(days)
    first = p.columns[0]
    assert first.groups[0].minimum == 4
    assert first.groups[0].onsite >= 4
    assert p.fairness is not None
    assert p.fairness.employees == 4
    # the four eligible analysts are comparable colleagues (the same minimum on site): the
    # group's middle value and each one's difference from it are shown
    [group] = p.peers
    assert group.members == 4
    assert group.label == "Bappeda"
    differences = [r.difference for r in p.rows if r.difference is not None]
    assert len(differences) == 4
    assert sum(abs(d) for d in differences) == group.distance
    assert "Comparable colleagues" in response.content.decode()
    unmet = [u for u in p.unmet if u.day == days[0]]
    assert len(unmet) == 3
    assert all("Bappeda needs its minimum on site" in "; ".join(u.why) for u in unmet)
    text = response.content.decode()
    assert "caring for family" in text
    assert "Publish the roster" in text
    assert text.count('class="cell"') > 0


def test_the_api_generates_reports_progress_and_edits(
    bappeda, client, django_capture_on_commit_callbacks
):
    w = bappeda
    client.force_login(w.user("head_b"))
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(
            reverse("api:roster_create"),
            json.dumps({"unit_id": w.units["b"].pk, "month": f"{w.month:%Y-%m}"}),
            content_type="application/json",
        )
    assert created.status_code == 202
    assert created.json()["status"] == "queued"
    roster_id = created.json()["id"]
    detail = client.get(reverse("api:roster_detail", args=[roster_id])).json()
    assert (detail["status"], detail["progress_pct"]) == ("proposed", 100)
    cells = client.get(reverse("api:roster_cells", args=[roster_id]), {"limit": 10}).json()
    assert cells["count"] == 5 * len(_days(w))
    assert len(cells["items"]) == 10
    head = w.people["head_b"].pk
    edit = client.post(
        reverse("api:roster_cell_edit", args=[roster_id]),
        json.dumps({"employee_id": head, "day": str(_days(w)[0]), "placement": "wfa"}),
        content_type="application/json",
    )
    assert edit.status_code == 409
    assert edit.json()["code"] == "roster_rule"
    assert "not_allowed" in edit.json()["rules"]
    published = client.post(reverse("api:roster_publish", args=[roster_id]))
    assert published.json()["status"] == "published"
    assert Roster.objects.get(pk=roster_id).status == "published"


def test_the_api_keeps_my_preferences(bappeda, client):
    w = bappeda
    client.force_login(w.user("staff_b1"))
    day = _days(w)[3]
    put = client.put(
        reverse("api:roster_preferences_put"),
        json.dumps(
            {
                "month": f"{w.month:%Y-%m}",
                "note": "",
                "days": [{"day": str(day), "kind": "avoid", "reason": "health"}],
            }
        ),
        content_type="application/json",
    )
    assert put.status_code == 200
    got = client.get(reverse("api:roster_preferences_get")).json()
    assert got["days"] == [{"day": str(day), "kind": "avoid", "reason": "health"}]
    assert date.fromisoformat(got["month"]) == w.month
    bad = client.put(
        reverse("api:roster_preferences_put"),
        json.dumps(
            {
                "month": f"{w.month:%Y-%m}",
                "days": [{"day": "2020-01-01", "kind": "wish", "reason": "care"}],
            }
        ),
        content_type="application/json",
    )
    assert bad.status_code == 400


def test_a_published_roster_of_the_unit_above_places_the_employee(world):
    """The fact provider reads the latest published roster of any unit containing the
    employee (here the Dinas above the counter section)."""
    from fleksi.roster.selectors.placement import published_placement

    day = date(2030, 1, 7)
    employee = world.people["staff_a1"]
    dinas = Roster.objects.create(
        unit=world.units["a"],
        month=date(2030, 1, 1),
        status="published",
        created_by=world.user("head_a"),
    )
    other = Roster.objects.create(
        unit=world.units["b"],
        month=date(2030, 1, 1),
        status="published",
        created_by=world.user("head_b"),
    )
    RosterCell.objects.create(roster=other, employee=employee, day=day, placement="wfa")
    assert published_placement(employee, day) is None  # Bappeda's roster is not theirs
    RosterCell.objects.create(roster=dinas, employee=employee, day=day, placement="onsite")
    assert published_placement(employee, day) == "onsite"
    dinas.status = "proposed"
    dinas.save()
    assert published_placement(employee, day) is None
