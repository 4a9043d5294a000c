import pytest
from django.urls import reverse

from fleksi.testkit.access import EVERYONE, Case, check, matrix

CASES = [
    Case("home:index", lambda w: reverse("home:index"), EVERYONE),
    Case("home:manifest", lambda w: reverse("home:manifest"), EVERYONE, anon=200),
    # The health endpoints (fleksi/common/health.py) answer everyone alike: nothing personal.
    Case("health_live", lambda w: reverse("health_live"), EVERYONE, anon=200),
    Case("health_ready", lambda w: reverse("health_ready"), EVERYONE, anon=200),
    # The Prometheus metrics (fleksi/common/metrics.py): no session opens them, only the
    # monitoring's token (none set here: the endpoint does not exist).
    Case("metrics", lambda w: reverse("metrics"), frozenset(), anon=404),
    # One's own personal data: everyone gets their own (a fresh sign-in counts as the
    # confirmation the download and the API ask for; see test_personal_data.py).
    Case("home:personal_data", lambda w: reverse("home:personal_data"), EVERYONE),
    Case(
        "home:personal_data_download",
        lambda w: reverse("home:personal_data_download"),
        EVERYONE,
    ),
    Case(
        "api:home_personal_data",
        lambda w: reverse("api:home_personal_data"),
        EVERYONE,
        anon=401,
        api=True,
    ),
]
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)
