"""docs/import-people.md describes the column layout the code reads, and its example is valid."""

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest

from fleksi.org.domain.people_import import REQUIRED_COLUMNS, Col, Known, validate
from fleksi.org.domain.people_import.columns import (
    ASN_TYPES,
    DISCIPLINE,
    LEVELS,
    POSITION_KINDS,
    RATINGS,
    SEXES,
    UNIT_KINDS,
    YES_NO,
)

DOC = (Path(__file__).resolve().parents[3] / "docs" / "import-people.md").read_text()
TABLE = {
    m[1]: (m[2], m[3]) for m in re.finditer(r"^\| `(\w+)` \| (\w+)[^|]*\| ([^|]*)\|", DOC, re.M)
}


def row_text(column):
    line = next(line for line in DOC.splitlines() if line.startswith(f"| `{column}` |"))
    return words(line)


def words(text):
    return f" {re.sub(r'[^A-Z0-9]+', ' ', text.upper())} "


def test_every_column_is_documented_with_whether_it_is_required():
    assert set(TABLE) == {c.value for c in Col}
    for column, (presence, _value) in TABLE.items():
        assert (presence == "required") == (Col(column) in REQUIRED_COLUMNS), column


@pytest.mark.parametrize(
    ("column", "choices"),
    [
        ("JENIS_ASN", ASN_TYPES),
        ("JENIS_KELAMIN", SEXES),
        ("JENIS_UNIT", UNIT_KINDS),
        ("JENIS_JABATAN", POSITION_KINDS),
        ("JENJANG", LEVELS),
        ("STATUS_DISIPLIN", DISCIPLINE),
        ("PREDIKAT_KINERJA", RATINGS),
    ],
)
def test_every_accepted_spelling_is_documented(column, choices):
    text = row_text(column)
    assert [k for k in choices.values if f" {k} " not in text] == []


def test_yes_no_spellings_are_documented():
    line = next(line for line in DOC.splitlines() if "**Yes/no** columns accept" in line)
    text = words(line)
    assert [k for k in YES_NO.values if f" {k} " not in text] == []


def test_the_example_is_a_valid_file():
    example = DOC.split("```csv\n", 1)[1].split("```", 1)[0]
    rows = list(csv.reader(io.StringIO(example), delimiter=";"))
    known = Known(
        kecamatan_codes=frozenset({"64.02.06"}),
        desa_codes=frozenset({"64.02.06.1001", "64.02.12.2001"}),
    )
    result = validate(rows, known=known, today=date(2026, 6, 1))
    assert result.problems == []
    assert len(result.records) == 4
