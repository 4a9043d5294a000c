"""The Inspektorat's summary: the last verification of the audit trail, the trail's size,
and the latest decisions with the rule and the policy version that made them — WFA days
(the request rules' trace), monthly suspensions (the output check's trace), safeguard alerts
and published policy versions. Each list is short and read through an index."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count
from django.utils import timezone

from fleksi.audit.models import AuditEntry, AuditStream
from fleksi.eligibility.models import WfaSuspension
from fleksi.insights.models import EvaluationReport, TrailCheck
from fleksi.policy.models import PolicyVersion
from fleksi.schedule.models import RequestDay
from fleksi.servicelevel.models import SafeguardAlert

RECENT = 8
DECIDED = ("approved", "rejected", "refused", "recalled")


@dataclass(frozen=True)
class Decision:
    kind: str  # wfa_day | suspension | alert | policy
    when: Any  # a date or a moment
    who: str  # the employee, the service or the regulation
    outcome: str  # the status / trigger / metric
    rule: str  # the rule that decided ("" when a person decided)
    version: str  # the regulation number of the policy version
    object_type: str  # for the audit trail's filter
    object_id: int


@dataclass(frozen=True)
class AuditSummary:
    check: TrailCheck | None
    streams: int
    entries_month: int
    decisions: list[Decision]
    reports: list[EvaluationReport]


def _versions(ids: set[int]) -> dict[int, str]:
    return dict(PolicyVersion.objects.filter(pk__in=ids).values_list("id", "regulation_number"))


def _failing_rule(trace: Any) -> str:
    rules = trace.get("rules", []) if isinstance(trace, dict) else []
    failing = [r.get("rule", "") for r in rules if r.get("outcome") == "fail"]
    return ", ".join(failing)


def recent_decisions(today: date) -> list[Decision]:
    days = list(
        RequestDay.objects.filter(day__gte=today - timedelta(days=14), status__in=DECIDED)
        .exclude(decided_at__isnull=True)
        .select_related("employee", "request")
        .order_by("-decided_at", "-id")[:RECENT]
    )
    suspensions = list(
        WfaSuspension.objects.select_related("employee").order_by("-decided_at")[:RECENT]
    )
    alerts = list(SafeguardAlert.objects.select_related("service").order_by("-fired_at")[:RECENT])
    published = list(
        PolicyVersion.objects.exclude(published_at__isnull=True).order_by("-published_at")[:RECENT]
    )
    version_ids: set[int] = set()
    for d in days:
        v = d.trace.get("version") if isinstance(d.trace, dict) else None
        version_ids |= {int(v)} if v else set()
        version_ids |= {d.request.policy_version_id} if d.request.policy_version_id else set()
    version_ids |= {
        int(s.trace["policy_version"]) for s in suspensions if s.trace.get("policy_version")
    }
    version_ids |= {a.policy_version_id for a in alerts if a.policy_version_id}
    names = _versions(version_ids)
    out: list[Decision] = []
    for d in days:
        v = (
            d.trace.get("version") if isinstance(d.trace, dict) else None
        ) or d.request.policy_version_id
        out.append(
            Decision(
                "wfa_day",
                d.decided_at,
                d.employee.name,
                d.status,
                _failing_rule(d.trace),
                names.get(int(v), "") if v else "",
                "schedule.request",
                d.request_id,
            )
        )
    for s in suspensions:
        v = s.trace.get("policy_version")
        out.append(
            Decision(
                "suspension",
                s.decided_at,
                s.employee.name,
                s.trigger,
                s.reason,
                names.get(int(v), "") if v else "",
                "outputs.suspension",
                s.pk,
            )
        )
    for a in alerts:
        out.append(
            Decision(
                "alert",
                a.fired_at,
                a.service.name,
                a.metric,
                f"{a.change_pct} % ≥ {a.threshold_pct} %",
                names.get(a.policy_version_id, "") if a.policy_version_id else "",
                "servicelevel.alert",
                a.pk,
            )
        )
    for p in published:
        out.append(
            Decision(
                "policy",
                p.published_at,
                p.regulation_number,
                p.status,
                "",
                p.regulation_number,
                "policy.version",
                p.pk,
            )
        )
    return sorted(out, key=lambda d: d.when, reverse=True)


def audit_summary(month: date) -> AuditSummary:
    today = timezone.localdate()
    start = datetime.combine(month, time.min, tzinfo=timezone.get_current_timezone())
    entries = AuditEntry.objects.filter(at__gte=start).aggregate(n=Count("id"))["n"]
    return AuditSummary(
        check=TrailCheck.objects.order_by("-checked_at").first(),
        streams=AuditStream.objects.count(),
        entries_month=entries,
        decisions=recent_decisions(today),
        reports=list(EvaluationReport.objects.filter(status="done").order_by("-finished_at")[:5]),
    )
