"""Who gets what from every page and endpoint of the duty mapping (404 out of scope, 403 when
seen but not allowed)."""

from datetime import date

import pytest

from fleksi.jobmap.models import Duty, EmployeeException
from fleksi.jobmap.services import assessment_propose, assessment_save_draft, exception_grant
from fleksi.jobmap.tests.conftest import add_duties, answers_for
from fleksi.testkit.access import (
    EVERYONE,
    REGENCY,
    Case,
    Secret,
    api_case,
    check,
    gated,
    matrix,
    reversers,
    secrets_test,
)

# Every unit's mapping, read only: the regency-wide roles and the Bagian Organisasi.
MAPPING_READERS = REGENCY | {"organisasi"}
# Unit "a" (Disdukcapil): its head, its personnel administrator and regency-wide roles.
SEES_A = frozenset({"head_a", "kepeg_a"}) | MAPPING_READERS
# Position "loket" (Seksi Loket, under Bidang Pelayanan): also the head of the seksi, the
# service-unit manager of the bidang, and Rina who holds the position.
SEES_LOKET = SEES_A | {"head_seksi", "layanan", "staff_a1"}
# Rina's exception carries a personal reason: only her approval chain (her supervisor the
# head of the seksi, the head of the dinas), BKPSDM and Rina herself may read it. Those who
# see the unit's mapping without being among them get the list with her exception counted.
SEES_RINA = frozenset({"staff_a1", "head_seksi", "head_a", "bkpsdm"})
# Granting her one: whoever sees the mapping of her unit learns that it is refused (403).
SEES_RINA_UNIT = SEES_LOKET - {"staff_a1"}
MAPPERS = frozenset({"bkpsdm", "kepeg_a"})  # may edit duties and propose in unit "a"
APPROVERS = frozenset({"bkpsdm"})


def loket_duty(w):
    return add_duties(w.positions["loket"], 60, 40)[0]


def drafted_loket(w):
    duties = add_duties(w.positions["loket"], 100)
    position = w.positions["loket"]
    return assessment_save_draft(actor=None, position=position, answers=answers_for(duties))


def proposed_loket(w):
    drafted_loket(w)
    return assessment_propose(actor=None, position=w.positions["loket"])


def rina_exception(w):
    return exception_grant(
        actor=None,
        employee=w.people["staff_a1"],
        kind="special_circumstances",
        reason="Merawat orang tua yang sakit",
        start=date(2026, 1, 1),
        end=date(2099, 12, 31),
        override_class="partly",
    )


url, api = reversers("jobmap")


A = lambda w: w.units["a"].pk  # noqa: E731
LOKET = lambda w: w.positions["loket"].pk  # noqa: E731

PAGES = [
    Case("jobmap:index", lambda w: url("index"), EVERYONE),
    Case("jobmap:regency", lambda w: url("regency"), MAPPING_READERS, denied=403),
    Case("jobmap:queue", lambda w: url("queue"), APPROVERS, denied=403),
    Case("jobmap:import", lambda w: url("import"), MAPPERS, denied=403),
    Case("jobmap:unit", lambda w: url("unit", A(w)), SEES_A),
    Case("jobmap:exceptions", lambda w: url("exceptions", A(w)), SEES_A),
    gated("jobmap:exception_grant", lambda w: url("exception_grant", A(w)), SEES_A, APPROVERS),
    gated(
        "jobmap:exception_end",
        lambda w: url("exception_end", rina_exception(w).pk),
        SEES_RINA,
        APPROVERS,
        ok=302,
        method="post",
        data=lambda w: {"last_day": "2099-01-01"},
    ),
    Case("jobmap:position", lambda w: url("position", LOKET(w)), SEES_LOKET),
    gated("jobmap:duty_create", lambda w: url("duty_create", LOKET(w)), SEES_LOKET, MAPPERS),
    gated(
        "jobmap:assessment_edit", lambda w: url("assessment_edit", LOKET(w)), SEES_LOKET, MAPPERS
    ),
    gated("jobmap:duty_edit", lambda w: url("duty_edit", loket_duty(w).pk), SEES_LOKET, MAPPERS),
    gated(
        "jobmap:duty_delete",
        lambda w: url("duty_delete", loket_duty(w).pk),
        SEES_LOKET,
        MAPPERS,
        ok=302,
        method="post",
    ),
    gated(
        "jobmap:duty_move",
        lambda w: url("duty_move", loket_duty(w).pk),
        SEES_LOKET,
        MAPPERS,
        ok=302,
        method="post",
        data=lambda w: {"direction": "down"},
    ),
    Case(
        "jobmap:assessment_detail",
        lambda w: url("assessment_detail", proposed_loket(w).pk),
        SEES_LOKET,
    ),
    gated(
        "jobmap:assessment_approve",
        lambda w: url("assessment_approve", proposed_loket(w).pk),
        SEES_LOKET,
        APPROVERS,
        ok=302,
        method="post",
    ),
    gated(
        "jobmap:assessment_return",
        lambda w: url("assessment_return", proposed_loket(w).pk),
        SEES_LOKET,
        APPROVERS,
        ok=302,
        method="post",
        data=lambda w: {"comment": "Perbaiki"},
    ),
]
DUTY_IN = {
    "description": "Menyusun laporan kinerja bulanan",
    "output": "Laporan",
    "time_share": "40",
}


APIS = [
    api_case("api:jobmap_duty_list", lambda w: api("jobmap_duty_list", LOKET(w)), SEES_LOKET),
    api_case(
        "api:jobmap_duty_create",
        lambda w: api("jobmap_duty_create", LOKET(w)),
        MAPPERS,
        SEES_LOKET,
        method="post",
        ok=201,
        data=lambda w: DUTY_IN,
    ),
    api_case(
        "api:jobmap_duty_update",
        lambda w: api("jobmap_duty_update", loket_duty(w).pk),
        MAPPERS,
        SEES_LOKET,
        method="put",
        data=lambda w: DUTY_IN,
    ),
    api_case(
        "api:jobmap_duty_delete",
        lambda w: api("jobmap_duty_delete", loket_duty(w).pk),
        MAPPERS,
        SEES_LOKET,
        method="delete",
        ok=204,
    ),
    api_case(
        "api:jobmap_position_mapping",
        lambda w: api("jobmap_position_mapping", LOKET(w)),
        SEES_LOKET,
    ),
    api_case(
        "api:jobmap_assessment_detail",
        lambda w: api("jobmap_assessment_detail", proposed_loket(w).pk),
        SEES_LOKET,
    ),
    api_case(
        "api:jobmap_assessment_save_draft",
        lambda w: api("jobmap_assessment_save_draft", LOKET(w)),
        MAPPERS,
        SEES_LOKET,
        method="put",
        data=lambda w: {
            "answers": [
                {
                    "duty_id": loket_duty(w).pk,
                    "criterion": "ict",
                    "answer": True,
                    "reason": "Aplikasi daring",
                }
            ]
        },
    ),
    api_case(
        "api:jobmap_assessment_propose",
        lambda w: api("jobmap_assessment_propose", drafted_loket(w).position_id),
        MAPPERS,
        SEES_LOKET,
        method="post",
    ),
    api_case(
        "api:jobmap_assessment_approve",
        lambda w: api("jobmap_assessment_approve", proposed_loket(w).pk),
        APPROVERS,
        SEES_LOKET,
        method="post",
        data=lambda w: {"comment": ""},
    ),
    api_case(
        "api:jobmap_assessment_return",
        lambda w: api("jobmap_assessment_return", proposed_loket(w).pk),
        APPROVERS,
        SEES_LOKET,
        method="post",
        data=lambda w: {"comment": "Perbaiki alasan"},
    ),
    api_case("api:jobmap_unit_summary", lambda w: api("jobmap_unit_summary", A(w)), SEES_A),
    api_case("api:jobmap_exception_list", lambda w: api("jobmap_exception_list", A(w)), SEES_A),
    api_case(
        "api:jobmap_exception_grant",
        lambda w: api("jobmap_exception_grant"),
        APPROVERS,
        SEES_RINA_UNIT,
        method="post",
        ok=201,
        data=lambda w: {
            "employee_id": w.people["staff_a1"].pk,
            "kind": "other",
            "reason": "Tugas khusus",
            "start": "2026-12-01",
            "end": "2026-12-31",
            "override_class": "partly",
        },
    ),
    api_case(
        "api:jobmap_exception_end",
        lambda w: api("jobmap_exception_end", rina_exception(w).pk),
        APPROVERS,
        SEES_RINA,
        method="post",
        data=lambda w: {"last_day": "2099-01-01"},
    ),
]


CASES = PAGES + APIS
COVERED = {c.route for c in CASES}

RINA_REASON = "Merawat orang tua yang sakit"


def listed_with_rina(route, make):
    """The unit's exception list (page or API) after Rina's exception was granted."""

    def at(w):
        rina_exception(w)
        return make(w)

    return Secret(
        Case(route, at, SEES_A) if not route.startswith("api:") else api_case(route, at, SEES_A),
        lambda w: RINA_REASON,
        SEES_RINA & SEES_A,
    )


SECRETS = [
    listed_with_rina("jobmap:exceptions", lambda w: url("exceptions", A(w))),
    listed_with_rina("api:jobmap_exception_list", lambda w: api("jobmap_exception_list", A(w))),
    Secret(
        Case("jobmap:exceptions", lambda w: url("exceptions", A(w)) + "?x", SEES_A),
        lambda w: w.people["staff_a1"].name,
        frozenset(),  # no exception granted yet: nobody's name appears
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)


@pytest.mark.django_db
def test_a_refused_write_changes_nothing(client, module_world):
    duty = loket_duty(module_world)
    client.force_login(module_world.user("head_seksi"))
    assert client.post(url("duty_delete", duty.pk)).status_code == 403
    client.force_login(module_world.user("head_b"))
    assert client.post(url("duty_delete", duty.pk)).status_code == 404
    assert Duty.objects.filter(pk=duty.pk).exists()
    exc = rina_exception(module_world)
    client.force_login(module_world.user("kepeg_a"))
    assert client.post(url("exception_end", exc.pk), {"last_day": "2030-01-01"}).status_code == 404
    client.force_login(module_world.user("head_a"))
    assert client.post(url("exception_end", exc.pk), {"last_day": "2030-01-01"}).status_code == 403
    assert EmployeeException.objects.get(pk=exc.pk).end == date(2099, 12, 31)


test_exception_reasons_only_to_the_approval_chain = secrets_test(SECRETS)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["diskominfo", "sekda", "bupati", "auditor", "kepeg_a"])
def test_regency_viewers_count_exceptions_without_names(client, module_world, who):
    rina_exception(module_world)
    client.force_login(module_world.user(who))
    body = client.get(api("jobmap_exception_list", A(module_world))).json()
    assert (body["count"], body["withheld"], body["items"]) == (0, 1, [])
    page = client.get(url("exceptions", A(module_world))).content.decode()
    assert module_world.people["staff_a1"].name not in page
    assert 'id="withheld"' in page


@pytest.mark.django_db
def test_bkpsdm_reads_named_exceptions(client, module_world):
    rina_exception(module_world)
    client.force_login(module_world.user("bkpsdm"))
    body = client.get(api("jobmap_exception_list", A(module_world))).json()
    assert (body["count"], body["withheld"]) == (1, 0)
    assert body["items"][0]["reason"] == RINA_REASON
