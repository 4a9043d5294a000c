"""The safeguard check (a periodic job) and the handling of its alerts.

:func:`safeguard_check` compares, for every active service at once, the recent window with
the baseline before WFA (``fleksi.servicelevel.domain.safeguard``), with the thresholds of the
policy version in force. A metric that degrades beyond the threshold raises one alert per
service and metric (none while one is still active: running the check again adds nothing),
with every value in its trace; the head of the service's unit and the Sekda are told.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fleksi.accounts.models import Role, User
from fleksi.audit.services import Change
from fleksi.common.errors import Conflict
from fleksi.common.formats import lazy_day_text
from fleksi.notify.services import notify_translated
from fleksi.org.models import Unit
from fleksi.org.selectors import agency_get, unit_ancestors, unit_head_on
from fleksi.servicelevel.domain.safeguard import (
    HOLDS,
    MetricOutcome,
    Windows,
    evaluate,
    number,
    outcome_json,
    windows_for,
)
from fleksi.servicelevel.messages import METRIC_LABELS, metric_number, unit_label
from fleksi.servicelevel.models import PublicService, SafeguardAlert
from fleksi.servicelevel.models.safeguard import ACTIVE_STATUSES
from fleksi.servicelevel.selectors import safeguard_facts, thresholds_on, wfa_start
from fleksi.servicelevel.services.common import audit_by_stream, stream_of

ALERT_KIND = "safeguard.alert"
PARAM_KEYS = (
    "safeguard_degradation_pct",
    "safeguard_recent_days",
    "safeguard_baseline_days",
    "safeguard_min_days",
)
TITLE = gettext_lazy("%(service)s is doing worse since WFA: %(metric)s")
BODY = gettext_lazy(
    "%(unit)s — %(metric)s: %(recent)s %(unit_label)s from %(recent_start)s to %(recent_end)s "
    "against %(baseline)s %(unit_label)s before WFA, worse by %(change)s %% (the policy's "
    "threshold: %(threshold)s %%). Acknowledge it, or ask BKPSDM to turn it into a draft "
    "policy change."
)


@dataclass
class SafeguardRun:
    day: date
    windows: Windows | None = None
    services: int = 0
    alerts: list[SafeguardAlert] = field(default_factory=list)
    recovered: list[SafeguardAlert] = field(default_factory=list)  # closed: the metric holds
    skipped: str = ""  # why nothing was compared: "no_wfa_start" | "before_wfa_start"


def _decimal(value: Fraction | None, places: int) -> Decimal:
    return Decimal(str(number(value, places) or 0))


def safeguard_check(*, day: date | None = None) -> SafeguardRun:
    """Compare every active service on ``day`` (today by default); raise the new alerts, and
    close the active alerts whose metric holds again (recovered: within the threshold with
    enough days of figures in both windows — too few figures leave an alert as it is)."""
    day = day or timezone.localdate()
    run = SafeguardRun(day=day)
    start = wfa_start()
    if start.day is None:
        run.skipped = "no_wfa_start"
        return run
    version, params, thresholds = thresholds_on(day)
    windows = windows_for(
        day=day,
        wfa_start=start.day,
        baseline_days=params.safeguard_baseline_days,
        recent_days=params.safeguard_recent_days,
    )
    if windows is None:
        run.skipped = "before_wfa_start"
        return run
    run.windows = windows
    facts = safeguard_facts(windows=windows)
    run.services = len(facts)
    active = set(
        SafeguardAlert.objects.filter(status__in=ACTIVE_STATUSES).values_list(
            "service_id", "metric"
        )
    )
    services = PublicService.objects.select_related("unit").in_bulk(list(facts))
    common = {
        "day": day.isoformat(),
        "wfa_start": start.day.isoformat(),
        "wfa_start_source": start.source,
        "windows": windows.as_json(),
        "policy_version": {"id": version.pk, "regulation_number": version.regulation_number}
        if version
        else None,
        "params": {k: getattr(params, k) for k in PARAM_KEYS},
        "articles": {k: params.article(k) for k in PARAM_KEYS},
    }
    now = timezone.now()
    pending: list[SafeguardAlert] = []
    holding: dict[tuple[int, str], MetricOutcome] = {}
    for sid, service_facts in facts.items():
        outcomes = evaluate(service_facts, windows, thresholds)
        for o in outcomes:
            if o.outcome == HOLDS and (sid, o.metric) in active:
                holding[(sid, o.metric)] = o
            if not o.fires or (sid, o.metric) in active:
                continue
            pending.append(_alert(services[sid], o, outcomes, windows, common, version, day, now))
    if holding:
        run.recovered = _close_recovered(holding, windows, day)
    with transaction.atomic():
        for alert in pending:
            try:
                with transaction.atomic():
                    alert.save()
            except IntegrityError:  # another run raised it at the same moment
                continue
            run.alerts.append(alert)
        audit_by_stream(
            actor=None,
            changes=[
                (
                    stream_of(a.service.unit_id, a.service.unit.root_id),
                    Change(
                        action="servicelevel.alert.raise",
                        object_type="servicelevel.alert",
                        object_id=str(a.pk),
                        object_repr=f"{a.service.code} {a.metric}",
                        after={
                            "metric": a.metric,
                            "baseline": a.baseline_value,
                            "recent": a.recent_value,
                            "change_pct": a.change_pct,
                            "threshold_pct": a.threshold_pct,
                        },
                        context={"day": day, "windows": windows.as_json()},
                    ),
                )
                for a in run.alerts
            ],
        )
        for alert in run.alerts:
            _tell(alert, day)
    return run


def _close_recovered(
    holding: dict[tuple[int, str], MetricOutcome], windows: Windows, day: date
) -> list[SafeguardAlert]:
    """Close the active alerts of metrics that hold again, each with the values that show it,
    audited on the unit's stream; the unit head and the Sekda see it closed on the page."""
    closed = []
    with transaction.atomic():
        for alert in (
            SafeguardAlert.objects.select_for_update()
            .select_related("service", "service__unit")
            .filter(status__in=ACTIVE_STATUSES, service_id__in={sid for sid, _m in holding})
        ):
            o = holding.get((alert.service_id, alert.metric))
            if o is None:
                continue
            change = number(o.degradation_pct, 2)
            alert.status = SafeguardAlert.Status.CLOSED
            alert.handled_by, alert.handled_at = None, timezone.now()
            alert.note = (
                _(
                    "Recovered on %(day)s: %(recent)s in the recent window against %(baseline)s "
                    "before WFA (change %(change)s %%, threshold %(threshold)s %%)."
                )
                % {
                    "day": day.isoformat(),
                    "recent": number(o.recent, 2),
                    "baseline": number(o.baseline, 2),
                    "change": "–" if change is None else change,
                    "threshold": o.threshold_pct,
                }
            )[:500]
            alert.save(update_fields=["status", "handled_by", "handled_at", "note"])
            closed.append(alert)
        audit_by_stream(
            actor=None,
            changes=[
                (
                    stream_of(a.service.unit_id, a.service.unit.root_id),
                    Change(
                        action="servicelevel.alert.recover",
                        object_type="servicelevel.alert",
                        object_id=str(a.pk),
                        object_repr=f"{a.service.code} {a.metric}",
                        before={"status": "active"},
                        after={"status": a.status, "note": a.note},
                        context={"day": day, "windows": windows.as_json()},
                    ),
                )
                for a in closed
            ],
        )
    return closed


def _alert(
    service: PublicService,
    o: MetricOutcome,
    outcomes: Iterable[MetricOutcome],
    windows: Windows,
    common: dict[str, Any],
    version: Any,
    day: date,
    now: Any,
) -> SafeguardAlert:
    return SafeguardAlert(
        service=service,
        metric=o.metric,
        baseline_value=_decimal(o.baseline, 4),
        recent_value=_decimal(o.recent, 4),
        change_pct=_decimal(o.degradation_pct, 2),
        threshold_pct=o.threshold_pct,
        baseline_start=windows.baseline_start,
        baseline_end=windows.baseline_end,
        recent_start=windows.recent_start,
        recent_end=windows.recent_end,
        fired_on=day,
        fired_at=now,
        policy_version=version,
        trace={
            **common,
            "service": {
                "id": service.pk,
                "code": service.code,
                "name": service.name,
                "unit_id": service.unit_id,
                "processing_unit": service.processing_unit,
                "standard_max_processing": service.standard_max_processing,
            },
            "metric": o.metric,
            "metrics": [outcome_json(x) for x in outcomes],
        },
    )


def alert_recipients(unit: Unit, day: date) -> list[User]:
    """The head of the unit (else of the nearest unit above it) and the Sekda."""
    head = None
    for candidate in [unit, *reversed(unit_ancestors(unit))]:
        head = unit_head_on(candidate, day)
        if head is not None:
            break
    employees = [head.pk] if head is not None else []
    agency = agency_get()
    if agency is not None and agency.secretariat_unit is not None:
        sekda = unit_head_on(agency.secretariat_unit, day)
        if sekda is not None:
            employees.append(sekda.pk)
    users = User.objects.filter(is_active=True, employee_id__in=employees) | User.objects.filter(
        is_active=True,
        role_assignments__role=Role.SEKDA,
        role_assignments__valid_until__isnull=True,
    )
    return list(users.distinct().order_by("pk"))


def _tell(alert: SafeguardAlert, day: date) -> None:
    service = alert.service
    notify_translated(
        recipients=alert_recipients(service.unit, day),
        kind=ALERT_KIND,
        title=TITLE,
        body=BODY,
        params={
            "service": service.name,
            "unit": service.unit.name,
            "metric": METRIC_LABELS[alert.metric],
            "recent": metric_number(alert.metric, alert.recent_value),
            "baseline": metric_number(alert.metric, alert.baseline_value),
            "unit_label": unit_label(alert.metric, service.processing_unit),
            "recent_start": lazy_day_text(alert.recent_start),
            "recent_end": lazy_day_text(alert.recent_end),
            "change": metric_number("", alert.change_pct),
            "threshold": alert.threshold_pct,
        },
        url=reverse("servicelevel:alert", args=[alert.pk]),
        source=("servicelevel.alert", str(alert.pk)),
    )


def safeguard_job() -> int:
    """The periodic job: today's check; returns the alerts raised."""
    return len(safeguard_check().alerts)


# --- Handling an alert -----------------------------------------------------------------------


def _handle(
    *, actor: Any, alert: SafeguardAlert, to: str, allowed: tuple[str, ...], note: str
) -> SafeguardAlert:
    with transaction.atomic():
        locked = (
            SafeguardAlert.objects.select_for_update()
            .select_related("service", "service__unit")
            .get(pk=alert.pk)
        )
        if locked.status not in allowed:
            raise Conflict(
                "alert_state",
                _("The alert is %(status)s already.") % {"status": locked.get_status_display()},
            )
        before = locked.status
        locked.status = to
        locked.handled_by, locked.handled_at = actor, timezone.now()
        if note.strip():
            locked.note = note.strip()[:500]
        locked.save(update_fields=["status", "handled_by", "handled_at", "note"])
        audit_by_stream(
            actor=actor,
            changes=[
                (
                    stream_of(locked.service.unit_id, locked.service.unit.root_id),
                    Change(
                        action=f"servicelevel.alert.{to}",
                        object_type="servicelevel.alert",
                        object_id=str(locked.pk),
                        object_repr=f"{locked.service.code} {locked.metric}",
                        before={"status": before},
                        after={"status": to, "note": locked.note},
                    ),
                )
            ],
        )
    return locked


def alert_acknowledge(*, actor: Any, alert: SafeguardAlert, note: str = "") -> SafeguardAlert:
    """Seen and being looked into (from open only)."""
    return _handle(
        actor=actor,
        alert=alert,
        to=SafeguardAlert.Status.ACKNOWLEDGED,
        allowed=(SafeguardAlert.Status.OPEN,),
        note=note,
    )


def alert_close(*, actor: Any, alert: SafeguardAlert, note: str = "") -> SafeguardAlert:
    """Done with (from any active state); a later check may raise the metric again."""
    return _handle(
        actor=actor,
        alert=alert,
        to=SafeguardAlert.Status.CLOSED,
        allowed=ACTIVE_STATUSES,
        note=note,
    )
