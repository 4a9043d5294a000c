"""The main navigation, built from the user's scope (one place for every app's links)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import Scope, scope_for
from fleksi.insights.permissions import may_use_scope as may_see_evaluation
from fleksi.notify.selectors import notification_unread_count
from fleksi.schedule.selectors.inbox import has_pending_steps
from fleksi.servicelevel.permissions import may_use_scope as may_see_service_levels


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    current: bool


def _items(scope: Scope) -> list[tuple[Any, str]]:
    items: list[tuple[Any, str]] = [(_("Home"), "home:index")]
    if scope.employee_id is not None:
        items.append((_("Can I WFA?"), "eligibility:mine"))
        items.append((_("Presence"), "presence:checkin"))
        items.append((_("My WFA"), "schedule:mine"))
    if scope.headed_unit_paths or (
        scope.employee_id is not None and has_pending_steps(scope.employee_id)
    ):
        items.append((_("Inbox"), "schedule:inbox"))
    if scope.unit_paths or scope.sees_all_people:
        items.append((_("Board"), "schedule:board"))
    if scope.employee_id is not None:
        items.append((_("My outputs"), "outputs:day"))
    if scope.headed_unit_paths or scope.sees_all_people or scope.has_role("supervisor"):
        items.append((_("Output measures"), "outputs:team"))
    if scope.sees_all_people or scope.unit_paths or scope.has_role("supervisor"):
        items.append((_("People"), "org:people"))
    if scope.employee_id is not None:
        items.append((_("My preferences"), "roster:preferences"))
    if scope.headed_unit_paths or scope.admin_unit_paths:
        items.append((_("Roster"), "roster:index"))
    items.append((_("Units"), "org:unit_list"))
    if (
        scope.employee_id is not None
        or scope.unit_paths
        or scope.sees_all_people
        or scope.has(Perm.REGENCY_VIEW)
        or scope.has(Perm.MAPPING_APPROVE)
    ):
        items.append((_("Duty mapping"), "jobmap:index"))
    items.append((_("WFA policy"), "policy:version_list"))
    if scope.has(Perm.REGENCY_VIEW):
        items.append((_("Eligibility"), "eligibility:regency"))
    if scope.has(Perm.PLACES_MANAGE) or scope.has(Perm.REGENCY_VIEW):
        items.append((_("Digital readiness"), "places:readiness"))
    elif scope.employee_id is not None:
        items.append((_("My place"), "places:mine"))
    if may_see_service_levels(scope):
        items.append((_("Service levels"), "servicelevel:index"))
    if may_see_evaluation(scope):
        items.append((_("Evaluation"), "insights:index"))
    if scope.has(Perm.PEOPLE_IMPORT):
        items.append((_("Import"), "org:import_people"))
    if scope.has(Perm.AUDIT_VIEW):
        items.append((_("Audit trail"), "audit:entry_list"))
    if scope.has(Perm.ROLES_VIEW):
        items.append((_("Roles"), "accounts:roles"))
    if scope.employee_id is None and (scope.sees_all_people or scope.unit_paths):
        items.append((_("Presence recap"), "presence:recap_units"))
    items.append((_("My profile"), "accounts:profile"))
    return items


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if not isinstance(user, User) or not user.is_authenticated:
        return {"nav_items": [], "unread_notifications": 0}
    path = request.path
    entries = [(str(label), reverse(name)) for label, name in _items(scope_for(user))]
    # The current item is the one whose address is the longest prefix of this page's
    # ("/" only on the home page itself).
    matching = [
        url for _label, url in entries if (path == url if url == "/" else path.startswith(url))
    ]
    current = max(matching, key=len, default=None)
    return {
        "nav_items": [NavItem(label, url, url == current) for label, url in entries],
        # One indexed count for the "Notifications (n)" link in the header.
        "unread_notifications": notification_unread_count(user),
    }
