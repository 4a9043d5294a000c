"""Who gets what from every page and endpoint of the places (403 when not allowed: places are
public reference data, their existence is no secret)."""

from datetime import date
from functools import partial

import pytest

from fleksi.places.models import ConnectivityProfile
from fleksi.places.services import profile_update
from fleksi.testkit.access import EMPLOYEES, REGENCY, Case, check, matrix, reversers
from fleksi.testkit.access import api_case as shared_api_case

VIEWERS = REGENCY  # places.manage (Diskominfo) or regency.view (Sekda, Bupati, BKPSDM, auditor)
MANAGERS = frozenset({"diskominfo"})

PROFILE = {
    "best_network": "vsat",
    "electricity_24h": True,
    "blank_spot": False,
    "source": "Survei Diskominfo 2025",
    "surveyed_on": "2025-08-01",
}
CSV = (
    "KODE_DESA;JARINGAN_TERBAIK;LISTRIK_24_JAM;BLANK_SPOT;SUMBER;TANGGAL_SURVEI\n"
    "64.02.12.2001;2G;T;Y;Survei Diskominfo 2025;2025-08-01\n"
)


url, api = reversers("places")


def upload(w):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"file": SimpleUploadedFile("survei.csv", CSV.encode()), "dry_run": ""}


TBG = lambda w: w.kecamatan["tbg"].pk  # noqa: E731
TABANG = lambda w: w.desa["tabang"].pk  # noqa: E731

PAGES = [
    Case("places:readiness", lambda w: url("readiness"), VIEWERS, denied=403),
    Case("places:kecamatan", lambda w: url("kecamatan", TBG(w)), VIEWERS, denied=403),
    Case("places:desa_edit", lambda w: url("desa_edit", TABANG(w)), MANAGERS, denied=403),
    Case(
        "places:desa_edit",
        lambda w: url("desa_edit", TABANG(w)),
        MANAGERS,
        denied=403,
        method="post",
        ok=302,
        data=lambda w: PROFILE,
    ),
    Case("places:import", lambda w: url("import"), MANAGERS, denied=403),
    Case(
        "places:import",
        lambda w: url("import"),
        MANAGERS,
        denied=403,
        method="post",
        data=upload,
    ),
    # Every employee for their own domicile; accounts without an employee record: 404.
    Case("places:mine", lambda w: url("mine"), EMPLOYEES),
]


# Places and presence answer 403 (not 404) to an out-of-scope API call.
api_case = partial(shared_api_case, denied=403)


APIS = [
    api_case("api:places_kecamatan_list", lambda w: api("places_kecamatan_list"), VIEWERS),
    api_case("api:places_desa_list", lambda w: api("places_desa_list"), VIEWERS),
    api_case("api:places_desa_detail", lambda w: api("places_desa_detail", TABANG(w)), VIEWERS),
    api_case(
        "api:places_profile_put",
        lambda w: api("places_profile_put", TABANG(w)),
        MANAGERS,
        method="put",
        data=lambda w: PROFILE,
    ),
    api_case("api:places_unit_list", lambda w: api("places_unit_list"), VIEWERS),
]

CASES = PAGES + APIS
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)


@pytest.mark.django_db
def test_a_refused_write_changes_nothing(client, module_world):
    desa = module_world.desa["tabang"]
    profile_update(
        actor=None,
        desa=desa,
        best_network="2g",
        electricity_24h=False,
        blank_spot=True,
        source="Survei 2024",
        surveyed_on=date(2024, 5, 1),
    )
    for who in ("bkpsdm", "sekda", "staff_a2"):
        client.force_login(module_world.user(who))
        assert client.post(url("desa_edit", desa.pk), PROFILE).status_code == 403
        assert client.post(url("import"), upload(module_world)).status_code == 403
    assert ConnectivityProfile.objects.get(desa=desa).best_network == "2g"
