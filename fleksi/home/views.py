from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import employees_visible_to, scope_for
from fleksi.eligibility.services import eligibility_evaluate
from fleksi.home import selectors
from fleksi.org.models import Employee
from fleksi.org.selectors import employee_get
from fleksi.presence.selectors.checkins import today_for
from fleksi.schedule.selectors.inbox import pending_count
from fleksi.schedule.selectors.requests import next_wfa_days


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    scope = scope_for(user)
    ctx: dict[str, object] = {"scope": scope, "today": timezone.localdate()}
    if scope.employee_id is not None:
        ctx["me"] = me = employee_get(scope.employee_id)
        ctx["wfa_version"], ctx["wfa_today"] = eligibility_evaluate(
            employee=me, day=timezone.localdate()
        )
        ctx["next_wfa"] = next_wfa = next_wfa_days(me.pk)
        # Today on the home page: the schedule, where the person works and the check-ins.
        presence = today_for(me, timezone.localtime().replace(tzinfo=None))
        ctx["presence_today"] = presence
        ctx["checkins_done"] = sum(1 for s in presence.slots if s.checkin is not None)
        ctx["wfa_approved_today"] = any(
            d.day == ctx["today"] and d.status == "approved" for d in next_wfa
        )
        ctx["inbox_count"] = pending_count(me.pk)
    if scope.has_role("supervisor"):
        ctx["team"] = scope.direct_reports().select_related("position").order_by("name")[:50]
    if scope.headed_unit_paths:
        ctx["headed_units"] = [
            {
                "unit": u,
                "by_asn_type": selectors.headcount_by_asn_type(
                    Employee.objects.filter(unit__path__startswith=u.path)
                ),
            }
            for u in scope.headed_units()
        ]
    if scope.managed_unit_paths:
        ctx["managed_units"] = scope.managed_units()
    if scope.has(Perm.REGENCY_VIEW):
        ctx["regency"] = selectors.regency_overview()
        ctx["largest"] = selectors.largest_perangkat_daerah()
    if scope.has(Perm.PLACES_MANAGE):
        ctx["kecamatan"] = selectors.kecamatan_residents()
    if scope.has(Perm.AUDIT_VIEW):
        ctx["recent_audit"] = selectors.recent_audit_entries()
    if scope.has(Perm.PEOPLE_IMPORT):
        ctx["without_account"] = (
            employees_visible_to(user).filter(is_active=True, account__isnull=True).count()
        )
    if scope.unit_paths:
        ctx["n_in_scope"] = Employee.objects.filter(scope.in_subtrees_q(), is_active=True).count()
    return render(request, "home/index.html", ctx)
