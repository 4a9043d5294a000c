"""The pure rules of the duty mapping: criteria, suitability, classification, file rows."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fleksi.common.domain.importing import text_rows
from fleksi.jobmap.domain.classify import (
    CAPABLE,
    ONSITE,
    PARTLY,
    RANK,
    UNASSESSED,
    classify_position,
    suitable_share,
)
from fleksi.jobmap.domain.criteria import (
    PASAL_23_CODES,
    AnswerProblem,
    assessment_gaps,
    criteria_with,
    duty_suitable,
)
from fleksi.jobmap.domain.facts import ExceptionFacts
from fleksi.jobmap.domain.rows import COLUMNS, RawRow, check_rows, parse_percent

ALL_YES = dict.fromkeys(PASAL_23_CODES, True)


def test_the_five_criteria_of_pasal_23_in_order():
    assert PASAL_23_CODES == (
        "outside_office",
        "no_special_room",
        "ict",
        "little_contact",
        "no_continuous_supervision",
    )


def test_extra_criteria_follow_the_national_ones_and_cannot_replace_them():
    criteria = criteria_with(
        [
            ("data_open", "Data tidak rahasia", "Data not classified"),
            ("ict", "Duplikat", "Duplicate"),
        ]
    )
    assert [c.code for c in criteria] == [*PASAL_23_CODES, "data_open"]
    assert criteria[-1].extra
    assert criteria[-1].label_en == "Data not classified"
    assert criteria[-1].article.endswith("Pasal 23 huruf f")


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (ALL_YES, True),
        ({**ALL_YES, "ict": False}, False),
        ({**ALL_YES, "little_contact": None}, False),
        ({k: v for k, v in ALL_YES.items() if k != "outside_office"}, False),
        ({}, False),
    ],
)
def test_a_duty_suits_wfa_only_when_every_criterion_is_yes(answers, expected):
    assert duty_suitable(answers, PASAL_23_CODES) is expected


def test_an_extra_criterion_must_be_yes_too():
    criteria = criteria_with([("x", "X", "X")])
    assert duty_suitable(ALL_YES, criteria) is False
    assert duty_suitable({**ALL_YES, "x": True}, criteria) is True


def test_no_criteria_means_not_suitable():
    assert duty_suitable({"ict": True}, []) is False


def test_gaps_name_each_missing_answer_and_reason_in_order():
    answers = {
        (1, "outside_office"): (True, "laptop"),
        (1, "ict"): (False, "  "),
        (2, "outside_office"): (None, "not sure"),
    }
    gaps = assessment_gaps([1, 2], ["outside_office", "ict"], answers)
    assert gaps == [
        AnswerProblem(1, "ict", "missing_reason"),
        AnswerProblem(2, "outside_office", "missing_answer"),
        AnswerProblem(2, "ict", "missing_answer"),
    ]
    complete = {(d, c): (True, "ok") for d in (1, 2) for c in ("outside_office", "ict")}
    assert assessment_gaps([1, 2], ["outside_office", "ict"], complete) == []


# --- Classification at the boundaries (thresholds 0.75 and 0.25, the policy defaults) -------


def duties(*pairs):
    return [(Decimal(str(share)), suitable) for share, suitable in pairs]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ([], UNASSESSED),
        (duties((100, True)), CAPABLE),
        (duties((75, True), (25, False)), CAPABLE),  # exactly the capable threshold
        (duties((74.99, True), (25.01, False)), PARTLY),  # just below it
        (duties((25, True), (75, False)), PARTLY),  # exactly the partly threshold
        (duties((24.99, True), (75.01, False)), ONSITE),  # just below it
        (duties((100, False)), ONSITE),
        (duties((50, True), (50, None)), UNASSESSED),  # a duty not assessed
        (duties((30, True), (30, True), (40, False)), PARTLY),
        (duties((40, True), (40, True), (20, False)), CAPABLE),
    ],
)
def test_classification_table(given, expected):
    assert classify_position(given, 0.75, 0.25) == expected


def test_share_is_relative_to_the_total_even_when_it_is_not_100():
    # 60 of 80 = 0.75: shares are weights; the 100 % rule is the service's business.
    assert suitable_share(duties((60, True), (20, False))) == Fraction(3, 4)
    assert classify_position(duties((60, True), (20, False)), 0.75, 0.25) == CAPABLE


@pytest.mark.parametrize(
    ("capable", "partly", "given", "expected"),
    [
        (0, 0, duties((100, False)), ONSITE),  # nothing suitable is never capable
        (0, 0, duties((1, True), (99, False)), CAPABLE),
        (1, 0.5, duties((99.99, True), (0.01, False)), PARTLY),
        (1, 1, duties((100, True)), CAPABLE),
        (0.5, 0.5, duties((50, True), (50, False)), CAPABLE),
    ],
)
def test_classification_with_other_thresholds(capable, partly, given, expected):
    assert classify_position(given, capable, partly) == expected


share_st = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100), places=2)
duty_list = st.lists(st.tuples(share_st, st.booleans()), min_size=1, max_size=12)
threshold = st.decimals(min_value=0, max_value=1, places=4)


@given(duty_list, threshold, threshold, threshold)
def test_raising_a_threshold_never_moves_a_position_to_a_better_class(duties_, a, b, raise_by):
    partly, capable = sorted((a, b))
    before = classify_position(duties_, capable, partly)
    higher_capable = classify_position(duties_, min(capable + raise_by, Decimal(1)), partly)
    higher_partly = classify_position(duties_, capable, min(partly + raise_by, capable))
    assert RANK[higher_capable] <= RANK[before]
    assert RANK[higher_partly] <= RANK[before]


@given(duty_list, threshold, threshold)
def test_more_suitable_time_never_makes_a_position_worse(duties_, a, b):
    partly, capable = sorted((a, b))
    before = classify_position(duties_, capable, partly)
    improved = [(share, True) if i == 0 else (share, s) for i, (share, s) in enumerate(duties_)]
    assert RANK[classify_position(improved, capable, partly)] >= RANK[before]


def test_exception_facts_are_frozen():
    facts = ExceptionFacts("capable", False, date(2026, 12, 31), "sakit", "special_circumstances")
    with pytest.raises(AttributeError):
        facts.until = date(2027, 1, 1)  # type: ignore[misc]


# --- Rows of an imported file ------------------------------------------------------------


def raw(line, code="P-1", order="1", desc="Menyusun laporan", output="Laporan", share="100"):
    return RawRow(
        line,
        {
            "KODE_JABATAN": code,
            "NO_URUT": order,
            "URAIAN_TUGAS": desc,
            "HASIL_KERJA": output,
            "PERSEN_WAKTU": share,
        },
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [("12.5", "12.50"), ("12,5", "12.50"), ("12,5 %", "12.50"), ("100", "100.00"), (" 7 ", "7.00")],
)
def test_percent_accepts_both_decimal_marks(text, value):
    assert parse_percent(text) == Decimal(value)


@pytest.mark.parametrize("text", ["abc", "1.234,5", "12.345", "", "NaN", "1e2x"])
def test_percent_refuses_what_is_not_one(text):
    with pytest.raises(ValueError):  # noqa: PT011
        parse_percent(text)


def test_header_must_name_every_column():
    header = ["kode jabatan", "NO_URUT", "Uraian-Tugas", "PERSEN_WAKTU"]
    rows, problems = text_rows([header, ["P-1", "1", "x", "100"]], COLUMNS)
    assert rows == []
    assert [(p.column, p.code) for p in problems] == [("HASIL_KERJA", "column_missing")]


def test_rows_report_each_problem_with_line_and_column():
    rows, problems = check_rows(
        [
            raw(2, share="60"),
            raw(3, order="2", share="40"),  # P-1 fine
            raw(4, code="P-2", order="x", share="50"),
            raw(5, code="P-2", order="2", desc="", share="150"),
            raw(6, code="P-3", order="1", share="30"),
            raw(7, code="P-3", order="1", share="30"),
            raw(8, code="P-4", share="90"),
            RawRow(9, {"KODE_JABATAN": "", "NO_URUT": " "}),  # blank line: skipped
        ]
    )
    found = [(p.line, p.column, p.code) for p in problems]
    assert found == [
        (4, "NO_URUT", "bad_order"),
        (5, "URAIAN_TUGAS", "required"),
        (5, "PERSEN_WAKTU", "share_range"),
        (6, "PERSEN_WAKTU", "total_not_100"),
        (7, "NO_URUT", "duplicate_order"),
        (8, "PERSEN_WAKTU", "total_not_100"),
    ]
    assert [r.line for r in rows if r.position_code == "P-1"] == [2, 3]
    total = next(p for p in problems if p.line == 8).params["total"]
    assert total == Decimal("90.00")
