"""A minimum on site for one service role of a unit (e.g. counter officers): set in a draft
by BKPSDM, copied into the next draft, shown in the diff, enforced on requests, and shown on
the unit board as a row of its own."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from fleksi.audit.models import AuditEntry
from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.org.models import Employee
from fleksi.policy.models import RoleMinimum
from fleksi.policy.selectors import role_minimums_diff
from fleksi.policy.services import policy_draft_create, policy_publish, policy_role_minimum_set
from fleksi.schedule.models import ApprovalStep
from fleksi.schedule.services import PlanItemIn, request_approve, request_submit

pytestmark = pytest.mark.django_db


def submit(w, who, day):
    return request_submit(
        actor=w.user(who),
        employee=w.people[who],
        days=[day],
        plan=[PlanItemIn("Kajian", Decimal(1), "naskah", day)],
    )


def analysts_need(w, minimum):
    """A version from tomorrow in which Bappeda keeps ``minimum`` analysts on site."""
    w.positions["analis"].service_role = "analyst"
    w.positions["analis"].save(update_fields=["service_role"])
    draft = policy_draft_create(
        actor=w.user("bkpsdm"),
        regulation_number="Perbup 9/2026",
        title="Analis di kantor",
        effective_from=timezone.localdate() + timedelta(days=1),
        based_on=w.policy,
    )
    policy_role_minimum_set(
        actor=w.user("bkpsdm"), version=draft, unit=w.units["b"], role="Analyst", min_onsite=minimum
    )
    policy_publish(actor=w.user("sekda"), version=draft)
    return draft


def test_a_role_minimum_is_set_in_a_draft_copied_compared_and_never_changed_once_published(wfa):
    version = analysts_need(wfa, 1)
    assert list(version.role_minimums.values_list("role", "min_onsite")) == [("analyst", 1)]
    assert AuditEntry.objects.filter(action="policy.version.role_minimum").exists()
    with pytest.raises(Conflict):
        policy_role_minimum_set(
            actor=wfa.user("bkpsdm"),
            version=version,
            unit=wfa.units["b"],
            role="analyst",
            min_onsite=3,
        )
    nxt = policy_draft_create(
        actor=wfa.user("bkpsdm"),
        regulation_number="Perbup 10/2026",
        title="Berikutnya",
        effective_from=timezone.localdate() + timedelta(days=30),
        based_on=version,
    )
    assert list(nxt.role_minimums.values_list("role", "min_onsite")) == [("analyst", 1)]
    policy_role_minimum_set(
        actor=wfa.user("bkpsdm"), version=nxt, unit=wfa.units["b"], role="analyst", min_onsite=2
    )
    ((name, before, after),) = role_minimums_diff(version, nxt)
    assert (before, after) == (1, 2)
    assert name.endswith("analyst")
    policy_role_minimum_set(
        actor=wfa.user("bkpsdm"), version=nxt, unit=wfa.units["b"], role="analyst", min_onsite=None
    )
    assert not nxt.role_minimums.exists()
    with pytest.raises(ValidationFailed):
        policy_role_minimum_set(
            actor=wfa.user("bkpsdm"),
            version=nxt,
            unit=wfa.units["b"],
            role="loket umum!",
            min_onsite=1,
        )
    with pytest.raises(ValidationFailed):  # nothing to remove
        policy_role_minimum_set(
            actor=wfa.user("bkpsdm"),
            version=nxt,
            unit=wfa.units["b"],
            role="analyst",
            min_onsite=None,
        )


def test_a_request_that_takes_the_last_analyst_off_site_is_refused_with_the_role(wfa):
    analysts = Employee.objects.filter(position=wfa.positions["analis"], is_active=True).count()
    analysts_need(wfa, analysts - 1)  # one analyst may be off-site, not two
    tue = wfa.monday + timedelta(days=1)
    first = submit(wfa, "staff_b1", tue)
    request_approve(actor=wfa.user("head_b"), step=ApprovalStep.objects.get(request=first))
    second = submit(wfa, "staff_b2", tue)
    day = second.days.get()
    assert day.status == "refused"
    rules = {r["rule"]: r for r in day.trace["rules"]}
    staffing = rules["min_onsite"]
    assert staffing["outcome"] == "fail"
    assert staffing["details"]["role"] == "analyst"


def test_the_board_shows_the_role_minimum_on_a_row_of_its_own(client, wfa):
    analysts = Employee.objects.filter(position=wfa.positions["analis"], is_active=True).count()
    analysts_need(wfa, analysts)
    tue = wfa.monday + timedelta(days=1)
    client.force_login(wfa.user("head_b"))
    with translation.override("en"):
        response = client.get(f"{reverse('schedule:board')}?unit={wfa.units['b'].pk}&day={tue}")
    b = response.context["b"]
    (role_row,) = [r for r in b.units if r.role]
    assert role_row.role == "analyst"
    assert (role_row.cells[0].tally.onsite, role_row.cells[0].minimum) == (analysts, analysts)
    assert not role_row.short
    api = client.get(
        reverse("api:schedule_board"), {"unit": wfa.units["b"].pk, "day": str(tue)}
    ).json()
    assert [u["role"] for u in api["units"]].count("analyst") == 1
    assert RoleMinimum.objects.count() == 1
