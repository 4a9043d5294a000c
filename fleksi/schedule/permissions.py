"""Who may see and do what in the schedule (the gatekeepers the pages and the API call).

- Requests: the employee sees their own; an approver the requests they may act on or have
  acted on; heads of unit (Plt/Plh included), service-unit managers and unit personnel
  administrators those of their subtrees; whoever sees every person (BKPSDM, Sekda,
  Bupati, auditor) all of them. Anyone else gets 404.
- Evidence files and the reason given (often medical): only the employee, their approval
  chain (the approvers of the request, their supervisor, their heads of unit —
  ``Scope.sees_sensitive_of``) and BKPSDM. Others who see the request get it without them.
- The unit board and absences: the subtrees in the user's scope, or every unit for those
  who see every person. Absences are recorded by heads of the subtree and BKPSDM.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.org.models import Employee, Unit
from fleksi.policy.selectors import params_of, version_in_force
from fleksi.schedule.models import Absence, ApprovalStep, WfaPlace, WfaRequest
from fleksi.schedule.selectors.permissions import may_act_on_step
from fleksi.schedule.selectors.workflow import first_approver, head_at_or_above


def requests_visible_to(user: User) -> QuerySet[WfaRequest]:
    scope = scope_for(user)
    qs = WfaRequest.objects.all()
    if scope.sees_all_people:
        return qs
    steps = ApprovalStep.objects.filter(acted_by=user)
    if scope.employee_id is not None:
        steps = ApprovalStep.objects.filter(Q(acted_by=user) | Q(approver_id=scope.employee_id))
    q = Q(pk__in=steps.values("request_id"))
    if scope.employee_id is not None:
        q |= Q(employee_id=scope.employee_id)
    if scope.unit_paths:
        q |= scope.in_subtrees_q("employee__")
    return qs.filter(q)


def access_request(user: User, request_id: int) -> WfaRequest:
    """The request if the user may see it; 404 otherwise."""
    found = (
        requests_visible_to(user)
        .select_related(
            "employee",
            "employee__unit",
            "employee__position",
            "employee__domicile",
            "office",
            "place",
            "desa",
            "policy_version",
        )
        .filter(pk=request_id)
        .first()
    )
    if found is None:
        raise Http404
    return found


def access_step(user: User, step_id: int) -> ApprovalStep:
    """An approval step of a request the user may see (404 otherwise); whether the user may
    act on it is the decision service's question (403)."""
    step = ApprovalStep.objects.filter(pk=step_id).only("pk", "request_id").first()
    if step is None:
        raise Http404
    access_request(user, step.request_id)
    return ApprovalStep.objects.select_related("request", "via_unit").get(pk=step.pk)


def may_see_requests(user: User) -> bool:
    scope = scope_for(user)
    return scope.employee_id is not None or bool(scope.unit_paths) or scope.sees_all_people


def may_see_details(user: User, request: WfaRequest) -> bool:
    """The employee's personal details on the request (their NIP): whoever may read the
    request's personal part, or the person's details (``Scope.sees_personal_details_of``)."""
    return scope_for(user).sees_personal_details_of(request.employee) or may_see_evidence(
        user, request
    )


def may_see_evidence(user: User, request: WfaRequest) -> bool:
    """The request's personal part (reason, evidence file): the employee, their approval
    chain and BKPSDM, or whoever acted or may act on one of its steps."""
    if scope_for(user).sees_sensitive_of(request.employee):
        return True
    for step in request.steps.select_related("request", "via_unit"):
        if step.acted_by_id == user.pk:
            return True
        if user.employee_id is not None and step.approver_id == user.employee_id:
            return True
        if step.status == ApprovalStep.Status.PENDING and may_act_on_step(user, step):
            return True
    return False


def may_cancel(user: User, request: WfaRequest) -> bool:
    return user.employee_id is not None and user.employee_id == request.employee_id


# --- Board and absences ------------------------------------------------------------------------


def board_units_visible_to(user: User) -> QuerySet[Unit]:
    scope = scope_for(user)
    if scope.sees_all_people:
        return Unit.objects.all()
    if not scope.unit_paths:
        return Unit.objects.none()
    return scope.subtree_units()


def may_see_board(user: User) -> bool:
    scope = scope_for(user)
    return scope.sees_all_people or bool(scope.unit_paths)


def default_board_unit(user: User) -> Unit | None:
    """The unit a board opens on: the first unit the user heads, manages or administers."""
    scope = scope_for(user)
    for path in (*scope.headed_unit_paths, *scope.managed_unit_paths, *scope.admin_unit_paths):
        unit = Unit.objects.filter(path=path).first()
        if unit is not None:
            return unit
    return None


def access_board_unit(user: User, unit_id: int) -> Unit:
    unit = board_units_visible_to(user).select_related("parent").filter(pk=unit_id).first()
    if unit is None:
        raise Http404
    return unit


def may_record_absence(user: Any, employee: Employee) -> bool:
    """Heads of a unit above or at the employee's (Plt/Plh included) and BKPSDM."""
    if not isinstance(user, User):
        return False
    scope = scope_for(user)
    if scope.has(Perm.PEOPLE_CHANGE):
        return True
    return scope.heads(employee.unit.path)


def may_record_absences_in(user: User, unit: Unit) -> bool:
    scope = scope_for(user)
    return scope.has(Perm.PEOPLE_CHANGE) or scope.heads(unit.path)


def access_absence(user: User, absence_id: int) -> Absence:
    absence = (
        Absence.objects.select_related("employee", "employee__unit").filter(pk=absence_id).first()
    )
    if absence is None:
        raise Http404
    access_board_unit(user, absence.employee.unit_id)
    return absence


# --- Approved places ---------------------------------------------------------------------------


PLACE_DECIDER_ROLES = {"bupati": "bupati", "sekda": "sekda", "bkpsdm": "bkpsdm_admin"}


def place_decider_kind(day: date) -> str:
    """Who decides on another place (PermenPANRB 4/2025 Pasal 11: the PPK, or whom the
    Perbup delegates): the ``place_decider`` of the version in force (the Sekda without
    one)."""
    version = version_in_force(day)
    return params_of(version).place_decider if version is not None else "sekda"


def may_decide_place(user: Any, place: WfaPlace) -> bool:
    """The PPK's delegate named by the policy in force: a role (Bupati, Sekda, BKPSDM), the
    head of the employee's perangkat daerah, or the head who approves their requests."""
    employee_id = getattr(user, "employee_id", None)
    if employee_id is not None and employee_id == place.employee_id:
        return False
    day = timezone.localdate()
    kind = place_decider_kind(day)
    if kind in PLACE_DECIDER_ROLES:
        return scope_for(user).has_role(PLACE_DECIDER_ROLES[kind])
    if employee_id is None:
        return False
    if kind == "opd_head":
        top = place.employee.unit
        while top.parent_id is not None:
            top = top.parent  # type: ignore[assignment]
        head = head_at_or_above(top, day, not_=place.employee_id)
        return head is not None and head[0].pk == employee_id
    approver = first_approver(place.employee, day)
    return approver is not None and approver[0].pk == employee_id


def places_visible_to(user: User) -> QuerySet[WfaPlace]:
    scope = scope_for(user)
    qs = WfaPlace.objects.all()
    if scope.sees_all_people:
        return qs
    q = Q(pk__in=[])
    if scope.employee_id is not None:
        q |= Q(employee_id=scope.employee_id)
    if scope.unit_paths:
        q |= scope.in_subtrees_q("employee__")
    return qs.filter(q)


def access_place(user: User, place_id: int) -> WfaPlace:
    place = (
        places_visible_to(user)
        .select_related("employee", "employee__unit", "employee__position", "desa")
        .filter(pk=place_id)
        .first()
    )
    if place is None:
        raise Http404
    return place
