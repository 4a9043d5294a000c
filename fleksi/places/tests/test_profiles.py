"""Editing and importing connectivity profiles: all or nothing, audited, idempotent."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from fleksi.audit.models import AuditEntry
from fleksi.common.errors import ValidationFailed
from fleksi.places.importing import profile_file_import
from fleksi.places.models import ConnectivityProfile
from fleksi.places.services import profile_update

HEADER = "KODE_DESA;NAMA_DESA;JARINGAN_TERBAIK;LISTRIK_24_JAM;BLANK_SPOT;SUMBER;TANGGAL_SURVEI\n"
GOOD = HEADER + (
    "64.02.12.2001;Tabang Lama;2G;T;Y;Survei Diskominfo 2025;15/08/2025\n"
    "64.02.06.1001;Melayu;4G LTE;Y;N;Survei Diskominfo 2025;2025-08-01\n"
)


def entries(action):
    return AuditEntry.objects.filter(action=action).count()


@pytest.mark.django_db
def test_edit_creates_then_changes_and_records_only_the_change(world):
    desa = world.desa["tabang"]
    diskominfo = world.user("diskominfo")
    values = {
        "best_network": "vsat",
        "electricity_24h": False,
        "blank_spot": True,
        "source": " Survei 2025 ",
        "surveyed_on": date(2025, 8, 1),
    }
    p = profile_update(actor=diskominfo, desa=desa, **values)
    assert (p.best_network, p.source, p.updated_by_id, p.updated_by_label) == (
        "vsat",
        "Survei 2025",
        diskominfo.pk,
        "diskominfo",
    )
    profile_update(actor=diskominfo, desa=desa, **values)  # the same again: nothing
    assert entries("places.profile.create") == 1
    assert entries("places.profile.update") == 0
    profile_update(actor=diskominfo, desa=desa, **{**values, "best_network": "2g"})
    change = AuditEntry.objects.get(action="places.profile.update")
    assert (change.before, change.after, change.object_id) == (
        {"best_network": "vsat"},
        {"best_network": "2g"},
        str(desa.pk),
    )


@pytest.mark.django_db
def test_edit_refuses_bad_values_with_field_errors(world):
    with pytest.raises(ValidationFailed) as caught:
        profile_update(
            actor=None,
            desa=world.desa["tabang"],
            best_network="3g",  # switched off: no longer a level
            electricity_24h=True,
            blank_spot=False,
            source="  ",
            surveyed_on=timezone.localdate() + timedelta(days=1),
        )
    assert set(caught.value.params["errors"]) == {"best_network", "source", "surveyed_on"}
    assert not ConnectivityProfile.objects.exists()


@pytest.mark.django_db
def test_import_writes_all_audits_each_and_a_reimport_changes_nothing(world):
    report = profile_file_import(actor=None, name="survei.csv", data=GOOD.encode())
    assert report.problems == []
    assert (report.rows, report.created, report.updated, report.applied) == (2, 2, 0, True)
    assert entries("places.profile.import") == 2
    melayu = ConnectivityProfile.objects.get(desa=world.desa["melayu"])
    assert (melayu.best_network, melayu.electricity_24h, melayu.blank_spot) == ("4g", True, False)
    again = profile_file_import(actor=None, name="survei.csv", data=GOOD.encode())
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert entries("places.profile.import") == 2
    changed = GOOD.replace("4G LTE", "fiber")
    third = profile_file_import(actor=None, name="survei.csv", data=changed.encode())
    assert (third.created, third.updated, third.unchanged) == (0, 1, 1)
    last = AuditEntry.objects.filter(action="places.profile.import").order_by("-seq").first()
    assert (last.before, last.after) == ({"best_network": "4g"}, {"best_network": "fibre"})


@pytest.mark.django_db
def test_import_is_all_or_nothing_with_every_problem(world):
    data = GOOD + "64.02.99.9999;X;4G;Y;N;Survei;2025-08-01\n64.02.06.1001;Melayu;6G;Y;N;S;x\n"
    report = profile_file_import(actor=None, name="survei.csv", data=data.encode())
    assert [(p.line, p.column, p.code) for p in report.problems] == [
        (4, "KODE_DESA", "unknown_desa"),
        (5, "JARINGAN_TERBAIK", "bad_network"),
        (5, "TANGGAL_SURVEI", "bad_date"),
    ]
    assert not report.applied
    assert not ConnectivityProfile.objects.exists()
    assert entries("places.profile.import") == 0


@pytest.mark.django_db
def test_dry_run_counts_and_writes_nothing(world):
    report = profile_file_import(actor=None, name="s.csv", data=GOOD.encode(), dry_run=True)
    assert (report.created, report.applied) == (2, False)
    assert not ConnectivityProfile.objects.exists()


@pytest.mark.django_db
def test_an_xlsx_file_and_an_unreadable_one(world, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "KODE_DESA",
            "JARINGAN_TERBAIK",
            "LISTRIK_24_JAM",
            "BLANK_SPOT",
            "SUMBER",
            "TANGGAL_SURVEI",
        ]
    )
    sheet.append(["64.02.12.2001", "Tidak ada", "N", "Y", "Survei", date(2025, 8, 1)])
    path = tmp_path / "survei.xlsx"
    book.save(path)
    report = profile_file_import(actor=None, name="survei.xlsx", data=path.read_bytes())
    assert report.problems == []
    assert ConnectivityProfile.objects.get().best_network == "none"
    bad = profile_file_import(actor=None, name="survei.pdf", data=b"%PDF")
    assert [p.code for p in bad.problems] == ["file_type"]


@pytest.mark.django_db
def test_the_command(world, tmp_path, capsys):
    from django.core.management import CommandError, call_command
    from django.utils import translation

    path = tmp_path / "survei.csv"
    path.write_text(GOOD)
    call_command("import_connectivity", str(path), "--dry-run")
    assert not ConnectivityProfile.objects.exists()
    call_command("import_connectivity", str(path))
    assert ConnectivityProfile.objects.count() == 2
    assert "2 added" in capsys.readouterr().out
    path.write_text(GOOD.replace("2G", "7G"))
    with translation.override("en"), pytest.raises(CommandError, match="1 problem"):
        call_command("import_connectivity", str(path))
    assert "line 2, JARINGAN_TERBAIK" in capsys.readouterr().err
