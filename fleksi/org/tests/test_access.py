import pytest
from django.urls import reverse

from fleksi.testkit.access import EVERYONE, REGENCY, Case, check, matrix

B_SIDE = frozenset({"head_b", "staff_b1"}) | REGENCY
SEES_STAFF_B1 = frozenset({"head_b", "staff_b1", "sekda", "bkpsdm", "bupati", "auditor"})

CASES = [
    Case("org:unit_list", lambda w: reverse("org:unit_list"), EVERYONE),
    Case("org:unit_detail", lambda w: reverse("org:unit_detail", args=[w.units["b"].pk]), B_SIDE),
    Case("org:people", lambda w: reverse("org:people"), EVERYONE),
    Case(
        "org:employee_detail",
        lambda w: reverse("org:employee_detail", args=[w.people["staff_b1"].pk]),
        SEES_STAFF_B1,
    ),
    # API
    Case("api:unit_tree", lambda w: reverse("api:unit_tree"), EVERYONE, anon=401, api=True),
    Case(
        "api:unit_detail", lambda w: reverse("api:unit_detail", args=[w.units["b"].pk]), B_SIDE,
        anon=401, api=True,
    ),
    Case("api:employee_list", lambda w: reverse("api:employee_list"), EVERYONE, anon=401,
         api=True),
    Case(
        "api:employee_detail",
        lambda w: reverse("api:employee_detail", args=[w.people["staff_b1"].pk]),
        SEES_STAFF_B1, anon=401, api=True,
    ),
]
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, world, case, who):
    check(client, world, case, who)
