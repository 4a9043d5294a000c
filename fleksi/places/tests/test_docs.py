"""docs/places-readiness.md describes the numbers and the layout the code uses."""

import csv
import io
import re
from datetime import date
from pathlib import Path

from fleksi.places.domain.profile_rows import COLUMNS, NETWORK_SPELLINGS, parse_rows
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


def test_every_accepted_spelling_is_documented_with_its_level():
    rows = re.findall(r"^\| (none|2G|3G|4G|broadband) \| (.*) \|$", DOC, re.M)
    documented = {
        re.sub(r"[\s\-_/]+", " ", spelling.lower()): level.lower()
        for level, cells in rows
        for spelling in re.findall(r"`([^`]+)`", cells)
    }
    assert documented == dict(NETWORK_SPELLINGS)


def test_the_score_formula_is_the_codes():
    assert f"+ {ELECTRICITY_POINTS} if electricity" in DOC
    assert f"+ {NO_BLANK_SPOT_POINTS} if not a blank spot" in DOC
    points = re.search(r"^\| points \| (.*) \|$", DOC, re.M)
    assert points is not None
    assert [int(p) for p in points[1].split(" | ")] == list(NETWORK_POINTS.values())
    assert f"score ≥ **{READY_MIN_SCORE}**" in DOC
    assert f"at least **{MIN_SAMPLES} measurements in the last {WINDOW_DAYS} days**" in DOC


def test_the_example_is_valid():
    example = DOC.split("Example:\n\n```\n", 1)[1].split("```", 1)[0]
    table = list(csv.reader(io.StringIO(example), delimiter=";"))
    rows, problems = parse_rows(table, today=date(2026, 1, 1))
    assert problems == []
    assert [r.best_network for r in rows] == ["2g", "4g"]
