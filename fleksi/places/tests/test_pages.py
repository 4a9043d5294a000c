"""The places pages through the HTTP client: what each shows, and the forms."""

import gzip
import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fleksi.places.models import ConnectivityProfile
from fleksi.places.services import profile_update
from fleksi.testkit.html import squashed


@pytest.fixture
def surveyed(world):
    profile_update(
        actor=None,
        desa=world.desa["tabang"],
        best_network="2g",
        electricity_24h=False,
        blank_spot=True,
        source="Survei Diskominfo 2025",
        surveyed_on=date(2025, 8, 1),
    )
    return world


def login(client, world, who):
    client.force_login(world.user(who))
    client.cookies["django_language"] = "en"  # the assertions read English text
    return client


@pytest.mark.django_db
def test_readiness_page_draws_the_map_inline_without_styles_or_outside_resources(client, surveyed):
    html = login(client, surveyed, "sekda").get(reverse("places:readiness")).content.decode()
    html = squashed(html)
    svg = html[html.index("<svg viewBox") : html.index("</svg>", html.index("<svg viewBox"))]
    assert svg.count("<polygon") == 2  # the world has two kecamatan
    tabang = reverse("places:kecamatan", args=[surveyed.kecamatan["tbg"].pk])
    assert f'<a href="{tabang}" class="band-poor"><title>Tabang: score 10' in svg
    assert 'class="band-none"><title>Tenggarong: score —, 0 of 1 desa ready' in svg
    assert "style=" not in html
    assert "<script" not in html
    assert not re.search(r'(?:src|href)="https?://', html)
    assert "The shapes are not boundaries." in html
    assert "Import a survey" not in html  # Sekda does not import
    assert len(gzip.compress(html.encode())) < 200 * 1024


@pytest.mark.django_db
def test_kecamatan_page_lists_its_desa_with_the_evidence(client, surveyed):
    page = login(client, surveyed, "diskominfo").get(
        reverse("places:kecamatan", args=[surveyed.kecamatan["tbg"].pk])
    )
    html = page.content.decode()
    assert "Tabang Lama" in html
    assert "Melayu" not in html
    assert reverse("places:desa_edit", args=[surveyed.desa["tabang"].pk]) in html
    assert "Survei Diskominfo 2025" in html


@pytest.mark.django_db
def test_the_edit_form_saves_and_shows_field_errors(client, surveyed):
    login(client, surveyed, "diskominfo")
    url = reverse("places:desa_edit", args=[surveyed.desa["tabang"].pk])
    assert 'value="2025-08-01"' in client.get(url).content.decode()
    bad = client.post(url, {"best_network": "3g", "source": "", "surveyed_on": "2025-08-01"})
    assert bad.status_code == 200
    assert ConnectivityProfile.objects.get().best_network == "2g"
    ok = client.post(
        url,
        {
            "best_network": "radio_link",
            "electricity_24h": "on",
            "source": "Kunjungan lapangan",
            "surveyed_on": "2026-01-05",
        },
    )
    assert ok.status_code == 302
    p = ConnectivityProfile.objects.get()
    assert (p.best_network, p.electricity_24h, p.blank_spot, p.source) == (
        "radio_link",
        True,
        False,
        "Kunjungan lapangan",
    )


@pytest.mark.django_db
def test_the_import_page_reports_problems_by_line_and_column(client, world):
    login(client, world, "diskominfo")
    data = (
        "KODE_DESA,JARINGAN_TERBAIK,LISTRIK_24_JAM,BLANK_SPOT,SUMBER,TANGGAL_SURVEI\n"
        "64.02.12.2001,VSAT/satelit,Y,N,Survei,2025-08-01\n"
        "64.02.12.2001,3G,Y,kadang,Survei,2025-08-01\n"
    )
    upload = SimpleUploadedFile("survei.csv", data.encode())
    html = client.post(reverse("places:import"), {"file": upload}).content.decode()
    assert "nothing was imported" in html
    assert "“kadang” is not Y or N." in html
    assert "3G was switched off in 2022–23" in html
    assert "BLANK_SPOT" in html
    assert not ConnectivityProfile.objects.exists()
    upload = SimpleUploadedFile("survei.csv", data.rsplit("\n", 2)[0].encode())
    html = client.post(reverse("places:import"), {"file": upload}).content.decode()
    assert "Imported." in html
    assert ConnectivityProfile.objects.count() == 1


@pytest.mark.django_db
def test_my_place_says_whether_it_is_ready_and_whom_to_tell(client, surveyed):
    from fleksi.org.models import Employee

    darto = surveyed.people["staff_a2"]
    Employee.objects.filter(pk=darto.pk).update(domicile=surveyed.desa["tabang"])
    html = login(client, surveyed, "staff_a2").get(reverse("places:mine")).content.decode()
    assert "Desa Tabang Lama, Kecamatan Tabang" in html
    assert "Does not count as ready for WFA" in html
    assert "is below the minimum of the WFA policy (4G)" in html
    assert "No electricity 24 hours a day" in html
    assert "diskominfo" in html  # the Diskominfo admin to tell
    Employee.objects.filter(pk=darto.pk).update(domicile=None)
    html = client.get(reverse("places:mine")).content.decode()
    assert "No domicile (desa/kelurahan) is recorded for you." in html


@pytest.mark.django_db
def test_the_navigation_links_to_the_places(client, world):
    readiness, mine = reverse("places:readiness"), reverse("places:mine")
    html = login(client, world, "bupati").get(reverse("home:index")).content.decode()
    assert f'href="{readiness}"' in html
    html = login(client, world, "staff_b1").get(reverse("home:index")).content.decode()
    assert f'href="{mine}"' in html
    assert f'href="{readiness}"' not in html
