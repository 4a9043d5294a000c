"""Who gets what from every roster page and endpoint: 404 for what is out of scope, 403 for
what is seen but not the user's to change.

The roster is Bappeda's (unit b): Andi (head_b) plans it; BKPSDM, the Sekda, the Bupati and
the auditor read it; the heads and administrators of Disdukcapil do not see it.
"""

import pytest
from django.utils.translation import gettext

from fleksi.common.domain.months import month_end
from fleksi.policy.models import UnitOverride
from fleksi.policy.selectors import work_calendar
from fleksi.roster.models import PreferenceDay, RosterCell, RosterPreference
from fleksi.roster.tests.conftest import bappeda_world, solved
from fleksi.testkit.access import (
    Case,
    Secret,
    api_case,
    check,
    gated,
    matrix,
    reversers,
    secrets_test,
)
from fleksi.testkit.world import build_world

EMPLOYEES = frozenset({"staff_a1", "head_seksi", "head_a", "sekda", "head_b", "staff_b1"})
READERS = frozenset(
    {"head_seksi", "head_a", "sekda", "head_b", "bkpsdm", "bupati", "auditor", "layanan", "kepeg_a"}
)
SEES_B = frozenset({"head_b", "sekda", "bkpsdm", "bupati", "auditor"})
PLANNER = frozenset({"head_b"})


def build_module_world():
    """The world of this matrix, built once for the module (see the ``module_world`` fixture)."""
    return bappeda_world(build_world())


def roster(w):
    cache = w.__dict__.setdefault("_made", {})
    if "roster" not in cache:
        cache["roster"] = solved(w)
    return cache["roster"]


def free_cell(w):
    cell = RosterCell.objects.filter(roster=roster(w), fixed=False).order_by("day").first()
    return {"employee_id": cell.employee_id, "day": str(cell.day), "placement": "onsite"}


url, api = reversers("roster", "roster_")


MONTH = lambda w: f"{w.month:%Y-%m}"  # noqa: E731

PAGES = [
    Case("roster:preferences", lambda w: url("preferences"), EMPLOYEES),
    Case("roster:preferences", lambda w: url("preferences"), EMPLOYEES, ok=302, method="post"),
    Case("roster:index", lambda w: url("index"), READERS),
    gated(
        "roster:generate",
        lambda w: url("generate"),
        SEES_B,
        PLANNER,
        ok=302,
        method="post",
        data=lambda w: {"unit": w.units["b"].pk, "month": MONTH(w)},
    ),
    Case("roster:detail", lambda w: url("detail", roster(w).pk), SEES_B),
    gated(
        "roster:cell",
        lambda w: url("cell", roster(w).pk),
        SEES_B,
        PLANNER,
        ok=302,
        method="post",
        data=lambda w: {
            "cell": f"{free_cell(w)['employee_id']}:{free_cell(w)['day']}:onsite",
        },
    ),
    gated(
        "roster:publish",
        lambda w: url("publish", roster(w).pk),
        SEES_B,
        PLANNER,
        ok=302,
        method="post",
    ),
]

APIS = [
    api_case("api:roster_preferences_get", lambda w: api("preferences_get"), EMPLOYEES),
    api_case(
        "api:roster_preferences_put",
        lambda w: api("preferences_put"),
        EMPLOYEES,
        method="put",
        data=lambda w: {"month": MONTH(w), "days": [], "note": ""},
    ),
    api_case(
        "api:roster_create",
        lambda w: api("create"),
        PLANNER,
        SEES_B,
        ok=202,
        method="post",
        data=lambda w: {"unit_id": w.units["b"].pk, "month": MONTH(w)},
    ),
    api_case("api:roster_detail", lambda w: api("detail", roster(w).pk), SEES_B),
    api_case("api:roster_cells", lambda w: api("cells", roster(w).pk), SEES_B),
    api_case(
        "api:roster_cell_edit",
        lambda w: api("cell_edit", roster(w).pk),
        PLANNER,
        SEES_B,
        method="post",
        data=free_cell,
    ),
    api_case(
        "api:roster_publish",
        lambda w: api("publish", roster(w).pk),
        PLANNER,
        SEES_B,
        method="post",
    ),
]

CASES = PAGES + APIS
COVERED = {c.route for c in CASES}

# Preference reasons (health here) are per-person sensitive data: the analysts' head (head_b,
# their supervisor) and BKPSDM read them with the unmet wishes; the Sekda, the Bupati and the
# auditor see that wishes were not met, not why they were made.
REASON_READERS = frozenset({"head_b", "bkpsdm"})


def roster_with_health_wishes(w):
    """Every analyst wishes the first working day for health; with four of five required on
    site, at least three wishes stay unmet."""
    cache = w.__dict__.setdefault("_made", {})
    if "wished" not in cache:
        first = work_calendar(w.month, month_end(w.month)).working_days(
            w.month, month_end(w.month)
        )[0]
        UnitOverride.objects.create(version=w.policy, unit=w.units["b"], min_onsite_staff=4)
        for key in w.analysts:
            pref = RosterPreference.objects.create(employee=w.people[key], month=w.month)
            PreferenceDay.objects.create(preference=pref, day=first, kind="wish", reason="health")
        cache["wished"] = solved(w)
    return cache["wished"]


SECRETS = [
    Secret(
        Case("roster:detail", lambda w: url("detail", roster_with_health_wishes(w).pk), SEES_B),
        lambda w: gettext("wished WFA (%(r)s)") % {"r": gettext("health")},
        REASON_READERS,
    ),
    Secret(
        api_case(
            "api:roster_detail", lambda w: api("detail", roster_with_health_wishes(w).pk), SEES_B
        ),
        lambda w: '"reason_code": "health"',
        REASON_READERS,
    ),
]

test_preference_reasons_only_to_the_approval_chain = secrets_test(SECRETS)


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)
