"""A request returned for changes is revised and sent again: once, by its employee, with
every day checked again, its evidence kept, its history linked and audited."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fleksi.audit.models import AuditEntry
from fleksi.common.errors import Conflict, NotAllowed
from fleksi.notify.models import Notification
from fleksi.schedule.models import ApprovalStep, RequestDay, WfaRequest
from fleksi.schedule.services import (
    PlanItemIn,
    request_approve,
    request_return,
    request_submit,
)

pytestmark = pytest.mark.django_db


def plan(day):
    return [PlanItemIn("Kajian kebijakan", Decimal(2), "naskah", day)]


def submit(w, who, days, **kw):
    return request_submit(
        actor=w.user(who), employee=w.people[who], days=days, plan=plan(max(days)), **kw
    )


def returned(w, who, days, **kw):
    request = submit(w, who, days, **kw)
    step = ApprovalStep.objects.get(request=request, status="pending")
    request_return(actor=w.user("head_b"), step=step, comment="Target belum terukur")
    request.refresh_from_db()
    return request


def revise(w, original, days, who="staff_b1", **kw):
    return request_submit(
        actor=w.user(who),
        employee=w.people[who],
        days=days,
        plan=[PlanItemIn("Kajian kebijakan bab 1-3", Decimal(3), "bab", max(days))],
        revises=original,
        **kw,
    )


def test_a_returned_request_is_revised_once_and_checked_again(wfa):
    tue, wed = wfa.monday + timedelta(days=1), wfa.monday + timedelta(days=2)
    original = returned(wfa, "staff_b1", [tue, wed])
    revision = revise(wfa, original, [tue])
    assert revision.revises_id == original.pk
    assert revision.days.get().status == "pending"  # the rules passed again
    assert revision.plan_items.get().quantity == 3
    step = ApprovalStep.objects.get(request=revision, status="pending")
    assert step.approver == wfa.people["head_b"]
    assert Notification.objects.filter(
        recipient=wfa.user("head_b"), kind="request.submitted"
    ).exists()
    entry = AuditEntry.objects.filter(action="schedule.request.resubmit").latest("pk")
    assert entry.after["revises"] == original.pk
    # The returned request keeps its history; a second revision is refused.
    original.refresh_from_db()
    assert original.status == "returned"
    assert set(original.days.values_list("status", flat=True)) == {"returned"}
    with pytest.raises(Conflict) as exc:
        revise(wfa, original, [wed])
    assert exc.value.code == "already_revised"


def test_only_the_employee_revises_and_only_a_request_with_returned_days(wfa):
    tue = wfa.monday + timedelta(days=1)
    original = returned(wfa, "staff_b1", [tue])
    with pytest.raises(NotAllowed):
        revise(wfa, original, [tue], who="staff_b2")
    waiting = submit(wfa, "staff_b2", [tue + timedelta(days=1)])
    with pytest.raises(Conflict) as exc:
        revise(wfa, waiting, [tue + timedelta(days=1)], who="staff_b2")
    assert exc.value.code == "not_returned"
    assert WfaRequest.objects.filter(revises__isnull=False).count() == 0  # nothing written


def test_a_revised_day_that_now_breaks_a_rule_is_refused_with_its_rule(wfa):
    days = [wfa.monday + timedelta(days=i) for i in range(1, 4)]
    original = returned(wfa, "staff_b1", days[:1])
    other = submit(wfa, "staff_b1", days[1:3])
    request_approve(actor=wfa.user("head_b"), step=ApprovalStep.objects.get(request=other))
    revision = revise(wfa, original, days[:1])  # a third WFA day in the week
    day = revision.days.get()
    assert day.status == RequestDay.Status.REFUSED
    assert day.trace["verdict"] == "refused"


def test_the_evidence_of_special_circumstances_is_kept(wfa):
    tue = wfa.monday + timedelta(days=1)
    pdf = SimpleUploadedFile("surat.pdf", b"%PDF-1.7\n%%EOF", content_type="application/pdf")
    original = returned(
        wfa, "staff_b1", [tue], kind="special_circumstances", evidence=pdf, reason="Anak sakit"
    )
    revision = revise(wfa, original, [tue], kind="special_circumstances", reason="Anak sakit")
    assert revision.evidence.name == original.evidence.name
    assert (revision.evidence_name, revision.evidence_sha256) == (
        original.evidence_name,
        original.evidence_sha256,
    )


def test_the_revise_page_is_filled_in_from_the_returned_request_and_sends_it(client, wfa):
    tue = wfa.monday + timedelta(days=1)
    original = returned(wfa, "staff_b1", [tue], reason="Menyusun kajian")
    client.force_login(wfa.user("staff_b1"))
    detail = client.get(reverse("schedule:request_detail", args=[original.pk]))
    assert detail.context["may_revise"] is True
    page = client.get(reverse("schedule:request_revise", args=[original.pk]))
    form = page.context["form"]
    assert form["day_1"].value() == tue
    assert form["reason"].value() == "Menyusun kajian"
    assert form["plan_1_description"].value() == "Kajian kebijakan"
    assert b"Target belum terukur" in page.content  # what the head asked to change
    response = client.post(
        reverse("schedule:request_revise", args=[original.pk]),
        {
            "mode": "days",
            "day_1": str(tue),
            "kind": "regular",
            "location_type": "home",
            "reason": "Menyusun kajian bab 1-3",
            "plan_1_description": "Kajian bab 1-3",
            "plan_1_quantity": "3",
            "plan_1_unit": "bab",
            "plan_1_due": str(tue),
            "action": "submit",
        },
    )
    revision = WfaRequest.objects.get(revises=original)
    assert response.status_code == 302
    assert response["Location"] == reverse("schedule:request_detail", args=[revision.pk])
    # The returned request now links to its revision and offers no second one.
    detail = client.get(reverse("schedule:request_detail", args=[original.pk]))
    assert detail.context["may_revise"] is False
    assert detail.context["revision"] == revision
    again = client.get(reverse("schedule:request_revise", args=[original.pk]))
    assert again.status_code == 302


def test_the_api_revises_a_returned_request(client, wfa):
    tue = wfa.monday + timedelta(days=1)
    original = returned(wfa, "staff_b1", [tue])
    client.force_login(wfa.user("staff_b1"))
    body = {
        "plan": {"mode": "days", "days": [str(tue)]},
        "kind": "regular",
        "location_type": "home",
        "outputs": [
            {
                "description": "Kajian",
                "quantity": "2",
                "unit_of_measure": "bab",
                "due_date": str(tue),
            }
        ],
    }
    url = reverse("api:schedule_request_revise", args=[original.pk])
    created = client.post(url, body, content_type="application/json")
    assert created.status_code == 201
    assert created.json()["revises_id"] == original.pk
    again = client.post(url, body, content_type="application/json")
    assert again.status_code == 409


def test_the_revise_page_of_a_request_without_returned_days_goes_back_to_it(client, wfa):
    waiting = submit(wfa, "staff_b1", [wfa.monday + timedelta(days=1)])
    client.force_login(wfa.user("staff_b1"))
    response = client.get(reverse("schedule:request_revise", args=[waiting.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("schedule:request_detail", args=[waiting.pk])
