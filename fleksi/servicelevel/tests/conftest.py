"""Two services of Disdukcapil's public-service units in the test world, and helpers that
write figures around a WFA start.

- KTP-el at the Seksi Loket (a_loket): head_seksi heads it; layanan manages the Bidang above.
- Akta Kelahiran at the Bidang Pelayanan (a_bid): outside head_seksi's subtree.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from fleksi.servicelevel.models import PublicService, ServiceDaily, ServiceLevelConfig, Source
from fleksi.servicelevel.services import service_create


@pytest.fixture
def en_client(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def services(world):
    return services_world(world)


def services_world(world):
    """What the ``services`` fixture adds to the test world (also built once per module by
    the access matrix)."""
    bkpsdm = world.user("bkpsdm")
    ktp = service_create(
        actor=bkpsdm,
        unit=world.units["a_loket"],
        code="T-KTP",
        name="Perekaman KTP-el",
        processing_unit="minutes",
        standard_max_processing=60,
        standard_max_waiting_minutes=30,
        standard_reference="SK Kadis Dukcapil 1/2026",
    )
    akta = service_create(
        actor=bkpsdm,
        unit=world.units["a_bid"],
        code="T-AKTA",
        name="Akta Kelahiran",
        processing_unit="days",
        standard_max_processing=3,
    )
    world.services = {"ktp": ktp, "akta": akta}
    return world


def set_wfa_start(day: date) -> None:
    ServiceLevelConfig.objects.update_or_create(pk=1, defaults={"wfa_start": day})


def write_days(
    service: PublicService,
    first: date,
    n: int,
    *,
    received: int = 40,
    completed: int = 40,
    processing: str | None = "20",
    waiting: str | None = "10",
) -> None:
    ServiceDaily.objects.bulk_create(
        [
            ServiceDaily(
                service=service,
                day=first + timedelta(days=i),
                received=received,
                completed=completed,
                median_processing=Decimal(processing) if processing is not None else None,
                median_waiting_minutes=Decimal(waiting) if waiting is not None else None,
                source=Source.DEMO,
                entered_at="2026-01-01T00:00:00Z",
            )
            for i in range(n)
        ]
    )
