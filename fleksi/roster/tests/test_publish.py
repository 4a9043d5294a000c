"""Publishing: the roster's WFA days become approved WFA days through the schedule's
services (rules, audit, notices); a later request is checked against the published roster."""

from datetime import date
from decimal import Decimal

import pytest

from fleksi.audit.models import AuditEntry
from fleksi.common.errors import Conflict
from fleksi.notify.models import Notification
from fleksi.org.models import Employee
from fleksi.roster.models import RosterCell
from fleksi.roster.selectors.placement import published_placement
from fleksi.roster.services import roster_cell_set, roster_publish
from fleksi.roster.tests.conftest import solved
from fleksi.schedule.models import ApprovalStep, RequestDay, WfaRequest
from fleksi.schedule.services import PlanItemIn, request_submit
from fleksi.testkit.mapping import approve_mapping

pytestmark = pytest.mark.django_db


def _wfa(roster):
    cells = RosterCell.objects.filter(roster=roster, placement="wfa", fixed=False)
    out: dict[int, set[date]] = {}
    for emp_id, day in cells.values_list("employee_id", "day"):
        out.setdefault(emp_id, set()).add(day)
    return out


def test_publishing_approves_the_wfa_days_through_the_schedule(bappeda):
    w = bappeda
    roster = solved(w)
    planned = _wfa(roster)
    assert planned  # four eligible analysts share the month's WFA days
    published = roster_publish(actor=w.user("head_b"), roster=roster)
    assert published.status == "published"
    assert published.published_by == w.user("head_b")
    for emp_id, days in planned.items():
        request = WfaRequest.objects.get(employee_id=emp_id)
        assert request.status == "approved"
        assert request.kind == "regular"
        assert request.location_type == "home"
        assert roster.ref in request.reason
        assert request.policy_version == w.policy
        assert set(request.days.values_list("day", flat=True)) == days
        assert set(request.days.values_list("status", flat=True)) == {"approved"}
        item = request.plan_items.get()
        assert (item.quantity, item.unit_of_measure, item.due_date) == (
            Decimal(len(days)),
            "hari",
            max(days),
        )
        step = ApprovalStep.objects.get(request=request)
        assert (step.status, step.approver_id) == ("approved", w.people["head_b"].pk)
        assert RosterCell.objects.filter(
            roster=roster, employee_id=emp_id, day__in=days, request=request
        ).count() == len(days)
        assert Notification.objects.filter(
            recipient__employee_id=emp_id, kind="request.approved"
        ).exists()
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions.count("schedule.request.roster_approve") == len(planned)
    assert actions.count("roster.publish") == 1
    with pytest.raises(Conflict):
        roster_publish(actor=w.user("head_b"), roster=roster)  # once


def test_a_new_request_on_an_on_site_day_is_refused_by_the_published_roster(bappeda):
    w = bappeda
    roster = roster_publish(actor=w.user("head_b"), roster=solved(w))
    employee = w.people["staff_b1"]
    onsite = sorted(
        RosterCell.objects.filter(roster=roster, employee=employee, placement="onsite")
        .filter(day__gte=date.fromisoformat(roster.problem["days"][5]))
        .values_list("day", flat=True)
    )
    day = onsite[0]
    assert published_placement(employee, day) == "onsite"
    request = request_submit(
        actor=w.user("staff_b1"),
        employee=employee,
        days=[day],
        plan=[PlanItemIn("Kajian", Decimal(1), "naskah", day)],
    )
    assert request.status == "refused"
    rules = {r["rule"]: r for r in request.days.get().trace["rules"]}
    assert rules["published_roster"]["outcome"] == "fail"
    assert "ask your head of unit to change the roster" in rules["published_roster"]["message_en"]


def test_nothing_is_published_when_a_day_no_longer_passes_the_rules(bappeda):
    w = bappeda
    roster = solved(w)
    assert w.people["staff_b1"].pk in _wfa(roster)
    Employee.objects.filter(pk=w.people["staff_b1"].pk).update(last_rating="kurang")
    with pytest.raises(Conflict) as exc:
        roster_publish(actor=w.user("head_b"), roster=roster)
    assert exc.value.code == "rules_refuse"
    refused = exc.value.params["refusals"]
    assert {r["employee_id"] for r in refused} == {w.people["staff_b1"].pk}
    assert all(r["rules"] == ["eligibility"] for r in refused)
    roster.refresh_from_db()
    assert roster.status == "proposed"
    assert not RequestDay.objects.exists()
    assert (
        published_placement(w.people["staff_b2"], date.fromisoformat(roster.problem["days"][0]))
        is None
    )


def test_the_publishers_own_days_go_to_their_own_approver(bappeda):
    w = bappeda
    approve_mapping(w, "head_b", (60, 40), suitable={0, 1})
    roster = solved(w)
    own = _wfa(roster).get(w.people["head_b"].pk)
    assert own
    roster_publish(actor=w.user("head_b"), roster=roster)
    request = WfaRequest.objects.get(employee=w.people["head_b"])
    assert request.status in ("pending", "refused")
    assert not request.days.filter(status="approved").exists()
    if request.status == "pending":
        assert ApprovalStep.objects.get(request=request).approver == w.people["sekda"]


def test_a_newer_roster_replaces_the_published_one_before_the_month_starts(bappeda):
    w = bappeda
    first = roster_publish(actor=w.user("head_b"), roster=solved(w))
    held = set(RequestDay.objects.values_list("pk", flat=True))
    second = solved(w)
    assert not RosterCell.objects.filter(roster=second, fixed=True).exists()
    roster_publish(actor=w.user("head_b"), roster=second)
    first.refresh_from_db()
    assert first.status == "superseded"
    assert set(RequestDay.objects.filter(pk__in=held).values_list("status", flat=True)) == {
        "recalled"
    }
    planned = _wfa(second)
    approved = RequestDay.objects.filter(status="approved")
    assert {(d.employee_id, d.day) for d in approved} == {
        (e, d) for e, days in planned.items() for d in days
    }


def test_a_published_cell_changes_through_the_schedule(bappeda):
    w = bappeda
    roster = roster_publish(actor=w.user("head_b"), roster=solved(w))
    emp_id, days = next(iter(sorted(_wfa(roster).items())))
    day = min(days)
    # The policy owes two WFA days a month: taking one back is refused ...
    with pytest.raises(Conflict) as refused:
        roster_cell_set(
            actor=w.user("head_b"), roster=roster, employee_id=emp_id, day=day, placement="onsite"
        )
    assert refused.value.params["rules"] == ["min_wfa"]
    # ... until the employee has a third one (the first day the rules allow).
    others = RosterCell.objects.filter(roster=roster, employee_id=emp_id, placement="onsite")
    for other in others.order_by("day").values_list("day", flat=True):
        try:
            roster_cell_set(
                actor=w.user("head_b"),
                roster=roster,
                employee_id=emp_id,
                day=other,
                placement="wfa",
            )
            break
        except Conflict:
            continue
    roster_cell_set(
        actor=w.user("head_b"), roster=roster, employee_id=emp_id, day=day, placement="onsite"
    )
    assert RequestDay.objects.get(employee_id=emp_id, day=day).status == "recalled"
    assert published_placement(Employee.objects.get(pk=emp_id), day) == "onsite"
    cell = roster_cell_set(
        actor=w.user("head_b"), roster=roster, employee_id=emp_id, day=day, placement="wfa"
    )
    fresh = RequestDay.objects.get(employee_id=emp_id, day=day, status="approved")
    assert cell.request_id == fresh.request_id
    assert "recalled" in set(
        RequestDay.objects.filter(employee_id=emp_id, day=day).values_list("status", flat=True)
    )
