"""Imports on the database: all or nothing, per-row problems against Fleksi (unknown codes,
units that are not the importer's), and idempotent (the same file again changes nothing)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from fleksi.audit.models import AuditEntry
from fleksi.servicelevel.importing import service_file_import
from fleksi.servicelevel.models import Complaint, SatisfactionSurvey, ServiceDaily

pytestmark = pytest.mark.django_db
Y = timezone.localdate() - timedelta(days=1)


def run(world, kind, text, who="layanan", **kw):
    return service_file_import(
        kind=kind, actor=world.user(who), name="f.csv", data=text.encode(), **kw
    )


def codes(report):
    return [(p.line, p.column, p.code) for p in report.problems]


FIGURES = (
    "KODE_LAYANAN;TANGGAL;DITERIMA;SELESAI;MEDIAN_PROSES;MEDIAN_TUNGGU_MENIT\n"
    f"T-KTP;{Y};40;38;45,5;12\n"
    f"t-akta;{Y};5;5;2;\n"
)


def test_figures_import_and_again_changes_nothing(services):
    report = run(services, "figures", FIGURES)
    assert report.ok
    assert (report.created, report.updated, report.applied) == (2, 0, True)
    ktp = ServiceDaily.objects.get(service=services.services["ktp"], day=Y)
    assert (ktp.received, ktp.completed, ktp.median_processing, ktp.source) == (
        40,
        38,
        Decimal("45.50"),
        "import",
    )
    assert ktp.entered_by == services.user("layanan")
    entries = AuditEntry.objects.filter(action="servicelevel.figures.import").count()
    assert entries == 2
    again = run(services, "figures", FIGURES)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert AuditEntry.objects.filter(action="servicelevel.figures.import").count() == entries
    changed = run(services, "figures", FIGURES.replace(";40;38;", ";41;38;"))
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 1)


def test_figures_problems_are_reported_all_at_once_and_nothing_is_written(services):
    text = (
        f"KODE_LAYANAN;TANGGAL;DITERIMA;SELESAI\nT-KTP;{Y};40;38\nNOPE;{Y};1;1\nT-KTP;kemarin;1;1\n"
    )
    report = run(services, "figures", text)
    assert codes(report) == [(3, "KODE_LAYANAN", "unknown_service"), (4, "TANGGAL", "bad_date")]
    assert not ServiceDaily.objects.exists()


def test_a_service_outside_the_importers_units_is_a_row_problem(services):
    # head_seksi has no editing role; a service manager of another unit
    from fleksi.accounts.services import role_assign

    role_assign(
        actor=None,
        user=services.user("staff_b1"),
        role="service_manager",
        unit=services.units["a_loket"],
    )
    report = run(services, "figures", FIGURES, who="staff_b1")
    assert codes(report) == [(3, "KODE_LAYANAN", "service_not_yours")]
    assert not ServiceDaily.objects.exists()
    assert run(services, "figures", FIGURES, who="bkpsdm").ok


def test_check_only_writes_nothing(services):
    report = run(services, "figures", FIGURES, dry_run=True)
    assert report.ok
    assert (report.created, report.applied) == (2, False)
    assert not ServiceDaily.objects.exists()


def test_an_unreadable_file(services):
    report = service_file_import(
        kind="figures", actor=services.user("bkpsdm"), name="f.pdf", data=b"%PDF"
    )
    assert codes(report) == [(0, "", "file_type")]


COMPLAINTS = (
    "NOMOR_TIKET,TANGGAL,KATEGORI,STATUS,LAMA_PENYELESAIAN_HARI,KODE_LAYANAN,KODE_UNIT\n"
    f"LPR-001,{Y},Prosedur,Selesai,3,T-KTP,\n"
    f"LPR-002,{Y},Sarana,Diproses,,,T-a_bid\n"
)


def test_complaints_upsert_by_ticket_number(services):
    report = run(services, "complaints", COMPLAINTS)
    assert report.ok
    assert report.created == 2
    first = Complaint.objects.get(external_id="LPR-001")
    assert (first.service, first.unit, first.status, first.resolution_days) == (
        services.services["ktp"],
        services.units["a_loket"],
        "resolved",
        3,
    )
    second = Complaint.objects.get(external_id="LPR-002")
    assert (second.service, second.unit, second.status) == (
        None,
        services.units["a_bid"],
        "in_process",
    )
    again = run(services, "complaints", COMPLAINTS)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    closed = run(services, "complaints", COMPLAINTS.replace("Diproses,,", "Ditutup,9,"))
    assert (closed.updated, closed.unchanged) == (1, 1)
    assert Complaint.objects.get(external_id="LPR-002").resolution_days == 9


def test_complaint_problems(services):
    text = (
        "NOMOR_TIKET,TANGGAL,KATEGORI,STATUS,KODE_LAYANAN,KODE_UNIT\n"
        f"LPR-1,{Y},Prosedur,Selesai,T-KTP,T-a_bid\n"
        f"LPR-2,{Y},Prosedur,Selesai,,T-b\n"
        f"LPR-3,{Y},Prosedur,Selesai,,NOPE\n"
    )
    report = run(services, "complaints", text)
    assert codes(report) == [
        (2, "KODE_UNIT", "unit_mismatch"),
        (3, "KODE_UNIT", "not_yours"),
        (4, "KODE_UNIT", "unknown_unit"),
    ]
    assert not Complaint.objects.exists()


def test_a_ticket_of_another_unit_is_not_overwritten(services):
    assert run(services, "complaints", COMPLAINTS, who="bkpsdm").ok
    from fleksi.accounts.services import role_assign

    role_assign(
        actor=None,
        user=services.user("staff_b1"),
        role="service_manager",
        unit=services.units["a_loket"],
    )
    text = f"NOMOR_TIKET,TANGGAL,KATEGORI,STATUS,KODE_LAYANAN\nLPR-002,{Y},Sarana,Selesai,T-KTP\n"
    report = run(services, "complaints", text, who="staff_b1")
    assert codes(report) == [(2, "NOMOR_TIKET", "ticket_elsewhere")]


SURVEYS = (
    "KODE_LAYANAN;KODE_UNIT;PERIODE_MULAI;PERIODE_SELESAI;RESPONDEN;U1;U2;U3;U4;U5;U6;U7;U8;U9\n"
    f"T-KTP;;{Y - timedelta(days=89)};{Y};150;3,5;3,4;3,2;4;3,6;3,5;3,7;3,3;3,4\n"
    f";T-a_bid;{Y - timedelta(days=89)};{Y};90;3;3;3;3;3;3;3;3;3\n"
)


def test_surveys_compute_index_and_grade_and_upsert(services):
    report = run(services, "surveys", SURVEYS)
    assert report.ok
    assert report.created == 2
    ktp = SatisfactionSurvey.objects.get(service=services.services["ktp"])
    assert (ktp.index, ktp.grade) == (Decimal("87.78"), "B")  # 31.6 / 9 × 25
    unit = SatisfactionSurvey.objects.get(service__isnull=True)
    assert (unit.unit, unit.index, unit.grade) == (services.units["a_bid"], Decimal("75.00"), "C")
    again = run(services, "surveys", SURVEYS)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert SatisfactionSurvey.objects.count() == 2


def test_survey_grade_follows_the_configured_scale(services):
    from fleksi.servicelevel.services import config_update

    config_update(
        actor=services.user("bkpsdm"),
        wfa_start=None,
        ikm_a_min=Decimal("87.00"),
        ikm_b_min=Decimal("76.61"),
        ikm_c_min=Decimal("65.00"),
        ikm_basis="",
    )
    assert run(services, "surveys", SURVEYS).ok
    assert SatisfactionSurvey.objects.get(service=services.services["ktp"]).grade == "A"
