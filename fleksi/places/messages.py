"""Words for people: labels of levels and bands, and the text of import problems."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fleksi.common.domain.importing import RowProblem
from fleksi.common.importing.messages import Catalogue, describe
from fleksi.places.domain.readiness import (
    ELECTRICITY_POINTS,
    NO_BLANK_SPOT_POINTS,
    READY_MIN_SCORE,
    Readiness,
)

if TYPE_CHECKING:
    from fleksi.places.selectors import Rules

LEVEL_LABELS: dict[str, Any] = {
    "none": gettext_lazy("No signal"),
    "2g": "2G",
    "4g": "4G",
    "radio_link": gettext_lazy("Radio link"),
    "vsat": gettext_lazy("VSAT/satellite"),
    "fibre": gettext_lazy("Fibre optic"),
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


# The survey import's own problems; the file's as a whole are in the shared catalogue
# (``fleksi.common.importing.messages``).
IMPORT_MESSAGES: Catalogue = {
    "no_header": gettext_lazy("Line 1 must hold the column names."),
    "no_rows": gettext_lazy("The file has no data rows below the header."),
    "missing_column": gettext_lazy("The column is missing from the header."),
    "duplicate_column": gettext_lazy("The column appears more than once in the header."),
    "required": gettext_lazy("A value is required."),
    "too_long": gettext_lazy("At most %(max)s characters."),
    "bad_network": gettext_lazy(
        "“%(value)s” is not a network level: write none, 2G, 4G, radio link, VSAT or fibre "
        "(also accepted: Tidak ada, 4G LTE, satelit, serat optik…; 3G no longer exists)."
    ),
    "network_3g": gettext_lazy(
        "“%(value)s”: 3G was switched off in 2022–23; write what the village has now (2G, 4G, "
        "radio link, VSAT or fibre)."
    ),
    "vague_fixed": gettext_lazy(
        "“%(value)s” does not say which link it is: write radio link, VSAT or fibre."
    ),
    "bad_yes_no": gettext_lazy("“%(value)s” is not Y or N."),
    "bad_date": gettext_lazy(
        "“%(value)s” is not a date: write YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY."
    ),
    "future_date": gettext_lazy("The date %(value)s is in the future."),
    "duplicate_desa": gettext_lazy("Desa %(code)s is already on line %(first_line)s."),
    "unknown_desa": gettext_lazy("There is no desa/kelurahan with the code “%(code)s”."),
}


def row_problem_message(problem: RowProblem) -> str:
    return describe(problem, IMPORT_MESSAGES)


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
            "points": rules.points.get(readiness.level or "none", 0),
            "most": max(rules.points.values()),
        },
    }
    return [texts[c] for c in codes if c in texts]
