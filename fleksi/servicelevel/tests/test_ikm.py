"""The IKM of PermenPANRB 14/2017: the index from the 9 element averages, and its grade."""

from decimal import Decimal as D

import pytest

from fleksi.servicelevel.domain.ikm import (
    DEFAULT_SCALE,
    GradeScale,
    IkmError,
    ikm_grade,
    ikm_index,
    ikm_value,
    perception_value,
)


@pytest.mark.parametrize(
    ("elements", "index"),
    [
        ([D(4)] * 9, D("100.00")),
        ([D(1)] * 9, D("25.00")),
        ([D(3)] * 9, D("75.00")),
        ([D("3.5")] * 9, D("87.50")),
        # unweighted: each element weighs exactly 1/9
        ([D(4)] * 8 + [D(1)], D("91.67")),  # 33/9 × 25 = 91.666… → 91.67 (half up)
        (
            [
                D("3.2"),
                D("3.4"),
                D("3.1"),
                D("4"),
                D("3.3"),
                D("3.5"),
                D("3.6"),
                D("3.0"),
                D("3.2"),
            ],
            D("84.17"),  # 30.3 / 9 × 25 = 84.166…
        ),
    ],
)
def test_index_is_the_mean_of_the_elements_times_25(elements, index):
    assert ikm_index(elements) == index


def test_value_is_exact():
    assert ikm_value([D(4)] * 8 + [D(1)]) == pytest.approx(33 / 9)


@pytest.mark.parametrize(
    ("index", "grade"),
    [
        ("100.00", "A"),
        ("88.31", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25.00", "D"),
    ],
)
def test_grade_boundaries_of_the_default_scale(index, grade):
    assert ikm_grade(D(index), DEFAULT_SCALE) == grade


def test_bands_cover_the_scale_without_gaps():
    assert DEFAULT_SCALE.bands() == [
        ("A", D("88.31"), D("100")),
        ("B", D("76.61"), D("88.30")),
        ("C", D("65.00"), D("76.60")),
        ("D", D("25"), D("64.99")),
    ]


def test_a_configured_scale_moves_the_boundaries():
    scale = GradeScale(a_min=D("90.00"), b_min=D("80.00"), c_min=D("70.00"))
    assert scale.problem() is None
    assert ikm_grade(D("89.99"), scale) == "B"
    assert ikm_grade(D("69.99"), scale) == "D"


@pytest.mark.parametrize(
    "scale",
    [
        GradeScale(a_min=D("80"), b_min=D("85"), c_min=D("65")),
        GradeScale(a_min=D("101"), b_min=D("85"), c_min=D("65")),
        GradeScale(a_min=D("90"), b_min=D("85"), c_min=D("25")),
    ],
)
def test_an_unordered_scale_is_refused(scale):
    assert scale.problem() == "grade_order"


@pytest.mark.parametrize(
    ("elements", "code"),
    [
        ([D(3)] * 8, "element_count"),
        ([D(3)] * 8 + [D("4.01")], "element_range"),
        ([D("0.9")] + [D(3)] * 8, "element_range"),
    ],
)
def test_bad_elements_are_named(elements, code):
    with pytest.raises(IkmError) as exc:
        ikm_index(elements)
    assert exc.value.code == code


def test_perception_value_is_the_index_on_the_1_to_4_scale():
    assert perception_value(D("88.31")) == D("3.5324")
    assert perception_value(D("76.61")) == D("3.0644")
