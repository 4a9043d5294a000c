"""The evaluation PDF is readable (issue 16): its font is embedded, table headings are dark
text on a light fill, and no word is broken across lines, even in a wide table."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from django.utils import translation

from fleksi.common.formats import figure_text
from fleksi.insights.services.report_content import ReportContent, Table
from fleksi.insights.services.report_pdf import (
    HEADING_FILL,
    HEADING_TEXT,
    contrast_ratio,
    report_pdf,
)

POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts")
LONG = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
HEADER = (
    "Perangkat daerah",
    "Pegawai",
    "Hari kerja",
    "Hari WFA disetujui",
    "Kehadiran (%)",
    "Ketidakhadiran",
    "Capaian output (%)",
    "Laporan tepat waktu (%)",
    "Kualitas rata-rata",
    "Verifikasi terlambat",
    "Kesiapan digital (%)",
)


def content():
    rows = [
        (LONG, 1234, 21, 140, 97.5, 3, 88.25, 91.0, 86.4, 2, 55.5),
        ("Kecamatan Tenggarong Seberang", 98, 21, 40, 99.0, 0, 100.0, 100.0, 90.0, 0, 70.0),
    ]
    return ReportContent(
        title="Evaluasi bulanan kerja fleksibel (WFA)",
        period_label="November 2026",
        generated_at="4 Desember 2026",
        basis=["PermenPANRB 4/2025 Pasal 35 – pemantauan berjenjang"],
        headline=[("Capaian", figure_text(88.3, "%"))],
        changes=Table(
            "Sebelum dan sesudah", ("Indikator", "Sebelum", "Sesudah"), [("Capaian", 80.0, 88.3)]
        ),
        concerns=[],
        tables=[Table("Per perangkat daerah", HEADER, rows)],
        charts=[],
        dashboard=None,
    )


def test_table_headings_are_dark_on_light_with_ample_contrast():
    assert contrast_ratio(HEADING_TEXT, HEADING_FILL) >= 7.0  # WCAG AAA for small text
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)


def test_the_font_is_embedded_and_no_word_is_broken(tmp_path):
    if not POPPLER:  # CI installs poppler-utils (.ci/run): there it must be present
        if os.environ.get("CI"):
            pytest.fail("pdftotext/pdffonts (poppler-utils) must be installed in CI")
        pytest.skip("pdftotext/pdffonts (poppler-utils) is not installed")
    path = tmp_path / "laporan.pdf"
    with translation.override("id"):  # the report's language, whatever an earlier test left
        path.write_bytes(report_pdf(content()))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    lines = fonts.stdout.splitlines()[2:]
    assert lines
    assert all("DejaVu" in line for line in lines)
    assert all(line.split()[-5] == "yes" for line in lines)  # the "emb" column
    text = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = set(text.split())
    # Every word of the headings and of the long names is whole somewhere on the page, and
    # no line ends or starts with a piece of one.
    for phrase in (*HEADER, LONG, "Kecamatan Tenggarong Seberang"):
        for word in phrase.split():
            assert word in words, word
    assert "–" in text  # a real dash: the embedded font has it
    assert "1.234" in words  # numbers in the report's language
