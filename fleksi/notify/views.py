"""The user's own notifications: the list, opening one, marking all read, e-mail settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.common.pagination import paginate
from fleksi.notify import selectors, services
from fleksi.notify.forms import PreferencesForm
from fleksi.notify.kinds import all_kinds
from fleksi.notify.permissions import access_notification

PER_PAGE = 25


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    unread_only = request.GET.get("show") == "unread"
    page = paginate(
        selectors.notification_list(user, unread_only=unread_only), request.GET, per_page=PER_PAGE
    )
    labels = {k.code: k.label for k in all_kinds()}
    return render(
        request,
        "notify/list.html",
        {
            "page": page,
            "items": [(n, labels.get(n.kind, n.kind)) for n in page.page.object_list],
            "unread_only": unread_only,
            "unread": selectors.notification_unread_count(user),
        },
    )


@login_required
@require_POST
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    user = user_of(request)
    notification = services.notification_open(
        actor=user, notification=access_notification(user, notification_id)
    )
    target = notification.url
    if not target or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("notify:list")
    return redirect(target)


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    n = services.notifications_mark_read(actor=user_of(request))
    if n:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notify:list")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    rows = selectors.notification_preferences(user)
    form = PreferencesForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        services.notification_preferences_set(actor=user, email=form.choices())
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notify:settings")
    return render(
        request,
        "notify/settings.html",
        {"form": form, "has_email": bool(user.email)},
    )
