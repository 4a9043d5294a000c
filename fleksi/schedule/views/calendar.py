"""My calendar: a month of my WFA days and absences, and its iCalendar feed at a secret
address (no sign-in: the token is the key; a new link revokes the old one)."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.common.errors import ServiceError
from fleksi.common.views import report_error
from fleksi.schedule.domain.ical import calendar_text
from fleksi.schedule.models import CalendarFeed
from fleksi.schedule.selectors.calendar import feed_events, feed_get, month_of
from fleksi.schedule.services.feeds import calendar_feed_renew
from fleksi.schedule.views.common import employee_id_of


def _month(value: str) -> date:
    today = timezone.localdate()
    try:
        year, month = (int(p) for p in value.split("-", 1))
        first = date(year, month, 1)
    except ValueError:
        return today.replace(day=1)
    return first if abs(first.year - today.year) <= 1 else today.replace(day=1)


@login_required
def my_calendar(request: HttpRequest) -> HttpResponse:
    employee_id = employee_id_of(request)
    feed = CalendarFeed.objects.filter(user=user_of(request)).first()
    feed_url = (
        request.build_absolute_uri(reverse("schedule:feed", args=[feed.token])) if feed else ""
    )
    return render(
        request,
        "schedule/calendar.html",
        {
            "month": month_of(employee_id, _month(request.GET.get("month", ""))),
            "today": timezone.localdate(),
            "feed_url": feed_url,
        },
    )


@login_required
@require_POST
def feed_renew(request: HttpRequest) -> HttpResponse:
    employee_id_of(request)
    try:
        calendar_feed_renew(actor=user_of(request))
    except ServiceError as exc:
        report_error(request, exc)
    else:
        messages.success(request, _("Your calendar link is ready. An older link no longer works."))
    return redirect("schedule:calendar")


def feed(request: HttpRequest, token: str) -> HttpResponse:
    found = feed_get(token)
    if found is None or found.user.employee_id is None or not found.user.is_active:
        raise Http404
    events = feed_events(found.user.employee_id, timezone.localdate(), summary=_("WFA"))
    body = calendar_text(events, name=_("My WFA days · Fleksi"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="fleksi-wfa.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
