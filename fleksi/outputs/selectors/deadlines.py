"""Report and verification deadlines from the policy in force and the working calendar."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from fleksi.outputs.domain.periods import last_overdue_day, report_due
from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.selectors import params_of, version_in_force, work_calendar


def params_on(day: date) -> PolicyParams:
    """The parameters of the version in force on ``day``, else today's, else the defaults
    (outputs are reported also on days before a policy was published)."""
    version = version_in_force(day) or version_in_force(timezone.localdate())
    return params_of(version) if version is not None else PolicyParams()


def report_due_on(day: date) -> date:
    n = params_on(day).report_deadline_days
    return report_due(work_calendar(day, day + timedelta(days=n * 3 + 21)), day, n)


def overdue_cutoff(today: date) -> date:
    """The latest WFA day whose report deadline (policy in force today) is over."""
    n = params_on(today).report_deadline_days
    return last_overdue_day(work_calendar(today - timedelta(days=n * 3 + 21), today), today, n)


def verification_due_at(submitted: datetime) -> datetime:
    """End of the working day ``verification_deadline_days`` after the submission."""
    day = timezone.localtime(submitted).date()
    n = params_on(day).verification_deadline_days
    end = work_calendar(day, day + timedelta(days=n * 3 + 21)).add_working_days(day, n)
    return timezone.make_aware(datetime.combine(end, time(23, 59)))
