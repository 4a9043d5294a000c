"""Words for people: labels of levels, predikat, BerAKHLAK values, the steps of the rating
suggestion, the revocation checks, and the text of SKP import problems."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise, lazy
from django.utils.translation import gettext, gettext_lazy

from fleksi.common.domain.importing import RowProblem
from fleksi.common.formats import figure_text
from fleksi.common.importing.messages import Catalogue, describe
from fleksi.outputs.domain import rating as r
from fleksi.outputs.domain.revocation import ACHIEVEMENT, failed_checks

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


def revocation_reason(trace: dict[str, Any]) -> str:
    """Why the monthly output check fires, in the active language with its numbers
    ("capaian 50 % di bawah batas 70 %; 4 hari WFA belum dilaporkan, batasnya 3 hari")."""
    parts = []
    for check, observed, threshold in failed_checks(trace):
        figures = {"observed": figure_text(observed), "threshold": figure_text(threshold)}
        if check == ACHIEVEMENT:
            parts.append(
                gettext("achievement %(observed)s %% below the threshold of %(threshold)s %%")
                % figures
            )
        else:
            parts.append(
                gettext("%(observed)s WFA days unreported, more than the %(threshold)s allowed")
                % figures
            )
    return "; ".join(parts)


_lazy_reason = lazy(revocation_reason, str)


def lazy_revocation_reason(trace: dict[str, Any]) -> Promise:
    """:func:`revocation_reason` rendered in each reader's language (notifications)."""
    return _lazy_reason(trace)  # type: ignore[return-value]
