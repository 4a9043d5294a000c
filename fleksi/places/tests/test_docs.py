"""docs/places-readiness.md describes the numbers and the layout the code uses."""

import csv
import io
import re
from datetime import date
from pathlib import Path

from fleksi.places.domain.profile_rows import (
    COLUMNS,
    NETWORK_SPELLINGS,
    RETIRED_3G,
    VAGUE_FIXED,
    parse_rows,
)
from fleksi.places.domain.readiness import (
    ELECTRICITY_POINTS,
    MIN_SAMPLES,
    NETWORK_POINTS,
    NO_BLANK_SPOT_POINTS,
    READY_MIN_SCORE,
    WINDOW_DAYS,
)

DOC = (Path(__file__).resolve().parents[3] / "docs" / "places-readiness.md").read_text()


def test_every_column_is_documented():
    documented = re.findall(r"^\| `(\w+)` \|", DOC, re.M)
    assert documented == list(COLUMNS)


LEVEL_ROWS = {
    "none": "none",
    "2G": "2g",
    "4G": "4g",
    "radio link": "radio_link",
    "VSAT/satellite": "vsat",
    "fibre": "fibre",
}


def _spellings(row_names: str) -> dict[str, str]:
    rows = re.findall(rf"^\| ({row_names}) \| (.*) \|$", DOC, re.M)
    return {
        re.sub(r"[\s\-_/]+", " ", spelling.lower()): name
        for name, cells in rows
        for spelling in re.findall(r"`([^`]+)`", cells)
    }


def test_every_accepted_spelling_is_documented_with_its_level():
    names = "|".join(re.escape(n) for n in LEVEL_ROWS)
    documented = {k: LEVEL_ROWS[v] for k, v in _spellings(names).items()}
    assert documented == dict(NETWORK_SPELLINGS)


def test_the_refused_spellings_are_documented():
    refused = _spellings("refused: 3G|refused: which link\\?")
    assert {k for k, v in refused.items() if v == "refused: 3G"} == set(RETIRED_3G)
    assert {k for k, v in refused.items() if v != "refused: 3G"} == set(VAGUE_FIXED)


def test_the_migration_s_mapping_is_documented():
    for old, new in (("3g", "2g"), ("3g", "4g"), ("broadband", "radio_link")):
        assert f"`{old}` → `{new}`" in DOC


def test_the_score_formula_is_the_codes():
    assert f"+ {ELECTRICITY_POINTS} if electricity" in DOC
    assert f"+ {NO_BLANK_SPOT_POINTS} if not a blank spot" in DOC
    points = re.search(r"^\| points \| (.*) \|$", DOC, re.M)
    assert points is not None
    header = re.search(r"^\| network \| (.*) \|$", DOC, re.M)
    assert header is not None
    assert [LEVEL_ROWS[h] for h in header[1].split(" | ")] == list(NETWORK_POINTS)
    assert [int(p) for p in points[1].split(" | ")] == list(NETWORK_POINTS.values())
    assert f"score ≥ **{READY_MIN_SCORE}**" in DOC
    assert f"at least **{MIN_SAMPLES} measurements in the last {WINDOW_DAYS} days**" in DOC


def test_the_example_is_valid():
    example = DOC.split("Example:\n\n```\n", 1)[1].split("```", 1)[0]
    table = list(csv.reader(io.StringIO(example), delimiter=";"))
    rows, problems = parse_rows(table, today=date(2026, 1, 1))
    assert problems == []
    assert [r.best_network for r in rows] == ["2g", "4g"]
