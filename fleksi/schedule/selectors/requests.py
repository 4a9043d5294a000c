"""Reads of requests for people: a request with its days, the rule traces in plain language,
the work plan and the approval history; a person's requests and next WFA days."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone, translation

from fleksi.policy.messages import RULE_LABELS, value_label
from fleksi.schedule.models import ApprovalStep, RequestDay, WfaRequest, WorkPlanItem

ACTIVE = (RequestDay.Status.PENDING, RequestDay.Status.APPROVED)
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class RuleLine:
    rule: str
    label: str
    outcome: str
    text: str
    article: str
    observed: str
    limit: str


@dataclass(frozen=True)
class DayView:
    row: RequestDay
    verdict: str
    failures: tuple[RuleLine, ...]
    warnings: tuple[RuleLine, ...]
    checked: tuple[RuleLine, ...]  # everything else that was checked (pass)
    approval_failures: tuple[RuleLine, ...]


def _value(value: Any) -> str:
    if isinstance(value, str) and ISO_DAY.match(value):
        return value_label(date.fromisoformat(value))
    return value_label(value)


def rule_line(entry: Mapping[str, Any]) -> RuleLine:
    """One stored rule result in the active language."""
    english = (translation.get_language() or "id").startswith("en")
    text = entry.get("message_en" if english else "message_id") or entry.get("code", "")
    rule = str(entry.get("rule", ""))
    return RuleLine(
        rule=rule,
        label=str(RULE_LABELS.get(rule, rule)),
        outcome=str(entry.get("outcome", "")),
        text=str(text),
        article=str(entry.get("article", "")),
        observed=_value(entry.get("observed")),
        limit=_value(entry.get("limit")),
    )


def _lines(rules: Iterable[Mapping[str, Any]], outcome: str) -> tuple[RuleLine, ...]:
    return tuple(rule_line(r) for r in rules if r.get("outcome") == outcome)


def day_view(row: RequestDay) -> DayView:
    trace: dict[str, Any] = row.trace if isinstance(row.trace, dict) else {"rules": row.trace or []}
    rules = trace.get("rules") or []
    approval = trace.get("approval") or {}
    return DayView(
        row=row,
        verdict=str(trace.get("verdict", "")),
        failures=_lines(rules, "fail"),
        warnings=_lines(rules, "warn"),
        checked=_lines(rules, "pass"),
        approval_failures=_lines(approval.get("rules") or [], "fail"),
    )


@dataclass(frozen=True)
class RequestView:
    request: WfaRequest
    days: tuple[DayView, ...]
    plan: tuple[WorkPlanItem, ...]
    steps: tuple[ApprovalStep, ...]
    pending_step: ApprovalStep | None
    cancellable: tuple[date, ...]  # days the employee may still cancel
    recallable: tuple[date, ...]  # approved days not yet started

    @property
    def refused(self) -> int:
        return sum(1 for d in self.days if d.row.status == RequestDay.Status.REFUSED)


def request_view(request: WfaRequest) -> RequestView:
    today = timezone.localdate()
    rows = list(
        RequestDay.objects.filter(request=request).select_related("decided_by").order_by("day")
    )
    steps = tuple(
        request.steps.select_related("approver", "via_unit", "acted_by").order_by("level", "pk")
    )
    return RequestView(
        request=request,
        days=tuple(day_view(r) for r in rows),
        plan=tuple(request.plan_items.order_by("order")),
        steps=steps,
        pending_step=next((s for s in steps if s.status == ApprovalStep.Status.PENDING), None),
        cancellable=tuple(r.day for r in rows if r.status in ACTIVE and r.day >= today),
        recallable=tuple(
            r.day for r in rows if r.status == RequestDay.Status.APPROVED and r.day >= today
        ),
    )


def requests_with_days(qs: QuerySet[WfaRequest]) -> QuerySet[WfaRequest]:
    """A list of requests with their days and employee (two queries for a page)."""
    return qs.select_related("employee", "employee__unit", "office", "place").prefetch_related(
        Prefetch("days", queryset=RequestDay.objects.order_by("day"))
    )


def next_wfa_days(employee_id: int, *, limit: int = 5) -> list[RequestDay]:
    """The person's coming WFA days, approved or waiting (one indexed query)."""
    return list(
        RequestDay.objects.filter(
            employee_id=employee_id, day__gte=timezone.localdate(), status__in=ACTIVE
        )
        .select_related("request")
        .order_by("day")[:limit]
    )
