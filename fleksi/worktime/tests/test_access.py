"""Who gets what from every page and endpoint of the duty rosters (``permissions.py``):
the managers of a subtree holding the unit plan, import and publish; the regency-wide roles
and the people on a roster see it; anyone else does not know it exists (404)."""

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from fleksi.testkit.access import EVERYONE, Case, check, matrix
from fleksi.worktime.models import DutyRoster, DutySwap
from fleksi.worktime.services import duty_roster_save
from fleksi.worktime.tests.test_rosters import MAY, NOW, named, plan, sheet, ward_world


def build_module_world():
    """The world of this matrix, built once for the module (see the ``module_world`` fixture)."""
    from fleksi.testkit.world import build_world

    return ward_world(build_world())


@pytest.fixture
def ward(module_world):
    """The module's ward world, each test running on 20 April 2026."""
    with time_machine.travel(timezone.make_aware(NOW), tick=False):
        yield module_world


# Bidang Pelayanan (the ward of these tests): its service manager, the head and the
# personnel administrator of the Dinas above it.
MANAGERS = frozenset({"layanan", "head_a", "kepeg_a"})
SEE_ALL = frozenset({"sekda", "bkpsdm", "bupati", "auditor"})
ON_ROSTER = frozenset({"head_seksi", "staff_a1"})
SEE = MANAGERS | SEE_ALL | ON_ROSTER
HIDDEN = dict.fromkeys(EVERYONE - SEE, 404)


def roster(w) -> DutyRoster:
    found = DutyRoster.objects.filter(unit=w.unit, month=MAY).first()
    if found is None:
        found = duty_roster_save(
            actor=w.user("layanan"),
            unit=w.unit,
            month=MAY,
            pattern_code="ward",
            shifts=plan(w),
            min_staff={"P": 1},
        )
    return found


def swap(w) -> DutySwap:
    r = roster(w)
    return DutySwap.objects.create(
        roster=r,
        day=MAY.replace(day=4),
        requester=w.people["staff_a1"],
        other=w.people["staff_a2"],
        reason="Urusan keluarga",
    )


def body(w):
    return {
        "unit_id": w.unit.pk,
        "month": "2026-05",
        "pattern": "ward",
        "min_staff": {"P": 1},
        "shifts": [
            {"employee_id": e, "day": d.isoformat(), "shift": c} for (e, d), c in plan(w).items()
        ],
    }


def upload(w, unit_field: str):
    return {
        unit_field: w.unit.pk,
        "month": "2026-06",
        "pattern": "ward",
        "file": named(sheet([[w.people["staff_a1"].nip, "", "P"]])),
    }


def api(route, url, allowed, **kw):
    return Case(route, url, allowed, anon=401, denied=404, api=True, **kw)


PLAN = {**dict.fromkeys(SEE_ALL, 403), **dict.fromkeys(EVERYONE - MANAGERS - SEE_ALL, 404)}
MANAGE = {**dict.fromkeys(SEE - MANAGERS, 403), **HIDDEN}

PAGES = [
    Case("worktime:rosters", lambda w: reverse("worktime:rosters"), EVERYONE),
    Case("worktime:roster", lambda w: reverse("worktime:roster", args=[roster(w).pk]), SEE),
    Case(
        "worktime:roster_publish",
        lambda w: reverse("worktime:roster_publish", args=[roster(w).pk]),
        MANAGERS,
        ok=302,
        method="post",
        overrides=MANAGE,
    ),
    Case(
        "worktime:roster_swaps",
        lambda w: reverse("worktime:roster_swaps", args=[roster(w).pk]),
        SEE,
    ),
    Case(
        "worktime:swap_decide",
        lambda w: reverse("worktime:swap_decide", args=[swap(w).pk]),
        MANAGERS,
        ok=302,
        method="post",
        data=lambda w: {"decision": "reject"},
        overrides=MANAGE,
    ),
    Case(
        "worktime:roster_import",
        lambda w: reverse("worktime:roster_import"),
        MANAGERS,
        method="post",
        data=lambda w: upload(w, "unit"),
        ok=302,
        overrides=PLAN,
    ),
]
APIS = [
    api("api:worktime_roster_list", lambda w: reverse("api:worktime_roster_list"), EVERYONE),
    api(
        "api:worktime_roster_get",
        lambda w: reverse("api:worktime_roster_get", args=[roster(w).pk]),
        SEE,
    ),
    api(
        "api:worktime_roster_save",
        lambda w: reverse("api:worktime_roster_save"),
        MANAGERS,
        method="put",
        data=body,
        overrides=PLAN,
    ),
    api(
        "api:worktime_roster_publish",
        lambda w: reverse("api:worktime_roster_publish", args=[roster(w).pk]),
        MANAGERS,
        method="post",
        overrides=MANAGE,
    ),
    api(
        "api:worktime_swap_list",
        lambda w: reverse("api:worktime_swap_list", args=[roster(w).pk]),
        SEE,
    ),
    api(
        "api:worktime_swap_decide",
        lambda w: reverse("api:worktime_swap_decide", args=[swap(w).pk]),
        MANAGERS,
        method="post",
        data=lambda w: {"approve": False},
        overrides=MANAGE,
    ),
]
CASES = [
    *PAGES,
    *APIS,
    # Multipart and employee-only endpoints: their own tests below.
    Case("api:worktime_roster_import", lambda w: "", MANAGERS),
    Case("api:worktime_swap_request", lambda w: "", ON_ROSTER),
]
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(PAGES + APIS))
def test_access(client, ward, case, who):
    check(client, ward, case, who)


IMPORT = {
    **dict.fromkeys(MANAGERS, 200),
    **PLAN,
    "anon": 401,
}


@pytest.mark.django_db
@pytest.mark.parametrize("who", sorted(IMPORT))
def test_the_import_api(client, ward, who):
    if who != "anon":
        client.force_login(ward.user(who))
    response = client.post(reverse("api:worktime_roster_import"), upload(ward, "unit_id"))
    assert response.status_code == IMPORT[who], response.content[:200]


# A swap is asked by a person on the published roster for their own shift; someone who does
# not see the roster gets 404, someone who sees it but is not on it a clear refusal.
SWAP = {
    "anon": 401,
    "staff_a1": 201,
    **dict.fromkeys(EVERYONE - SEE, 404),
}


@pytest.mark.django_db
@pytest.mark.parametrize("who", sorted(SWAP))
def test_asking_for_a_swap(client, ward, who):
    r = roster(ward)
    r.status = DutyRoster.Status.PUBLISHED
    r.save(update_fields=["status"])
    if who != "anon":
        client.force_login(ward.user(who))
    response = client.post(
        reverse("api:worktime_swap_request", args=[r.pk]),
        {"day": "2026-05-04", "other_id": ward.people["staff_a2"].pk},
        content_type="application/json",
    )
    assert response.status_code == SWAP[who], response.content[:200]


# The swap page's form: a person on the published roster asks for their own shift; whoever
# else sees the roster gets the page back with the reason (400); whoever does not, 404.
SWAP_PAGE = {
    "anon": 302,
    **dict.fromkeys(ON_ROSTER, 302),
    **dict.fromkeys(SEE - ON_ROSTER, 400),
    **dict.fromkeys(EVERYONE - SEE, 404),
}


@pytest.mark.django_db
@pytest.mark.parametrize("who", sorted(SWAP_PAGE))
def test_asking_for_a_swap_on_the_page(client, ward, who):
    r = roster(ward)
    r.status = DutyRoster.Status.PUBLISHED
    r.save(update_fields=["status"])
    if who != "anon":
        client.force_login(ward.user(who))
    response = client.post(  # on 20 April (the ward's moment)
        reverse("worktime:roster_swaps", args=[r.pk]),
        {"day": "2026-05-04", "other": ward.people["staff_a2"].pk},
    )
    assert response.status_code == SWAP_PAGE[who], response.content[:200]
    assert DutySwap.objects.exists() == (who in ON_ROSTER)
