"""docs/service-levels.md describes the layouts, spellings, numbers and rules the code uses."""

import csv
import io
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from fleksi.policy.domain.params import PolicyParams, spec_of
from fleksi.servicelevel.domain.ikm import DEFAULT_SCALE
from fleksi.servicelevel.domain.rows import (
    COMPLAINT_COLUMNS,
    FIGURE_COLUMNS,
    STATUS_SPELLINGS,
    SURVEY_COLUMNS,
    parse_complaint_rows,
    parse_figure_rows,
    parse_survey_rows,
)
from fleksi.servicelevel.domain.safeguard import METRICS
from fleksi.servicelevel.domain.tightening import MINIMUM_STEP, ZERO_BELOW
from fleksi.servicelevel.services import ALERT_KIND

DOC = (Path(__file__).resolve().parents[3] / "docs" / "service-levels.md").read_text()


def columns(label):
    section = DOC.split(f"{label} columns:\n", 1)[1].split("\n\n", 1)[0]
    return tuple(re.findall(r"^\| `(\w+)` \|", section, re.M))


def test_every_column_is_documented_in_order():
    assert columns("Figures") == FIGURE_COLUMNS
    assert columns("Complaints") == COMPLAINT_COLUMNS
    assert columns("Surveys") == SURVEY_COLUMNS


def test_every_status_spelling_is_documented():
    rows = re.findall(r"^\| (open|in_process|resolved|closed) \| (.*) \|$", DOC, re.M)
    documented = {
        spelling: status for status, cells in rows for spelling in re.findall(r"`([^`]+)`", cells)
    }
    assert documented == dict(STATUS_SPELLINGS)


def examples():
    return [block.split("```", 1)[0] for block in DOC.split("Example:\n\n```\n")[1:]]


def test_the_examples_are_valid():
    figures, complaints, surveys = examples()
    today = date(2026, 11, 29)
    for text, parse in (
        (figures, parse_figure_rows),
        (complaints, parse_complaint_rows),
        (surveys, parse_survey_rows),
    ):
        table = list(csv.reader(io.StringIO(text), delimiter=";"))
        rows, problems = parse(table, today=today)
        assert problems == []
        assert rows


def test_the_grade_table_is_the_default_scale():
    for grade, low, high in DEFAULT_SCALE.bands():
        assert re.search(rf"^\| {grade} \| [^|]+ \| {low:.2f} \| {high:.2f} \|", DOC, re.M), grade
    assert DEFAULT_SCALE.a_min == Decimal("88.31")
    assert "[UNVERIFIED thresholds]" in DOC


def test_the_safeguard_parameters_and_measures():
    p = PolicyParams()
    for key in (
        "safeguard_degradation_pct",
        "safeguard_recent_days",
        "safeguard_baseline_days",
        "safeguard_min_days",
    ):
        row = re.search(rf"^\| `{key}` \| (\d+) \| [^|]+ \| ([^|]+) \|$", DOC, re.M)
        assert row is not None, key
        assert int(row[1]) == getattr(p, key)
        assert row[2].strip() == spec_of(key).article
    measures = DOC.split("| measure | value over a window | worse when |", 1)[1].split("\n\n")[0]
    assert len(re.findall(r"^\| [^|-]", measures, re.M)) == len(METRICS)


def test_the_tightening_rule_and_the_job():
    assert f"0 % below {int(ZERO_BELOW * 100)} %" in DOC
    assert f"minimum on site + {MINIMUM_STEP}" in DOC
    assert "`servicelevel.safeguard`" in DOC
    assert f"`{ALERT_KIND}`" in DOC
