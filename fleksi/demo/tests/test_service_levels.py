"""The demo's service levels: written in bulk, one service degrades and raises the alerts,
the others hold whatever the seed, and a second call adds nothing."""

import random

import pytest

from fleksi.demo.services.service_levels import SERVICES, seed_service_levels
from fleksi.notify.models import Notification
from fleksi.org.services import unit_create
from fleksi.servicelevel.models import (
    Complaint,
    PublicService,
    SafeguardAlert,
    SatisfactionSurvey,
    ServiceDaily,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_units(world):
    for code in sorted({s.unit_code for s in SERVICES}):
        unit_create(
            actor=None,
            code=code,
            name=f"Unit {code}",
            kind="seksi",
            parent=world.units["a"],
            is_public_service=True,
        )
    return world


@pytest.mark.parametrize("seed", [2026, 7, 123])
def test_one_service_degrades_and_the_others_hold(demo_units, seed):
    report = seed_service_levels(rng=random.Random(seed))
    assert report.services == len(SERVICES)
    assert report.days == ServiceDaily.objects.count() > 100 * len(SERVICES)
    assert report.complaints == Complaint.objects.count() > 0
    assert report.surveys == SatisfactionSurvey.objects.count() == 3 * len(SERVICES)
    alerts = SafeguardAlert.objects.select_related("service")
    assert {a.service.code for a in alerts} == {"DUKCAPIL-KK"}
    assert {a.metric for a in alerts} >= {"processing_time", "complaint_rate"}
    assert report.alerts == alerts.count()
    assert Notification.objects.filter(kind="safeguard.alert").exists()


def test_a_second_call_adds_nothing(demo_units):
    seed_service_levels(rng=random.Random(1))
    counts = (
        PublicService.objects.count(),
        ServiceDaily.objects.count(),
        Complaint.objects.count(),
    )
    report = seed_service_levels(rng=random.Random(2))
    assert (report.days, report.complaints, report.alerts) == (0, 0, 0)
    assert counts == (
        PublicService.objects.count(),
        ServiceDaily.objects.count(),
        Complaint.objects.count(),
    )


def test_missing_units_are_skipped(world):
    report = seed_service_levels(rng=random.Random(1))
    assert (report.services, report.days) == (0, 0)
