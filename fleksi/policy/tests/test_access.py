from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from fleksi.testkit.access import EVERYONE, LEGAL, Case, check, matrix
from fleksi.testkit.policy import draft_policy, publish_policy

# The Bagian Hukum ("hukum") is asked here too (matrix(..., extra=LEGAL)).
ALL = EVERYONE | set(LEGAL)
DRAFT_READERS = frozenset({"bkpsdm", "sekda", "bupati", "auditor", "hukum"})
BKPSDM = frozenset({"bkpsdm"})
SEKDA = frozenset({"sekda"})


def published(w):
    return publish_policy(w)


def draft(w):
    return draft_policy(w, start=timezone.localdate() + timedelta(days=10))


def url(name, make=None):
    return lambda w: reverse(name, args=[make(w).pk]) if make else reverse(name)


CASES = [
    Case("policy:version_list", url("policy:version_list"), ALL),
    Case("policy:draft_create", url("policy:draft_create"), BKPSDM, denied=403),
    Case("policy:version_detail", url("policy:version_detail", draft), DRAFT_READERS),
    Case("policy:version_edit", url("policy:version_edit", draft), BKPSDM, denied=403),
    Case(
        "policy:override_set",
        url("policy:override_set", draft),
        BKPSDM,
        ok=302,
        denied=403,
        method="post",
        data=lambda w: {"unit_code": w.units["a_loket"].code, "min_onsite_staff": 2},
    ),
    Case(
        "policy:role_minimum_set",
        url("policy:role_minimum_set", draft),
        BKPSDM,
        ok=302,
        denied=403,
        method="post",
        data=lambda w: {"unit_code": w.units["a_loket"].code, "role": "counter", "min_onsite": 2},
    ),
    Case(
        "policy:version_delete",
        url("policy:version_delete", draft),
        BKPSDM,
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
    # API
    Case("api:version_list", url("api:version_list"), ALL, anon=401, api=True),
    Case("api:version_detail", url("api:version_detail", draft), DRAFT_READERS, anon=401, api=True),
    Case(
        "api:draft_create",
        url("api:draft_create"),
        BKPSDM,
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
        BKPSDM,
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
]
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES, extra=LEGAL))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)
