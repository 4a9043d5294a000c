"""A world with offices, desa positions and a policy in force for two months already."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from fleksi.org.models import Office
from fleksi.places.models import Desa
from fleksi.policy.models import PolicyVersion
from fleksi.presence.selectors.facts import day_rules_forget
from fleksi.testkit.policy import publish_policy

# Kantor Disdukcapil in Tenggarong and Bappeda next door; Melayu (the staff's domicile).
DISDUKCAPIL = (-0.4180, 116.9870)
BAPPEDA = (-0.4195, 116.9905)
MELAYU = (-0.4310, 116.9830)


@pytest.fixture(autouse=True)
def _fresh_day_rules():
    day_rules_forget()
    yield
    day_rules_forget()


@pytest.fixture
def presence(world):
    Desa.objects.filter(pk=world.desa["melayu"].pk).update(latitude=MELAYU[0], longitude=MELAYU[1])
    world.offices = {
        "a": Office.objects.create(
            unit=world.units["a"],
            name="Kantor Disdukcapil",
            latitude=DISDUKCAPIL[0],
            longitude=DISDUKCAPIL[1],
            desa=world.desa["melayu"],
        ),
        "b": Office.objects.create(
            unit=world.units["b"],
            name="Kantor Bappeda",
            latitude=BAPPEDA[0],
            longitude=BAPPEDA[1],
            geofence_radius_m=50,
            desa=world.desa["melayu"],
        ),
    }
    world.policy = publish_policy(world)
    # In force since two months ago (the service refuses back-dating; tests need the past).
    PolicyVersion.objects.filter(pk=world.policy.pk).update(
        effective_from=timezone.localdate() - timedelta(days=62)
    )
    day_rules_forget()
    return world


def payload(**kw):
    now = timezone.now()
    base = {
        "idempotency_key": str(uuid.uuid4()),
        "slot": 1,
        "mode": "onsite",
        "device_time": now.isoformat(),
        "sent_at": now.isoformat(),
        "latitude": DISDUKCAPIL[0],
        "longitude": DISDUKCAPIL[1],
        "accuracy": 12.0,
        "network": {"effective_type": "3g", "rtt": 450, "downlink": 0.8},
    }
    return {**base, **kw}
