"""Words for people: labels of levels, predikat, BerAKHLAK values, the steps of the rating
suggestion, the revocation checks, and the text of SKP import problems."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from fleksi.common.domain.importing import RowProblem
from fleksi.common.importing.messages import Catalogue, describe
from fleksi.outputs.domain import rating as r

LEVEL_LABELS: dict[str, Any] = {
    r.ABOVE: gettext_lazy("Above expectation"),
    r.AS_EXPECTED: gettext_lazy("As expected"),
    r.BELOW: gettext_lazy("Below expectation"),
}
PREDIKAT_LABELS: dict[str, Any] = {
    r.SANGAT_BAIK: gettext_lazy("Sangat Baik"),
    r.BAIK: gettext_lazy("Baik"),
    r.BUTUH_PERBAIKAN: gettext_lazy("Butuh Perbaikan"),
    r.KURANG: gettext_lazy("Kurang/Misconduct"),
    r.SANGAT_KURANG: gettext_lazy("Sangat Kurang"),
}
BERAKHLAK_LABELS: dict[str, Any] = {
    "berorientasi_pelayanan": gettext_lazy("Service-oriented (Berorientasi Pelayanan)"),
    "akuntabel": gettext_lazy("Accountable (Akuntabel)"),
    "kompeten": gettext_lazy("Competent (Kompeten)"),
    "harmonis": gettext_lazy("Harmonious (Harmonis)"),
    "loyal": gettext_lazy("Loyal"),
    "adaptif": gettext_lazy("Adaptive (Adaptif)"),
    "kolaboratif": gettext_lazy("Collaborative (Kolaboratif)"),
}
STEP_LABELS: dict[str, Any] = {
    "above.achievement": gettext_lazy("Above: achievement at least"),
    "above.quality": gettext_lazy("Above: mean quality at least"),
    "above.on_time": gettext_lazy("Above: reported on time at least"),
    "as.achievement": gettext_lazy("As expected: achievement at least"),
    "as.quality": gettext_lazy("As expected: mean quality (if scored) at least"),
}
CHECK_LABELS: dict[str, Any] = {
    "achievement": gettext_lazy("Achievement of the month (%)"),
    "unreported": gettext_lazy("Unreported WFA days"),
    "wfa_days": gettext_lazy("WFA days in the month"),
}
MODE_LABELS: dict[str, Any] = {
    "wfa": gettext_lazy("WFA days"),
    "onsite": gettext_lazy("On-site days"),
}


def level_label(code: str) -> str:
    return str(LEVEL_LABELS.get(code, code or "—"))


def predikat_label(code: str) -> str:
    return str(PREDIKAT_LABELS.get(code, code or "—"))


# The SKP import's own problems; the file's, the header's and the common cells' are in the
# shared catalogue (``fleksi.common.importing.messages``).
IMPORT_MESSAGES: Catalogue = {
    "bad_number": gettext_lazy("“%(value)s” is not a whole number from %(min)s to %(max)s."),
    "bad_kind": gettext_lazy("“%(value)s” is not “utama” or “tambahan”."),
    "bad_quantity": gettext_lazy(
        "“%(value)s” is not a quantity above zero (for example 12 or 12,5)."
    ),
    "bad_nip": gettext_lazy("“%(value)s” is not an 18-digit NIP or NI PPPK."),
    "rhk_inconsistent": gettext_lazy(
        "RHK %(number)s differs from its first row (line %(first_line)s): kind, text and "
        "NO_RHK_ATASAN must be the same on every row of one RHK."
    ),
    "unknown_nip": gettext_lazy("There is no employee with the NIP “%(nip)s”."),
    "parent_unknown": gettext_lazy(
        "The supervisor has no RHK number %(number)s in an SKP of %(year)s (in Fleksi or "
        "in this file)."
    ),
    "rhk_in_use": gettext_lazy(
        "RHK %(number)s of %(nip)s is missing from the file but is used (by staff results, "
        "planned outputs or reports); keep it in the file."
    ),
}


def row_problem_message(problem: RowProblem) -> str:
    return describe(problem, IMPORT_MESSAGES)
