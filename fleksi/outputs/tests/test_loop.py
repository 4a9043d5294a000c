"""The whole loop: plan → report → verify → measures → revocation → reinstatement."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from fleksi.audit.models import AuditEntry
from fleksi.common.domain.months import month_end, previous_month
from fleksi.eligibility.models import WfaSuspension
from fleksi.eligibility.services import eligibility_evaluate
from fleksi.notify.models import Notification
from fleksi.org.models import Employee
from fleksi.outputs.models import OutputReport, PlannedOutput, RevocationCheck, Verification
from fleksi.outputs.selectors.measures import period_facts
from fleksi.outputs.selectors.plans import day_plan
from fleksi.outputs.services import (
    report_submit,
    report_verify,
    revocation_check,
    suspension_reinstate,
)
from fleksi.outputs.tests.conftest import approved_wfa, png
from fleksi.policy.models import PolicyVersion
from fleksi.schedule.models import RequestDay

pytestmark = pytest.mark.django_db


def test_the_whole_loop(wfa):
    # A policy that decides at once: reports due the same day, 70 % minimum achievement.
    PolicyVersion.objects.filter(pk=wfa.policy.pk).update(
        params={**wfa.policy.params, "report_deadline_days": 0}
    )
    today = timezone.localdate()
    month = previous_month(today)
    days = [
        month + timedelta(days=i) for i in range(0, 28) if (month + timedelta(days=i)).weekday() < 5
    ][:4]
    rina = wfa.people["staff_b1"]
    request = approved_wfa(
        wfa,
        "staff_b1",
        days[:2],
        items=[("Draf kajian", 2, "dokumen", days[0]), ("Rekap data", 10, "tabel", days[1])],
    )
    # Plan: the request's work plan is the plan of each approved day.
    plan = day_plan(rina, days[0])
    assert plan.is_wfa
    assert [(line.description, line.target) for line in plan.lines] == [("Draf kajian", Decimal(2))]
    item = plan.lines[0].item
    # Report the first output (late: reported after its day) with a photo.
    report = report_submit(
        actor=wfa.user("staff_b1"),
        employee=rina,
        day=days[0],
        item=request.plan_items.get(pk=item.id),
        quantity=Decimal(1),
        description="Draf bab 1",
        evidence=png(),
    )
    assert report.late
    assert report.planned_output.source == PlannedOutput.Source.REQUEST
    pending = report.verifications.get()
    assert pending.verifier == wfa.people["head_b"]
    assert pending.status == "pending"
    assert (
        Notification.objects.filter(kind="output.reported", recipient=wfa.user("head_b")).count()
        == 1
    )
    # Verify: accepted with quality 80.
    report_verify(actor=wfa.user("head_b"), report=report, decision="accepted", quality=80)
    report.refresh_from_db()
    assert (report.status, report.quality) == ("accepted", 80)
    # Measures: 1 of 2 delivered for the first output (50 %), nothing for the second (0 %);
    # one unreported WFA day (the second).
    facts = period_facts(Employee.objects.filter(pk=rina.pk), start=month, end=month_end(month))
    m = facts.measures()[rina.pk].total
    assert (m.outputs, m.achievement_pct, m.reports, m.on_time_pct, m.quality_mean) == (
        2,
        25.0,
        1,
        0.0,
        80.0,
    )
    assert (m.wfa_days, m.unreported_days) == (2, 1)
    # Revocation: 25 % < 70 % → suspended, with the trace; running again does nothing.
    future_day = today + timedelta(days=7)
    approved_wfa(wfa, "staff_b1", [future_day])
    assert revocation_check(today=today) == 1
    assert revocation_check(today=today) == 0
    assert RevocationCheck.objects.get(month=month).suspended == 1
    suspension = WfaSuspension.objects.get(employee=rina)
    assert suspension.trigger == "achievement"
    # It applies from the date the decision states (suspension_notice_days after the check).
    starts = today + timedelta(days=7)
    assert (suspension.start, suspension.end) == (starts, starts + timedelta(days=29))
    checks = {c["check"]: c for c in suspension.trace["checks"]}
    assert checks["achievement"] == {
        "check": "achievement",
        "observed": 25.0,
        "threshold": 70,
        "outcome": "fail",
    }
    assert checks["unreported"]["observed"] == 1
    assert RequestDay.objects.get(employee=rina, day=future_day).status == "recalled"
    assert {n.recipient_id for n in Notification.objects.filter(kind="wfa.suspended")} == {
        wfa.users["staff_b1"].pk,
        wfa.users["head_b"].pk,
    }
    _v, decision = eligibility_evaluate(employee=rina, day=future_day)
    assert [t.rule for t in decision.failures] == ["suspension"]
    # Reinstatement by the supervisor, with a reason: eligible again.
    suspension_reinstate(actor=wfa.user("head_b"), suspension=suspension, reason="Sudah dibina")
    _v, decision = eligibility_evaluate(employee=rina, day=future_day)
    assert decision.allowed
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "outputs.report.submit",
        "outputs.report.accepted",
        "outputs.wfa.suspend",
        "outputs.wfa.reinstate",
        "outputs.plan.take_over",
    } <= actions
    assert Verification.objects.filter(report=report, status="accepted").count() == 1
    assert OutputReport.objects.count() == 1
