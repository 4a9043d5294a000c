"""docs/outputs.md describes the layouts, the quadrant and the thresholds the code uses."""

import csv
import io
import re
from pathlib import Path

from fleksi.outputs.domain import rating as r
from fleksi.outputs.domain.evidence import MAX_BYTES, TYPES
from fleksi.outputs.domain.skp_rows import COLUMNS, RawRow, check_rows
from fleksi.outputs.selectors.export import COLUMNS as EXPORT_COLUMNS
from fleksi.outputs.selectors.export import STATUS_CODES
from fleksi.outputs.services.notices import KINDS
from fleksi.policy.domain.params import PolicyParams

DOC = (Path(__file__).resolve().parents[3] / "docs" / "outputs.md").read_text()


def section(title):
    return DOC.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_every_import_column_is_documented_in_order():
    assert re.findall(r"^\| `(\w+)` \|", section("7. Importing SKPs"), re.M) == list(COLUMNS)


def test_the_import_example_is_valid():
    example = section("7. Importing SKPs").split("```\n", 1)[1].split("```", 1)[0]
    table = list(csv.reader(io.StringIO(example), delimiter=";"))
    rows = [
        RawRow(n, dict(zip(table[0], values, strict=True)))
        for n, values in enumerate(table[1:], start=2)
    ]
    skps, problems = check_rows(rows)
    assert problems == []
    assert [(s.year, sorted(s.results)) for s in skps] == [(2026, [1]), (2026, [1, 2])]


def test_every_export_column_and_status_is_documented():
    text = section("8. Export for e-Kinerja")
    assert re.findall(r"^\| `(\w+)` \|", text, re.M) == list(EXPORT_COLUMNS)
    for code in STATUS_CODES.values():
        assert f"`{code}`" in text


LEVELS = {"above expectation": r.ABOVE, "as expected": r.AS_EXPECTED, "below expectation": r.BELOW}
PREDIKATS = {
    "Sangat Baik": r.SANGAT_BAIK,
    "Baik": r.BAIK,
    "Butuh Perbaikan": r.BUTUH_PERBAIKAN,
    "Kurang/Misconduct": r.KURANG,
    "Sangat Kurang": r.SANGAT_KURANG,
}


def test_the_quadrant_table_is_the_code():
    rows = re.findall(
        r"^\| (above expectation|as expected|below expectation) \| (.*) \|$",
        section("4. The monthly rating"),
        re.M,
    )
    cells = {
        (LEVELS[row], col): PREDIKATS[value]
        for row, values in rows
        if values.count("|") == 2
        for col, value in zip(r.LEVELS, values.split(" | "), strict=True)
    }
    assert cells == r.QUADRANT


def test_the_suggestion_thresholds_are_the_policy_defaults_and_documented():
    text = section("4. The monthly rating")
    defaults = PolicyParams()
    pairs = {
        "rating_above_min_achievement_pct": r.Limits().above_achievement,
        "rating_above_min_quality": r.Limits().above_quality,
        "rating_above_min_on_time_pct": r.Limits().above_on_time,
        "rating_as_min_achievement_pct": r.Limits().as_achievement,
        "rating_as_min_quality": r.Limits().as_quality,
    }
    for key, value in pairs.items():
        assert getattr(defaults, key) == value
        assert re.search(rf"≥ {value:g}( %)? \(`{key}`", text), key


def test_evidence_limits_and_notification_kinds_are_documented():
    daily = section("2. Daily work")
    assert f"**at most {MAX_BYTES // 2**20} MB**" in daily
    assert {ext.lstrip(".").upper() for ext in TYPES} - {"JPEG"} == set(
        re.findall(r"\b(PDF|JPG|PNG|DOCX|XLSX)\b", daily.split("\n- File:", 1)[1][:40])
    )
    kinds = dict(
        re.findall(r"^\| `([\w.]+)` \| [^|]+ \| (yes|no)", section("10. Notifications"), re.M)
    )
    assert kinds == {k: ("yes" if email else "no") for k, (_label, email) in KINDS.items()}
