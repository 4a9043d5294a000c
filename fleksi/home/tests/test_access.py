import pytest
from django.urls import reverse

from fleksi.testkit.access import EVERYONE, Case, check, matrix

CASES = [
    Case("home:index", lambda w: reverse("home:index"), EVERYONE),
]
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)
