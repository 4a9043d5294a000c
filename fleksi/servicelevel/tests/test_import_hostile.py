"""Hostile spreadsheets of issue 12 §3 through the daily-figures import page: read whole or
refused whole, with a sentence in Indonesian, and nothing written."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from fleksi.common.importing.reader import Limits
from fleksi.servicelevel.models import ServiceDaily
from fleksi.testkit.spreadsheets import inline_sheet, mixed_csv, post_file

pytestmark = pytest.mark.django_db

HEADER = ["KODE_LAYANAN", "TANGGAL", "DITERIMA", "SELESAI"]


@pytest.fixture
def upload(client, services, time_machine):
    time_machine.move_to("2026-11-18 09:00 +08:00", tick=False)
    client.force_login(services.user("layanan"))

    def send(data: bytes, name: str):
        return post_file(client, reverse("servicelevel:figures_import"), data, name)

    return send


def day(n: int) -> str:
    """``n`` days before the day before the fixed moment of the tests."""
    return (date(2026, 11, 17) - timedelta(days=n)).isoformat()


def test_a_dimension_that_says_a1_d1_does_not_hide_the_rows_below_it(upload):
    rows = [["T-KTP", day(n), "10", "9"] for n in range(30)]
    response = upload(inline_sheet([HEADER, *rows], dimension="A1:D1"), "angka.xlsx")
    assert response.context["report"].applied
    assert ServiceDaily.objects.count() == 30


def test_a_cell_in_column_xfd_is_refused(upload):
    response = upload(
        inline_sheet([HEADER, ["T-KTP", day(0), "10", "9"]], extra_column="XFD"), "x.xlsx"
    )
    page = response.content.decode()
    assert "XFD2" in page
    assert "Tidak ada yang diimpor" in page
    assert not ServiceDaily.objects.exists()


def test_a_csv_with_one_windows_1252_line_names_that_line(upload):
    lines = [[*HEADER, "CATATAN"], ["T-KTP", day(0), "10", "9", "Ramai — antre"]]
    data = mixed_csv(lines, stray=["T-KTP", day(1), "10", "9", "Café"], delimiter=";")
    response = upload(data, "campur.csv")
    assert [(line, column) for line, column, _ in response.context["problems"]] == [(3, "")]
    assert not ServiceDaily.objects.exists()


def test_a_file_over_the_row_limit_is_refused_whole(upload, monkeypatch):
    monkeypatch.setattr("fleksi.servicelevel.importing.LIMITS", Limits(max_rows=2))
    rows = [["T-KTP", day(n), "10", "9"] for n in range(3)]
    page = upload(inline_sheet([HEADER, *rows]), "angka.xlsx").content.decode()
    assert "lebih dari 2 baris" in page
    assert not ServiceDaily.objects.exists()
