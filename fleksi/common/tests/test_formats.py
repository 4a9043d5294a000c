"""Numbers in the reader's language: 12,5 and 1.234 in Indonesian, 12.5 and 1,234 in English."""

from decimal import Decimal
from fractions import Fraction

import pytest
from django.utils import translation

from fleksi.common.formats import figure_text, number_text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("id", ["12,5", "1.235", "1.234.567", "2,35", "-1,3", "0,3"]),
        ("en", ["12.5", "1,235", "1,234,567", "2.35", "-1.3", "0.3"]),
    ],
)
def test_number_text_groups_thousands_and_rounds_half_up(language, expected):
    with translation.override(language):
        assert [
            number_text(12.46, 1),  # rounded, not cut off (Django's number_format cuts)
            number_text(1234.5),
            number_text(1234567),
            number_text(Decimal("2.345"), 2),
            number_text(-1.25, 1),
            number_text(Fraction(1, 3), 1),
        ] == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("id", ["12,5%", "100%", "1.234 min", "12", "2,5‰", "151"]),
        ("en", ["12.5%", "100%", "1,234 min", "12", "2.5‰", "151"]),
    ],
)
def test_figure_text_one_decimal_below_100(language, expected):
    with translation.override(language):
        assert [
            figure_text(12.5, "%"),
            figure_text(99.96, "%"),
            figure_text(1234.4, "min"),
            figure_text(12.04),
            figure_text(2.5, "‰"),
            figure_text(150.6),
        ] == expected
