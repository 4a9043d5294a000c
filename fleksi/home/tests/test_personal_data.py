"""*Data pribadi saya* (UU 27/2022 PDP, Pasal 7): a person downloads everything Fleksi holds
about them — and nothing about anyone else, and no secret — after confirming it is them;
the download is recorded. Every table that points to a person is either copied or says why
not, so a new table cannot be forgotten."""

import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.urls import reverse

from fleksi.accounts.stepup import SESSION_KEY
from fleksi.audit.models import AuditEntry
from fleksi.home.personal import NOT_ABOUT_THE_PERSON, PEOPLE, personal_data, subject_fields
from fleksi.schedule.models import ApprovalStep
from fleksi.schedule.services import PlanItemIn, request_approve, request_submit
from fleksi.schedule.tests.conftest import next_weekday, wfa_world

pytestmark = pytest.mark.django_db

# The stated moment of these tests: a working Monday morning; the requests are for the next
# week's Tuesday and Wednesday.
MOMENT = datetime(2027, 3, 15, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
MONDAY = date(2027, 3, 15)


def signed_in_at(client, moment: datetime) -> None:
    """The session's last sign-in (step-up) at ``moment``."""
    session = client.session
    session[SESSION_KEY] = moment.timestamp()
    session.save()


def test_every_table_that_points_to_a_person_is_copied_or_says_why_not():
    unclassified = []
    for model in apps.get_models():
        if not model.__module__.startswith("fleksi."):
            continue
        points = [
            f.name
            for f in model._meta.concrete_fields
            if f.is_relation and f.related_model in PEOPLE
        ]
        if points and not subject_fields(model) and model._meta.label not in NOT_ABOUT_THE_PERSON:
            unclassified.append(f"{model._meta.label} {points}")
    assert unclassified == []


@pytest.fixture
def yusuf(world):
    with time_machine.travel(MOMENT, tick=False):
        yield _yusuf(world)


def _yusuf(world):
    """Yusuf (Bappeda) with an approved WFA day and its plan; his colleague Nur with hers."""
    wfa = wfa_world(world)
    for offset, who in enumerate(("staff_b1", "staff_b2")):
        day = next_weekday(MONDAY, 1 + offset)
        request = request_submit(
            actor=wfa.user(who),
            employee=wfa.people[who],
            days=[day],
            plan=[PlanItemIn(f"Kajian {who}", Decimal(1), "naskah", day)],
        )
        request_approve(actor=wfa.user("head_b"), step=ApprovalStep.objects.get(request=request))
    return wfa


def test_the_copy_holds_one_s_own_records_and_nobody_else_s(yusuf):
    w = yusuf
    data = personal_data(w.user("staff_b1"))
    tables = data["tables"]
    me = w.people["staff_b1"].pk
    assert [r["id"] for r in tables["org.Employee"]["rows"]] == [me]
    assert [r["id"] for r in tables["accounts.User"]["rows"]] == [w.user("staff_b1").pk]
    requests = tables["schedule.WfaRequest"]["rows"]
    assert {r["employee"] for r in requests} == {me}
    assert {r["employee"] for r in tables["schedule.RequestDay"]["rows"]} == {me}
    # What belongs to his request: its work plan and its approval step.
    ids = {r["id"] for r in requests}
    assert {r["request"] for r in tables["schedule.WorkPlanItem"]["rows"]} == ids
    assert {r["request"] for r in tables["schedule.ApprovalStep"]["rows"]} == ids
    assert "Kajian staff_b1" in json.dumps(data)
    assert "Kajian staff_b2" not in json.dumps(data)
    # What he did: his own audit entries (submitting the request), nobody else's.
    entries = tables["audit.AuditEntry"]["rows"]
    assert entries
    assert {e["actor_id"] for e in entries} == {w.user("staff_b1").pk}
    # No secret, whatever the table.
    text = json.dumps(data)
    for secret in ('"password"', '"digest"', '"token"'):
        assert secret not in text


def test_the_head_s_copy_has_her_decisions_trail_but_not_her_staff_s_requests(yusuf):
    w = yusuf
    data = personal_data(w.user("head_b"))
    assert "schedule.WfaRequest" not in data["tables"]
    actions = {e["action"] for e in data["tables"]["audit.AuditEntry"]["rows"]}
    assert any("approve" in a for a in actions)


def test_the_download_asks_to_confirm_then_gives_a_file_and_is_recorded(client, yusuf):
    w = yusuf
    user = w.user("staff_b1")
    client.force_login(user)
    page = client.get(reverse("home:personal_data"))
    assert page.status_code == 200
    assert "Data pribadi saya" in page.content.decode()
    url = reverse("home:personal_data_download")
    signed_in_at(client, MOMENT - timedelta(days=1))  # long ago
    first = client.get(url)
    assert first.status_code == 302
    assert reverse("accounts:reauth") in first["Location"]
    signed_in_at(client, MOMENT)  # just now
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="data-pribadi-')
    assert response["Cache-Control"] == "no-store"
    body = json.loads(response.content)
    assert body["tables"]["org.Employee"]["rows"][0]["nip"] == w.people["staff_b1"].nip
    entry = AuditEntry.objects.filter(action="personal_data.export").get()
    assert entry.actor_id == user.pk
    api = client.get(reverse("api:home_personal_data"))
    assert api.status_code == 200
    assert json.loads(api.content)["about"] == body["about"] == w.people["staff_b1"].name


def test_the_api_asks_for_a_recent_sign_in(client, yusuf):
    client.force_login(yusuf.user("staff_b1"))
    signed_in_at(client, MOMENT - timedelta(days=1))
    response = client.get(reverse("api:home_personal_data"))
    assert response.status_code == 403
    assert response.json()["code"] == "step_up_required"
    assert not AuditEntry.objects.filter(action="personal_data.export").exists()
