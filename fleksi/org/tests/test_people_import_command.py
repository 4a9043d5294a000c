"""Stored imports (upload then apply) and the ``import_people`` command."""

import io
from datetime import date, datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from fleksi.accounts.models import User
from fleksi.common.errors import Conflict
from fleksi.org.domain.people_import.cells import date_value
from fleksi.org.importing.batches import import_batch_apply, import_batch_run
from fleksi.org.models import Employee, ImportBatch
from fleksi.testkit.people_files import (
    HEADER,
    csv_bytes,
    private_storage_in,
    small_agency,
    table,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db

AGENCY = small_agency()
NIPS = [r["NIP"] for r in AGENCY]
BAD = [*AGENCY[:3], AGENCY[3] | {"EMAIL": "salah"}, AGENCY[4]]  # line 5 is wrong


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):
    private_storage_in(settings, tmp_path / "private")


def upload(data, name="export.csv", **kwargs):
    return import_batch_run(actor=None, file=io.BytesIO(data), file_name=name, **kwargs)


def test_step_one_keeps_the_file_and_validates_it(world):
    data = csv_bytes(table(AGENCY), delimiter=";", bom=True)
    batch, result = upload(data)
    assert result is not None
    assert not result.written
    batch.refresh_from_db()
    assert (batch.status, batch.rows_total, batch.error_count, batch.file_name) == (
        "validated",
        5,
        0,
        "export.csv",
    )
    assert batch.summary["employees_created"] == 5
    with batch.file.open("rb") as stored:
        assert stored.read() == data
    assert not Employee.objects.filter(nip__in=NIPS).exists()


def test_step_two_applies_the_stored_file_once(world):
    batch, _ = upload(xlsx_bytes(table(AGENCY)), "export.xlsx")
    result = import_batch_apply(actor=world.user("bkpsdm"), batch=batch, accept_partial=False)
    assert result.written
    batch.refresh_from_db()
    assert (batch.status, batch.applied_by_label, batch.applied_partial) == (
        "applied",
        "bkpsdm",
        False,
    )
    assert batch.result["employees_created"] == 5
    assert batch.applied_at is not None
    assert Employee.objects.filter(nip__in=NIPS).count() == 5
    with pytest.raises(Conflict):
        import_batch_apply(actor=None, batch=batch, accept_partial=False)


def test_a_batch_with_problems_is_applied_only_with_accept_partial(world):
    batch, _result = upload(csv_bytes(table(BAD)))
    assert (batch.status, batch.rows_rejected, batch.errors) == (
        "validated",
        1,
        [[5, "EMAIL", "invalid_email", {"value": "salah"}]],
    )
    again = import_batch_apply(actor=None, batch=batch, accept_partial=False)
    assert not again.written
    assert ImportBatch.objects.get(pk=batch.pk).status == "validated"
    partial = import_batch_apply(actor=None, batch=batch, accept_partial=True)
    assert (partial.written, partial.employees_created) == (True, 4)
    assert ImportBatch.objects.get(pk=batch.pk).applied_partial


def test_xlsx_with_date_cells(world):
    rows = table(AGENCY)
    for line in rows[1:]:
        for column in ("TANGGAL_LAHIR", "TMT_PENGANGKATAN"):
            at = HEADER.index(column)
            day = date_value(line[at])
            line[at] = datetime(day.year, day.month, day.day)
    _batch, result = upload(xlsx_bytes(rows), "export.xlsx", dry_run=False)
    assert result is not None
    assert result.problems == []
    assert Employee.objects.get(nip=NIPS[0]).birth_date == date(1970, 1, 5)


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"\x00\x01", "export.csv", "file_unreadable"),
        (b"x", "export.ods", "file_type"),
    ],
)
def test_unreadable_files_fail_the_batch(world, data, name, code):
    batch, result = upload(data, name)
    assert result is None
    assert (batch.status, batch.errors[0][2]) == ("failed", code)


def test_a_file_without_the_required_columns_fails(world):
    batch, result = upload(b"NIP,NAMA\n1,x\n")
    assert result is not None
    assert batch.status == "failed"
    assert {e[1] for e in batch.errors} >= {"JENIS_ASN", "KODE_UNIT", "TMT_PENGANGKATAN"}


# --- The command ----------------------------------------------------------------------------


def command(tmp_path, data, *args, name="export.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_people", str(path), *args, stdout=out)
    return out.getvalue()


def test_command_imports_a_valid_file_and_provisions_accounts(world, tmp_path):
    output = command(tmp_path, csv_bytes(table(AGENCY), delimiter=";", bom=True))
    assert "Employees created: 5" in output
    assert "Sign-in accounts created: 5" in output
    assert User.objects.filter(username__in=NIPS).count() == 5
    again = command(tmp_path, csv_bytes(table(AGENCY)))
    assert "Employees unchanged: 5" in again
    assert "Sign-in accounts created: 0" in again


def test_command_dry_run_writes_nothing(world, tmp_path):
    output = command(tmp_path, csv_bytes(table(AGENCY)), "--dry-run")
    assert "Dry run: the file is valid; nothing was written." in output
    assert "Employees created: 5" in output
    assert not Employee.objects.filter(nip__in=NIPS).exists()


@pytest.mark.parametrize("args", [(), ("--dry-run",)])
def test_command_reports_every_problem_and_exits_non_zero(world, tmp_path, capsys, args):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(table(BAD)))
    out = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError) as info:
        call_command("import_people", str(path), *args, stdout=out)
    assert info.value.returncode == 1
    assert "problems on 1 rows: nothing was written" in str(info.value)
    assert "line 5, EMAIL: “salah” is not an e-mail address." in out.getvalue()
    assert not Employee.objects.filter(nip__in=NIPS).exists()


def test_command_accept_partial(world, tmp_path):
    output = command(tmp_path, csv_bytes(table(BAD)), "--accept-partial")
    assert "line 5, EMAIL" in output
    assert "Employees created: 4" in output
    assert Employee.objects.filter(nip__in=NIPS).count() == 4


def test_command_unreadable_or_missing_file(world, tmp_path):
    with translation.override("en"), pytest.raises(CommandError, match="cannot be read as XLSX"):
        command(tmp_path, b"garbage", name="export.xlsx")
    with pytest.raises(CommandError):
        call_command("import_people", str(tmp_path / "nothing.csv"))


def test_a_database_failure_while_writing_fails_the_batch(world, monkeypatch):
    from django.db import DatabaseError

    from fleksi.common.errors import ValidationFailed
    from fleksi.org.importing import batches

    batch, _ = upload(csv_bytes(table(AGENCY)))

    def broken(**kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(batches, "people_import", broken)
    with pytest.raises(ValidationFailed) as info:
        import_batch_apply(actor=None, batch=batch, accept_partial=False)
    assert info.value.code == "apply_failed"
    batch.refresh_from_db()
    assert (batch.status, batch.errors) == ("failed", [[0, "", "apply_failed", {}]])
    with pytest.raises(ValidationFailed):
        upload(csv_bytes(table(AGENCY)), dry_run=False)
    assert ImportBatch.objects.order_by("-id").first().status == "failed"


def test_a_sheet_whose_dimension_says_a1_p100_imports_all_300_people(world):
    """Issue 12: openpyxl stopped at the declared last row and 99 of 300 were "applied"."""
    import re
    import zipfile

    from fleksi.testkit.people_files import nip, person
    from fleksi.testkit.spreadsheets import SHEET, with_sheet

    staff = [person(NIP=nip(date(1985, 3, 12), "1", n), NAMA=f"Pegawai {n}") for n in range(2, 297)]
    data = xlsx_bytes(table([*AGENCY, *staff]))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(SHEET)
    lied = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:P100"', xml)
    assert lied != xml
    before = Employee.objects.count()
    batch, result = upload(with_sheet(data, lied), "export.xlsx", dry_run=False)
    assert result is not None
    assert result.written
    assert (batch.rows_total, result.employees_created) == (300, 300)
    assert Employee.objects.count() == before + 300
