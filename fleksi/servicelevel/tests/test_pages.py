"""The pages through the HTTP client: the week's grid, a service's figures with its trend,
the forms, the settings, and the safeguard pages."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from fleksi.servicelevel.models import PublicService, SatisfactionSurvey, ServiceDaily
from fleksi.servicelevel.services import safeguard_check
from fleksi.servicelevel.tests.conftest import set_wfa_start, write_days

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
MONDAY = TODAY - timedelta(days=TODAY.weekday())


def url(name, *args):
    return reverse(f"servicelevel:{name}", args=args)


def key(service, day, field):
    return f"s{service.pk}_{day:%Y%m%d}_{field}"


def test_the_week_grid_saves_filled_rows_and_shows_them_again(services, en_client):
    ktp = services.services["ktp"]
    en_client.force_login(services.user("layanan"))
    page = url("week", services.units["a_loket"].pk)
    response = en_client.get(page)
    assert response.status_code == 200
    assert key(ktp, MONDAY, "received") in response.content.decode()
    assert key(ktp, TODAY + timedelta(days=1), "received") not in response.content.decode()
    data = {
        key(ktp, MONDAY, "received"): "40",
        key(ktp, MONDAY, "completed"): "38",
        key(ktp, MONDAY, "median_processing"): "45.5",
    }
    response = en_client.post(page, data)
    assert response.status_code == 302
    row = ServiceDaily.objects.get(service=ktp, day=MONDAY)
    assert (row.received, row.completed, row.median_processing, row.median_waiting_minutes) == (
        40,
        38,
        Decimal("45.50"),
        None,
    )
    assert row.source == "form"
    # shown again, and a second save replaces the day
    assert 'value="40"' in en_client.get(page).content.decode()
    en_client.post(page, {**data, key(ktp, MONDAY, "received"): "41"})
    assert ServiceDaily.objects.get(service=ktp, day=MONDAY).received == 41
    assert ServiceDaily.objects.count() == 1


def test_a_half_filled_row_is_refused(services, en_client):
    ktp = services.services["ktp"]
    en_client.force_login(services.user("bkpsdm"))
    response = en_client.post(
        url("week", services.units["a_loket"].pk), {key(ktp, MONDAY, "median_processing"): "40"}
    )
    assert response.status_code == 200
    assert "A value is required" in response.content.decode()
    assert not ServiceDaily.objects.exists()


def test_a_service_is_added_and_its_code_is_unique(services, en_client):
    en_client.force_login(services.user("layanan"))
    data = {
        "code": "t-kk",
        "name": "Kartu Keluarga",
        "processing_unit": "minutes",
        "standard_max_processing": "60",
    }
    response = en_client.post(url("service_new", services.units["a_loket"].pk), data)
    service = PublicService.objects.get(code="T-KK")
    assert response["Location"] == url("service", service.pk)
    response = en_client.post(url("service_new", services.units["a_loket"].pk), data)
    assert response.status_code == 200
    assert "Another service already has this code" in response.content.decode()


def test_services_only_on_public_service_units(services, en_client):
    en_client.force_login(services.user("bkpsdm"))
    # Bappeda is not a public-service unit: it is not even found
    assert en_client.get(url("service_new", services.units["b"].pk)).status_code == 404


def test_the_service_page_draws_its_trend_and_what_the_safeguard_sees(services, en_client):
    ktp = services.services["ktp"]
    set_wfa_start(TODAY - timedelta(days=40))
    write_days(ktp, TODAY - timedelta(days=130), 30, processing="20")
    write_days(ktp, TODAY - timedelta(days=19), 20, processing="30")
    en_client.force_login(services.user("head_seksi"))
    html = en_client.get(url("service", ktp.pk)).content.decode()
    assert "<svg" in html
    assert "<polyline" in html
    assert "stroke-dasharray" in html  # the standard and the WFA start
    assert "worse beyond the threshold" in html
    assert " style=" not in html  # the CSP allows no inline style


def test_an_empty_service_page(services, en_client):
    en_client.force_login(services.user("bkpsdm"))
    html = en_client.get(url("service", services.services["akta"].pk)).content.decode()
    assert "no figures" in html


def test_the_survey_form_computes_the_index(services, client):
    # Indonesian pages: decimals with a comma
    client.force_login(services.user("layanan"))
    data = {
        "service": services.services["ktp"].pk,
        "period_start": str(TODAY - timedelta(days=90)),
        "period_end": str(TODAY - timedelta(days=1)),
        "respondents": "120",
        **{f"u{i}": "3,6" for i in range(1, 10)},
    }
    response = client.post(url("survey_new"), data, follow=True)
    assert response.status_code == 200
    survey = SatisfactionSurvey.objects.get()
    assert (survey.index, survey.grade, survey.unit) == (
        Decimal("90.00"),
        "A",
        services.units["a_loket"],
    )
    assert "IKM 90.00" in response.content.decode()


def test_the_settings_refuse_unordered_grades(services, en_client):
    en_client.force_login(services.user("bkpsdm"))
    data = {"ikm_a_min": "70", "ikm_b_min": "76.61", "ikm_c_min": "65", "ikm_basis": "x"}
    response = en_client.post(url("settings"), data)
    assert response.status_code == 200
    assert "must rise from C to A" in response.content.decode()
    data = {**data, "ikm_a_min": "90", "wfa_start": str(TODAY - timedelta(days=10))}
    assert en_client.post(url("settings"), data).status_code == 302
    html = en_client.get(url("settings")).content.decode()
    assert "90.00" in html or "90,00" in html


def test_the_safeguard_pages_show_the_alert_with_its_values(services, en_client):
    ktp = services.services["ktp"]
    set_wfa_start(TODAY - timedelta(days=40))
    write_days(ktp, TODAY - timedelta(days=130), 30, processing="20")
    write_days(ktp, TODAY - timedelta(days=19), 20, processing="25")
    alert = safeguard_check(day=TODAY).alerts[0]
    en_client.force_login(services.user("head_seksi"))
    html = en_client.get(url("safeguard")).content.decode()
    assert url("alert", alert.pk) in html
    assert "25.0 %" in html
    html = en_client.get(url("alert", alert.pk)).content.decode()
    assert "20.0 minutes" in html
    assert "25.0 minutes" in html
    assert "Acknowledge" in html
    assert "Turn into a draft policy change" not in html  # BKPSDM only
    assert en_client.post(url("alert_acknowledge", alert.pk)).status_code == 302
    alert.refresh_from_db()
    assert alert.status == "acknowledged"
    assert alert.handled_by == services.user("head_seksi")
    en_client.force_login(services.user("bkpsdm"))
    assert (
        "Turn into a draft policy change" in en_client.get(url("alert", alert.pk)).content.decode()
    )


def test_the_index_lists_units_with_services_and_the_nav_links_it(services, en_client):
    en_client.force_login(services.user("head_a"))
    html = en_client.get(url("index")).content.decode()
    assert "Seksi Loket" in html
    assert "Bidang Pelayanan" in html
    assert f'href="{url("index")}"' in html
    en_client.force_login(services.user("head_b"))
    assert f'href="{url("index")}"' not in en_client.get(reverse("home:index")).content.decode()
