"""Who may see and change the public-service figures (through the scoping module).

- See: the regency-wide roles (``regency.view``: Sekda, Bupati, BKPSDM, auditor,
  Diskominfo) everything; a service-unit manager the subtrees they manage; a head of unit
  (Plt/Plh included) their subtree.
- Change services, figures, complaints and surveys: BKPSDM everywhere, a service-unit
  manager in the subtrees they manage.
- Respond to an alert (acknowledge, close): whoever may change the unit's figures, the heads
  of the unit and the units above it, and the Sekda.
- Turn an alert into a draft policy change: who writes policy drafts (``policy.draft``).
- The settings (WFA start, IKM grade boundaries): BKPSDM.

Objects out of scope are answered with 404; seen but not the user's to change, with 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import Role, User
from fleksi.accounts.permissions import Scope, scope_for
from fleksi.org.models import Unit
from fleksi.org.selectors import subtree_q
from fleksi.servicelevel.models import Complaint, PublicService, SafeguardAlert, SatisfactionSurvey
from fleksi.servicelevel.services.common import in_paths


def _all(scope: Scope) -> bool:
    return scope.has(Perm.REGENCY_VIEW)


def _is_bkpsdm(scope: Scope) -> bool:
    return scope.has_role(Role.BKPSDM_ADMIN)


def view_paths(user: User) -> tuple[str, ...] | None:
    """The subtrees whose figures the user sees (``None``: all of them)."""
    scope = scope_for(user)
    if _all(scope):
        return None
    return scope.led_unit_paths


def editable_paths(user: User) -> tuple[str, ...] | None:
    """The subtrees whose figures the user may change (``None``: all; ``()``: none)."""
    scope = scope_for(user)
    if _is_bkpsdm(scope):
        return None
    return scope.managed_unit_paths


def _filter[M: (PublicService, Complaint, SatisfactionSurvey, SafeguardAlert, Unit)](
    qs: QuerySet[M], paths: tuple[str, ...] | None, field: str
) -> QuerySet[M]:
    if paths is None:
        return qs
    if not paths:
        return qs.none()
    return qs.filter(subtree_q(paths, field))


def units_visible(user: User) -> QuerySet[Unit]:
    """The public-service units whose figures the user sees."""
    return _filter(Unit.objects.filter(is_public_service=True), view_paths(user), "path")


def may_use_scope(scope: Scope) -> bool:
    """Whether the service-level pages are for a scope at all (the navigation asks): the
    regency-wide roles, service-unit managers, and heads of a subtree holding a
    public-service unit."""
    if _all(scope) or scope.managed_unit_paths:
        return True
    return (
        bool(scope.headed_unit_paths)
        and Unit.objects.filter(subtree_q(scope.headed_unit_paths), is_public_service=True).exists()
    )


def may_use(user: User) -> bool:
    return may_use_scope(scope_for(user))


def may_edit_any(user: User) -> bool:
    paths = editable_paths(user)
    return paths is None or bool(paths)


def may_edit_unit(user: User, unit: Unit) -> bool:
    return in_paths(unit.path, editable_paths(user))


def may_respond(user: User, unit: Unit) -> bool:
    scope = scope_for(user)
    return may_edit_unit(user, unit) or scope.heads(unit.path) or scope.has_role(Role.SEKDA)


def may_draft(user: User) -> bool:
    return scope_for(user).has(Perm.POLICY_DRAFT)


def may_configure(user: User) -> bool:
    return _is_bkpsdm(scope_for(user))


def require_use(user: User) -> None:
    if not may_use(user):
        raise PermissionDenied


def require_edit_any(user: User) -> None:
    if not may_edit_any(user):
        raise PermissionDenied


def require_configure(user: User) -> None:
    if not may_configure(user):
        raise PermissionDenied


def services_visible(user: User) -> QuerySet[PublicService]:
    return _filter(PublicService.objects.all(), view_paths(user), "unit__path")


def complaints_visible(user: User) -> QuerySet[Complaint]:
    return _filter(Complaint.objects.all(), view_paths(user), "unit__path")


def surveys_visible(user: User) -> QuerySet[SatisfactionSurvey]:
    return _filter(SatisfactionSurvey.objects.all(), view_paths(user), "unit__path")


def alerts_visible(user: User) -> QuerySet[SafeguardAlert]:
    return _filter(SafeguardAlert.objects.all(), view_paths(user), "service__unit__path")


def access_unit(user: User, unit_id: int, *, edit: bool = False) -> Unit:
    """A public-service unit the user sees (404 otherwise); 403 if ``edit`` is not theirs."""
    unit = units_visible(user).select_related("parent", "root").filter(pk=unit_id).first()
    if unit is None:
        raise Http404
    if edit and not may_edit_unit(user, unit):
        raise PermissionDenied
    return unit


def access_service(user: User, service_id: int, *, edit: bool = False) -> PublicService:
    service = (
        services_visible(user)
        .select_related("unit", "unit__root", "unit__parent")
        .filter(pk=service_id)
        .first()
    )
    if service is None:
        raise Http404
    if edit and not may_edit_unit(user, service.unit):
        raise PermissionDenied
    return service


def access_alert(user: User, alert_id: int, *, action: str = "") -> SafeguardAlert:
    """An alert the user sees; ``action`` "respond" or "draft" also checks that right."""
    alert = (
        alerts_visible(user)
        .select_related("service", "service__unit", "policy_version", "draft_version")
        .filter(pk=alert_id)
        .first()
    )
    if alert is None:
        raise Http404
    if action == "respond" and not may_respond(user, alert.service.unit):
        raise PermissionDenied
    if action == "draft" and not may_draft(user):
        raise PermissionDenied
    return alert


def editable_units(user: User) -> QuerySet[Unit]:
    """The public-service units whose figures the user may change."""
    return _filter(
        Unit.objects.filter(is_public_service=True, is_active=True), editable_paths(user), "path"
    )


def editable_services(user: User) -> QuerySet[PublicService]:
    return _filter(PublicService.objects.filter(is_active=True), editable_paths(user), "unit__path")
