"""``/api/v1/outputs``: SKP, day plans, reports with evidence, verification and measures.
Same services and scoping as the pages; errors as ``{code, message}``."""

from fleksi.outputs.api import daily, review, skp
from fleksi.outputs.api.common import router

__all__ = ["daily", "review", "router", "skp"]
