"""Shared parts of the outputs API: the router and small helpers."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Router

from fleksi.accounts.models import User
from fleksi.common.apikit import Id
from fleksi.org.models import Employee
from fleksi.outputs.models import SkpResult
from fleksi.outputs.permissions import access_work_employee, own_employee

router = Router(tags=["outputs"])
MAX_LIMIT = 200


def employee_of(user: User, employee_id: Id | None) -> Employee:
    return own_employee(user) if employee_id is None else access_work_employee(user, employee_id)


def rhk_or_none(rhk_id: Id | None) -> SkpResult | None:
    return get_object_or_404(SkpResult.objects.select_related("skp"), pk=rhk_id) if rhk_id else None
