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
    if scope.employee_id is not None or scope.sees_all_people or scope.unit_paths:
        items.append((_("Regional allowance (TPP)"), "tpp:mine"))
    items.append((_("My profile"), "accounts:profile"))
    return items


# Navigation by task: each kind of user sees the few pages of their day first (at most
# PRIMARY of them, so the bar fits one line of a phone with "More"); the rest is under "More".
PRIMARY = 5
_EMPLOYEE = ("home:index", "presence:checkin", "schedule:mine", "outputs:day", "schedule:inbox")
_LEADER = ("home:index", "schedule:inbox", "schedule:board", "outputs:team", "presence:checkin")
_REGENCY = (
    "home:index",
    "insights:index",
    "schedule:inbox",
    "eligibility:regency",
    "servicelevel:index",
    "policy:version_list",
)
_ADMIN = (
    "home:index",
    "org:import_people",
    "org:people",
    "policy:version_list",
    "audit:entry_list",
)


def _task_order(scope: Scope) -> tuple[str, ...]:
    if scope.has(Perm.PEOPLE_IMPORT):
        return _ADMIN
    if scope.has(Perm.REGENCY_VIEW):
        return _REGENCY
    if scope.headed_unit_paths or scope.has_role("supervisor"):
        return _LEADER
    if scope.employee_id is not None:
        return _EMPLOYEE
    return ()


def split_by_task(scope: Scope, names: list[str]) -> tuple[list[str], list[str]]:
    """The route names of the bar (the role's tasks first, at most :data:`PRIMARY`) and the
    rest, for "More", in their usual order."""
    present = set(names)
    primary = [n for n in _task_order(scope) if n in present][:PRIMARY]
    for n in names:  # a role without a task list: its first pages
        if len(primary) >= PRIMARY:
            break
        if n not in primary and not _task_order(scope):
            primary.append(n)
    return primary, [n for n in names if n not in primary]


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if not isinstance(user, User) or not user.is_authenticated:
        return {"nav_items": [], "nav_more": [], "unread_notifications": 0}
    path = request.path
    scope = scope_for(user)
    items = _items(scope)
    primary, more = split_by_task(scope, [name for _label, name in items])
    label_of = {name: str(label) for label, name in items}
    entries = [(label_of[n], reverse(n)) for n in [*primary, *more]]
    # The current item is the one whose address is the longest prefix of this page's
    # ("/" only on the home page itself).
    matching = [
        url for _label, url in entries if (path == url if url == "/" else path.startswith(url))
    ]
    current = max(matching, key=len, default=None)
    nav = [NavItem(label, url, url == current) for label, url in entries]
    return {
        "nav_items": nav[: len(primary)],
        "nav_more": nav[len(primary) :],
        # One indexed count for the "Notifications (n)" link in the header.
        "unread_notifications": notification_unread_count(user),
    }
