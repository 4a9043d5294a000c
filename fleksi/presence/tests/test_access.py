"""Who gets what from every page and endpoint of presence."""

from datetime import time
from functools import partial

import pytest
from django.utils import timezone

from fleksi.presence.models import ManualCheckinRequest
from fleksi.presence.services import manual_request_create
from fleksi.presence.tests.conftest import payload
from fleksi.testkit.access import EMPLOYEES, EVERYONE, Case, check, matrix, reversers
from fleksi.testkit.access import api_case as shared_api_case

ALL_PEOPLE = frozenset({"sekda", "bkpsdm", "bupati", "auditor"})  # people.view_all
# Rina (staff_a1, Seksi Loket): herself, her supervisor and heads above, the manager of the
# Bidang, the personnel administrator of the Dinas, the regency-wide roles.
SEE_RINA = ALL_PEOPLE | {"staff_a1", "head_seksi", "head_a", "layanan", "kepeg_a"}
RECAP_LOKET = ALL_PEOPLE | {"head_seksi", "head_a", "layanan", "kepeg_a"}
# Importing office readers' punches: BKPSDM for everyone, the Dinas's personnel administrator
# for its people.
READER_IMPORT = frozenset({"bkpsdm", "kepeg_a"})
# Seksi Loket is visible (not recappable) to its own staff and the regency-wide viewers.
RECAP_LOKET_403 = {"staff_a1": 403, "diskominfo": 403}


url, api = reversers("presence")


LOKET = lambda w: w.units["a_loket"].pk  # noqa: E731
RINA = lambda w: w.people["staff_a1"].pk  # noqa: E731


def rina_request(w):
    found = ManualCheckinRequest.objects.filter(employee=w.people["staff_a1"]).first()
    if found is None:
        found = manual_request_create(
            actor=w.user("staff_a1"),
            employee=w.people["staff_a1"],
            day=timezone.localdate(),
            slot=1,
            mode="onsite",
            at=time(7, 20),
            reason="HP mati",
        )
    return found.pk


def manual_form(w):
    return {
        "day": timezone.localdate().isoformat(),
        "slot": "1",
        "mode": "onsite",
        "time": "07:20",
        "reason": "Tidak ada sinyal di rumah",
    }


PAGES = [
    Case("presence:checkin", lambda w: url("checkin"), EMPLOYEES),
    Case("presence:manifest", lambda w: url("manifest"), EVERYONE, anon=200),
    Case("presence:sw", lambda w: url("sw"), EVERYONE, anon=200),
    Case("presence:recap_mine", lambda w: url("recap_mine"), EMPLOYEES, ok=302),
    Case("presence:recap_employee", lambda w: url("recap_employee", RINA(w)), SEE_RINA),
    Case(
        "presence:recap_units",
        lambda w: url("recap_units"),
        ALL_PEOPLE | {"head_seksi", "head_a", "head_b", "layanan", "kepeg_a"},
        denied=403,
    ),
    Case(
        "presence:recap_unit",
        lambda w: url("recap_unit", LOKET(w)),
        RECAP_LOKET,
        overrides=RECAP_LOKET_403,
    ),
    Case(
        "presence:recap_export",
        lambda w: url("recap_export", LOKET(w), "csv"),
        RECAP_LOKET,
        overrides=RECAP_LOKET_403,
    ),
    Case(
        "presence:recap_export_all",
        lambda w: url("recap_export_all", "xlsx"),
        ALL_PEOPLE,
        denied=403,
    ),
    Case("presence:reader_import", lambda w: url("reader_import"), READER_IMPORT, denied=403),
    Case(
        "presence:reader_users_import",
        lambda w: url("reader_users_import"),
        READER_IMPORT,
        denied=403,
    ),
    Case("presence:manual_list", lambda w: url("manual_list"), EMPLOYEES),
    Case("presence:manual_new", lambda w: url("manual_new"), EMPLOYEES),
    Case(
        "presence:manual_new",
        lambda w: url("manual_new"),
        EMPLOYEES,
        method="post",
        ok=302,
        data=manual_form,
        overrides={"sekda": 200},  # no supervisor above the Sekda: the form says so
    ),
    Case(
        "presence:manual_decide",
        lambda w: url("manual_decide", rina_request(w)),
        frozenset({"head_seksi"}),  # only the direct supervisor
        method="post",
        ok=302,
        data=lambda w: {"decision": "approve"},
        overrides=dict.fromkeys(SEE_RINA - {"head_seksi"}, 403),
    ),
]


# Places and presence answer 403 (not 404) to an out-of-scope API call.
api_case = partial(shared_api_case, denied=403)


APIS = [
    api_case(
        "api:presence_checkin_create",
        lambda w: api("presence_checkin_create"),
        EMPLOYEES,
        method="post",
        ok=201,
        data=lambda w: payload(),
    ),
    api_case("api:presence_today", lambda w: api("presence_today"), EMPLOYEES),
    # Weekly hours of a flexible pattern: seen by whoever sees the person's recap.
    api_case(
        "api:presence_weekly_hours",
        lambda w: api("presence_weekly_hours", RINA(w)),
        SEE_RINA,
        overrides=dict.fromkeys(EVERYONE - SEE_RINA, 404),
    ),
    api_case(
        "api:presence_recap_unit",
        lambda w: api("presence_recap_unit", LOKET(w)),
        RECAP_LOKET,
        overrides={
            **RECAP_LOKET_403,
            **dict.fromkeys(EVERYONE - RECAP_LOKET - set(RECAP_LOKET_403), 404),
        },
    ),
]

CASES = PAGES + APIS
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)


@pytest.mark.django_db
def test_only_the_supervisor_decides_and_nothing_changes_otherwise(client, module_world):
    pk = rina_request(module_world)
    for who in ("head_a", "bkpsdm", "staff_a1"):
        client.force_login(module_world.user(who))
        assert client.post(url("manual_decide", pk), {"decision": "approve"}).status_code == 403
    assert ManualCheckinRequest.objects.get(pk=pk).status == "pending"
