"""Words for people: labels of criteria and classes, and the text of import problems."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language, gettext_lazy

from fleksi.common.domain.importing import RowProblem
from fleksi.common.importing.messages import Catalogue, describe
from fleksi.jobmap.domain.criteria import Criterion

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


# The duty import's own problems; the file's, the header's and the common cells' are in
# the shared catalogue (``fleksi.common.importing.messages``).
IMPORT_MESSAGES: Catalogue = {
    "bad_order": gettext_lazy("“%(value)s” is not a whole number from 1 to %(max)s."),
    "bad_share": gettext_lazy("“%(value)s” is not a percentage (for example 12.5 or 12,5)."),
    "share_range": gettext_lazy("“%(value)s” is not more than 0 and at most 100."),
    "duplicate_order": gettext_lazy(
        "Position %(position)s has number %(order)s twice (first on line %(first_line)s)."
    ),
    "total_not_100": gettext_lazy(
        "The time shares of position %(position)s add up to %(total)s %%, not 100 %%."
    ),
    "unknown_position": gettext_lazy("There is no position with the code “%(position)s”."),
    "position_out_of_scope": gettext_lazy("Position %(position)s is not in a unit you administer."),
    "assessment_proposed": gettext_lazy(
        "The assessment of position %(position)s is waiting for BKPSDM; its duties cannot "
        "change until it is approved or returned."
    ),
}


def row_problem_message(problem: RowProblem) -> str:
    return describe(problem, IMPORT_MESSAGES)
