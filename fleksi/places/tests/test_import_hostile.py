"""Hostile spreadsheets of issue 12 §3 through the connectivity survey's page and command:
read whole or refused whole, with a sentence in Indonesian, and nothing written."""

import pytest
from django.urls import reverse

from fleksi.common.importing.reader import Limits
from fleksi.places.models import ConnectivityProfile
from fleksi.places.tests.test_profiles import GOOD, HEADER
from fleksi.testkit.spreadsheets import inline_sheet, mixed_csv, post_file, refused_by_command

pytestmark = pytest.mark.django_db

COLUMNS = HEADER.strip().split(";")
ROW = ["64.02.12.2001", "Tabang Lamâ", "2G", "T", "Y", "Survei Diskominfo", "2025-08-15"]


def test_a_file_over_the_row_limit_is_refused_whole(world, tmp_path, monkeypatch):
    monkeypatch.setattr("fleksi.places.importing.LIMITS", Limits(max_rows=1))
    err = refused_by_command("import_connectivity", tmp_path / "survei.csv", GOOD.encode())
    assert "lebih dari 1 baris" in err
    assert not ConnectivityProfile.objects.exists()


def test_a_csv_with_one_windows_1252_line_names_that_line(world, tmp_path):
    stray = ["64.02.06.1001", "Melayú", "4G", "Y", "N", "Survei", "2025-08-01"]
    data = mixed_csv([COLUMNS, ROW], stray=stray, delimiter=";")
    err = refused_by_command("import_connectivity", tmp_path / "campur.csv", data)
    assert "campur.csv: line 3:" in err
    assert "line 2" not in err
    assert not ConnectivityProfile.objects.exists()


def test_a_cell_in_column_xfd_is_refused_on_the_page(client, world):
    client.force_login(world.user("diskominfo"))
    data = inline_sheet([COLUMNS, ROW], extra_column="XFD")
    page = post_file(client, reverse("places:import"), data, "lebar.xlsx").content.decode()
    assert "XFD2" in page
    assert "Tidak ada yang diimpor" in page
    assert not ConnectivityProfile.objects.exists()


def test_a_dimension_that_says_a1_g1_does_not_hide_the_rows_below_it(client, world):
    client.force_login(world.user("diskominfo"))
    second = ["64.02.06.1001", "Melayu", "4G", "Y", "N", "Survei", "2025-08-01"]
    data = inline_sheet([COLUMNS, ROW, second], dimension="A1:G1")
    response = post_file(client, reverse("places:import"), data, "survei.xlsx")
    assert response.context["report"].applied
    assert ConnectivityProfile.objects.count() == 2
