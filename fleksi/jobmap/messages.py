"""Words for people: labels of criteria and classes, and the text of import problems."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from fleksi.jobmap.domain.criteria import Criterion
from fleksi.jobmap.domain.rows import RowProblem

CRITERION_LABELS: dict[str, Any] = {
    "outside_office": gettext_lazy("Can be done outside the office"),
    "no_special_room": gettext_lazy("Needs no special room or equipment"),
    "ict": gettext_lazy("Can be done with ICT"),
    "little_contact": gettext_lazy("Needs little face-to-face contact"),
    "no_continuous_supervision": gettext_lazy("Needs no continuous supervision"),
}

CLASS_LABELS: dict[str, Any] = {
    "capable": gettext_lazy("WFA-capable"),
    "partly": gettext_lazy("Partly capable"),
    "onsite": gettext_lazy("On-site only"),
    "unassessed": gettext_lazy("Not yet assessed"),
}

# Progress of the latest assessment round of a position ("none": never started).
PROGRESS_LABELS: dict[str, Any] = {
    "none": gettext_lazy("Not started"),
    "draft": gettext_lazy("Draft"),
    "proposed": gettext_lazy("Proposed"),
    "approved": gettext_lazy("Approved"),
    "returned": gettext_lazy("Returned"),
}


def criterion_label(criterion: Criterion | str) -> str:
    code = criterion.code if isinstance(criterion, Criterion) else criterion
    if code in CRITERION_LABELS:
        return str(CRITERION_LABELS[code])
    if isinstance(criterion, Criterion):
        english = (get_language() or "id").startswith("en")
        return (criterion.label_en if english else criterion.label_id) or criterion.code
    return code


def class_label(code: str) -> str:
    return str(CLASS_LABELS.get(code, code))


def row_problem_message(problem: RowProblem) -> str:
    p = dict(problem.params)
    code = problem.code
    if code == "missing_column":
        return _("The column is missing from the header.")
    if code == "required":
        return _("A value is required.")
    if code == "bad_order":
        return _("“%(value)s” is not a whole number from 1 to %(max)s.") % p
    if code == "bad_share":
        return _("“%(value)s” is not a percentage (for example 12.5 or 12,5).") % p
    if code == "share_range":
        return _("“%(value)s” is not more than 0 and at most 100.") % p
    if code == "too_long":
        return _("The text is longer than %(max)s characters.") % p
    if code == "duplicate_order":
        return (
            _("Position %(position)s has number %(order)s twice (first on line %(first_line)s).")
            % p
        )
    if code == "total_not_100":
        return _("The time shares of position %(position)s add up to %(total)s %%, not 100 %%.") % p
    if code == "unknown_position":
        return _("There is no position with the code “%(position)s”.") % p
    if code == "position_out_of_scope":
        return _("Position %(position)s is not in a unit you administer.") % p
    if code == "assessment_proposed":
        return (
            _(
                "The assessment of position %(position)s is waiting for BKPSDM; its duties cannot "
                "change until it is approved or returned."
            )
            % p
        )
    if code == "encoding":
        return _("The file is not UTF-8 text; save it as “CSV UTF-8” and try again.")
    if code == "unreadable":
        return _("The file cannot be read as CSV or XLSX.")
    if code == "empty":
        return _("The file has no rows.")
    return code
