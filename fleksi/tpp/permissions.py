"""Who may see a month's TPP: the same as the attendance recap it comes from
(``fleksi.presence.permissions``) — an employee their own, whoever may see the person;
a unit's list and export for heads, managers and personnel administrators of a subtree
containing it and the regency-wide roles; the regency export and the simulation as the
recap's regency export and the policy simulation. NIPs only for readers of personal
details (``Scope.personal_details_among``)."""

from __future__ import annotations

from dataclasses import replace

from django.db.models import QuerySet

from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.org.models import Employee
from fleksi.presence.selectors.recap import Period
from fleksi.tpp.selectors import MonthRow, month_rows


def month_rows_for(user: User, people: QuerySet[Employee], period: Period) -> list[MonthRow]:
    rows = month_rows(people, period)
    shown = scope_for(user).personal_details_among(people)
    if shown is None:
        return rows
    return [r if r.employee_id in shown else replace(r, nip="") for r in rows]
