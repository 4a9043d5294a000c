"""Editing a cell by hand: re-checked at once, refused with the rule named."""

import pytest
from django.urls import reverse

from fleksi.common.errors import Conflict, NotAllowed
from fleksi.policy.models import UnitOverride
from fleksi.roster.models import RosterCell
from fleksi.roster.services import roster_cell_set
from fleksi.roster.tests.conftest import approved_day, solved

pytestmark = pytest.mark.django_db


def _week(roster, size=3):
    """The first ISO week of the roster with at least ``size`` working days."""
    from datetime import date

    weeks: dict = {}
    for d in roster.problem["days"]:
        day = date.fromisoformat(d)
        weeks.setdefault(day.isocalendar()[:2], []).append(day)
    return next(days for days in weeks.values() if len(days) >= size)


def _set(w, roster, key, day, placement, who="head_b"):
    return roster_cell_set(
        actor=w.user(who),
        roster=roster,
        employee_id=w.people[key].pk,
        day=day,
        placement=placement,
    )


def test_a_third_wfa_day_in_a_week_is_refused_with_the_weekly_maximum(bappeda_without_minimum):
    w = bappeda_without_minimum
    UnitOverride.objects.create(version=w.policy, unit=w.units["b"], max_offsite_share="1.0")
    roster = solved(w)
    week = _week(roster)
    for day in week:
        _set(w, roster, "staff_b1", day, "onsite")
    _set(w, roster, "staff_b1", week[0], "wfa")
    cell = _set(w, roster, "staff_b1", week[1], "wfa")
    assert (cell.placement, cell.edited) == ("wfa", True)
    with pytest.raises(Conflict) as exc:
        _set(w, roster, "staff_b1", week[2], "wfa")
    assert exc.value.code == "roster_rule"
    assert exc.value.params["rules"] == ["weekly_cap"]
    assert "weekly maximum of 2" in exc.value.message
    assert (
        RosterCell.objects.get(roster=roster, employee=w.people["staff_b1"], day=week[2]).placement
        == "onsite"
    )


def test_a_minimum_on_site_and_the_eligibility_are_checked(bappeda_without_minimum):
    w = bappeda_without_minimum
    UnitOverride.objects.create(version=w.policy, unit=w.units["b"], min_onsite_staff=4)
    roster = solved(w)
    week = _week(roster)
    day = week[0]
    # Everyone on site all week first: the solver's own WFA days elsewhere in the week would
    # otherwise meet the weekly maximum, depending on the month.
    for key in w.analysts:
        for other in week:
            _set(w, roster, key, other, "onsite")
    _set(w, roster, "staff_b1", day, "wfa")
    with pytest.raises(Conflict) as exc:
        _set(w, roster, "staff_b2", day, "wfa")
    assert exc.value.params["rules"] == ["min_onsite"]
    assert "Bappeda would have fewer people on site than its minimum" in exc.value.message
    with pytest.raises(Conflict) as exc:
        _set(w, roster, "head_b", day, "wfa")
    assert "not_allowed" in exc.value.params["rules"]


def test_decided_cells_do_not_change(bappeda):
    w = bappeda
    probe = solved(w)
    day = _week(probe)[0]
    approved_day(w, "staff_b1", day)
    roster = solved(w)
    with pytest.raises(Conflict) as exc:
        _set(w, roster, "staff_b1", day, "onsite")
    assert exc.value.code == "cell_fixed"


def test_readers_and_other_heads_may_not_edit(bappeda):
    w = bappeda
    roster = solved(w)
    day = _week(roster)[0]
    for who in ("bkpsdm", "staff_b1", "head_a"):
        with pytest.raises(NotAllowed):
            _set(w, roster, "staff_b1", day, "onsite", who=who)


def test_the_page_toggles_a_cell_and_names_a_refusal(bappeda_without_minimum, en_client):
    w = bappeda_without_minimum
    UnitOverride.objects.create(version=w.policy, unit=w.units["b"], max_offsite_share="1.0")
    roster = solved(w)
    week = _week(roster)
    for day in week:
        _set(w, roster, "staff_b1", day, "onsite")
    _set(w, roster, "staff_b1", week[0], "wfa")
    _set(w, roster, "staff_b1", week[1], "wfa")
    en_client.force_login(w.user("head_b"))
    url = reverse("roster:cell", args=[roster.pk])
    emp = w.people["staff_b1"].pk
    response = en_client.post(url, {"cell": f"{emp}:{week[2]}:wfa"}, follow=True)
    assert "Maximum per week" in response.content.decode()
    response = en_client.post(url, {"cell": f"{emp}:{week[0]}:onsite"}, follow=True)
    assert "The cell was changed." in response.content.decode()
    cell = RosterCell.objects.get(roster=roster, employee_id=emp, day=week[0])
    assert (cell.placement, cell.edited) == ("onsite", True)
    # The figures follow the edit at once: the page counts from the cells.
    page = en_client.get(reverse("roster:detail", args=[roster.pk]))
    row = next(r for r in page.context["p"].rows if r.employee_id == emp)
    assert (
        row.wfa_days
        == RosterCell.objects.filter(roster=roster, employee_id=emp, placement="wfa").count()
    )
