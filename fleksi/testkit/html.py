"""Reading served HTML in tests without depending on how the templates are laid out."""

from __future__ import annotations

import re


def squashed(html: str) -> str:
    """``html`` without its layout whitespace: none next to a tag, one space elsewhere.
    Templates are indented for people (one block element per line); a test looking for a
    fragment of markup or a phrase compares against this."""
    return re.sub(r"\s*(<[^>]*>)\s*", r"\1", re.sub(r"\s+", " ", html))
