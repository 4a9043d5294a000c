"""Writes of the service catalogue (services and their standards) and of the settings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from fleksi.audit.services import AGENCY_STREAM, Change, audit_record
from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.org.models import Unit
from fleksi.servicelevel.domain.ikm import GradeScale
from fleksi.servicelevel.models import PublicService, ServiceLevelConfig
from fleksi.servicelevel.services.common import stream_of

FIELDS = (
    "code",
    "name",
    "processing_unit",
    "standard_max_processing",
    "standard_max_waiting_minutes",
    "standard_reference",
    "description",
    "is_active",
)


def _check(values: dict[str, Any], unit: Unit) -> None:
    errors: dict[str, list[str]] = {}
    if not unit.is_public_service:
        errors["unit"] = [_("Only a direct public-service unit has public services.")]
    if not values["code"]:
        errors["code"] = [_("A value is required.")]
    if not values["name"]:
        errors["name"] = [_("A value is required.")]
    if values["processing_unit"] not in PublicService.TimeUnit.values:
        errors["processing_unit"] = [_("Choose minutes or working days.")]
    if not values["standard_max_processing"] or values["standard_max_processing"] < 1:
        errors["standard_max_processing"] = [_("The standard needs a time of at least 1.")]
    waiting = values["standard_max_waiting_minutes"]
    if waiting is not None and waiting < 1:
        errors["standard_max_waiting_minutes"] = [_("Leave it empty or enter at least 1.")]
    if errors:
        raise ValidationFailed(
            "service_invalid", _("The service was not saved: see the fields."), errors=errors
        )


def _values(**kw: Any) -> dict[str, Any]:
    kw["code"] = str(kw["code"]).strip().upper()
    kw["name"] = str(kw["name"]).strip()
    kw["standard_reference"] = str(kw.get("standard_reference") or "").strip()
    kw["description"] = str(kw.get("description") or "").strip()
    return kw


def service_create(
    *,
    actor: Any,
    unit: Unit,
    code: str,
    name: str,
    processing_unit: str,
    standard_max_processing: int,
    standard_max_waiting_minutes: int | None = None,
    standard_reference: str = "",
    description: str = "",
) -> PublicService:
    values = _values(
        code=code,
        name=name,
        processing_unit=processing_unit,
        standard_max_processing=standard_max_processing,
        standard_max_waiting_minutes=standard_max_waiting_minutes,
        standard_reference=standard_reference,
        description=description,
        is_active=True,
    )
    _check(values, unit)
    with transaction.atomic():
        try:
            with transaction.atomic():
                service = PublicService.objects.create(unit=unit, **values)
        except IntegrityError as exc:
            raise ValidationFailed(
                "service_code_taken",
                _("Another service already has this code."),
                errors={"code": [_("Another service already has this code.")]},
            ) from exc
        audit_record(
            actor=actor,
            stream=stream_of(unit.pk, unit.root_id),
            change=Change(
                action="servicelevel.service.create",
                object_type="servicelevel.service",
                object_id=str(service.pk),
                object_repr=str(service),
                after={"unit": unit.pk, **values},
            ),
        )
    return service


def service_update(*, actor: Any, service: PublicService, **changes: Any) -> PublicService:
    """Change a service's name, standard or state (its unit stays: figures belong to it)."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        locked = PublicService.objects.select_for_update().select_related("unit").get(pk=service.pk)
        before = {f: getattr(locked, f) for f in FIELDS}
        values = _values(**{**before, **changes})
        _check(values, locked.unit)
        changed = {k: v for k, v in values.items() if before[k] != v}
        if not changed:
            return locked
        for key, value in changed.items():
            setattr(locked, key, value)
        try:
            with transaction.atomic():
                locked.save()
        except IntegrityError as exc:
            raise ValidationFailed(
                "service_code_taken",
                _("Another service already has this code."),
                errors={"code": [_("Another service already has this code.")]},
            ) from exc
        audit_record(
            actor=actor,
            stream=stream_of(locked.unit_id, locked.unit.root_id),
            change=Change(
                action="servicelevel.service.update",
                object_type="servicelevel.service",
                object_id=str(locked.pk),
                object_repr=str(locked),
                before={k: before[k] for k in changed},
                after=changed,
            ),
        )
    return locked


def config_update(
    *,
    actor: Any,
    wfa_start: date | None,
    ikm_a_min: Decimal,
    ikm_b_min: Decimal,
    ikm_c_min: Decimal,
    ikm_basis: str,
) -> ServiceLevelConfig:
    """The regency's settings: the WFA start of the safeguard and the IKM grade boundaries."""
    if GradeScale(ikm_a_min, ikm_b_min, ikm_c_min).problem():
        raise ValidationFailed(
            "ikm_grade_order",
            _("The boundaries must rise from C to A, above 25 and at most 100."),
        )
    with transaction.atomic():
        config, _created = ServiceLevelConfig.objects.select_for_update().get_or_create(pk=1)
        fields = ("wfa_start", "ikm_a_min", "ikm_b_min", "ikm_c_min", "ikm_basis")
        before = {f: getattr(config, f) for f in fields}
        after = {
            "wfa_start": wfa_start,
            "ikm_a_min": ikm_a_min,
            "ikm_b_min": ikm_b_min,
            "ikm_c_min": ikm_c_min,
            "ikm_basis": ikm_basis.strip() or before["ikm_basis"],
        }
        changed = {k: v for k, v in after.items() if before[k] != v}
        if not changed:
            return config
        for key, value in changed.items():
            setattr(config, key, value)
        config.updated_by = actor
        try:
            with transaction.atomic():
                config.save()
        except IntegrityError as exc:
            raise Conflict("config_invalid", _("The settings could not be saved.")) from exc
        audit_record(
            actor=actor,
            stream=AGENCY_STREAM,
            change=Change(
                action="servicelevel.config.update",
                object_type="servicelevel.config",
                object_id="1",
                before={k: before[k] for k in changed},
                after=changed,
            ),
        )
    return config
