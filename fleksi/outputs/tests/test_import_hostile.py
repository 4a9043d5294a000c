"""The hostile spreadsheets of issue 12 §3 through the SKP import's page and command.

An SKP file becomes the complete list of results of each SKP in it, so a row that was not
read would remove a result: each file here is either read whole or refused whole, with a
sentence in Indonesian, and the SKPs already saved stay as they were.
"""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from fleksi.common.importing.reader import Limits
from fleksi.outputs.domain.skp_rows import COLUMNS
from fleksi.outputs.importing import skp_file_import
from fleksi.outputs.models import SkpIndicator, SkpResult
from fleksi.outputs.tests.test_import import YEAR, good
from fleksi.testkit.spreadsheets import inline_sheet, mixed_csv, post_file, refused_by_command

pytestmark = pytest.mark.django_db


def line(nip: str, number: int, indicator: str) -> list[str]:
    text = f"Rencana hasil kerja {number}"
    return [nip, str(YEAR), str(number), "utama", text, "", indicator, "1", "dokumen", "", ""]


def upload(client, data: bytes, name: str, **fields):
    return post_file(client, reverse("outputs:skp_import"), data, name, **fields)


def results_of(wfa, who="staff_b1"):
    return sorted(
        (r.number, r.text, r.indicators.count())
        for r in SkpResult.objects.filter(skp__employee=wfa.people[who])
    )


@pytest.fixture
def saved(wfa):
    """staff_b1's SKP has RHK 1 (two indicators, under head_b's RHK 1) and RHK 2."""
    assert skp_file_import(actor=None, name="skp.csv", data=good(wfa)).applied
    return results_of(wfa)


def test_a_dimension_that_says_a1_k100_does_not_hide_the_rows_below_it(client, wfa):
    nip = wfa.people["head_b"].nip
    lines = [line(nip, 1 + n // 60, f"Indikator {n}") for n in range(120)]
    data = inline_sheet([list(COLUMNS), *lines], dimension="A1:K100")
    client.force_login(wfa.user("bkpsdm"))
    response = upload(client, data, "skp.xlsx")
    assert response.context["report"].applied
    assert results_of(wfa, "head_b") == [
        (1, "Rencana hasil kerja 1", 60),
        (2, "Rencana hasil kerja 2", 60),
    ]


def test_a_small_file_claiming_the_whole_sheet_reads_only_its_rows(wfa, tmp_path, capsys):
    nip = wfa.people["head_b"].nip
    data = inline_sheet(
        [list(COLUMNS), line(nip, 1, "Jumlah dokumen"), line(nip, 2, "Jumlah notulen")],
        dimension="A1:XFD1048576",
    )
    assert len(data) < 8_000
    path = tmp_path / "klaim.xlsx"
    path.write_bytes(data)
    call_command("import_skp", str(path))
    assert "2 results added" in capsys.readouterr().out
    assert SkpIndicator.objects.count() == 2


def test_a_cell_in_column_xfd_is_refused_and_nothing_changes(client, wfa, saved):
    nip = wfa.people["staff_b1"].nip
    data = inline_sheet([list(COLUMNS), line(nip, 1, "Jumlah kajian")], extra_column="XFD")
    client.force_login(wfa.user("bkpsdm"))
    page = upload(client, data, "lebar.xlsx").content.decode()
    assert "XFD2" in page
    assert "Tidak ada yang diimpor" in page
    assert results_of(wfa) == saved


def test_a_csv_with_one_windows_1252_line_names_that_line_and_writes_nothing(wfa, saved, tmp_path):
    nip = wfa.people["staff_b1"].nip
    lines = [list(COLUMNS), line(nip, 1, "Jumlah kajian — naskah")]
    data = mixed_csv(lines, stray=line(nip, 2, "Notulen caf\xe9"), delimiter=";")
    err = refused_by_command("import_skp", tmp_path / "campur.csv", data)
    assert "campur.csv: line 3:" in err
    assert "UTF-8" in err
    assert "line 2" not in err  # read as UTF-8, with its dash
    assert results_of(wfa) == saved


def test_a_file_over_the_row_limit_is_refused_whole(client, wfa, saved, monkeypatch, tmp_path):
    """Cut at two lines, the file would have removed RHK 2 of staff_b1."""
    monkeypatch.setattr("fleksi.outputs.importing.LIMITS", Limits(max_rows=2))
    nip = wfa.people["staff_b1"].nip
    lines = [line(nip, 1, "Jumlah kajian"), line(nip, 1, "Rekomendasi"), line(nip, 2, "Notulen")]
    body = "\n".join(";".join(cells) for cells in [list(COLUMNS), *lines]).encode()
    client.force_login(wfa.user("bkpsdm"))
    page = upload(client, body, "skp.csv").content.decode()
    assert "lebih dari 2 baris" in page
    assert "Tidak ada yang diimpor" in page
    path = tmp_path / "kosong.csv"
    path.write_bytes(body[: body.index(b"\n", len(COLUMNS) * 5)] + b"\n\n\n\n")
    with pytest.raises(CommandError):
        call_command("import_skp", str(path))  # empty lines count towards the limit
    assert results_of(wfa) == saved
