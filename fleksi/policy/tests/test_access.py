from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from fleksi.policy.services_legal import legal_document_upload, legal_note_add
from fleksi.testkit.access import EVERYONE, LEGAL, Case, check, matrix
from fleksi.testkit.policy import draft_policy, publish_policy, signed_pdf, through_legal_path

# The Bagian Hukum ("hukum") is asked here too (matrix(..., extra=LEGAL)).
ALL = EVERYONE | set(LEGAL)
DRAFT_READERS = frozenset({"bkpsdm", "organisasi", "sekda", "bupati", "auditor", "hukum"})
BKPSDM = frozenset({"bkpsdm"})
# Drafts come from BKPSDM / the Bagian Organisasi (decision 0025): write, edit, submit.
DRAFTERS = frozenset({"bkpsdm", "organisasi"})
SEKDA = frozenset({"sekda"})


def published(w):
    return publish_policy(w)


def draft(w):
    return draft_policy(w, start=timezone.localdate() + timedelta(days=10))


HUKUM = frozenset({"hukum"})
BUPATI = frozenset({"bupati"})
SIGNED_UPLOADERS = frozenset({"hukum", "sekda"})


def at_stage(until):
    """A draft taken along the legal path up to and including the step ``until``."""
    return lambda w: through_legal_path(w, draft(w), until=until)


def with_document(w):
    version = through_legal_path(w, draft(w), until="enact")
    return version, legal_document_upload(
        actor=w.user("hukum"), version=version, upload=signed_pdf()
    )


def document_url(w):
    version, document = with_document(w)
    return reverse("policy:legal_document", args=[version.pk, document.pk])


def commented(w):
    version = at_stage("submit")(w)
    legal_note_add(actor=w.user("hukum"), version=version, target_key="", text="Perbaiki.")
    return version


def url(name, make=None):
    return lambda w: reverse(name, args=[make(w).pk]) if make else reverse(name)


CASES = [
    Case("policy:version_list", url("policy:version_list"), ALL),
    Case("policy:draft_create", url("policy:draft_create"), DRAFTERS, denied=403),
    Case("policy:version_detail", url("policy:version_detail", draft), DRAFT_READERS),
    Case("policy:version_edit", url("policy:version_edit", draft), DRAFTERS, denied=403),
    Case(
        "policy:override_set",
        url("policy:override_set", draft),
        DRAFTERS,
        ok=302,
        denied=403,
        method="post",
        data=lambda w: {"unit_code": w.units["a_loket"].code, "min_onsite_staff": 2},
    ),
    Case(
        "policy:role_minimum_set",
        url("policy:role_minimum_set", draft),
        DRAFTERS,
        ok=302,
        denied=403,
        method="post",
        data=lambda w: {"unit_code": w.units["a_loket"].code, "role": "counter", "min_onsite": 2},
    ),
    Case(
        "policy:version_delete",
        url("policy:version_delete", draft),
        DRAFTERS,
        ok=302,
        denied=403,
        method="post",
    ),
    Case(
        "policy:version_diff",
        lambda w: reverse("policy:version_diff") + f"?a={published(w).pk}&b={draft(w).pk}",
        DRAFT_READERS,
    ),
    Case("policy:calendar", url("policy:calendar"), ALL),
    Case(
        "policy:calendar_change",
        url("policy:calendar_change"),
        BKPSDM,
        ok=302,
        denied=403,
        method="post",
        data=lambda w: {
            "action": "override",
            "day": "2026-12-31",
            "kind": "holiday",
            "name": "Cuti daerah",
        },
    ),
    # The legal path (pages)
    Case(
        "policy:legal_submit",
        url("policy:legal_submit", draft),
        DRAFTERS,
        ok=302,
        denied=403,
        method="post",
    ),
    Case(
        "policy:legal_comment",
        url("policy:legal_comment", at_stage("submit")),
        HUKUM,
        ok=302,
        denied=403,
        method="post",
        data=lambda w: {"target": "max_wfa_days_per_week", "text": "Dasar Pasal 13."},
    ),
    Case(
        "policy:legal_return",
        url("policy:legal_return", commented),
        HUKUM,
        ok=302,
        denied=403,
        method="post",
    ),
    Case(
        "policy:legal_clear",
        url("policy:legal_clear", at_stage("submit")),
        HUKUM,
        ok=302,
        denied=403,
        method="post",
    ),
    Case(
        "policy:legal_initial",
        url("policy:legal_initial", at_stage("clear")),
        SEKDA,
        ok=302,
        denied=403,
        method="post",
    ),
    Case(
        "policy:legal_enact",
        url("policy:legal_enact", at_stage("initial")),
        BUPATI,
        ok=302,
        denied=403,
        method="post",
        data=lambda w: {"number": "9", "enacted_on": str(timezone.localdate())},
    ),
    Case(
        "policy:legal_promulgate",
        url("policy:legal_promulgate", at_stage("enact")),
        SEKDA,
        ok=302,
        denied=403,
        method="post",
        data=lambda w: {"gazette_number": "9", "promulgated_on": str(timezone.localdate())},
    ),
    Case(
        "policy:legal_document_upload",
        url("policy:legal_document_upload", at_stage("enact")),
        SIGNED_UPLOADERS,
        ok=302,
        denied=403,
        method="post",
        data=lambda w: {"file": signed_pdf()},
    ),
    Case("policy:legal_document", document_url, DRAFT_READERS),
    Case(
        "policy:amendment_create",
        url("policy:amendment_create", published),
        DRAFTERS,
        ok=302,
        denied=403,
        method="post",
        data=lambda w: {"effective_from": str(timezone.localdate() + timedelta(days=30))},
    ),
    Case(
        "policy:revocation_create",
        url("policy:revocation_create", published),
        DRAFTERS,
        ok=302,
        denied=403,
        method="post",
        data=lambda w: {"effective_from": str(timezone.localdate() + timedelta(days=30))},
    ),
    # API
    Case("api:version_list", url("api:version_list"), ALL, anon=401, api=True),
    Case("api:version_detail", url("api:version_detail", draft), DRAFT_READERS, anon=401, api=True),
    Case(
        "api:draft_create",
        url("api:draft_create"),
        DRAFTERS,
        ok=201,
        denied=403,
        anon=401,
        api=True,
        method="post",
        data=lambda w: {
            "regulation_number": "Perbup 9",
            "title": "Uji",
            "effective_from": str(timezone.localdate()),
        },
    ),
    Case(
        "api:draft_update",
        url("api:draft_update", draft),
        DRAFTERS,
        denied=403,
        anon=401,
        api=True,
        method="patch",
        data=lambda w: {"params": {"max_wfa_days_per_week": 1}},
    ),
    Case(
        "api:version_diff",
        lambda w: reverse("api:version_diff") + f"?a={published(w).pk}&b={draft(w).pk}",
        DRAFT_READERS,
        anon=401,
        api=True,
    ),
    # The legal path (API)
    Case("api:legal_detail", url("api:legal_detail", draft), DRAFT_READERS, anon=401, api=True),
    *(
        Case(
            f"api:legal_{step}",
            url(f"api:legal_{step}", make),
            who,
            denied=403,
            anon=401,
            api=True,
            method="post",
            data=lambda w: {"note": "Catatan."},
        )
        for step, make, who in [
            ("submit", draft, DRAFTERS),
            ("return", at_stage("submit"), HUKUM),
            ("clear", at_stage("submit"), HUKUM),
            ("initial", at_stage("clear"), SEKDA),
        ]
    ),
    Case(
        "api:legal_comment",
        url("api:legal_comment", at_stage("submit")),
        HUKUM,
        ok=201,
        denied=403,
        anon=401,
        api=True,
        method="post",
        data=lambda w: {"target": "Pasal 5 ayat (2)", "text": "Rumusan ayat."},
    ),
    Case(
        "api:legal_enact",
        url("api:legal_enact", at_stage("initial")),
        BUPATI,
        denied=403,
        anon=401,
        api=True,
        method="post",
        data=lambda w: {"number": "9", "enacted_on": str(timezone.localdate())},
    ),
    Case(
        "api:legal_promulgate",
        url("api:legal_promulgate", at_stage("enact")),
        SEKDA,
        denied=403,
        anon=401,
        api=True,
        method="post",
        data=lambda w: {"gazette_number": "9", "promulgated_on": str(timezone.localdate())},
    ),
    Case(
        "api:legal_document_upload",
        url("api:legal_document_upload", at_stage("enact")),
        SIGNED_UPLOADERS,
        ok=201,
        denied=403,
        anon=401,
        api=True,
        method="post",
        multipart=True,
        data=lambda w: {"file": signed_pdf()},
    ),
    *(
        Case(
            f"api:{name}",
            url(f"api:{name}", published),
            DRAFTERS,
            ok=201,
            denied=403,
            anon=401,
            api=True,
            method="post",
            data=lambda w: {"effective_from": str(timezone.localdate() + timedelta(days=30))},
        )
        for name in ("amendment_create", "revocation_create")
    ),
]
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES, extra=LEGAL))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)
