"""Versions of the policy: drafts, publication, supersession, immutability."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from fleksi.audit.models import AuditEntry
from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import params_of, version_in_force
from fleksi.policy.services import (
    policy_draft_create,
    policy_draft_update,
    policy_publish,
    policy_unit_override_set,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


def draft(world, start, number="Perbup 1/2027"):
    return policy_draft_create(
        actor=world.user("bkpsdm"),
        regulation_number=number,
        title="Pelaksanaan WFA",
        effective_from=start,
    )


def test_a_draft_starts_from_the_defaults_and_is_not_in_force(world, today):
    v = draft(world, today)
    assert v.status == "draft"
    assert params_of(v).max_wfa_days_per_week == 2
    assert version_in_force(today) is None


def test_publishing_puts_a_version_in_force_and_supersedes_the_previous(world, today):
    v1 = policy_publish(actor=world.user("sekda"), version=draft(world, today, "Perbup 1"))
    assert version_in_force(today) == v1
    v2 = draft(world, today + timedelta(days=30), "Perbup 2")
    policy_draft_update(
        actor=world.user("bkpsdm"), version=v2, params={**v2.params, "max_wfa_days_per_week": 1}
    )
    policy_publish(actor=world.user("sekda"), version=v2)
    v1.refresh_from_db()
    assert (v1.status, v1.effective_to) == ("superseded", today + timedelta(days=29))
    assert version_in_force(today + timedelta(days=29)) == v1
    assert version_in_force(today + timedelta(days=30)).pk == v2.pk
    assert params_of(version_in_force(today + timedelta(days=30))).max_wfa_days_per_week == 1
    actions = list(
        AuditEntry.objects.filter(object_type="policy.version")
        .values_list("action", flat=True)
        .order_by("id")
    )
    assert actions.count("policy.version.publish") == 2
    assert "policy.version.supersede" in actions


def test_a_new_draft_starts_from_the_version_in_force(world, today):
    v1 = draft(world, today)
    policy_draft_update(
        actor=world.user("bkpsdm"), version=v1, params={**v1.params, "geofence_radius_m": 50}
    )
    policy_publish(actor=world.user("sekda"), version=v1)
    v2 = draft(world, today + timedelta(days=10), "Perbup 2")
    assert v2.based_on_id == v1.pk
    assert params_of(v2).geofence_radius_m == 50


def test_published_versions_cannot_be_edited(world, today):
    v = policy_publish(actor=world.user("sekda"), version=draft(world, today))
    with pytest.raises(Conflict):
        policy_draft_update(actor=world.user("bkpsdm"), version=v, title="Ubah")
    v.title = "forged"
    with pytest.raises(TypeError, match="cannot be edited"):
        v.save()


def test_backdated_or_overlapping_publication_is_refused(world, today):
    with pytest.raises(ValidationFailed) as exc:
        policy_publish(actor=world.user("sekda"), version=draft(world, today - timedelta(days=1)))
    assert exc.value.code == "policy_backdated"
    policy_publish(actor=world.user("sekda"), version=draft(world, today + timedelta(days=5)))
    with pytest.raises(ValidationFailed) as exc:
        policy_publish(
            actor=world.user("sekda"), version=draft(world, today + timedelta(days=5), "P3")
        )
    assert exc.value.code == "policy_starts_too_early"


def test_the_database_allows_one_published_version_only(world, today):
    policy_publish(actor=world.user("sekda"), version=draft(world, today))
    other = draft(world, today + timedelta(days=3), "P2")
    with pytest.raises(IntegrityError), transaction.atomic():
        PolicyVersion.objects.filter(pk=other.pk).update(
            status="published", approver=world.user("sekda"), published_at=timezone.now()
        )


def test_invalid_parameters_are_refused_per_field(world, today):
    v = draft(world, today)
    with pytest.raises(ValidationFailed) as exc:
        policy_draft_update(
            actor=world.user("bkpsdm"),
            version=v,
            params={**v.params, "max_wfa_days_per_week": 9, "allowed_asn_types": ["tni"]},
        )
    assert set(exc.value.params["errors"]) == {"max_wfa_days_per_week", "allowed_asn_types"}
    v.refresh_from_db()
    assert v.params["max_wfa_days_per_week"] == 2  # nothing half-written


def test_unit_overrides_are_copied_into_the_next_draft(world, today):
    v1 = draft(world, today)
    from decimal import Decimal

    policy_unit_override_set(
        actor=world.user("bkpsdm"),
        version=v1,
        unit=world.units["a_loket"],
        max_offsite_share=Decimal("0"),
        min_onsite_staff=2,
        reason="Loket layanan",
    )
    policy_publish(actor=world.user("sekda"), version=v1)
    v2 = draft(world, today + timedelta(days=1), "P2")
    assert list(v2.unit_overrides.values_list("unit_id", "min_onsite_staff")) == [
        (world.units["a_loket"].pk, 2)
    ]


def test_versions_have_dates_in_order(world, today):
    v = draft(world, today)
    with pytest.raises(IntegrityError), transaction.atomic():
        PolicyVersion.objects.filter(pk=v.pk).update(effective_to=date(2000, 1, 1))
