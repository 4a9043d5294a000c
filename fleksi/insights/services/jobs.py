"""The periodic jobs of the evaluation (registered in ``apps.py``)."""

from __future__ import annotations

from django.utils import timezone

from fleksi.common.domain.months import previous_month
from fleksi.insights.services.refresh import stats_refresh
from fleksi.insights.services.reports import report_monthly_due
from fleksi.insights.services.trail import trail_check


def refresh_job() -> int:
    """This month and the last (late reports and verifications change it), and a check of
    the audit trail. Returns the months computed."""
    today = timezone.localdate()
    done = stats_refresh(months=[previous_month(today), today], today=today)
    trail_check()
    return len(done)


def monthly_report_job() -> int:
    """Last month's report, once (1 when one was queued)."""
    return 1 if report_monthly_due(today=timezone.localdate()) is not None else 0
