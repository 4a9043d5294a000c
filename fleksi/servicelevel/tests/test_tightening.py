from decimal import Decimal as D

import pytest

from fleksi.servicelevel.domain.tightening import tighten


@pytest.mark.parametrize(
    ("share", "minimum", "after"),
    [
        (D("0.30"), 1, (D("0.15"), 2)),
        (D("0.25"), 0, (D("0.12"), 1)),  # rounded down to a whole percent
        (D("0.09"), 4, (D("0"), 5)),  # below 5 %: none off site
        (D("0"), 4, (D("0"), 5)),
        (D("1"), 2, (D("0.50"), 3)),
    ],
)
def test_halve_the_share_and_add_one_on_site(share, minimum, after):
    t = tighten(share=share, minimum=minimum)
    assert (t.share_after, t.minimum_after) == after
    assert (t.share_before, t.minimum_before) == (share, minimum)
