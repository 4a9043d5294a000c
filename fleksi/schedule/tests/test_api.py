"""``/api/v1/schedule`` through HTTP: plan, submit, inbox, decide, board, calendar."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse

from fleksi.schedule.models import ApprovalStep, WfaRequest

pytestmark = pytest.mark.django_db


def api(name, *args):
    return reverse(f"api:schedule_{name}", args=args)


def post(client, target, body):
    return client.post(target, json.dumps(body), content_type="application/json")


def submit_body(days, **kw):
    return {
        "plan": {"mode": "days", "days": [str(d) for d in days]},
        "outputs": [
            {
                "description": "Rekap data",
                "quantity": "3",
                "unit_of_measure": "tabel",
                "due_date": str(max(days)),
            }
        ],
        **kw,
    }


def test_a_weekly_plan_is_checked_then_submitted(client, wfa):
    client.force_login(wfa.user("staff_b1"))
    plan = {
        "mode": "weekly",
        "start": str(wfa.monday),
        "end": str(wfa.monday + timedelta(days=4)),
        "weekdays": [1, 2, 3],
    }
    preview = post(client, api("plan_check"), {"plan": plan}).json()
    # Melayu's connectivity is not surveyed in this world: allowed, with a warning.
    assert [d["verdict"] for d in preview["days"]] == [
        "allowed_with_warnings",
        "allowed_with_warnings",
        "refused",
    ]
    assert WfaRequest.objects.count() == 0
    body = submit_body([wfa.monday + timedelta(days=4)], reason="Menyusun laporan")
    body["plan"] = plan
    response = post(client, api("request_create"), body)
    assert response.status_code == 201
    data = response.json()
    assert [d["status"] for d in data["days"]] == ["pending", "pending", "refused"]
    refused = [r for r in data["days"][2]["rules"] if r["outcome"] == "fail"]
    assert [(r["rule"], r["observed"], r["limit"]) for r in refused] == [("weekly_cap", 3, 2)]
    assert data["steps"][0]["approver_id"] == wfa.people["head_b"].pk
    mine = client.get(api("request_list")).json()
    assert (mine["count"], mine["items"][0]["id"]) == (1, data["id"])


def test_bad_plans_and_missing_evidence_are_clear_errors(client, wfa):
    client.force_login(wfa.user("staff_b1"))
    tue = wfa.monday + timedelta(days=1)
    reversed_range = submit_body([tue])
    reversed_range["plan"] = {"mode": "range", "start": str(tue), "end": str(wfa.monday)}
    response = post(client, api("request_create"), reversed_range)
    assert (response.status_code, response.json()["code"]) == (400, "range_reversed")
    response = post(client, api("request_create"), submit_body([tue], kind="special_circumstances"))
    assert response.status_code == 400
    assert "evidence" in response.json()["errors"]


def test_the_inbox_approval_and_a_refusal_by_the_rules(client, wfa):
    tue = wfa.monday + timedelta(days=1)
    for who in ("staff_b1", "staff_b2"):
        client.force_login(wfa.user(who))
        assert post(client, api("request_create"), submit_body([tue])).status_code == 201
    client.force_login(wfa.user("head_b"))
    inbox = client.get(api("inbox")).json()
    assert inbox["count"] == 2
    first, second = inbox["items"]
    day = first["days"][0]
    # Bappeda: 3 people, 50 %: one may be off-site.
    assert (day["offsite_after"], day["quota"], day["waiting_same_day"]) == (1, 1, 1)
    ok = post(client, api("step_approve", first["step_id"]), {"comment": "Silakan"})
    assert ok.json() == {"days": [str(tue)]}
    refused = post(client, api("step_approve", second["step_id"]), {})
    assert (refused.status_code, refused.json()["code"]) == (409, "rules_refuse")
    assert refused.json()["refusals"][0]["day"] == str(tue)
    board = client.get(api("board"), {"unit": wfa.units["b"].pk, "day": str(tue)}).json()
    presence = {p["employee_id"]: p["presence"] for p in board["people"]}
    approved_id = WfaRequest.objects.get(pk=first["request_id"]).employee_id
    assert presence[approved_id] == "wfa"
    assert board["units"][0]["wfa"] == 1
    assert board["units"][0]["quota"] == 1


def test_reject_return_cancel_and_recall(client, wfa):
    tue, wed = wfa.monday + timedelta(days=1), wfa.monday + timedelta(days=2)
    client.force_login(wfa.user("staff_b1"))
    created = post(client, api("request_create"), submit_body([tue, wed])).json()
    step = ApprovalStep.objects.get(request_id=created["id"])
    client.force_login(wfa.user("head_b"))
    assert post(client, api("step_reject", step.pk), {"days": [str(tue)]}).status_code == 400
    assert post(
        client, api("step_reject", step.pk), {"days": [str(tue)], "comment": "Rapat"}
    ).json() == {"days": [str(tue)]}
    post(client, api("step_approve", step.pk), {})
    recall = post(
        client, api("request_recall", created["id"]), {"days": [str(wed)], "reason": "Layanan"}
    )
    assert recall.json() == {"count": 1}
    detail = client.get(api("request_detail", created["id"])).json()
    assert [d["status"] for d in detail["days"]] == ["rejected", "recalled"]
    client.force_login(wfa.user("staff_b2"))
    other = post(client, api("request_create"), submit_body([tue])).json()
    assert post(client, api("request_cancel", other["id"]), {}).json() == {"count": 1}
    again = post(client, api("request_create"), submit_body([tue])).json()
    client.force_login(wfa.user("head_b"))
    step = ApprovalStep.objects.get(request_id=again["id"])
    assert post(client, api("step_return", step.pk), {"comment": "Tambah target"}).json() == {
        "count": 1
    }


def test_my_calendar_lists_my_days(client, wfa):
    tue = wfa.monday + timedelta(days=1)
    client.force_login(wfa.user("staff_b1"))
    post(client, api("request_create"), submit_body([tue]))
    days = client.get(api("my_calendar"), {"start": str(wfa.monday), "end": str(tue)}).json()
    assert [(d["day"], d["status"]) for d in days] == [(str(tue), "pending")]
