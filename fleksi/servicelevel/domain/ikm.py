"""The community satisfaction index (Indeks Kepuasan Masyarakat, IKM) of PermenPANRB 14/2017.

A survey asks about 9 elements (unsur), each answered on a 1–4 scale. The survey's value is
the unweighted average of the 9 element averages (each element weighs 1/9); multiplied by
25 it becomes the index on 25–100 (the "nilai interval konversi"). The grade (mutu
pelayanan) follows from the index:

====  ===============  ===============  ================================
grade performance      index from       perception value (index / 25)
====  ===============  ===============  ================================
A     Sangat Baik      88.31            3.5324
B     Baik             76.61            3.0644
C     Kurang Baik      65.00            2.60
D     Tidak Baik       25.00            1.00
====  ===============  ===============  ================================

The boundaries are defaults marked unverified in the domain sources: they are a
:class:`GradeScale` that the regency configures, never constants of the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ELEMENT_COUNT = 9
SCALE_LOW = Decimal(1)
SCALE_HIGH = Decimal(4)
CONVERSION = 25
INDEX_LOW = Decimal(25)
INDEX_HIGH = Decimal(100)
GRADES = ("A", "B", "C", "D")  # best first
CENT = Decimal("0.01")


class IkmError(ValueError):
    """Values that make no IKM; ``code`` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class GradeScale:
    """The lowest index of grades A, B and C (below ``c_min`` is D)."""

    a_min: Decimal = Decimal("88.31")
    b_min: Decimal = Decimal("76.61")
    c_min: Decimal = Decimal("65.00")

    def problem(self) -> str | None:
        """``None`` when the scale is usable, else a code."""
        if not INDEX_LOW < self.c_min < self.b_min < self.a_min <= INDEX_HIGH:
            return "grade_order"
        return None

    def bands(self) -> list[tuple[str, Decimal, Decimal]]:
        """(grade, lowest index, highest index) for each grade, best first."""
        return [
            ("A", self.a_min, INDEX_HIGH),
            ("B", self.b_min, self.a_min - CENT),
            ("C", self.c_min, self.b_min - CENT),
            ("D", INDEX_LOW, self.c_min - CENT),
        ]


DEFAULT_SCALE = GradeScale()


def check_elements(elements: Sequence[Decimal]) -> None:
    if len(elements) != ELEMENT_COUNT:
        raise IkmError("element_count")
    for value in elements:
        if not SCALE_LOW <= value <= SCALE_HIGH:
            raise IkmError("element_range")


def ikm_value(elements: Sequence[Decimal]) -> Fraction:
    """The survey's value on 1–4: the average of the 9 element averages (exact)."""
    check_elements(elements)
    return sum((Fraction(v) for v in elements), Fraction(0)) / ELEMENT_COUNT


def ikm_index(elements: Sequence[Decimal]) -> Decimal:
    """The index on 25–100, rounded half up to two decimals (as published)."""
    exact = ikm_value(elements) * CONVERSION
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        CENT, rounding=ROUND_HALF_UP
    )


def ikm_grade(index: Decimal, scale: GradeScale = DEFAULT_SCALE) -> str:
    """The grade of an index (two decimals) on ``scale``."""
    if not INDEX_LOW <= index <= INDEX_HIGH:
        raise IkmError("index_range")
    if index >= scale.a_min:
        return "A"
    if index >= scale.b_min:
        return "B"
    if index >= scale.c_min:
        return "C"
    return "D"


def perception_value(index: Decimal) -> Decimal:
    """The index back on the 1–4 scale ("nilai interval"), four decimals."""
    return (index / CONVERSION).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
