"""Who gets what from every service-level page and endpoint: 404 for what is out of scope,
403 for what is seen but not the user's to change (or for a list the user has no part in).

The service used is Akta Kelahiran at Disdukcapil's Bidang Pelayanan (a_bid): the
regency-wide roles, the Kepala Dinas (head_a) and the service-unit manager of the Bidang
(layanan) see it; the Kepala Seksi Loket (head_seksi) sees only her own section's services.
"""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from fleksi.servicelevel.models import SafeguardAlert
from fleksi.testkit.access import REGENCY, Case, api_case, check, gated, matrix, reversers

USERS = REGENCY | {"layanan", "head_a", "head_seksi"}
SEES_BID = REGENCY | {"layanan", "head_a"}
EDITORS = frozenset({"bkpsdm", "layanan"})
RESPONDERS = frozenset({"bkpsdm", "layanan", "head_a", "sekda"})
DRAFTERS = frozenset({"bkpsdm"})
CONFIG = frozenset({"bkpsdm"})
YESTERDAY = timezone.localdate() - timedelta(days=1)


url, api = reversers("servicelevel", "servicelevel_")


def build_module_world():
    """The world of this matrix, built once for the module (see the ``module_world`` fixture)."""
    from fleksi.servicelevel.tests.conftest import services_world
    from fleksi.testkit.world import build_world

    return services_world(build_world())


@pytest.fixture
def services(module_world):
    return module_world


AKTA = lambda w: w.services["akta"].pk  # noqa: E731
BID = lambda w: w.units["a_bid"].pk  # noqa: E731


def alert(w):
    cache = w.__dict__.setdefault("_made", {})
    if "alert" not in cache:
        day = timezone.localdate()
        cache["alert"] = SafeguardAlert.objects.create(
            service=w.services["akta"],
            metric="processing_time",
            baseline_value=2,
            recent_value=3,
            change_pct=50,
            threshold_pct=10,
            baseline_start=day - timedelta(days=130),
            baseline_end=day - timedelta(days=41),
            recent_start=day - timedelta(days=29),
            recent_end=day,
            fired_on=day,
            fired_at=timezone.now(),
            trace={"metrics": []},
        )
    return cache["alert"].pk


def upload(text, name="data.csv"):
    return lambda w: {"file": SimpleUploadedFile(name, text.encode()), "dry_run": ""}


FIGURES = f"KODE_LAYANAN;TANGGAL;DITERIMA;SELESAI\nT-AKTA;{YESTERDAY};12;11\n"
COMPLAINTS = (
    "NOMOR_TIKET;TANGGAL;KATEGORI;STATUS;KODE_LAYANAN\n"
    f"LAPOR-1;{YESTERDAY};Prosedur;Selesai;T-AKTA\n"
)
SURVEYS = (
    "KODE_LAYANAN;PERIODE_MULAI;PERIODE_SELESAI;RESPONDEN;U1;U2;U3;U4;U5;U6;U7;U8;U9\n"
    f"T-AKTA;{YESTERDAY - timedelta(days=30)};{YESTERDAY};120;3,5;3,4;3,2;4;3,6;3,5;3,7;3,3;3,4\n"
)
SERVICE = {
    "code": "T-AKTA",
    "name": "Akta Kelahiran",
    "processing_unit": "days",
    "standard_max_processing": 3,
    "is_active": "on",
}
SURVEY = lambda w: {  # noqa: E731
    "service": AKTA(w),
    "period_start": str(YESTERDAY - timedelta(days=30)),
    "period_end": str(YESTERDAY),
    "respondents": 100,
    **{f"u{i}": "3.5" for i in range(1, 10)},
}
CONFIG_DATA = {"ikm_a_min": "88.31", "ikm_b_min": "76.61", "ikm_c_min": "65.00", "ikm_basis": "x"}

PAGES = [
    Case("servicelevel:index", lambda w: url("index"), USERS, denied=403),
    Case("servicelevel:unit", lambda w: url("unit", BID(w)), SEES_BID),
    Case("servicelevel:service", lambda w: url("service", AKTA(w)), SEES_BID),
    gated("servicelevel:service_edit", lambda w: url("service_edit", AKTA(w)), SEES_BID, EDITORS),
    gated(
        "servicelevel:service_edit",
        lambda w: url("service_edit", AKTA(w)),
        SEES_BID,
        EDITORS,
        method="post",
        ok=302,
        data=lambda w: SERVICE,
    ),
    gated("servicelevel:service_new", lambda w: url("service_new", BID(w)), SEES_BID, EDITORS),
    gated(
        "servicelevel:service_new",
        lambda w: url("service_new", BID(w)),
        SEES_BID,
        EDITORS,
        method="post",
        ok=302,
        data=lambda w: {**SERVICE, "code": "T-NEW"},
    ),
    gated("servicelevel:week", lambda w: url("week", BID(w)), SEES_BID, EDITORS),
    gated(
        "servicelevel:week",
        lambda w: url("week", BID(w)),
        SEES_BID,
        EDITORS,
        method="post",
        ok=302,
        data=lambda w: {},
    ),
    Case("servicelevel:figures_import", lambda w: url("figures_import"), EDITORS, denied=403),
    Case(
        "servicelevel:figures_import",
        lambda w: url("figures_import"),
        EDITORS,
        denied=403,
        method="post",
        data=upload(FIGURES),
    ),
    Case("servicelevel:complaints", lambda w: url("complaints"), USERS, denied=403),
    Case("servicelevel:complaints_import", lambda w: url("complaints_import"), EDITORS, denied=403),
    Case(
        "servicelevel:complaints_import",
        lambda w: url("complaints_import"),
        EDITORS,
        denied=403,
        method="post",
        data=upload(COMPLAINTS),
    ),
    Case("servicelevel:surveys", lambda w: url("surveys"), USERS, denied=403),
    Case("servicelevel:survey_new", lambda w: url("survey_new"), EDITORS, denied=403),
    Case(
        "servicelevel:survey_new",
        lambda w: url("survey_new"),
        EDITORS,
        denied=403,
        method="post",
        ok=302,
        data=SURVEY,
    ),
    Case("servicelevel:surveys_import", lambda w: url("surveys_import"), EDITORS, denied=403),
    Case(
        "servicelevel:surveys_import",
        lambda w: url("surveys_import"),
        EDITORS,
        denied=403,
        method="post",
        data=upload(SURVEYS),
    ),
    Case("servicelevel:safeguard", lambda w: url("safeguard"), USERS, denied=403),
    Case("servicelevel:alert", lambda w: url("alert", alert(w)), SEES_BID),
    gated(
        "servicelevel:alert_acknowledge",
        lambda w: url("alert_acknowledge", alert(w)),
        SEES_BID,
        RESPONDERS,
        method="post",
        ok=302,
    ),
    gated(
        "servicelevel:alert_close",
        lambda w: url("alert_close", alert(w)),
        SEES_BID,
        RESPONDERS,
        method="post",
        ok=302,
    ),
    gated(
        "servicelevel:alert_draft",
        lambda w: url("alert_draft", alert(w)),
        SEES_BID,
        DRAFTERS,
        method="post",
        ok=302,
    ),
    Case("servicelevel:settings", lambda w: url("settings"), CONFIG, denied=403),
    Case(
        "servicelevel:settings",
        lambda w: url("settings"),
        CONFIG,
        denied=403,
        method="post",
        ok=302,
        data=lambda w: CONFIG_DATA,
    ),
]


FIGURE = {"received": 10, "completed": 9, "median_processing": "2.5"}
COMPLAINT = {
    "external_id": "LAPOR-9",
    "received_on": str(YESTERDAY),
    "category": "Prosedur",
    "status": "Diproses",
    "service_code": "T-AKTA",
}

APIS = [
    api_case("api:servicelevel_services", lambda w: api("services"), USERS, denied=403),
    api_case("api:servicelevel_service", lambda w: api("service", AKTA(w)), SEES_BID),
    api_case("api:servicelevel_figures", lambda w: api("figures", AKTA(w)), SEES_BID),
    api_case(
        "api:servicelevel_figure_put",
        lambda w: api("figure_put", AKTA(w), str(YESTERDAY)),
        EDITORS,
        SEES_BID,
        method="put",
        data=lambda w: FIGURE,
    ),
    api_case(
        "api:servicelevel_figures_post",
        lambda w: api("figures_post"),
        EDITORS,
        denied=403,
        method="post",
        data=lambda w: {"items": [{"service_id": AKTA(w), "day": str(YESTERDAY), **FIGURE}]},
    ),
    api_case("api:servicelevel_complaints", lambda w: api("complaints"), USERS, denied=403),
    api_case(
        "api:servicelevel_complaint_post",
        lambda w: api("complaint_post"),
        EDITORS,
        denied=403,
        method="post",
        data=lambda w: COMPLAINT,
    ),
    api_case("api:servicelevel_surveys", lambda w: api("surveys"), USERS, denied=403),
    api_case(
        "api:servicelevel_survey_post",
        lambda w: api("survey_post"),
        EDITORS,
        denied=403,
        method="post",
        ok=201,
        data=lambda w: {
            "service_id": AKTA(w),
            "period_start": str(YESTERDAY - timedelta(days=30)),
            "period_end": str(YESTERDAY),
            "respondents": 80,
            "elements": ["3.5"] * 9,
        },
    ),
    api_case("api:servicelevel_alerts", lambda w: api("alerts"), USERS, denied=403),
    api_case("api:servicelevel_alert", lambda w: api("alert", alert(w)), SEES_BID),
]

CASES = PAGES + APIS
COVERED = {c.route for c in CASES}


@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, services, case, who):
    check(client, services, case, who)


@pytest.mark.django_db
def test_the_head_of_a_section_sees_her_own_services(client, services):
    client.force_login(services.user("head_seksi"))
    assert client.get(url("service", services.services["ktp"].pk)).status_code == 200
    assert client.get(url("service", AKTA(services))).status_code == 404
    assert client.get(url("week", services.units["a_loket"].pk)).status_code == 403


@pytest.mark.django_db
def test_a_refused_write_changes_nothing(client, services):
    for who in ("head_a", "sekda", "bupati"):
        client.force_login(services.user(who))
        assert (
            client.post(url("service_edit", AKTA(services)), {**SERVICE, "name": "X"}).status_code
            == 403
        )
        assert client.post(url("figures_import"), upload(FIGURES)(services)).status_code == 403
    services.services["akta"].refresh_from_db()
    assert services.services["akta"].name == "Akta Kelahiran"
    assert not services.services["akta"].days.exists()
