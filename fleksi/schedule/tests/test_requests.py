"""Submitting WFA requests: the rules per day, the work plan, the approver."""

from datetime import timedelta
from decimal import Decimal

import pytest

from fleksi.audit.models import AuditEntry
from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.schedule.models import ApprovalStep, RequestDay, WfaRequest
from fleksi.schedule.services import PlanItemIn, request_cancel, request_submit

pytestmark = pytest.mark.django_db


def plan(day):
    return [PlanItemIn("Draf laporan triwulan", Decimal(1), "dokumen", day)]


def submit(world, who, days, **kw):
    return request_submit(
        actor=world.user(who),
        employee=world.people[who],
        days=days,
        plan=kw.pop("plan", plan(max(days))),
        **kw,
    )


def statuses(request):
    return {d.day: d.status for d in request.days.all()}


def test_a_request_waits_for_the_head_of_unit(wfa):
    tue, wed = wfa.monday + timedelta(days=1), wfa.monday + timedelta(days=2)
    request = submit(wfa, "staff_b1", [tue, wed])
    assert request.status == "pending"
    assert statuses(request) == {tue: "pending", wed: "pending"}
    step = request.steps.get()
    assert (step.approver_id, step.via_unit_id, step.status) == (
        wfa.people["head_b"].pk,
        wfa.units["b"].pk,
        "pending",
    )
    assert request.policy_version_id == wfa.policy.pk
    assert request.plan_items.count() == 1
    assert AuditEntry.objects.filter(action="schedule.request.submit").count() == 1


def test_the_weekly_maximum_refuses_the_third_day_with_its_reason(wfa):
    tue, wed, thu = (wfa.monday + timedelta(days=i) for i in (1, 2, 3))
    request = submit(wfa, "staff_b1", [tue, wed, thu])
    assert statuses(request) == {tue: "pending", wed: "pending", thu: "refused"}
    refused = request.days.get(day=thu)
    failure = [r for r in refused.trace["rules"] if r["outcome"] == "fail"]
    assert [(r["rule"], r["observed"], r["limit"]) for r in failure] == [("weekly_cap", 3, 2)]
    assert failure[0]["article"] == "PermenPANRB 4/2025 Pasal 13 ayat (1)"
    assert failure[0]["message_en"] == "This would be WFA day 3 in that week; the maximum is 2."


def test_waiting_days_count_towards_the_next_request(wfa):
    tue, wed, thu = (wfa.monday + timedelta(days=i) for i in (1, 2, 3))
    submit(wfa, "staff_b1", [tue, wed])
    second = submit(wfa, "staff_b1", [thu])
    assert second.status == "refused"
    assert statuses(second) == {thu: "refused"}


def test_official_duty_with_a_surat_tugas_is_not_limited_per_week(wfa):
    from django.core.files.uploadedfile import SimpleUploadedFile

    days = [wfa.monday + timedelta(days=i) for i in range(5)]
    request = submit(
        wfa,
        "staff_b1",
        days,
        kind="official_duty",
        duty_letter_number="800/12/Bappeda",
        duty_letter_date=wfa.monday - timedelta(days=7),
        duty_letter=SimpleUploadedFile("st.pdf", b"%PDF-1.7\n%%EOF"),
    )
    assert set(statuses(request).values()) == {"pending"}


def test_weekends_holidays_and_short_notice_are_refused(wfa):
    sat = wfa.monday + timedelta(days=5)
    request = submit(wfa, "staff_b1", [sat])
    assert request.days.get().trace["rules"][0]["code"] == "working_day.fail"


def test_the_same_day_cannot_be_asked_twice(wfa):
    tue = wfa.monday + timedelta(days=1)
    submit(wfa, "staff_b1", [tue])
    with pytest.raises(Conflict) as exc:
        submit(wfa, "staff_b1", [tue])
    assert exc.value.code == "day_taken"


def test_people_who_may_not_use_wfa_are_refused_with_the_eligibility_rule(wfa):
    tue = wfa.monday + timedelta(days=1)
    request = submit(wfa, "staff_a1", [tue])  # a counter officer: public service, on site
    assert request.status == "refused"
    rules = {r["rule"]: r for r in request.days.get().trace["rules"]}
    assert rules["eligibility"]["outcome"] == "fail"
    assert set(rules["eligibility"]["details"]["rules"]) == {
        "public_service_unit",
        "position_class",
    }
    assert not ApprovalStep.objects.filter(request=request).exists()


def test_a_work_plan_and_valid_days_are_required(wfa):
    tue = wfa.monday + timedelta(days=1)
    with pytest.raises(ValidationFailed) as exc:
        submit(wfa, "staff_b1", [tue], plan=[])
    assert "plan" in exc.value.params["errors"]
    with pytest.raises(ValidationFailed) as exc:
        submit(wfa, "staff_b1", [wfa.monday - timedelta(days=14)])
    assert "days" in exc.value.params["errors"]
    assert WfaRequest.objects.count() == 0


def test_special_circumstances_need_evidence_of_an_allowed_type(wfa):
    from django.core.files.uploadedfile import SimpleUploadedFile

    tue = wfa.monday + timedelta(days=1)
    with pytest.raises(ValidationFailed) as exc:
        submit(wfa, "staff_b1", [tue], kind="special_circumstances")
    assert "evidence" in exc.value.params["errors"]
    fake = SimpleUploadedFile("surat.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationFailed) as exc:
        submit(wfa, "staff_b1", [tue], kind="special_circumstances", evidence=fake)
    assert exc.value.code == "evidence_content"
    pdf = SimpleUploadedFile("Surat Dokter.pdf", b"%PDF-1.7\n...", content_type="application/pdf")
    request = submit(wfa, "staff_b1", [tue], kind="special_circumstances", evidence=pdf)
    assert request.evidence_name == "Surat_Dokter.pdf"
    assert len(request.evidence_sha256) == 64


def test_nobody_asks_for_someone_else(wfa):
    tue = wfa.monday + timedelta(days=1)
    with pytest.raises(NotAllowed):
        request_submit(
            actor=wfa.user("head_b"), employee=wfa.people["staff_b1"], days=[tue], plan=plan(tue)
        )


def test_the_employee_cancels_waiting_days(wfa):
    tue, wed = wfa.monday + timedelta(days=1), wfa.monday + timedelta(days=2)
    request = submit(wfa, "staff_b1", [tue, wed])
    assert request_cancel(actor=wfa.user("staff_b1"), request=request, days=[tue]) == 1
    request_cancel(actor=wfa.user("staff_b1"), request=request)
    request.refresh_from_db()
    assert request.status == "cancelled"
    assert request.steps.get().status == "closed"
    assert set(RequestDay.objects.filter(request=request).values_list("status", flat=True)) == {
        "cancelled"
    }
