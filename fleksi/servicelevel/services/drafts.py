"""Turning a safeguard alert into a draft policy change for the service's unit.

The draft starts from the version in force (with every unit's own values), and gives the
service's unit a lower share off site and a higher minimum on site by the rule in
``fleksi.servicelevel.domain.tightening``. Its notes say which alert, which values and which
rule; the alert links to it, and BKPSDM tries it in the what-if simulation before the Sekda
decides.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import Change
from fleksi.common.errors import Conflict
from fleksi.common.formats import day_text
from fleksi.org.models import Unit
from fleksi.org.selectors import unit_ancestors
from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.models import PolicyVersion, UnitOverride
from fleksi.policy.selectors import params_of, version_in_force
from fleksi.policy.services import (
    policy_draft_create,
    policy_draft_update,
    policy_unit_override_set,
)
from fleksi.servicelevel.domain.tightening import Tightening, tighten
from fleksi.servicelevel.messages import METRIC_LABELS, metric_value
from fleksi.servicelevel.models import SafeguardAlert
from fleksi.servicelevel.services.common import audit_by_stream, stream_of

REASON_MAX = 255


def unit_values_in_force(
    version: PolicyVersion | None, params: PolicyParams, unit: Unit
) -> tuple[Decimal, int]:
    """The unit's share off site (the strictest along its chain, the perangkat daerah's
    own value or the default at the top) and its minimum on site (its own value, else the
    public-service minimum for a public-service unit)."""
    overrides: dict[int, tuple[Decimal | None, int | None]] = {}
    if version is not None:
        overrides = {
            unit_id: (share, minimum)
            for unit_id, share, minimum in UnitOverride.objects.filter(version=version).values_list(
                "unit_id", "max_offsite_share", "min_onsite_staff"
            )
        }
    chain = [*unit_ancestors(unit), unit]
    own = [overrides.get(u.pk, (None, None))[0] for u in chain]
    top = own[0] if own[0] is not None else Decimal(str(params.default_max_offsite_share))
    share = min([top, *(s for s in own[1:] if s is not None)])
    minimum = overrides.get(unit.pk, (None, None))[1]
    if minimum is None:
        minimum = params.min_onsite_public_service if unit.is_public_service else 0
    return share, minimum


def _pct(share: Decimal) -> str:
    return f"{(share * 100).normalize():f} %"


def _notes(alert: SafeguardAlert, unit: Unit, t: Tightening) -> str:
    service = alert.service
    return _(
        "Proposed by the public-service safeguard (alert %(id)s of %(day)s). %(service)s "
        "(%(unit)s): %(metric)s was %(recent)s from %(recent_start)s to %(recent_end)s "
        "against %(baseline)s before WFA, worse by %(change)s %% (threshold %(threshold)s %%). "
        "Proposed for %(unit)s: share off site %(share_before)s → %(share_after)s; minimum "
        "on site %(min_before)s → %(min_after)s (rule: halve the share, +1 on site). Try it "
        "in the what-if simulation before it is published."
    ) % {
        "id": alert.pk,
        "day": day_text(alert.fired_on),
        "service": service.name,
        "unit": unit.name,
        "metric": METRIC_LABELS[alert.metric],
        "recent": metric_value(alert.metric, alert.recent_value, service.processing_unit),
        "baseline": metric_value(alert.metric, alert.baseline_value, service.processing_unit),
        "recent_start": day_text(alert.recent_start),
        "recent_end": day_text(alert.recent_end),
        "change": alert.change_pct,
        "threshold": alert.threshold_pct,
        "share_before": _pct(t.share_before),
        "share_after": _pct(t.share_after),
        "min_before": t.minimum_before,
        "min_after": t.minimum_after,
    }


def alert_to_draft(*, actor: Any, alert: SafeguardAlert) -> PolicyVersion:
    """A draft policy version that tightens the alert's unit; the alert links to it."""
    today = timezone.localdate()
    with transaction.atomic():
        locked = (
            SafeguardAlert.objects.select_for_update()
            .select_related("service", "service__unit")
            .get(pk=alert.pk)
        )
        if locked.status not in (SafeguardAlert.Status.OPEN, SafeguardAlert.Status.ACKNOWLEDGED):
            raise Conflict(
                "alert_state",
                _("This alert was already turned into a draft or closed."),
            )
        unit = locked.service.unit
        current = version_in_force(today)
        params = params_of(current) if current else PolicyParams()
        share, minimum = unit_values_in_force(current, params, unit)
        t = tighten(share=share, minimum=minimum)
        start = today + timedelta(days=1)
        if current is not None:
            start = max(start, current.effective_from + timedelta(days=1))
        draft = policy_draft_create(
            actor=actor,
            regulation_number=_("Draft amendment of %(number)s")
            % {"number": current.regulation_number if current else _("the WFA regulation")},
            title=_("Tighten %(unit)s: %(service)s is doing worse since WFA")
            % {"unit": unit.name, "service": locked.service.name},
            effective_from=start,
            based_on=current,
        )
        policy_unit_override_set(
            actor=actor,
            version=draft,
            unit=unit,
            max_offsite_share=t.share_after,
            min_onsite_staff=t.minimum_after,
            reason=(
                _("Safeguard alert %(id)s: %(metric)s")
                % {"id": locked.pk, "metric": METRIC_LABELS[locked.metric]}
            )[:REASON_MAX],
        )
        draft = policy_draft_update(actor=actor, version=draft, notes=_notes(locked, unit, t))
        before = locked.status
        locked.status = SafeguardAlert.Status.TURNED_INTO_DRAFT
        locked.draft_version = draft
        locked.handled_by, locked.handled_at = actor, timezone.now()
        locked.save(update_fields=["status", "draft_version", "handled_by", "handled_at"])
        audit_by_stream(
            actor=actor,
            changes=[
                (
                    stream_of(unit.pk, unit.root_id),
                    Change(
                        action="servicelevel.alert.turned_into_draft",
                        object_type="servicelevel.alert",
                        object_id=str(locked.pk),
                        object_repr=f"{locked.service.code} {locked.metric}",
                        before={"status": before},
                        after={
                            "status": locked.status,
                            "draft_version": draft.pk,
                            "unit": unit.pk,
                            "share": [t.share_before, t.share_after],
                            "minimum": [t.minimum_before, t.minimum_after],
                        },
                    ),
                )
            ],
        )
    return draft
