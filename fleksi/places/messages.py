"""Words for people: labels of levels and bands, and the text of import problems."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fleksi.common.importing.messages import problem_message
from fleksi.places.domain.profile_rows import RowProblem
from fleksi.places.domain.readiness import (
    ELECTRICITY_POINTS,
    NETWORK_POINTS,
    NO_BLANK_SPOT_POINTS,
    READY_MIN_SCORE,
    Readiness,
)

if TYPE_CHECKING:
    from fleksi.places.selectors import Rules

LEVEL_LABELS: dict[str, Any] = {
    "none": gettext_lazy("No signal"),
    "2g": "2G",
    "3g": "3G",
    "4g": "4G",
    "broadband": gettext_lazy("Fixed broadband"),
}

BAND_LABELS: dict[str, Any] = {
    "good": gettext_lazy("Good (80–100)"),
    "ready": gettext_lazy("Ready (65–79)"),
    "weak": gettext_lazy("Weak (40–64)"),
    "poor": gettext_lazy("Poor (0–39)"),
    "none": gettext_lazy("No data"),
}

SOURCE_LABELS: dict[str, Any] = {
    "measured": gettext_lazy("measured"),
    "survey": gettext_lazy("survey"),
    "": "—",
}


def level_label(level: str | None) -> str:
    return str(LEVEL_LABELS.get(level or "", "—"))


def band_label(band: str) -> str:
    return str(BAND_LABELS.get(band, band))


def row_problem_message(problem: RowProblem) -> str:
    p = dict(problem.params)
    code = problem.code
    if code == "no_header":
        return _("Line 1 must hold the column names.")
    if code == "no_rows":
        return _("The file has no data rows below the header.")
    if code == "missing_column":
        return _("The column is missing from the header.")
    if code == "duplicate_column":
        return _("The column appears more than once in the header.")
    if code == "required":
        return _("A value is required.")
    if code == "too_long":
        return _("At most %(max)s characters.") % p
    if code == "bad_network":
        return (
            _(
                "“%(value)s” is not a network level: write none, 2G, 3G, 4G or broadband "
                "(also accepted: Tidak ada, 4G LTE, fiber, VSAT…)."
            )
            % p
        )
    if code == "bad_yes_no":
        return _("“%(value)s” is not Y or N.") % p
    if code == "bad_date":
        return _("“%(value)s” is not a date: write YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY.") % p
    if code == "future_date":
        return _("The date %(value)s is in the future.") % p
    if code == "duplicate_desa":
        return _("Desa %(code)s is already on line %(first_line)s.") % p
    if code == "unknown_desa":
        return _("There is no desa/kelurahan with the code “%(code)s”.") % p
    return problem_message(code, p)  # the file as a whole: the shared catalogue


def reason_texts(codes: tuple[str, ...], readiness: Readiness, rules: Rules) -> list[str]:
    """Why a place does not count as ready, in sentences (codes of ``why_not_ready``)."""
    level = level_label(readiness.level)
    source = str(SOURCE_LABELS.get(readiness.level_source, ""))
    texts = {
        "no_profile": _("Diskominfo has no survey data for this place yet."),
        "below_minimum": _(
            "The network counted here (%(level)s, %(source)s) is below the minimum of the WFA "
            "policy (%(min)s)."
        )
        % {"level": level, "source": source, "min": level_label(rules.min_connectivity)},
        "low_score": _("Its score is %(score)s; a place counts as ready from %(threshold)s.")
        % {"score": readiness.score, "threshold": READY_MIN_SCORE},
        "no_electricity": _("No electricity 24 hours a day (%(points)s points fewer).")
        % {"points": ELECTRICITY_POINTS},
        "blank_spot": _("Part of the place has no mobile signal (%(points)s points fewer).")
        % {"points": NO_BLANK_SPOT_POINTS},
        "weak_network": _("The network (%(level)s) earns %(points)s of %(most)s points.")
        % {
            "level": level,
            "points": NETWORK_POINTS.get(readiness.level or "none", 0),
            "most": max(NETWORK_POINTS.values()),
        },
    }
    return [texts[c] for c in codes if c in texts]
