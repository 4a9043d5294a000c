"""The hostile spreadsheets of issue 12 §3 through the duty import's page and command.

A duty file becomes the complete list of a position's duties, so a row that was not read
would delete a duty: each file here is either read whole or refused whole, with a sentence
in Indonesian, and the duties already saved stay as they were.
"""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from fleksi.common.importing.reader import Limits
from fleksi.jobmap.models import Duty
from fleksi.testkit.spreadsheets import inline_row, sheet_xml, with_sheet, workbook

pytestmark = pytest.mark.django_db

COLUMNS = ("KODE_JABATAN", "NO_URUT", "URAIAN_TUGAS", "HASIL_KERJA", "PERSEN_WAKTU")
LETTERS = "ABCDE"
BEFORE = "KODE_JABATAN,NO_URUT,URAIAN_TUGAS,HASIL_KERJA,PERSEN_WAKTU\n" + (
    "P-loket,1,Melayani permohonan KTP-el,Permohonan terlayani,60\n"
    "P-loket,2,Menginput data ke SIAK,Data terinput,40\n"
)


def duty_row(line: int, order: int, share: str, *, extra=()) -> bytes:
    values = ("P-loket", str(order), f"Tugas pelayanan {order}", "Hasil", share)
    cells = [(f"{c}{line}", v) for c, v in zip(LETTERS, values, strict=True)]
    return inline_row(line, [*cells, *extra])


def duty_sheet(shares: list[str], *, dimension: str = "A1", extra_column: str = "") -> bytes:
    def rows():
        yield inline_row(1, [(f"{c}1", name) for c, name in zip(LETTERS, COLUMNS, strict=True)])
        for order, share in enumerate(shares, start=1):
            line = order + 1
            extra = [(f"{extra_column}{line}", "x")] if extra_column else []
            yield duty_row(line, order, share, extra=extra)

    return with_sheet(workbook([["x"]]), sheet_xml(rows(), dimension=dimension))


def upload(client, data: bytes, name: str, **fields):
    file = io.BytesIO(data)
    file.name = name
    return client.post(reverse("jobmap:import"), {"file": file, **fields})


def loket_duties(world):
    position = world.positions["loket"]
    return list(Duty.objects.filter(position=position).values_list("order", "time_share"))


@pytest.fixture
def saved(world, tmp_path):
    """Petugas Loket already has two duties (60 % and 40 %)."""
    path = tmp_path / "awal.csv"
    path.write_text(BEFORE, encoding="utf-8")
    call_command("import_duties", str(path))
    before = loket_duties(world)
    assert len(before) == 2
    return before


def test_a_dimension_that_says_a1_e100_does_not_hide_the_duties_below_it(client, world):
    """openpyxl's reader stopped at the declared last row: 99 of 125 duties, the rest deleted."""
    data = duty_sheet(["0.8"] * 125, dimension="A1:E100")
    client.force_login(world.user("bkpsdm"))
    response = upload(client, data, "anjab.xlsx")
    assert response.status_code == 200
    assert response.context["report"].applied
    assert len(loket_duties(world)) == 125


def test_a_small_file_claiming_the_whole_sheet_reads_only_its_rows(world, tmp_path, capsys):
    data = duty_sheet(["50", "50"], dimension="A1:XFD1048576")
    assert len(data) < 8_000
    path = tmp_path / "klaim.xlsx"
    path.write_bytes(data)
    call_command("import_duties", str(path))
    assert "2 added" in capsys.readouterr().out
    assert [order for order, _ in loket_duties(world)] == [1, 2]


def test_a_cell_in_column_xfd_is_refused_and_nothing_changes(client, world, saved):
    data = duty_sheet(["25"] * 4, extra_column="XFD")
    client.force_login(world.user("bkpsdm"))
    response = upload(client, data, "lebar.xlsx")
    page = response.content.decode()
    assert not response.context["report"].applied
    assert "XFD2" in page
    assert "Tidak ada yang diimpor" in page
    assert loket_duties(world) == saved


def test_a_csv_with_one_windows_1252_line_names_that_line_and_writes_nothing(
    world, saved, tmp_path, capsys
):
    lines = [
        "KODE_JABATAN,NO_URUT,URAIAN_TUGAS,HASIL_KERJA,PERSEN_WAKTU",
        "P-loket,1,Melayani permohonan KTP-el,Permohonan terlayani,50",
        "P-loket,2,Menginput data ke SIAK — ganda,Data terinput,25",
    ]
    data = "\n".join(lines).encode() + "\nP-loket,3,Arsip caf\xe9,Arsip,25\n".encode("cp1252")
    path = tmp_path / "campur.csv"
    path.write_bytes(data)
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_duties", str(path))
    err = capsys.readouterr().err
    assert "campur.csv: line 4:" in err
    assert "UTF-8" in err
    assert "line 3" not in err  # read as UTF-8, with its dash
    assert loket_duties(world) == saved


@pytest.fixture
def three_rows(monkeypatch):
    monkeypatch.setattr("fleksi.jobmap.importing.LIMITS", Limits(max_rows=3))


def test_a_file_over_the_row_limit_is_refused_whole_on_the_page(client, world, saved, three_rows):
    """Cut at the limit, the file would have made duty 4 disappear and the rest not add up."""
    body = (
        BEFORE.splitlines()[0]
        + "\n"
        + "".join(f"P-loket,{n},Tugas {n},Hasil,25\n" for n in range(1, 5))
    )
    client.force_login(world.user("bkpsdm"))
    response = upload(client, body.encode(), "tugas.csv")
    page = response.content.decode()
    assert not response.context["report"].applied
    assert "lebih dari 3 baris" in page
    assert "Tidak ada yang diimpor" in page
    assert loket_duties(world) == saved


def test_empty_rows_count_towards_the_row_limit_in_the_command(world, saved, tmp_path, three_rows):
    body = BEFORE + "\n\n\n"
    path = tmp_path / "kosong.csv"
    path.write_text(body + "P-loket,3,Tugas 3,Hasil,0\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_duties", str(path))
    assert loket_duties(world) == saved
