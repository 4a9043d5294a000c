"""Output-based supervision (capability C8)."""

from fleksi.outputs.models.daily import OutputReport, PlannedOutput, Verification
from fleksi.outputs.models.review import (
    LEVEL_CHOICES,
    PREDIKAT_CHOICES,
    DialogueNote,
    MonthlyRating,
    RevocationCheck,
    RevocationNotice,
)
from fleksi.outputs.models.skp import Skp, SkpIndicator, SkpResult

__all__ = [
    "LEVEL_CHOICES",
    "PREDIKAT_CHOICES",
    "DialogueNote",
    "MonthlyRating",
    "OutputReport",
    "PlannedOutput",
    "RevocationCheck",
    "RevocationNotice",
    "Skp",
    "SkpIndicator",
    "SkpResult",
    "Verification",
]
