"""Fixtures of the output tests: the schedule's ``wfa`` world (Bappeda analysts whose
duties suit WFA, a policy in force), approved WFA days in the past (written directly, since
requests are only made for days ahead), SKPs and evidence files."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from fleksi.outputs.services import IndicatorIn, skp_create, skp_result_save
from fleksi.schedule.models import RequestDay, WfaRequest, WorkPlanItem
from fleksi.schedule.tests.conftest import next_weekday, wfa

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"x" * 64


def png(name="foto.png", data=PNG):
    return SimpleUploadedFile(name, data, content_type="image/png")


def pdf(name="surat.pdf", data=PDF):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def office(name, part):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(part, "<x/>")
        z.writestr("[Content_Types].xml", "<Types/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def working_days_back(n, before=None):
    """The ``n`` working days (Mon–Fri) before ``before`` (default today), oldest first."""
    day = (before or timezone.localdate()) - timedelta(days=1)
    found: list[date] = []
    while len(found) < n:
        if day.weekday() < 5:
            found.append(day)
        day -= timedelta(days=1)
    return sorted(found)


def approved_wfa(world, who, days, items=()):
    """An approved WFA request for ``days`` (may be past), with plan items
    ``(description, quantity, unit, due_date)``."""
    employee = world.people[who]
    request = WfaRequest.objects.create(
        employee=employee,
        status=WfaRequest.Status.APPROVED,
        created_by=world.user(who),
        decided_at=timezone.now(),
    )
    RequestDay.objects.bulk_create(
        [RequestDay(request=request, employee=employee, day=d, status="approved") for d in days]
    )
    for i, (text, qty, unit, due) in enumerate(items, start=1):
        WorkPlanItem.objects.create(
            request=request,
            order=i,
            description=text,
            quantity=Decimal(qty),
            unit_of_measure=unit,
            due_date=due,
        )
    return request


def skp_with_results(world, who, year, texts, parent=None):
    user = world.user(who)
    skp = skp_create(actor=user, employee=world.people[who], year=year)
    results = [
        skp_result_save(
            actor=user,
            skp=skp,
            number=i,
            text=text,
            parent=parent,
            indicators=[IndicatorIn(f"Jumlah {text}", Decimal(12), "dokumen")],
        )
        for i, text in enumerate(texts, start=1)
    ]
    return skp, results


@pytest.fixture
def month_ago():
    """A working day in the previous month."""
    first = timezone.localdate().replace(day=1)
    day = first - timedelta(days=10)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


__all__ = ["date", "next_weekday", "wfa"]
