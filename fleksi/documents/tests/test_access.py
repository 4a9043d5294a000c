"""Who may read and generate the documents of a policy version: the draft readers read
(BKPSDM, Bagian Hukum, Sekda, Bupati, Inspektorat); all of them but the Inspektorat generate;
everyone else gets 404, as for a draft."""

import pytest
from django.urls import reverse
from django.utils import timezone

from fleksi.documents.services import document_perbup_draft
from fleksi.testkit.access import LEGAL, Case, api_case, check, gated, matrix
from fleksi.testkit.policy import draft_policy, publish_policy

READERS = frozenset({"bkpsdm", "organisasi", "sekda", "bupati", "auditor", "hukum"})
WRITERS = READERS - {"auditor"}


def published(w):
    return publish_policy(w)


def draft(w):
    from datetime import timedelta

    return draft_policy(w, start=timezone.localdate() + timedelta(days=10))


def generated(w):
    return document_perbup_draft(actor=w.user("bkpsdm"), version=published(w), fmt="pdf")


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
]
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES, extra=LEGAL))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)
