"""Who gets what from every page and endpoint of the TPP (the same as the recap it comes
from; the simulation as the policy's)."""

from datetime import datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from fleksi.testkit.access import EVERYONE, Case, check, matrix, reversers
from fleksi.testkit.access import api_case as shared_api_case
from fleksi.testkit.policy import draft_policy

WITA = ZoneInfo("Asia/Makassar")

NO_EMPLOYEE = frozenset(
    {"bkpsdm", "organisasi", "bupati", "auditor", "diskominfo", "layanan", "kepeg_a"}
)
EMPLOYEES = EVERYONE - NO_EMPLOYEE
ALL_PEOPLE = frozenset({"sekda", "bkpsdm", "bupati", "auditor"})
SEE_RINA = ALL_PEOPLE | {"staff_a1", "head_seksi", "head_a", "layanan", "kepeg_a"}
RECAP_LOKET = ALL_PEOPLE | {"head_seksi", "head_a", "layanan", "kepeg_a"}
RECAP_LOKET_403 = {"staff_a1": 403, "diskominfo": 403}
RECAPPERS = ALL_PEOPLE | {"head_seksi", "head_a", "head_b", "layanan", "kepeg_a"}
DRAFT_READERS = frozenset({"bkpsdm", "organisasi", "sekda", "bupati", "auditor"})

url, api = reversers("tpp")
# A stated moment: a Wednesday in the middle of a month.
pytestmark = pytest.mark.time_machine(datetime(2026, 5, 13, 10, 0, tzinfo=WITA), tick=False)

LOKET = lambda w: w.units["a_loket"].pk  # noqa: E731
RINA = lambda w: w.people["staff_a1"].pk  # noqa: E731


def draft(w):
    return draft_policy(w, start=timezone.localdate() + timedelta(days=10)).pk


PAGES = [
    # One's own TPP; an account without an employee record that recaps units goes to them.
    Case(
        "tpp:mine",
        lambda w: url("mine"),
        EMPLOYEES | (NO_EMPLOYEE & RECAPPERS),
        ok=302,
    ),
    Case("tpp:employee", lambda w: url("employee", RINA(w)), SEE_RINA),
    Case("tpp:units", lambda w: url("units"), RECAPPERS, denied=403),
    Case("tpp:unit", lambda w: url("unit", LOKET(w)), RECAP_LOKET, overrides=RECAP_LOKET_403),
    Case(
        "tpp:export",
        lambda w: url("export", LOKET(w), "csv"),
        RECAP_LOKET,
        overrides=RECAP_LOKET_403,
    ),
    Case("tpp:export_all", lambda w: url("export_all", "xlsx"), ALL_PEOPLE, denied=403),
    Case("tpp:simulation", lambda w: url("simulation", draft(w)), DRAFT_READERS),
]

api_case = partial(shared_api_case, denied=403)

APIS = [
    api_case(
        "api:tpp_employee",
        lambda w: api("tpp_employee", RINA(w)),
        SEE_RINA,
        overrides=dict.fromkeys(EVERYONE - SEE_RINA, 404),
    ),
    api_case(
        "api:tpp_unit",
        lambda w: api("tpp_unit", LOKET(w)),
        RECAP_LOKET,
        overrides={
            **RECAP_LOKET_403,
            **dict.fromkeys(EVERYONE - RECAP_LOKET - set(RECAP_LOKET_403), 404),
        },
    ),
    api_case(
        "api:tpp_simulation",
        lambda w: api("tpp_simulation", draft(w)),
        DRAFT_READERS,
        overrides=dict.fromkeys(EVERYONE - DRAFT_READERS, 404),
    ),
]

CASES = PAGES + APIS
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)
