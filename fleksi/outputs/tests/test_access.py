"""Who gets what from every page and endpoint of the output supervision (404 out of scope,
403 when seen but not allowed). The subject is Rina (staff_a1, Seksi Loket), whose direct
supervisor is the head of the seksi (head_seksi); the head of the Dinas (head_a) heads her
subtree (measures only); the Sekda, BKPSDM, the Bupati and the auditor read everything."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from fleksi.eligibility.models import WfaSuspension
from fleksi.outputs.models import OutputReport, PlannedOutput
from fleksi.outputs.services import planned_output_create, report_submit
from fleksi.outputs.tests.conftest import png, skp_with_results
from fleksi.testkit.access import (
    EVERYONE,
    Case,
    Secret,
    api_case,
    check,
    gated,
    matrix,
    reversers,
    secrets_test,
)

EMPLOYEES = frozenset({"staff_a1", "head_seksi", "head_a", "sekda", "head_b", "staff_b1"})
READERS = frozenset({"sekda", "bkpsdm", "bupati", "auditor"})
WORK = frozenset({"staff_a1", "head_seksi"}) | READERS  # see Rina's work
MEASURES = WORK | {"head_a"}  # see Rina's numbers
# Rina's evidence files (per-person sensitive data): herself, her approval chain and BKPSDM;
# the other readers see the report without its file (403).
EVIDENCE = frozenset({"staff_a1", "head_seksi", "bkpsdm"})
LEADER = frozenset({"head_seksi"})
OWNER = frozenset({"staff_a1"})
WRITERS = OWNER | LEADER  # write Rina's SKP and dialogue
PAGES_ANYONE = EMPLOYEES | READERS  # team measures and export


def yesterday():
    return timezone.localdate() - timedelta(days=1)


def report(w):
    return report_submit(
        actor=w.user("staff_a1"),
        employee=w.people["staff_a1"],
        day=yesterday(),
        quantity=Decimal(3),
        description="Berkas KTP-el diverifikasi",
        unit="berkas",
        evidence=png(),
    )


def planned(w):
    return planned_output_create(
        actor=w.user("staff_a1"),
        employee=w.people["staff_a1"],
        day=timezone.localdate(),
        description="Rekap antrean",
        target_quantity=Decimal(1),
        unit="rekap",
    )


def skp(w):
    return skp_with_results(w, "staff_a1", timezone.localdate().year, ["Layanan KTP-el"])


def suspension(w):
    today = timezone.localdate()
    return WfaSuspension.objects.create(
        employee=w.people["staff_a1"],
        month=today.replace(day=1),
        start=today,
        end=today + timedelta(days=29),
        trigger="unreported",
        reason="unreported: 5 > 3",
        decided_at=timezone.now(),
    )


url, api = reversers("outputs")


RINA = lambda w: w.people["staff_a1"].pk  # noqa: E731
DAY = lambda: timezone.localdate().isoformat()  # noqa: E731
MONTH = lambda: timezone.localdate().strftime("%Y-%m")  # noqa: E731

PAGES = [
    Case("outputs:day", lambda w: url("day"), EMPLOYEES),
    Case(
        "outputs:plan_add",
        lambda w: url("plan_add", DAY()),
        EMPLOYEES,
        ok=302,
        method="post",
        data=lambda w: {"description": "Telaah", "target_quantity": "1", "unit": "dokumen"},
    ),
    Case("outputs:report_new", lambda w: url("report_new", DAY()), EMPLOYEES),
    Case(
        "outputs:plan_delete",
        lambda w: url("plan_delete", planned(w).pk),
        OWNER,
        ok=302,
        method="post",
    ),
    Case("outputs:report_detail", lambda w: url("report_detail", report(w).pk), WORK),
    gated("outputs:report_edit", lambda w: url("report_edit", report(w).pk), WORK, OWNER),
    gated("outputs:evidence", lambda w: url("evidence", report(w).pk), WORK, EVIDENCE),
    gated(
        "outputs:verify",
        lambda w: url("verify", report(w).pk),
        WORK,
        LEADER,
        ok=302,
        method="post",
        data=lambda w: {"decision": "accepted", "quality": "90"},
    ),
    Case("outputs:inbox", lambda w: url("inbox"), EMPLOYEES),
    gated(
        "outputs:inbox_accept",
        lambda w: url("inbox_accept"),
        WORK,
        LEADER,
        ok=302,
        method="post",
        data=lambda w: {"report": [report(w).pk], "quality": "90"},
    ),
    Case("outputs:skp_mine", lambda w: url("skp_mine"), EMPLOYEES),
    Case(
        "outputs:skp_create",
        lambda w: url("skp_create"),
        EMPLOYEES,
        ok=302,
        method="post",
        data=lambda w: {"year": "2027"},
    ),
    Case("outputs:skp_import", lambda w: url("skp_import"), frozenset({"bkpsdm"}), denied=403),
    Case("outputs:skp_detail", lambda w: url("skp_detail", skp(w)[0].pk), WORK),
    gated("outputs:rhk_create", lambda w: url("rhk_create", skp(w)[0].pk), WORK, WRITERS),
    gated(
        "outputs:skp_agree",
        lambda w: url("skp_agree", skp(w)[0].pk),
        WORK,
        LEADER,
        ok=302,
        method="post",
    ),
    gated("outputs:rhk_edit", lambda w: url("rhk_edit", skp(w)[1][0].pk), WORK, WRITERS),
    gated(
        "outputs:rhk_delete",
        lambda w: url("rhk_delete", skp(w)[1][0].pk),
        WORK,
        WRITERS,
        ok=302,
        method="post",
    ),
    Case("outputs:person", lambda w: url("person", RINA(w)), MEASURES),
    gated(
        "outputs:dialogue_add",
        lambda w: url("dialogue_add", RINA(w)),
        WORK,
        WRITERS,
        ok=302,
        method="post",
        data=lambda w: {"text": "Target bulan depan dibahas"},
    ),
    Case("outputs:rating", lambda w: url("rating", RINA(w), MONTH()), WORK),
    gated("outputs:reinstate", lambda w: url("reinstate", suspension(w).pk), WORK, LEADER),
    Case("outputs:team", lambda w: url("team"), PAGES_ANYONE),
    Case("outputs:export", lambda w: url("export"), PAGES_ANYONE),
]


APIS = [
    api_case(
        "api:outputs_skp",
        lambda w: api("outputs_skp") + f"?employee_id={skp(w)[0].employee_id}",
        WORK,
    ),
    api_case(
        "api:outputs_rhk_create",
        lambda w: api("outputs_rhk_create", skp(w)[0].pk),
        WRITERS,
        WORK,
        method="post",
        ok=201,
        data=lambda w: {
            "number": 5,
            "text": "Antrean tertib",
            "indicators": [{"text": "Rekap", "target_quantity": "12", "target_unit": "rekap"}],
        },
    ),
    api_case(
        "api:outputs_day_plan", lambda w: api("outputs_day_plan") + f"?employee_id={RINA(w)}", WORK
    ),
    api_case(
        "api:outputs_plan_create",
        lambda w: api("outputs_plan_create"),
        EMPLOYEES,
        method="post",
        ok=201,
        data=lambda w: {
            "day": DAY(),
            "description": "Telaah",
            "target_quantity": "1",
            "unit": "dokumen",
        },
    ),
    api_case(
        "api:outputs_report_list",
        lambda w: api("outputs_report_list") + f"?employee_id={report(w).employee_id}",
        WORK,
    ),
    api_case(
        "api:outputs_report_create",
        lambda w: api("outputs_report_create"),
        EMPLOYEES,
        method="post",
        multipart=True,  # a form with an optional file
        ok=201,
        data=lambda w: {
            "day": DAY(),
            "quantity": "1",
            "description": "Notulen",
            "unit": "dokumen",
            "evidence_url": "https://srikandi.arsip.go.id/naskah/1",
        },
    ),
    api_case(
        "api:outputs_evidence", lambda w: api("outputs_evidence", report(w).pk), EVIDENCE, WORK
    ),
    api_case("api:outputs_inbox", lambda w: api("outputs_inbox"), EMPLOYEES),
    api_case(
        "api:outputs_verify",
        lambda w: api("outputs_verify", report(w).pk),
        LEADER,
        WORK,
        method="post",
        data=lambda w: {"decision": "accepted", "quality": 90},
    ),
    api_case(
        "api:outputs_accept",
        lambda w: api("outputs_accept"),
        LEADER,
        WORK,
        method="post",
        data=lambda w: {"report_ids": [report(w).pk], "quality": 90},
    ),
    api_case(
        "api:outputs_measures",
        lambda w: api("outputs_measures") + f"?employee_id={RINA(w)}",
        MEASURES,
    ),
]

CASES = PAGES + APIS
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)


SECRETS = [
    # The report page links the evidence file only for those who may download it.
    Secret(
        Case("outputs:report_detail", lambda w: url("report_detail", report(w).pk), WORK),
        lambda w: url("evidence", OutputReport.objects.latest("pk").pk),
        EVIDENCE,
    ),
]


test_evidence_only_to_the_approval_chain = secrets_test(SECRETS)


@pytest.mark.django_db
def test_a_supervisor_sees_only_their_own_staffs_reports(client, module_world):
    """head_seksi supervises Rina; head_b supervises staff_b1; head_a heads Rina's subtree."""
    rinas = report(module_world)
    yusufs = report_submit(
        actor=module_world.user("staff_b1"),
        employee=module_world.people["staff_b1"],
        day=yesterday(),
        quantity=Decimal(1),
        description="Kajian",
        unit="dokumen",
        evidence=png(),
    )
    for who, sees in [("head_seksi", {rinas.pk}), ("head_b", {yusufs.pk}), ("head_a", set())]:
        client.force_login(module_world.user(who))
        seen = {
            r.pk
            for r in (rinas, yusufs)
            if client.get(url("report_detail", r.pk)).status_code == 200
        }
        assert seen == sees, who
        inbox = client.get(api("outputs_inbox")).json()
        assert {i["report_id"] for i in inbox} == sees, who
    client.force_login(module_world.user("head_b"))
    assert (
        client.get(api("outputs_report_list") + f"?employee_id={RINA(module_world)}").status_code
        == 404
    )
    assert client.get(url("evidence", rinas.pk)).status_code == 404


@pytest.mark.django_db
def test_a_refused_write_changes_nothing(client, module_world):
    r = report(module_world)
    client.force_login(module_world.user("sekda"))  # reads everything, verifies nothing
    assert (
        client.post(url("verify", r.pk), {"decision": "accepted", "quality": 90}).status_code == 403
    )
    client.force_login(module_world.user("head_b"))
    assert (
        client.post(url("verify", r.pk), {"decision": "accepted", "quality": 90}).status_code == 404
    )
    assert OutputReport.objects.get(pk=r.pk).status == "submitted"
    p = planned(module_world)
    client.force_login(module_world.user("head_seksi"))
    assert client.post(url("plan_delete", p.pk)).status_code == 404
    assert PlannedOutput.objects.filter(pk=p.pk).exists()


__all__ = ["EVERYONE"]
