"""Generating a roster: the background task (immediate in tests) solves and stores cells and
the summary; an impossible month is explained, an error is recorded — never a crash."""

import pytest
from django.urls import reverse

from fleksi.audit.models import AuditEntry
from fleksi.common.domain.months import add_months
from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.policy.models import UnitOverride
from fleksi.roster.models import Roster, RosterCell
from fleksi.roster.services import roster_generate, roster_solve_run
from fleksi.roster.tests.conftest import approved_day, solved
from fleksi.schedule.models import Absence

pytestmark = pytest.mark.django_db


def test_generate_queues_the_solve_after_commit_and_it_proposes_a_roster(
    bappeda, django_capture_on_commit_callbacks
):
    w = bappeda
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        roster = roster_generate(actor=w.user("head_b"), unit=w.units["b"], month=w.month)
        assert Roster.objects.get(pk=roster.pk).status == "queued"  # nothing ran yet
    assert len(callbacks) == 1
    roster.refresh_from_db()
    assert (roster.status, roster.progress, roster.progress_pct) == ("proposed", "done", 100)
    assert roster.policy_version == w.policy
    assert roster.time_limit_s == 5
    days = roster.problem["days"]
    assert RosterCell.objects.filter(roster=roster).count() == 5 * len(days)
    assert roster.result["status"] == "optimal"
    fairness = roster.result["fairness"]
    assert fairness["employees"] == 4  # the analysts; the head is never eligible
    assert fairness["spread"] <= 1
    # Half of the five may be off site a day (2), at most two days a week each.
    wfa = RosterCell.objects.filter(roster=roster, placement="wfa")
    assert wfa.filter(employee=w.people["head_b"]).count() == 0
    for day in days:
        assert wfa.filter(day=day).count() <= 2
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"roster.generate", "roster.solve"} <= actions


def test_decided_days_are_fixed_cells(bappeda):
    w = bappeda
    first = solved(w)
    day = first.problem["days"][0]
    approved_day(w, "staff_b1", day)
    roster = solved(w)
    cell = RosterCell.objects.get(roster=roster, employee=w.people["staff_b1"], day=day)
    assert (cell.placement, cell.fixed) == ("wfa", True)
    first.refresh_from_db()
    assert first.status == "superseded"  # the newer proposal replaces it


def test_an_impossible_minimum_is_explained_by_day_and_rule(bappeda, en_client):
    w = bappeda
    b = w.units["b"]
    UnitOverride.objects.create(version=w.policy, unit=b, min_onsite_staff=5)
    probe = solved(w)
    day = probe.problem["days"][2]
    Absence.objects.create(
        employee=w.people["staff_b2"], kind="sick", start=day, end=day, created_by=w.user("head_b")
    )
    roster = solved(w)
    assert roster.status == "infeasible"
    assert not RosterCell.objects.filter(roster=roster).exists()
    explanations = roster.result["explanations"]
    assert explanations[0] == {
        "rule": "min_onsite",
        "day": day,
        "subject": f"unit:{b.pk}",
        "needed": 5,
        "available": 4,
        "blocking": True,
    }
    # With everyone on site every day, the two WFA days the policy owes each eligible analyst
    # cannot be given either: each is named, and the unit's total (four analysts, 8 days).
    assert {(x["rule"], x["needed"], x["available"]) for x in explanations[1:]} == {
        ("min_wfa", 2, 0),
        ("min_wfa", 8, 0),
    }
    en_client.force_login(w.user("head_b"))
    page = en_client.get(reverse("roster:detail", args=[roster.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Bappeda needs 5 on site, but only 4" in text
    assert 'name="relax"' in text  # solve anyway, everyone available on site that day


def test_relaxed_shortfalls_still_give_a_roster(bappeda):
    w = bappeda
    UnitOverride.objects.create(version=w.policy, unit=w.units["b"], min_onsite_staff=5)
    roster = solved(w, relax_shortfalls=True)
    assert roster.status == "proposed"
    assert not RosterCell.objects.filter(roster=roster, placement="wfa").exists()


def test_an_error_fails_the_roster_with_the_error_recorded(bappeda, monkeypatch, en_client):
    from fleksi.roster.services import solving

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(solving, "roster_problem_build", broken)
    roster = solved(bappeda)
    assert roster.status == "failed"
    assert roster.error == "RuntimeError: the database went away"
    assert roster_solve_run(roster_id=roster.pk) == "skipped"  # a second run does nothing
    en_client.force_login(bappeda.user("head_b"))
    page = en_client.get(reverse("roster:detail", args=[roster.pk]))
    assert page.status_code == 200
    assert "could not be made" in page.content.decode()
    assert "Try again" in page.content.decode()


def test_one_solve_at_a_time_per_unit_and_month(bappeda):
    w = bappeda
    roster_generate(actor=w.user("head_b"), unit=w.units["b"], month=w.month)
    with pytest.raises(Conflict) as exc:
        roster_generate(actor=w.user("head_b"), unit=w.units["b"], month=w.month)
    assert exc.value.code == "roster_busy"


def test_only_planners_generate_and_only_for_months_ahead(bappeda):
    w = bappeda
    with pytest.raises(NotAllowed):
        roster_generate(actor=w.user("staff_b1"), unit=w.units["b"], month=w.month)
    with pytest.raises(NotAllowed):
        roster_generate(actor=w.user("head_a"), unit=w.units["b"], month=w.month)
    with pytest.raises(ValidationFailed):
        roster_generate(actor=w.user("head_b"), unit=w.units["b"], month=add_months(w.month, 6))


def test_the_page_refreshes_itself_while_solving_without_inline_script(bappeda, en_client):
    w = bappeda
    roster = roster_generate(actor=w.user("head_b"), unit=w.units["b"], month=w.month)
    en_client.force_login(w.user("head_b"))
    text = en_client.get(reverse("roster:detail", args=[roster.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in text
    assert "Waiting for a worker" in text
    assert "<script" not in text
    assert "style=" not in text
