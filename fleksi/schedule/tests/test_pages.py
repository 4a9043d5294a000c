"""The pages through HTTP: asking, the inbox with its coverage, deciding in bulk, recalling,
the board, the calendar and its feed, places and absences (language-independent: the
assertions read the context, the data and the stored rows)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from fleksi.audit.models import AuditEntry
from fleksi.notify.models import Notification
from fleksi.policy.services import (
    policy_draft_create,
    policy_draft_update,
    policy_publish,
    policy_unit_override_set,
)
from fleksi.schedule.models import Absence, ApprovalStep, RequestDay, WfaPlace, WfaRequest
from fleksi.schedule.services import PlanItemIn, request_approve, request_submit

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"schedule:{name}", args=args)


def plan_fields(day, n=1):
    return {
        f"plan_{n}_description": "Draf kajian kebijakan",
        f"plan_{n}_quantity": "2",
        f"plan_{n}_unit": "naskah",
        f"plan_{n}_due": str(day),
    }


def form(**fields):
    return {"kind": "regular", "location_type": "home", "action": "submit", **fields}


def submit(w, who, days):
    return request_submit(
        actor=w.user(who),
        employee=w.people[who],
        days=days,
        plan=[PlanItemIn("Kajian", Decimal(1), "naskah", max(days))],
    )


def minimum_on_site(w, minimum=2, share="0.7"):
    """A version from tomorrow: Bappeda keeps ``minimum`` people on site."""
    version = policy_draft_create(
        actor=w.user("bkpsdm"),
        regulation_number="Perbup 2/2026",
        title="Minimum Bappeda",
        effective_from=timezone.localdate() + timedelta(days=1),
    )
    policy_draft_update(
        actor=w.user("bkpsdm"),
        version=version,
        params={**version.params, "default_max_offsite_share": float(share)},
    )
    policy_unit_override_set(
        actor=w.user("bkpsdm"),
        version=version,
        unit=w.units["b"],
        max_offsite_share=None,
        min_onsite_staff=minimum,
        reason="Rapat Musrenbang",
    )
    return policy_publish(actor=w.user("sekda"), version=version)


def texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_weekly_pattern_is_sent_and_the_third_day_of_a_week_is_refused_with_its_rule(client, wfa):
    client.force_login(wfa.user("staff_b1"))
    monday = wfa.monday
    response = client.post(
        url("request_new"),
        form(
            mode="weekly",
            start=str(monday),
            end=str(monday + timedelta(days=4)),
            weekdays=["1", "2", "3"],
            **plan_fields(monday + timedelta(days=4)),
        ),
    )
    request = WfaRequest.objects.get(employee=wfa.people["staff_b1"])
    assert response.status_code == 302
    assert response["Location"] == url("request_detail", request.pk)
    page = client.get(response["Location"])
    days = {d.row.day.weekday(): d for d in page.context["view"].days}
    assert {k: d.row.status for k, d in days.items()} == {1: "pending", 2: "pending", 3: "refused"}
    refused = days[3].failures
    assert [(f.rule, f.observed, f.limit) for f in refused] == [("weekly_cap", "3", "2")]
    html = page.content.decode()
    assert refused[0].text in html
    assert refused[0].article in html
    assert request.plan_items.get().quantity == Decimal(2)


def test_checking_the_days_first_writes_nothing_and_keeps_the_form(client, wfa):
    client.force_login(wfa.user("staff_b1"))
    tue = wfa.monday + timedelta(days=1)
    sat = wfa.monday + timedelta(days=5)
    response = client.post(
        url("request_new"),
        form(mode="days", day_1=str(tue), day_2=str(sat), action="preview", **plan_fields(tue)),
    )
    assert response.status_code == 200
    assert [(p.day, p.allowed) for p in response.context["preview"]] == [(tue, True)]
    assert response.context["skipped"] == (sat,)
    assert response.context["form"]["day_1"].value() == str(tue)
    assert not WfaRequest.objects.exists()


def test_a_request_without_a_work_plan_is_not_sent(client, wfa):
    client.force_login(wfa.user("staff_b1"))
    tue = wfa.monday + timedelta(days=1)
    response = client.post(url("request_new"), form(mode="days", day_1=str(tue)))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not WfaRequest.objects.exists()


def test_evidence_is_uploaded_and_only_the_employee_approver_and_bkpsdm_download_it(client, wfa):
    client.force_login(wfa.user("staff_b1"))
    tue = wfa.monday + timedelta(days=1)
    pdf = SimpleUploadedFile("Surat dokter.pdf", b"%PDF-1.7\nisi", content_type="application/pdf")
    client.post(
        url("request_new"),
        form(
            mode="days",
            day_1=str(tue),
            kind="special_circumstances",
            evidence=pdf,
            **plan_fields(tue),
        ),
    )
    request = WfaRequest.objects.get()
    assert request.evidence_name == "Surat_dokter.pdf"
    download = client.get(url("request_evidence", request.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.7\nisi"
    assert "attachment" in download["Content-Disposition"]
    for who, status in (("head_b", 200), ("bkpsdm", 200), ("sekda", 403), ("head_a", 404)):
        client.force_login(wfa.user(who))
        assert client.get(url("request_evidence", request.pk)).status_code == status, who


def test_the_inbox_shows_the_coverage_of_each_day_and_bulk_approval_stops_at_the_minimum(
    client, wfa
):
    minimum_on_site(wfa)
    tue = wfa.monday + timedelta(days=1)
    first = submit(wfa, "staff_b1", [tue])
    second = submit(wfa, "staff_b2", [tue])
    client.force_login(wfa.user("head_b"))
    page = client.get(url("inbox"))
    items = {it.step.request_id: it for it in page.context["items"]}
    cover = items[first.pk].days[0]
    # Bappeda: 3 people, 2 must stay; a 70 % share lets 2 go (each day on its own).
    assert (cover.onsite_after, cover.minimum, cover.offsite_after, cover.quota) == (2, 2, 1, 2)
    assert (cover.allowed, cover.waiting_same_day) == (True, 1)
    steps = {s.request_id: s.pk for s in ApprovalStep.objects.filter(status="pending")}
    response = client.post(
        url("inbox_bulk"),
        {
            "action": "approve",
            "comment": "Silakan",
            "pick": [f"{steps[first.pk]}:{tue}", f"{steps[second.pk]}:{tue}"],
        },
    )
    assert response.status_code == 302
    statuses = dict(RequestDay.objects.values_list("request_id", "status"))
    assert statuses == {first.pk: "approved", second.pk: "pending"}
    errors = [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
    assert len(errors) == 2  # the request that failed, then the rule that refused its day
    page = client.get(url("inbox"))
    (item,) = page.context["items"]
    assert item.days[0].short
    assert not item.days[0].allowed
    assert (item.days[0].onsite_after, item.days[0].minimum) == (1, 2)


def test_bulk_rejection_needs_one_comment_and_return_goes_back_to_the_employee(client, wfa):
    tue = wfa.monday + timedelta(days=1)
    request = submit(wfa, "staff_b1", [tue, tue + timedelta(days=1)])
    step = ApprovalStep.objects.get(request=request)
    client.force_login(wfa.user("head_b"))
    client.post(url("inbox_bulk"), {"action": "reject", "pick": f"{step.pk}:{tue}"})
    assert set(request.days.values_list("status", flat=True)) == {"pending"}
    client.post(
        url("inbox_bulk"),
        {"action": "reject", "comment": "Rapat", "pick": f"{step.pk}:{tue}", "confirm": "1"},
    )
    assert dict(request.days.values_list("day", "status"))[tue] == "rejected"
    response = client.post(
        url("step_decide", step.pk),
        {"action": "return", "comment": "Tambah target", "next": "inbox"},
    )
    assert response["Location"] == url("inbox")
    request.refresh_from_db()
    assert request.status == "returned"


def test_the_head_recalls_an_approved_day_with_a_reason(client, wfa):
    tue = wfa.monday + timedelta(days=1)
    request = submit(wfa, "staff_b1", [tue])
    request_approve(actor=wfa.user("head_b"), step=ApprovalStep.objects.get(request=request))
    client.force_login(wfa.user("head_b"))
    assert client.get(url("request_recall", request.pk)).status_code == 200
    response = client.post(
        url("request_recall", request.pk),
        {"days": [str(tue)], "reason": "Dua petugas sakit", "confirm": "1"},
    )
    assert response.status_code == 302
    day = request.days.get()
    assert (day.status, day.note) == ("recalled", "Dua petugas sakit")
    assert Notification.objects.filter(kind="request.recalled").count() == 1


def test_the_employee_cancels_from_the_request_page(client, wfa):
    tue = wfa.monday + timedelta(days=1)
    request = submit(wfa, "staff_b1", [tue, tue + timedelta(days=1)])
    client.force_login(wfa.user("staff_b1"))
    client.post(url("request_cancel", request.pk), {"days": [str(tue)]})
    assert dict(request.days.values_list("day", "status")) == {
        tue: "cancelled",
        tue + timedelta(days=1): "pending",
    }


def test_cancel_with_nothing_ticked_cancels_nothing_and_says_why(client, wfa):
    tue = wfa.monday + timedelta(days=1)
    request = submit(wfa, "staff_b1", [tue, tue + timedelta(days=1)])
    client.force_login(wfa.user("staff_b1"))
    client.cookies["django_language"] = "en"
    page = client.post(url("request_cancel", request.pk), {"scope": "ticked"}, follow=True)
    assert "Nothing was cancelled" in page.content.decode()
    assert set(request.days.values_list("status", flat=True)) == {"pending"}
    # The whole request: a page asks first (no JavaScript needed), then it is done.
    asked = client.post(url("request_cancel", request.pk), {"scope": "all"})
    assert asked.status_code == 200
    assert asked.templates[0].name == "common/confirm.html"
    assert set(request.days.values_list("status", flat=True)) == {"pending"}
    client.post(url("request_cancel", request.pk), {"scope": "all", "confirm": "1"})
    assert set(request.days.values_list("status", flat=True)) == {"cancelled"}


def test_the_board_shows_who_is_on_wfa_and_a_shortfall_after_an_absence(client, wfa):
    minimum_on_site(wfa)
    tue = wfa.monday + timedelta(days=1)
    request = submit(wfa, "staff_b1", [tue])
    request_approve(actor=wfa.user("head_b"), step=ApprovalStep.objects.get(request=request))
    client.force_login(wfa.user("head_b"))
    board_url = f"{url('board')}?unit={wfa.units['b'].pk}&day={tue}"
    b = client.get(board_url).context["b"]
    cells = {p.employee_id: p.cells[0] for p in b.people}
    assert cells[wfa.people["staff_b1"].pk].presence == "wfa"
    assert "Melayu" in cells[wfa.people["staff_b1"].pk].where
    (row,) = b.units
    assert (row.cells[0].tally.onsite, row.cells[0].minimum, row.cells[0].shortfall) == (2, 2, 0)
    response = client.post(
        f"{url('absences')}?unit={wfa.units['b'].pk}",
        {"nip": wfa.people["staff_b2"].nip, "kind": "sick", "start": str(tue), "end": str(tue)},
    )
    assert response.status_code == 302
    b = client.get(board_url).context["b"]
    assert (b.units[0].cells[0].tally.onsite, b.units[0].cells[0].shortfall) == (1, 1)
    assert b.units[0].short
    week = client.get(f"{board_url}&view=week").context["b"]
    assert len(week.days) == 5
    assert week.days[0] == wfa.monday
    assert AuditEntry.objects.filter(action="schedule.absence.create").count() == 1


def test_my_calendar_and_its_feed(client, wfa):
    tue = wfa.monday + timedelta(days=1)
    request = submit(wfa, "staff_b1", [tue])
    request_approve(actor=wfa.user("head_b"), step=ApprovalStep.objects.get(request=request))
    client.force_login(wfa.user("staff_b1"))
    month = client.get(f"{url('calendar')}?month={tue:%Y-%m}").context["month"]
    marks = {d.day: d.marks for week in month.weeks for d in week if d.marks}
    assert [m.status for m in marks[tue]] == ["approved"]
    client.post(url("feed_renew"))
    token = client.get(url("calendar")).context["feed_url"].rsplit("/", 1)[1][: -len(".ics")]
    client.logout()
    feed = client.get(url("feed", token))
    assert feed["Content-Type"] == "text/calendar; charset=utf-8"
    body = feed.content.decode()
    assert body.count("BEGIN:VEVENT") == 1
    assert f"DTSTART;VALUE=DATE:{tue:%Y%m%d}" in body
    client.force_login(wfa.user("staff_b1"))
    client.post(url("feed_renew"))
    client.logout()
    assert client.get(url("feed", token)).status_code == 404


def test_a_place_is_proposed_approved_by_the_ppk_s_delegate_and_then_used(client, wfa):
    """Pasal 11: another place is set by the PPK or whom the Perbup delegates — by default the
    Sekda, not the head of the unit."""
    client.force_login(wfa.user("staff_b1"))
    client.post(
        url("places"),
        {
            "name": "Perpustakaan Daerah",
            "address": "Jl. Diponegoro",
            "desa": wfa.desa["melayu"].pk,
            "reason": "Tenang",
        },
    )
    place = WfaPlace.objects.get()
    assert place.status == "proposed"
    client.force_login(wfa.user("head_b"))
    page = client.get(url("places"))
    assert page.context["waiting"] == [(place, False)]
    client.post(url("place_decide", place.pk), {"action": "approve"})
    place.refresh_from_db()
    assert place.status == "proposed"
    client.force_login(wfa.user("sekda"))
    page = client.get(url("places"))
    assert page.context["waiting"] == [(place, True)]
    client.post(url("place_decide", place.pk), {"action": "approve"})
    place.refresh_from_db()
    assert place.status == "approved"
    client.force_login(wfa.user("staff_b1"))
    tue = wfa.monday + timedelta(days=1)
    client.post(
        url("request_new"),
        form(
            mode="days",
            day_1=str(tue),
            location_type="approved_place",
            place=place.pk,
            **plan_fields(tue),
        ),
    )
    request = WfaRequest.objects.get()
    assert (request.place_id, request.desa_id) == (place.pk, wfa.desa["melayu"].pk)
    assert AuditEntry.objects.filter(action="schedule.place.approve").count() == 1


def test_heads_see_the_requests_of_their_subtree_in_the_list(client, wfa):
    submit(wfa, "staff_b1", [wfa.monday + timedelta(days=1)])
    client.force_login(wfa.user("head_b"))
    assert len(client.get(url("request_list")).context["page"].page.object_list) == 1
    client.force_login(wfa.user("head_a"))
    assert len(client.get(url("request_list")).context["page"].page.object_list) == 0


def test_the_home_page_shows_my_next_days_and_what_waits_for_me(client, wfa):
    tue = wfa.monday + timedelta(days=1)
    submit(wfa, "staff_b1", [tue])
    client.force_login(wfa.user("staff_b1"))
    assert [d.day for d in client.get("/").context["next_wfa"]] == [tue]
    client.force_login(wfa.user("head_b"))
    home = client.get("/")
    assert home.context["waiting"].wfa == 1
    assert reverse("schedule:inbox") in home.content.decode()


def test_absences_are_recorded_by_heads_and_overlaps_refused(client, wfa):
    tue = wfa.monday + timedelta(days=1)
    client.force_login(wfa.user("head_b"))
    data = {"nip": wfa.people["staff_b2"].nip, "kind": "leave", "start": str(tue), "end": str(tue)}
    target = f"{url('absences')}?unit={wfa.units['b'].pk}"
    assert client.post(target, data).status_code == 302
    again = client.post(target, data)
    assert again.status_code == 200
    assert Absence.objects.count() == 1
    other = client.post(target, {**data, "nip": wfa.people["staff_a1"].nip})
    assert other.context["form"].errors["nip"]
