"""Import of SKPs (e-Kinerja layout): per-row problems, the cascade inside one file,
all-or-nothing, idempotence, and the command."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from fleksi.audit.models import AuditEntry
from fleksi.outputs.domain.skp_rows import COLUMNS
from fleksi.outputs.importing import skp_file_import
from fleksi.outputs.models import Skp, SkpIndicator, SkpResult
from fleksi.outputs.services import planned_output_create

pytestmark = pytest.mark.django_db
HEADER = ";".join(COLUMNS)
YEAR = timezone.localdate().year


def csv_of(w, lines):
    body = [HEADER]
    for who, rest in lines:
        body.append(f"{w.people[who].nip};{rest.format(Y=YEAR)}")
    return "\n".join(body).encode()


def good(w):
    return csv_of(
        w,
        [
            (
                "head_b",
                "{Y};1;utama;Dokumen perencanaan daerah tersusun;;Jumlah dokumen;3;dokumen;100;12",
            ),
            ("staff_b1", "{Y};1;utama;Kajian kebijakan tersedia;1;Jumlah kajian;4;kajian;90;12"),
            (
                "staff_b1",
                "{Y};1;utama;Kajian kebijakan tersedia;1;Rekomendasi diterima;2;rekomendasi;;",
            ),
            ("staff_b1", "{Y};2;tambahan;Notulen rapat;;Jumlah notulen;12;notulen;;"),
        ],
    )


def test_a_file_with_the_cascade_inside_imports_and_again_changes_nothing(wfa):
    report = skp_file_import(actor=wfa.user("bkpsdm"), name="skp.csv", data=good(wfa))
    assert report.problems == []
    assert (report.skps, report.created, report.applied) == (2, 3, True)
    kajian = SkpResult.objects.get(skp__employee=wfa.people["staff_b1"], number=1)
    assert kajian.parent == SkpResult.objects.get(skp__employee=wfa.people["head_b"], number=1)
    assert [
        (i.text, i.target_quantity, i.target_quality_pct, i.target_time_months)
        for i in kajian.indicators.all()
    ] == [("Jumlah kajian", Decimal(4), 90, 12), ("Rekomendasi diterima", Decimal(2), 100, 12)]
    assert Skp.objects.get(employee=wfa.people["staff_b1"]).status == "agreed"
    entries = AuditEntry.objects.filter(action="outputs.skp.import").count()
    again = skp_file_import(actor=wfa.user("bkpsdm"), name="skp.csv", data=good(wfa))
    assert (again.created, again.updated, again.deleted, again.unchanged) == (0, 0, 0, 3)
    assert AuditEntry.objects.filter(action="outputs.skp.import").count() == entries


def test_every_problem_is_reported_by_line_and_nothing_is_written(wfa):
    data = (
        csv_of(
            wfa,
            [
                ("staff_b1", "{Y};1;utama;Kajian;7;Jumlah;4;kajian;;"),  # parent 7 unknown
                ("staff_b1", "{Y};2;lainnya;Notulen;;Jumlah;nol;notulen;101;13"),
                ("staff_b1", "{Y};1;utama;Kajian berbeda;7;Jumlah;4;kajian;;"),
            ],
        )
        + f"\n123;{YEAR};1;utama;X;;Y;1;z;;".encode()
    )
    report = skp_file_import(actor=None, name="skp.csv", data=data)
    found = [(p.line, p.column, p.code) for p in report.problems]
    assert found == [
        (2, "NO_RHK_ATASAN", "parent_unknown"),
        (3, "JENIS_RHK", "bad_kind"),
        (3, "TARGET_KUANTITAS", "bad_quantity"),
        (3, "TARGET_KUALITAS", "bad_number"),
        (3, "TARGET_WAKTU", "bad_number"),
        (4, "RENCANA_HASIL_KERJA", "rhk_inconsistent"),
        (5, "NIP", "bad_nip"),
    ]
    assert not Skp.objects.exists()


def test_a_result_in_use_is_not_removed(wfa):
    skp_file_import(actor=None, name="skp.csv", data=good(wfa))
    rhk = SkpResult.objects.get(skp__employee=wfa.people["staff_b1"], number=2)
    planned_output_create(
        actor=wfa.user("staff_b1"),
        employee=wfa.people["staff_b1"],
        day=timezone.localdate(),
        description="Notulen",
        target_quantity=Decimal(1),
        unit="notulen",
        rhk=rhk,
    )
    data = csv_of(wfa, [("staff_b1", "{Y};1;utama;Kajian kebijakan tersedia;;Jumlah;4;kajian;;")])
    report = skp_file_import(actor=None, name="skp.csv", data=data)
    assert [(p.code, dict(p.params)) for p in report.problems] == [
        ("rhk_in_use", {"number": 2, "nip": wfa.people["staff_b1"].nip})
    ]
    assert SkpResult.objects.filter(pk=rhk.pk).exists()


def test_xlsx_and_the_command(wfa, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    sheet.append(
        [
            wfa.people["head_b"].nip,
            YEAR,
            1,
            "utama",
            "Dokumen",
            None,
            "Jumlah",
            3,
            "dokumen",
            100,
            12,
        ]
    )
    path = tmp_path / "skp.xlsx"
    book.save(path)
    out = io.StringIO()
    call_command("import_skp", str(path), "--dry-run", stdout=out)
    assert "would change 1 results added" in out.getvalue()
    assert not SkpResult.objects.exists()
    call_command("import_skp", str(path), stdout=io.StringIO())
    assert SkpIndicator.objects.get().target_quantity == Decimal(3)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"NIP;TAHUN\n1;2026\n")
    with pytest.raises(CommandError):
        call_command("import_skp", str(bad), stderr=io.StringIO())


def test_the_import_page(client, wfa):
    client.force_login(wfa.user("bkpsdm"))
    upload = io.BytesIO(good(wfa))
    upload.name = "skp.csv"
    response = client.post(reverse("outputs:skp_import"), {"file": upload, "dry_run": "on"})
    assert response.status_code == 200
    assert response.context["report"].created == 3
    assert not SkpResult.objects.exists()
