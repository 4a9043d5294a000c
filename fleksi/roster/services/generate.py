"""Asking for a roster: the row is written now, the solve runs in the background after the
transaction commits (``solving.roster_solve``)."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from functools import partial
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.common.errors import Conflict, NotAllowed
from fleksi.org.models import Unit
from fleksi.roster.models import Roster
from fleksi.roster.permissions import may_manage
from fleksi.roster.services.common import audit_roster, check_month, time_limit_s
from fleksi.roster.services.solving import STALE_ERROR, roster_solve

logger = logging.getLogger(__name__)

# A solve still queued or running after this long was lost (its worker stopped): it no
# longer blocks a new one.
STALE_AFTER = timedelta(minutes=15)


def _enqueue(roster_id: int) -> None:
    """Queue the solve; a queue that cannot be written to fails the roster, never the page."""
    try:
        roster_solve.enqueue(roster_id)
    except Exception as exc:
        logger.exception("could not queue the solve of roster %s", roster_id)
        Roster.objects.filter(pk=roster_id, status=Roster.Status.QUEUED).update(
            status=Roster.Status.FAILED,
            progress="failed",
            error=f"{type(exc).__name__}: {exc}"[:2000],
            finished_at=timezone.now(),
        )


def roster_generate(
    *, actor: Any, unit: Unit, month: date, relax_shortfalls: bool = False
) -> Roster:
    """Queue a new roster of ``unit`` (with its sub-units) for ``month``."""
    if not may_manage(actor, unit):
        raise NotAllowed("not_planner", _("Only the head of the unit can make its roster."))
    check_month(month)
    now = timezone.now()
    try:
        with transaction.atomic():
            Roster.objects.filter(
                unit=unit,
                month=month,
                status__in=[Roster.Status.QUEUED, Roster.Status.SOLVING],
                created_at__lt=now - STALE_AFTER,
            ).update(
                status=Roster.Status.FAILED, progress="failed", error=STALE_ERROR, finished_at=now
            )
            roster = Roster.objects.create(
                unit=unit,
                month=month,
                status=Roster.Status.QUEUED,
                progress="queued",
                created_by=actor,
                relax_shortfalls=relax_shortfalls,
                time_limit_s=time_limit_s(),
            )
            audit_roster(
                actor,
                unit,
                "generate",
                roster.pk,
                f"{unit.name} {month:%Y-%m}",
                after={"month": month, "relax_shortfalls": relax_shortfalls},
            )
            transaction.on_commit(partial(_enqueue, roster.pk), robust=True)
    except IntegrityError as exc:
        raise Conflict(
            "roster_busy",
            _("A roster of this unit for this month is being made; wait until it is ready."),
        ) from exc
    return roster
