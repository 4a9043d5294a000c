"""Role administration pages: BKPSDM assigns and revokes; the Inspektorat (and the Sekda)
review who held which role when."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.accounts.domain.access import Perm
from fleksi.accounts.forms import RoleAssignForm, RoleHistoryFilterForm, RoleRevokeForm
from fleksi.accounts.models import RoleAssignment
from fleksi.accounts.permissions import require, scope_for
from fleksi.accounts.selectors import account_by_login, role_assignment_list
from fleksi.accounts.services import role_assign, role_revoke
from fleksi.accounts.stepup import step_up
from fleksi.common.confirm import confirm_first
from fleksi.common.errors import ServiceError
from fleksi.common.pagination import paginate


def _page(request: HttpRequest, form: RoleAssignForm | None = None) -> HttpResponse:
    user = user_of(request)
    filters = RoleHistoryFilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    qs = role_assignment_list(current_only=True, q=data.get("q") or "", role=data.get("role") or "")
    may_manage = scope_for(user).has(Perm.ROLES_MANAGE)
    return render(
        request,
        "accounts/roles.html",
        {
            "filters": filters,
            "page": paginate(qs, request.GET, per_page=50),
            "may_manage": may_manage,
            "form": form or (RoleAssignForm() if may_manage else None),
            "revoke_form": RoleRevokeForm(),
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
def role_list(request: HttpRequest) -> HttpResponse:
    require(user_of(request), Perm.ROLES_VIEW)
    return _page(request)


@login_required
def role_history(request: HttpRequest) -> HttpResponse:
    require(user_of(request), Perm.ROLES_VIEW)
    filters = RoleHistoryFilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    qs = role_assignment_list(
        q=data.get("q") or "", role=data.get("role") or "", held_on=data.get("held_on")
    )
    return render(
        request,
        "accounts/role_history.html",
        {"filters": filters, "page": paginate(qs, request.GET, per_page=50)},
    )


@login_required
@require_POST
@step_up(back_to="accounts:roles")
def role_assign_view(request: HttpRequest) -> HttpResponse:
    actor = user_of(request)
    require(actor, Perm.ROLES_MANAGE)
    form = RoleAssignForm(request.POST)
    if not form.is_valid():
        return _page(request, form)
    target = account_by_login(form.cleaned_data["account"])
    if target is None:
        form.add_error("account", _("No account signs in with this NIP or username."))
        return _page(request, form)
    try:
        role_assign(
            actor=actor,
            user=target,
            role=form.cleaned_data["role"],
            unit=form.cleaned_data["unit"],
            reason=form.cleaned_data["reason"],
        )
    except ServiceError as exc:
        form.add_error(None, exc.message)
        return _page(request, form)
    messages.success(request, _("The role was assigned."))
    return redirect("accounts:roles")


@login_required
@require_POST
@step_up(back_to="accounts:roles")
def role_revoke_view(request: HttpRequest, assignment_id: int) -> HttpResponse:
    actor = user_of(request)
    require(actor, Perm.ROLES_MANAGE)
    assignment = RoleAssignment.objects.current().filter(pk=assignment_id).first()
    if assignment is None:
        raise Http404
    form = RoleRevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the basis of the revocation."))
        return redirect("accounts:roles")
    ask = confirm_first(
        request,
        question=_("Revoke this role? The person loses what it allows at once."),
        yes=_("Yes, revoke"),
        back=reverse("accounts:roles"),
        details=[str(assignment)],
    )
    if ask is not None:
        return ask
    try:
        role_revoke(actor=actor, assignment=assignment, reason=form.cleaned_data["reason"])
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("accounts:roles")
    messages.success(request, _("The role was revoked."))
    return redirect("accounts:roles")
