"""The hostile spreadsheets of issue 12 §3 through the duty import's page and command.

A duty file becomes the complete list of a position's duties, so a row that was not read
would delete a duty: each file here is either read whole or refused whole, with a sentence
in Indonesian, and the duties already saved stay as they were.
"""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from fleksi.common.importing.reader import Limits
from fleksi.jobmap.models import Duty
from fleksi.testkit.spreadsheets import inline_sheet, mixed_csv, post_file, refused_by_command

pytestmark = pytest.mark.django_db

HEADER = ["KODE_JABATAN", "NO_URUT", "URAIAN_TUGAS", "HASIL_KERJA", "PERSEN_WAKTU"]
BEFORE = (
    ",".join(HEADER)
    + "\n"
    + (
        "P-loket,1,Melayani permohonan KTP-el,Permohonan terlayani,60\n"
        "P-loket,2,Menginput data ke SIAK,Data terinput,40\n"
    )
)


def duty_sheet(shares: list[str], **sheet) -> bytes:
    lines = [HEADER]
    for order, share in enumerate(shares, start=1):
        lines.append(["P-loket", str(order), f"Tugas pelayanan {order}", "Hasil", share])
    return inline_sheet(lines, **sheet)


def upload(client, data: bytes, name: str, **fields):
    return post_file(client, reverse("jobmap:import"), data, name, **fields)


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
    world, saved, tmp_path
):
    lines = [
        HEADER,
        ["P-loket", "1", "Melayani permohonan KTP-el", "Permohonan terlayani", "50"],
        ["P-loket", "2", "Menginput data ke SIAK — ganda", "Data terinput", "25"],
    ]
    data = mixed_csv(lines, stray=["P-loket", "3", "Arsip caf\xe9", "Arsip", "25"])
    err = refused_by_command("import_duties", tmp_path / "campur.csv", data)
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
