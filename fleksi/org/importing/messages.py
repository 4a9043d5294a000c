"""Translated sentences for the problem codes of the people import (on top of the shared
catalogue of every import).

Problems are stored as codes with parameters (in an :class:`~fleksi.org.models.ImportBatch`
too), so each reader sees them in their own language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from fleksi.common.importing import messages as common
from fleksi.org.domain.nip import NipProblem
from fleksi.org.domain.people_import import Problem
from fleksi.org.messages import nip_problem_message

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise as StrPromise


# The people import's own codes; those of every import (the file, the header, common
# cells) are in ``fleksi.common.importing.messages``.
MESSAGES: dict[str, StrPromise] = {
    # Lazy: each is translated when shown, in the reader's language.
    # One cell
    "number_precision": _(
        "The cell holds the number %(value)s, which a spreadsheet cannot keep exactly: format "
        "the column as text and type the digits again."
    ),
    "invalid_email": _("“%(value)s” is not an e-mail address."),
    "too_young": _("By this birth date the person is younger than %(age)d."),
    "before_adulthood": _("The date falls before the person turned %(age)d."),
    "required_with": _("A value is required because of the value in %(other)s."),
    "not_allowed_with": _("Leave this empty because of the value in %(other)s."),
    "end_before_start": _("The end date is before the date in %(other)s."),
    "supervisor_self": _("A person cannot be their own supervisor."),
    "unit_own_parent": _("A unit cannot be its own parent unit."),
    "parent_not_allowed": _(
        "A unit of kind %(kind)s is a perangkat daerah: leave the parent unit empty."
    ),
    "parent_required": _("A unit of kind %(kind)s needs a parent unit."),
    "head_not_managerial": _(
        "Only a managerial position (JPT pratama, administrator, pengawas) can head a unit."
    ),
    # Across rows and against Fleksi
    "nip_duplicate": _("The same NIP is also on line %(other_line)d."),
    "unit_conflict": _("Unit %(code)s is described differently on line %(other_line)d."),
    "position_conflict": _("Position %(code)s is described differently on line %(other_line)d."),
    "kecamatan_unknown": _("No kecamatan has the code %(value)s."),
    "desa_unknown": _("No desa or kelurahan has the code %(value)s."),
    "parent_unit_unknown": _("The parent unit %(code)s is neither in this file nor in Fleksi."),
    "parent_unit_rejected": _(
        "The parent unit %(code)s is only described on lines that have errors."
    ),
    "unit_cycle": _("Placing the unit under %(code)s would make it a sub-unit of itself."),
    "supervisor_unknown": _("No employee with NIP %(nip)s is in this file or in Fleksi."),
    "supervisor_rejected": _("The supervisor %(nip)s is only on a line that has errors."),
    "head_position_taken": _("The head position %(code)s is already held by %(nip)s."),
    "unit_two_heads": _("Unit %(unit)s already has a head position (%(other)s)."),
    "position_moved": _(
        "Position %(code)s belongs to unit %(unit)s in Fleksi, where %(count)d of its holders "
        "are not in this file: give the position in its new unit a new code."
    ),
}


def problem_message(code: str, params: Mapping[str, Any], column: str = "") -> str:
    """The sentence for one problem, in the active language."""
    if code.startswith("nip_") and "part" in params:
        return nip_problem_message(NipProblem(code, str(params["part"]), str(params["value"])))
    return common.problem_message(code, params, column, MESSAGES)


def describe(problem: Problem) -> str:
    return problem_message(problem.code, problem.params, problem.column)
