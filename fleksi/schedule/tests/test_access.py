"""Who gets what from every page and endpoint of the schedule: 404 for what is out of scope,
403 for what is seen but not the user's to change.

The objects are Yusuf's (staff_b1, Bappeda): his requests, his place, his absence; Andi
(head_b) heads Bappeda and approves.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fleksi.schedule.models import ApprovalStep
from fleksi.schedule.services import PlanItemIn, request_approve, request_return, request_submit
from fleksi.schedule.services.absences import absence_create
from fleksi.schedule.services.feeds import calendar_feed_renew
from fleksi.schedule.services.places import place_propose
from fleksi.schedule.tests.conftest import wfa_world
from fleksi.testkit.access import (
    EVERYONE,
    WHO,
    Case,
    Secret,
    api_case,
    check,
    gated,
    matrix,
    reversers,
    secrets_test,
)
from fleksi.testkit.world import build_world

EMPLOYEES = frozenset({"staff_a1", "head_seksi", "head_a", "sekda", "head_b", "staff_b1"})
SEES_B1 = frozenset({"staff_b1", "head_b", "sekda", "bkpsdm", "bupati", "auditor"})
SEES_B = frozenset({"head_b", "sekda", "bkpsdm", "bupati", "auditor"})
BOARD_VIEWERS = frozenset(
    {"head_seksi", "head_a", "sekda", "head_b", "bkpsdm", "bupati", "auditor", "layanan", "kepeg_a"}
)
# Those who see no one's requests (no employee record, no people in scope): Diskominfo and
# the Bagian Organisasi.
REQUEST_VIEWERS = EVERYONE - {"diskominfo", "organisasi"}
EVIDENCE = frozenset({"staff_b1", "head_b", "bkpsdm"})


def build_module_world():
    """The world of this matrix, built once for the module (see the ``module_world`` fixture)."""
    return wfa_world(build_world())


def _once(w, key, make):
    cache = w.__dict__.setdefault("_made", {})
    if key not in cache:
        cache[key] = make()
    return cache[key]


def _tuesday(w, weeks=0):
    return w.monday + timedelta(days=1, weeks=weeks)


def _submit(w, day, **kw):
    return request_submit(
        actor=w.user("staff_b1"),
        employee=w.people["staff_b1"],
        days=[day],
        plan=[PlanItemIn("Kajian kebijakan", Decimal(1), "naskah", day)],
        **kw,
    )


def pending(w):
    return _once(w, "pending", lambda: _submit(w, _tuesday(w)))


def step(w):
    return ApprovalStep.objects.get(request=pending(w), status="pending")


def approved(w):
    def make():
        r = _submit(w, _tuesday(w, 1))
        s = ApprovalStep.objects.get(request=r, status="pending")
        request_approve(actor=w.user("head_b"), step=s)
        return r

    return _once(w, "approved", make)


def returned(w):
    def make():
        r = _submit(w, _tuesday(w, 4))
        s = ApprovalStep.objects.get(request=r, status="pending")
        request_return(actor=w.user("head_b"), step=s, comment="Perjelas target")
        return r

    return _once(w, "returned", make)


HEALTH_REASON = "Kontrol pascaoperasi jantung"


def with_evidence(w):
    pdf = SimpleUploadedFile("surat.pdf", b"%PDF-1.7\n%%EOF", content_type="application/pdf")
    return _once(
        w,
        "evidence",
        lambda: _submit(
            w, _tuesday(w, 2), kind="special_circumstances", evidence=pdf, reason=HEALTH_REASON
        ),
    )


def place(w):
    return _once(
        w,
        "place",
        lambda: place_propose(
            actor=w.user("staff_b1"),
            employee=w.people["staff_b1"],
            name="Perpustakaan Daerah",
            address="Jl. Diponegoro, Tenggarong",
            desa=w.desa["melayu"],
            reason="Koneksi stabil dan tenang",
        ),
    )


def absence(w):
    return _once(
        w,
        "absence",
        lambda: absence_create(
            actor=w.user("head_b"),
            employee=w.people["staff_b1"],
            kind="sick",
            start=_tuesday(w),
            end=_tuesday(w),
        ),
    )


def feed(w):
    return _once(w, "feed", lambda: calendar_feed_renew(actor=w.user("staff_b1")))


url, api = reversers("schedule", "schedule_")


B = lambda w: {"unit": w.units["b"].pk}  # noqa: E731
ABSENCE_IN = lambda w: {  # noqa: E731
    "nip": w.people["staff_b1"].nip,
    "kind": "leave",
    "start": str(_tuesday(w, 3)),
    "end": str(_tuesday(w, 3) + timedelta(days=2)),
}

PAGES = [
    Case("schedule:mine", lambda w: url("mine"), EMPLOYEES),
    Case("schedule:request_new", lambda w: url("request_new"), EMPLOYEES),
    Case("schedule:request_list", lambda w: url("request_list"), REQUEST_VIEWERS),
    Case("schedule:request_detail", lambda w: url("request_detail", pending(w).pk), SEES_B1),
    gated(
        "schedule:request_cancel",
        lambda w: url("request_cancel", pending(w).pk),
        SEES_B1,
        {"staff_b1"},
        ok=302,
        method="post",
    ),
    gated(
        "schedule:request_revise",
        lambda w: url("request_revise", returned(w).pk),
        SEES_B1,
        {"staff_b1"},
    ),
    gated(
        "schedule:request_evidence",
        lambda w: url("request_evidence", with_evidence(w).pk),
        SEES_B1,
        EVIDENCE,
    ),
    gated(
        "schedule:request_recall",
        lambda w: url("request_recall", approved(w).pk),
        SEES_B1,
        {"head_b"},
    ),
    Case("schedule:inbox", lambda w: url("inbox"), EMPLOYEES),
    Case(
        "schedule:inbox_bulk",
        lambda w: url("inbox_bulk"),
        EMPLOYEES,
        ok=302,
        method="post",
        data=lambda w: {"action": "approve", "pick": f"{step(w).pk}:{_tuesday(w)}"},
    ),
    gated(
        "schedule:step_decide",
        lambda w: url("step_decide", step(w).pk),
        SEES_B1,
        {"head_b"},
        ok=302,
        method="post",
        data=lambda w: {"action": "approve"},
    ),
    Case("schedule:board", lambda w: url("board"), BOARD_VIEWERS),
    Case("schedule:board", lambda w: url("board"), SEES_B, data=B),
    Case("schedule:absences", lambda w: url("absences"), SEES_B, data=B),
    gated(
        "schedule:absences",
        lambda w: f"{url('absences')}?unit={w.units['b'].pk}",
        SEES_B,
        {"head_b", "bkpsdm"},
        ok=302,
        method="post",
        data=ABSENCE_IN,
    ),
    gated(
        "schedule:absence_delete",
        lambda w: url("absence_delete", absence(w).pk),
        SEES_B,
        {"head_b", "bkpsdm"},
        ok=302,
        method="post",
    ),
    Case("schedule:calendar", lambda w: url("calendar"), EMPLOYEES),
    Case("schedule:feed_renew", lambda w: url("feed_renew"), EMPLOYEES, ok=302, method="post"),
    # The token is the key: no sign-in needed, and anyone holding it gets the calendar.
    Case("schedule:feed", lambda w: url("feed", feed(w).token), frozenset(WHO), anon=200),
    Case("schedule:feed", lambda w: url("feed", "not-a-token"), frozenset(), anon=404),
    Case("schedule:places", lambda w: url("places"), REQUEST_VIEWERS),
    gated(
        "schedule:places",
        lambda w: url("places"),
        REQUEST_VIEWERS,
        EMPLOYEES,
        ok=302,
        method="post",
        data=lambda w: {
            "name": "Kedai kopi Jl. Diponegoro",
            "address": "Jl. Diponegoro 12",
            "desa": w.desa["melayu"].pk,
            "reason": "Dekat rumah",
        },
    ),
    gated(
        "schedule:place_decide",
        lambda w: url("place_decide", place(w).pk),
        SEES_B1,
        {"sekda"},  # the PPK's delegate of the policy in force (Pasal 11), not the head
        ok=302,
        method="post",
        data=lambda w: {"action": "approve"},
    ),
]


PLAN = lambda w: {  # noqa: E731
    "plan": {"mode": "days", "days": [str(_tuesday(w, 4))]},
    "kind": "regular",
    "location_type": "home",
}
SUBMIT = lambda w: {  # noqa: E731
    **PLAN(w),
    "outputs": [
        {
            "description": "Laporan",
            "quantity": "1",
            "unit_of_measure": "dokumen",
            "due_date": str(_tuesday(w, 4)),
        }
    ],
}

APIS = [
    api_case("api:schedule_request_list", lambda w: api("request_list"), EMPLOYEES),
    api_case(
        "api:schedule_plan_check", lambda w: api("plan_check"), EMPLOYEES, method="post", data=PLAN
    ),
    api_case(
        "api:schedule_request_create",
        lambda w: api("request_create"),
        EMPLOYEES,
        method="post",
        ok=201,
        data=SUBMIT,
    ),
    api_case(
        "api:schedule_request_detail", lambda w: api("request_detail", pending(w).pk), SEES_B1
    ),
    api_case(
        "api:schedule_request_cancel",
        lambda w: api("request_cancel", pending(w).pk),
        {"staff_b1"},
        SEES_B1,
        method="post",
    ),
    api_case(
        "api:schedule_request_revise",
        lambda w: api("request_revise", returned(w).pk),
        {"staff_b1"},
        SEES_B1,
        method="post",
        ok=201,
        data=SUBMIT,
    ),
    api_case(
        "api:schedule_request_recall",
        lambda w: api("request_recall", approved(w).pk),
        {"head_b"},
        SEES_B1,
        method="post",
        data=lambda w: {"days": [str(_tuesday(w, 1))], "reason": "Rapat koordinasi"},
    ),
    api_case("api:schedule_inbox", lambda w: api("inbox"), EMPLOYEES),
    api_case(
        "api:schedule_step_approve",
        lambda w: api("step_approve", step(w).pk),
        {"head_b"},
        SEES_B1,
        method="post",
    ),
    api_case(
        "api:schedule_step_reject",
        lambda w: api("step_reject", step(w).pk),
        {"head_b"},
        SEES_B1,
        method="post",
        data=lambda w: {"comment": "Ada rapat"},
    ),
    api_case(
        "api:schedule_step_return",
        lambda w: api("step_return", step(w).pk),
        {"head_b"},
        SEES_B1,
        method="post",
        data=lambda w: {"comment": "Tambah target"},
    ),
    api_case("api:schedule_board", lambda w: api("board"), SEES_B, data=B),
    api_case("api:schedule_my_calendar", lambda w: api("my_calendar"), EMPLOYEES),
]

CASES = PAGES + APIS
COVERED = {c.route for c in CASES}

# The reason of a special-circumstances request (often medical) and its evidence link: only
# Yusuf, his approval chain and BKPSDM; the others who see the request get it without them.
SECRETS = [
    Secret(
        Case(
            "schedule:request_detail", lambda w: url("request_detail", with_evidence(w).pk), SEES_B1
        ),
        lambda w: HEALTH_REASON,
        EVIDENCE,
    ),
    Secret(
        api_case(
            "api:schedule_request_detail",
            lambda w: api("request_detail", with_evidence(w).pk),
            SEES_B1,
        ),
        lambda w: HEALTH_REASON,
        EVIDENCE,
    ),
    Secret(
        Case(
            "schedule:request_detail", lambda w: url("request_detail", with_evidence(w).pk), SEES_B1
        ),
        lambda w: url("request_evidence", with_evidence(w).pk),
        EVIDENCE,
    ),
]


test_reasons_and_evidence_only_to_the_approval_chain = secrets_test(SECRETS)


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)
