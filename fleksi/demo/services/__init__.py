"""Seeding the demo data: generate a plan (pure), then write it set-based in one transaction.

Order: places → agency → units (then their paths) → positions → employees (supervisors
first) → offices, acting officials → the regional secretariat (which re-derives every
supervisor through the organisation's own rule, and finds nothing to change) → accounts.
The audit trail gets one summary entry per perangkat daerah stream and one for the agency,
besides the entries the organisation and account services write themselves.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import AGENCY_STREAM, Change, audit_record_many
from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.demo.domain.history import history_span
from fleksi.demo.domain.plan import generate
from fleksi.demo.domain.records import DEFAULT_SEED, SIZES, DemoPlan
from fleksi.demo.services.accounts import demo_accounts_write
from fleksi.demo.services.bulk import (
    acting_write,
    employees_write,
    offices_write,
    places_write,
    positions_write,
    units_write,
)
from fleksi.demo.services.connectivity import seed_connectivity
from fleksi.demo.services.duties import seed_duty_mapping
from fleksi.demo.services.outputs import seed_outputs
from fleksi.demo.services.policy import demo_policy_write
from fleksi.demo.services.requests import seed_requests
from fleksi.demo.services.service_levels import seed_service_levels
from fleksi.demo.services.worktime import (
    demo_people_write,
    demo_rosters_write,
    demo_worktime_months,
)
from fleksi.org.models import Agency, Employee, Unit
from fleksi.org.services import (
    agency_set_secretariat,
    agency_setup,
    unit_stream,
    units_rebuild_paths,
)

AGENCY_CODE = "64.02"
AGENCY_NAME = "Pemerintah Kabupaten Kutai Kartanegara"
AGENCY_SHORT_NAME = "Pemkab Kukar"
COUNTER_UNIT = "disdukcapil/dafduk/identitas"  # Bu Sari's counters: a minimum on site


@dataclass(frozen=True)
class SeedReport:
    size: str
    seed: int
    seconds: float
    counts: dict[str, int]
    timings: dict[str, float] = field(default_factory=dict)


def demo_database_is_empty() -> bool:
    """True when there is no agency, unit or employee yet (places alone do not count)."""
    return not (Agency.objects.exists() or Unit.objects.exists() or Employee.objects.exists())


def demo_seed(
    *,
    actor: Any = None,
    size: str,
    seed: int = DEFAULT_SEED,
    today: date | None = None,
    password: str | None = None,
    history: int = 0,
) -> SeedReport:
    """Fill an empty database with the demo regency. Refuses a database that already holds
    organisation data: the demo never adds to (or duplicates) real or earlier data.

    ``history`` (months) only moves the WFA start half-way into that many months before the
    current one, and gives the service figures that span: the records of those months are
    written by ``services.history.demo_seed_with_history``, which calls this first. (The
    records and the evaluation's figures are kept out of this module: the tests of the apps
    below them seed the demo too.)"""
    if size not in SIZES:
        raise ValidationFailed(
            "demo_size", _("Unknown size %(size)s: use small or kukar.") % {"size": size}
        )
    if not demo_database_is_empty():
        raise Conflict(
            "demo_not_empty",
            _(
                "The database already holds organisation data; the demo is only seeded "
                "into an empty database."
            ),
        )
    if history < 0:
        raise ValidationFailed("demo_history", _("The history is a number of months, 0 or more."))
    started = time.perf_counter()
    timings: dict[str, float] = {}
    plan = generate(size=size, seed=seed, today=today or timezone.localdate())
    password_hash = make_password(password or settings.FLEKSI_DEMO_PASSWORD)  # hashed once
    with transaction.atomic():
        kec_ids, desa_ids = places_write(plan)
        connectivity = seed_connectivity(rng=random.Random(seed + 2), today=plan.today)
        agency_setup(actor=actor, code=AGENCY_CODE, name=AGENCY_NAME, short_name=AGENCY_SHORT_NAME)
        unit_ids = units_write(plan, kec_ids)
        units_rebuild_paths()
        position_ids = positions_write(plan, unit_ids)
        employee_ids = employees_write(plan, unit_ids, position_ids, desa_ids)
        offices = offices_write(plan, unit_ids, desa_ids)
        acting = acting_write(plan, unit_ids, employee_ids)
        agency_set_secretariat(actor=actor, unit=Unit.objects.get(pk=unit_ids[plan.secretariat]))
        accounts = demo_accounts_write(
            actor=actor,
            plan=plan,
            unit_ids=unit_ids,
            employee_ids=employee_ids,
            password_hash=password_hash,
        )
        duties = seed_duty_mapping(actor=actor, rng=random.Random(seed + 1), today=plan.today)
        first_day, wfa_start = history_span(plan.today, history)
        # With a history the Perbup has been in force since the WFA start, so the months
        # after it are judged by each unit's own working time (shifts, duty, six-day weeks).
        in_force = wfa_start if history else plan.today
        versions = demo_policy_write(
            today=plan.today,
            in_force=in_force,
            counter_unit_key=COUNTER_UNIT,
            unit_ids=unit_ids,
        )
        worktime_people = demo_people_write(start=in_force)
        duty_rosters = demo_rosters_write(months=demo_worktime_months(in_force, plan.today))
        requests = seed_requests(
            rng=random.Random(seed + 3),
            today=plan.today,
            personas={key: employee_ids[i] for key, i in plan.personas.items()},
            # With a history, no WFA day comes before its WFA start.
            not_before=wfa_start if history else None,
        )
        outputs = seed_outputs(rng=random.Random(seed + 5), today=plan.today)
        service_levels = seed_service_levels(
            rng=random.Random(seed + 6),
            today=plan.today,
            wfa_start=wfa_start if history else None,
            since=first_day if history else None,
        )
        timings["base"] = time.perf_counter() - started
        counts = {
            "perangkat_daerah": sum(1 for u in plan.units if u.parent is None),
            "units": len(plan.units),
            "positions": len(plan.positions),
            "employees": len(plan.people),
            "offices": offices,
            "acting": acting,
            "kecamatan": len(kec_ids),
            "desa": len(desa_ids),
            "accounts": accounts,
            "duties": duties.duties,
            "policy_versions": versions,
            "own_work_patterns": worktime_people,
            "duty_rosters": duty_rosters,
            "connectivity_profiles": connectivity.profiles,
            "wfa_requests": requests.requests + requests.history,
            "skps": outputs.skps,
            "output_reports": outputs.reports,
            "public_services": service_levels.services,
            "service_days": service_levels.days,
            "complaints": service_levels.complaints,
            "safeguard_alerts": service_levels.alerts,
        }
        _audit_summary(actor=actor, plan=plan, unit_ids=unit_ids, counts=counts)
    return SeedReport(size, seed, time.perf_counter() - started, counts, timings)


def _audit_summary(
    *, actor: Any, plan: DemoPlan, unit_ids: dict[str, int], counts: dict[str, int]
) -> None:
    """One entry per perangkat daerah (in its own stream) and one for the agency."""
    context = {"size": plan.size, "seed": plan.seed, "today": plan.today}
    pd_of = {u.key: u.pd for u in plan.units}
    units = Counter(pd_of.values())
    people = Counter(pd_of[p.unit] for p in plan.people)
    for pd in (u for u in plan.units if u.parent is None):
        root_id = unit_ids[pd.key]
        audit_record_many(
            actor=actor,
            stream=unit_stream(Unit(pk=root_id)),
            changes=[
                Change(
                    action="demo.seed",
                    object_type="org.unit",
                    object_id=str(root_id),
                    object_repr=pd.name,
                    after={"units": units[pd.key], "employees": people[pd.key]},
                    context=context,
                )
            ],
        )
    audit_record_many(
        actor=actor,
        stream=AGENCY_STREAM,
        changes=[
            Change(
                action="demo.seed",
                object_type="org.agency",
                object_id="1",
                object_repr=AGENCY_NAME,
                after=counts,
                context=context,
            )
        ],
    )
