from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from fleksi.testkit.access import REGENCY, Case, check, matrix
from fleksi.testkit.policy import draft_policy

EMPLOYEES = frozenset({"staff_a1", "head_seksi", "head_a", "sekda", "head_b", "staff_b1"})
SEES_STAFF_B1 = frozenset({"head_b", "staff_b1", "sekda", "bkpsdm", "bupati", "auditor"})
HEADS_OF_B = frozenset({"head_b", "sekda", "bkpsdm", "bupati", "auditor"})
# the drafters (BKPSDM, the Bagian Organisasi) and the readers of drafts simulate a draft
DRAFT_READERS = frozenset({"bkpsdm", "organisasi", "sekda", "bupati", "auditor"})


def draft(w):
    return draft_policy(w, start=timezone.localdate() + timedelta(days=10))


CASES = [
    Case("eligibility:mine", lambda w: reverse("eligibility:mine"), EMPLOYEES, ok=302),
    Case(
        "eligibility:employee",
        lambda w: reverse("eligibility:employee", args=[w.people["staff_b1"].pk]),
        SEES_STAFF_B1,
    ),
    Case(
        "eligibility:unit",
        lambda w: reverse("eligibility:unit", args=[w.units["b"].pk]),
        HEADS_OF_B,
    ),
    Case("eligibility:regency", lambda w: reverse("eligibility:regency"), REGENCY, denied=403),
    Case(
        "eligibility:simulation",
        lambda w: reverse("eligibility:simulation", args=[draft(w).pk]),
        DRAFT_READERS,
    ),
    Case(
        "api:employee_eligibility",
        lambda w: reverse("api:employee_eligibility", args=[w.people["staff_b1"].pk]),
        SEES_STAFF_B1,
        anon=401,
        api=True,
    ),
    Case(
        "api:simulation",
        lambda w: reverse("api:simulation", args=[draft(w).pk]),
        DRAFT_READERS,
        anon=401,
        api=True,
    ),
]
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)
