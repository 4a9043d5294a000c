"""The duty-mapping API through HTTP: the workflow, error bodies, scoping."""

import json

import pytest
from django.urls import reverse

from fleksi.jobmap.domain.criteria import PASAL_23_CODES
from fleksi.jobmap.tests.conftest import add_duties

pytestmark = pytest.mark.django_db


def api(name, *args):
    return reverse(f"api:{name}", args=args)


def send(client, method, url, body=None):
    return getattr(client, method)(url, json.dumps(body or {}), content_type="application/json")


def test_workflow_through_the_api(client, world):
    position = world.positions["analis"]
    client.force_login(world.user("bkpsdm"))
    created = send(
        client,
        "post",
        api("jobmap_duty_create", position.pk),
        {
            "description": "Menyusun kajian kebijakan",
            "output": "Dokumen kajian",
            "time_share": "100",
        },
    )
    assert created.status_code == 201
    duty = created.json()
    assert (duty["order"], duty["time_share"]) == (1, "100.00")
    answers = [
        {"duty_id": duty["id"], "criterion": c, "answer": True, "reason": "Daring"}
        for c in PASAL_23_CODES
    ]
    draft = send(
        client, "put", api("jobmap_assessment_save_draft", position.pk), {"answers": answers[:2]}
    )
    assert draft.json()["status"] == "draft"
    refused = send(client, "post", api("jobmap_assessment_propose", position.pk))
    assert refused.status_code == 400
    body = refused.json()
    assert body["code"] == "assessment_incomplete"
    assert list(body["errors"]) == [str(duty["id"])]
    assert len(body["errors"][str(duty["id"])]) == 3
    send(client, "put", api("jobmap_assessment_save_draft", position.pk), {"answers": answers})
    proposed = send(client, "post", api("jobmap_assessment_propose", position.pk)).json()
    assert proposed["status"] == "proposed"
    assert proposed["duties"][0]["suitable"] is True
    approved = send(client, "post", api("jobmap_assessment_approve", proposed["id"]))
    assert approved.json()["is_current"] is True
    again = send(client, "post", api("jobmap_assessment_approve", proposed["id"]))
    assert (again.status_code, again.json()["code"]) == (409, "assessment_not_proposed")
    mapping = client.get(api("jobmap_position_mapping", position.pk)).json()
    assert mapping["position_class"] == "capable"
    assert [c["code"] for c in mapping["criteria"]] == list(PASAL_23_CODES)
    summary = client.get(api("jobmap_unit_summary", world.units["b"].pk)).json()
    assert (summary["positions"], summary["assessed"], summary["by_class"]["capable"]) == (2, 1, 1)


def test_duty_errors_are_code_and_message(client, world):
    client.force_login(world.user("kepeg_a"))
    response = send(
        client,
        "post",
        api("jobmap_duty_create", world.positions["loket"].pk),
        {"description": "Melayani", "output": "Layanan", "time_share": "120"},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "duty_share_invalid"
    assert response.json()["message"]


def test_editing_while_proposed_is_a_conflict(client, world):
    position = world.positions["loket"]
    (duty,) = add_duties(position, 100)
    client.force_login(world.user("kepeg_a"))
    answers = [
        {"duty_id": duty.pk, "criterion": c, "answer": False, "reason": "Di loket"}
        for c in PASAL_23_CODES
    ]
    send(client, "put", api("jobmap_assessment_save_draft", position.pk), {"answers": answers})
    assert send(client, "post", api("jobmap_assessment_propose", position.pk)).status_code == 200
    response = send(
        client,
        "put",
        api("jobmap_duty_update", duty.pk),
        {"description": "Lain", "output": "Lain", "time_share": "100"},
    )
    assert (response.status_code, response.json()["code"]) == (409, "assessment_proposed")


def test_unit_summary_pages_and_scopes(client, world):
    client.force_login(world.user("head_seksi"))
    summary = client.get(api("jobmap_unit_summary", world.units["a_loket"].pk), {"limit": 1}).json()
    assert (summary["count"], len(summary["items"])) == (2, 1)
    assert client.get(api("jobmap_unit_summary", world.units["a"].pk)).status_code == 404
