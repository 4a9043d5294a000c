"""Hypothesis example counts that follow the loaded profile (see conftest.py).

A test that names its own count (a solver is slow, so 25 examples) still gets ten times as
many under the optional "explore" profile, and exactly its count under "ci".
"""

from __future__ import annotations

from hypothesis import settings

BASE_EXAMPLES = 100  # Hypothesis's own default, which the "ci" profile keeps


def examples(count: int) -> int:
    """``count`` scaled by the loaded profile's max_examples against the default."""
    return max(1, count * settings().max_examples // BASE_EXAMPLES)
