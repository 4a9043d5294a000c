"""Importing duties from CSV and XLSX: per-row errors, all or nothing, idempotent."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from fleksi.audit.models import AuditEntry
from fleksi.jobmap.importing import duty_file_import
from fleksi.jobmap.models import Duty
from fleksi.jobmap.services import assessment_propose, assessment_save_draft
from fleksi.jobmap.tests.conftest import answers_for

pytestmark = pytest.mark.django_db

HEADER = "KODE_JABATAN;NO_URUT;URAIAN_TUGAS;HASIL_KERJA;PERSEN_WAKTU\n"
GOOD = (
    HEADER
    + "P-analis;1;Menyusun kajian kebijakan daerah;Dokumen kajian;60\n"
    + "P-analis;2;Mengikuti rapat koordinasi;Notula rapat;40\n"
    + "P-loket;1;Melayani permohonan KTP-el di loket;Permohonan terlayani;87,5\n"
    + "P-loket;2;Menginput data permohonan ke SIAK;Data terinput;12,5\n"
)


def run(text_or_bytes, name="tugas.csv", **kw):
    data = text_or_bytes.encode("utf-8") if isinstance(text_or_bytes, str) else text_or_bytes
    return duty_file_import(actor=None, name=name, data=data, **kw)


def test_import_creates_duties_and_is_idempotent(world):
    report = run("\ufeff" + GOOD)
    assert report.ok
    assert report.applied
    assert (report.positions, report.created, report.updated, report.deleted) == (2, 4, 0, 0)
    loket = list(
        Duty.objects.filter(position=world.positions["loket"]).values_list("order", "time_share")
    )
    assert loket == [(1, Decimal("87.50")), (2, Decimal("12.50"))]
    entries = AuditEntry.objects.filter(action="jobmap.duty.import").count()
    again = run(GOOD)
    assert (again.created, again.updated, again.deleted, again.unchanged) == (0, 0, 0, 4)
    assert AuditEntry.objects.filter(action="jobmap.duty.import").count() == entries


def test_reimport_updates_adds_and_removes_by_number(world):
    run(GOOD)
    changed = (
        HEADER.replace(";", ",")
        + "P-analis,1,Menyusun kajian kebijakan daerah,Dokumen kajian,50\n"
        + "P-analis,3,Menyusun rekomendasi kebijakan,Nota rekomendasi,50\n"
    )
    report = run(changed)
    assert (report.created, report.updated, report.deleted, report.unchanged) == (1, 1, 1, 0)
    assert list(
        Duty.objects.filter(position=world.positions["analis"]).values_list("order", flat=True)
    ) == [1, 3]
    # Positions not in the file are left alone.
    assert Duty.objects.filter(position=world.positions["loket"]).count() == 2


def test_dry_run_writes_nothing(world):
    report = run(GOOD, dry_run=True)
    assert report.ok
    assert not report.applied
    assert report.created == 4
    assert not Duty.objects.exists()


def test_every_problem_is_reported_and_nothing_is_written(world):
    bad = (
        HEADER
        + "P-analis;1;Menyusun kajian;Dokumen;60\n"
        + "P-analis;2;Rapat;Notula;40\n"
        + "P-nope;1;Tugas;Hasil;100\n"
        + "P-loket;1;;Hasil;100\n"
        + "P-head_b;1;Memimpin;Arahan;dua puluh\n"
    )
    report = run(bad)
    assert not report.applied
    assert [(p.line, p.column, p.code) for p in report.problems] == [
        (4, "KODE_JABATAN", "unknown_position"),
        (5, "URAIAN_TUGAS", "required"),
        (6, "PERSEN_WAKTU", "bad_share"),
    ]
    assert not Duty.objects.exists()


def test_missing_columns_and_unreadable_files(world):
    report = run("KODE_JABATAN;URAIAN_TUGAS\nP-analis;x\n")
    assert [(p.column, p.code) for p in report.problems] == [
        ("NO_URUT", "column_missing"),
        ("HASIL_KERJA", "column_missing"),
        ("PERSEN_WAKTU", "column_missing"),
    ]
    assert run(GOOD.encode("utf-16")).problems[0].code == "file_unreadable"
    assert run(b"", name="kosong.csv").problems[0].code == "header_missing"
    assert run(HEADER, name="kepala.csv").problems[0].code == "no_rows"
    assert run(b"PK\x03\x04rusak", name="rusak.xlsx").problems[0].code == "file_unreadable"
    assert run(GOOD, name="tugas.txt").problems[0].code == "file_type"
    assert not Duty.objects.exists()


def test_unit_admin_is_limited_to_their_subtree(world):
    report = run(GOOD, unit_paths=[world.units["a"].path])
    assert [(p.line, p.code) for p in report.problems] == [(2, "position_out_of_scope")]


def test_positions_waiting_for_bkpsdm_are_refused(world):
    run(GOOD)
    position = world.positions["analis"]
    duties = list(Duty.objects.filter(position=position))
    assessment_save_draft(actor=None, position=position, answers=answers_for(duties))
    assessment_propose(actor=None, position=position)
    report = run(GOOD.replace(";60\n", ";70\n").replace(";40\n", ";30\n"))
    assert [(p.line, p.code) for p in report.problems] == [(2, "assessment_proposed")]


def test_xlsx_with_numbers_and_percent_cells(world):
    book = Workbook()
    sheet = book.active
    sheet.append(["Kode Jabatan", "No Urut", "Uraian Tugas", "Hasil Kerja", "Persen Waktu"])
    sheet.append(["P-analis", 1, "Menyusun kajian", "Dokumen kajian", 0.75])
    sheet.append(["P-analis", 2.0, "Rapat koordinasi", "Notula", 0.25])
    for row in sheet.iter_rows(min_row=2, min_col=5, max_col=5):
        row[0].number_format = "0%"
    buffer = io.BytesIO()
    book.save(buffer)
    report = run(buffer.getvalue(), name="anjab.xlsx")
    assert report.ok, report.problems
    assert list(
        Duty.objects.filter(position=world.positions["analis"]).values_list("order", "time_share")
    ) == [(1, Decimal("75.00")), (2, Decimal("25.00"))]


def test_command_reports_lines_and_refuses(world, tmp_path, capsys):
    good = tmp_path / "tugas.csv"
    good.write_text(GOOD, encoding="utf-8")
    call_command("import_duties", str(good), "--dry-run")
    assert "would change 4 added" in capsys.readouterr().out
    assert not Duty.objects.exists()
    call_command("import_duties", str(good))
    assert Duty.objects.count() == 4
    bad = tmp_path / "salah.csv"
    bad.write_text(HEADER + "P-nope;1;Tugas;Hasil;100\n", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_duties", str(bad))
    assert "salah.csv: line 2, KODE_JABATAN:" in capsys.readouterr().err
