from datetime import date

import pytest

from fleksi.documents.domain.words import count, day_words, joined, percent, terbilang


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (72, "tujuh puluh dua"),
        (100, "seratus"),
        (120, "seratus dua puluh"),
        (200, "dua ratus"),
        (1000, "seribu"),
        (1500, "seribu lima ratus"),
        (3000, "tiga ribu"),
        (3650, "tiga ribu enam ratus lima puluh"),
        (11000, "sebelas ribu"),
        (1_000_000, "satu juta"),
    ],
)
def test_numbers_in_words(n, words):
    assert terbilang(n) == words


def test_counts_percentages_dates_and_lists_read_as_legal_text():
    assert count(2, "hari kerja") == "2 (dua) hari kerja"
    assert percent(0.3) == "30% (tiga puluh persen)"
    assert percent(0.125) == "12,5% (dua belas koma lima persen)"
    assert percent(0) == "0% (nol persen)"
    assert day_words(date(2027, 1, 4)) == "4 Januari 2027"
    assert joined(["a", "b", "c"]) == "a, b, dan c"
    assert joined(["a", "b"]) == "a dan b"
