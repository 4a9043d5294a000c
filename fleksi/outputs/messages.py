"""Words for people: labels of levels, predikat, BerAKHLAK values, the steps of the rating
suggestion, the revocation checks, and the text of SKP import problems."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fleksi.outputs.domain import rating as r
from fleksi.outputs.domain.skp_rows import RowProblem

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


def row_problem_message(problem: RowProblem) -> str:
    p = dict(problem.params)
    texts = {
        "missing_column": lambda: _("The column is missing from the header."),
        "required": lambda: _("A value is required."),
        "bad_number": lambda: _("“%(value)s” is not a whole number from %(min)s to %(max)s.") % p,
        "bad_kind": lambda: _("“%(value)s” is not “utama” or “tambahan”.") % p,
        "bad_quantity": lambda: (
            _("“%(value)s” is not a quantity above zero (for example 12 or 12,5).") % p
        ),
        "too_long": lambda: _("The text is longer than %(max)s characters.") % p,
        "bad_nip": lambda: _("“%(value)s” is not an 18-digit NIP or NI PPPK.") % p,
        "rhk_inconsistent": lambda: (
            _(
                "RHK %(number)s differs from its first row (line %(first_line)s): kind, text and "
                "NO_RHK_ATASAN must be the same on every row of one RHK."
            )
            % p
        ),
        "unknown_nip": lambda: _("There is no employee with the NIP “%(nip)s”.") % p,
        "parent_unknown": lambda: (
            _(
                "The supervisor has no RHK number %(number)s in an SKP of %(year)s (in Fleksi or "
                "in this file)."
            )
            % p
        ),
        "rhk_in_use": lambda: (
            _(
                "RHK %(number)s of %(nip)s is missing from the file but is used (by staff results, "
                "planned outputs or reports); keep it in the file."
            )
            % p
        ),
        "encoding": lambda: _("The file is not UTF-8 text; save it as “CSV UTF-8” and try again."),
        "unreadable": lambda: _("The file cannot be read as CSV or XLSX."),
        "empty": lambda: _("The file has no rows."),
    }
    text = texts.get(problem.code)
    return text() if text is not None else problem.code
