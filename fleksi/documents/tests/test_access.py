"""Who may read and generate the documents: those of a policy version the draft readers read
(BKPSDM, Bagian Hukum, Sekda, Bupati, Inspektorat) and all of them but the Inspektorat
generate; a request's application form its employee and approval chain (and BKPSDM); a
keputusan the heads of its unit. Everyone else gets 404."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from fleksi.documents.services import (
    document_application_form,
    document_keputusan,
    document_monitoring_report,
    document_perbup_draft,
)
from fleksi.schedule.tests.test_access import EVIDENCE, SEES_B1, approved
from fleksi.schedule.tests.test_access import build_module_world as schedule_world
from fleksi.testkit.access import EVERYONE, LEGAL, REGENCY, Case, api_case, check, gated, matrix
from fleksi.testkit.policy import draft_policy

READERS = frozenset({"bkpsdm", "organisasi", "sekda", "bupati", "auditor", "hukum"})
WRITERS = READERS - {"auditor"}


HEADS = frozenset({"head_seksi", "head_a", "sekda", "head_b"})
MONITORS = frozenset({"sekda", "bkpsdm"})

# A stated moment (a Tuesday morning), for the world and for every case.
MOMENT = datetime(2026, 4, 21, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
pytestmark = pytest.mark.time_machine(MOMENT, tick=False)


def monitoring_document(w):
    return document_monitoring_report(actor=w.user("sekda"), month=timezone.localdate())


def build_module_world():
    """The schedule's world: a policy in force and an approved WFA request of staff_b1 (built
    at the module's moment, like its cases)."""
    with time_machine.travel(MOMENT, tick=False):
        return schedule_world()


def published(w):
    return w.policy


def draft(w):
    return draft_policy(w, start=timezone.localdate() + timedelta(days=10))


def generated(w):
    return document_perbup_draft(actor=w.user("bkpsdm"), version=published(w), fmt="pdf")


def form_document(w):
    return document_application_form(actor=w.user("staff_b1"), request=approved(w))


def keputusan_document(w):
    return document_keputusan(
        actor=w.user("head_b"), unit=w.units["b"], start=w.monday, end=w.monday + timedelta(6)
    )


def keputusan_data(w):
    return {
        "unit": w.units["b"].pk,
        "start": str(w.monday),
        "end": str(w.monday + timedelta(days=6)),
        "fmt": "pdf",
        "paper": "a4",
    }


def url(name, make, *suffix):
    return lambda w: reverse(name, args=[make(w).pk, *suffix])


def diff_data(w):
    return {"base": published(w).pk, "fmt": "pdf", "paper": "a4"}


CASES = [
    Case("documents:version", url("documents:version", draft), READERS),
    gated(
        "documents:perbup_draft",
        url("documents:perbup_draft", draft),
        READERS,
        WRITERS,
        ok=302,
        method="post",
        data=lambda w: {"fmt": "docx", "paper": "f4"},
    ),
    gated(
        "documents:perbup_diff",
        url("documents:perbup_diff", draft),
        READERS,
        WRITERS,
        ok=302,
        method="post",
        data=diff_data,
    ),
    Case("documents:file", url("documents:file", generated), READERS),
    api_case("api:documents_of_version", url("api:documents_of_version", draft), READERS),
    api_case(
        "api:document_perbup_draft",
        url("api:document_perbup_draft", draft),
        WRITERS,
        READERS,
        ok=201,
        method="post",
        data=lambda w: {"format": "pdf", "paper": "a4"},
    ),
    api_case(
        "api:document_perbup_diff",
        url("api:document_perbup_diff", draft),
        WRITERS,
        READERS,
        ok=201,
        method="post",
        data=lambda w: {"base_version_id": published(w).pk, "format": "docx"},
    ),
    api_case("api:document_detail", url("api:document_detail", generated), READERS),
    api_case("api:document_file", url("api:document_file", generated), READERS),
    # The application form of a request, and the unit head's keputusan
    gated(
        "documents:request_form",
        url("documents:request_form", approved),
        SEES_B1,
        EVIDENCE,
        ok=302,
        method="post",
        data=lambda w: {"fmt": "pdf", "paper": "a4"},
    ),
    api_case(
        "api:document_request_form",
        url("api:document_request_form", approved),
        EVIDENCE,
        SEES_B1,
        ok=201,
        method="post",
        data=lambda w: {"format": "pdf"},
    ),
    Case("documents:file", url("documents:file", form_document), EVIDENCE),
    Case("documents:keputusan", lambda w: reverse("documents:keputusan"), HEADS),
    Case(
        "documents:keputusan_new",
        lambda w: reverse("documents:keputusan_new"),
        HEADS,
        ok=302,
        method="post",
        data=keputusan_data,
    ),
    api_case(
        "api:document_keputusan",
        lambda w: reverse("api:document_keputusan", args=[w.units["b"].pk]),
        frozenset({"head_b"}),
        ok=201,
        method="post",
        data=lambda w: {"start": str(w.monday), "end": str(w.monday + timedelta(days=6))},
    ),
    api_case(
        "api:documents_keputusan",
        lambda w: reverse("api:documents_keputusan"),
        frozenset(EVERYONE | set(LEGAL)),
    ),
    Case("documents:file", url("documents:file", keputusan_document), frozenset({"head_b"})),
    # The monitoring report (Pasal 35)
    Case("documents:monitoring", lambda w: reverse("documents:monitoring"), REGENCY),
    gated(
        "documents:monitoring_new",
        lambda w: reverse("documents:monitoring_new"),
        REGENCY,
        MONITORS,
        ok=302,
        method="post",
        data=lambda w: {"month": f"{timezone.localdate():%Y-%m}", "fmt": "pdf", "paper": "a4"},
    ),
    api_case("api:documents_monitoring", lambda w: reverse("api:documents_monitoring"), REGENCY),
    api_case(
        "api:document_monitoring",
        lambda w: reverse("api:document_monitoring"),
        MONITORS,
        REGENCY,
        ok=201,
        method="post",
        data=lambda w: {"month": f"{timezone.localdate():%Y-%m}"},
    ),
    Case("documents:file", url("documents:file", monitoring_document), REGENCY),
]
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES, extra=LEGAL))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)
