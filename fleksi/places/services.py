"""Writes of the places: connectivity profiles (by hand or imported) and measurements."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import AGENCY_STREAM, Change, audit_record, audit_record_many
from fleksi.common.domain.importing import RowProblem
from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.common.importing.report import ImportReport as SharedReport
from fleksi.places.domain.connectivity import NETWORK_LEVELS, clean_sample
from fleksi.places.domain.profile_rows import COL_DESA, SOURCE_MAX, ProfileRow
from fleksi.places.models import ConnectivityMeasurement, ConnectivityProfile, Desa

PROFILE_FIELDS = ("best_network", "electricity_24h", "blank_spot", "source", "surveyed_on")
CHUNK = 900


def _actor_fields(actor: Any) -> tuple[int | None, str]:
    if actor is None:
        return None, "system"
    return getattr(actor, "pk", None), str(getattr(actor, "username", actor))[:150]


def _values(profile: ConnectivityProfile | None) -> dict[str, Any] | None:
    if profile is None:
        return None
    return {f: getattr(profile, f) for f in PROFILE_FIELDS}


def _change(
    desa: tuple[int, str, str],
    before: dict[str, Any] | None,
    after: dict[str, Any],
    *,
    imported: bool = False,
) -> Change:
    desa_id, code, name = desa
    if before is not None:
        keys = [k for k in PROFILE_FIELDS if before[k] != after[k]]
        before, after = {k: before[k] for k in keys}, {k: after[k] for k in keys}
    verb = "import" if imported else ("update" if before is not None else "create")
    return Change(
        action=f"places.profile.{verb}",
        object_type="places.desa",
        object_id=str(desa_id),
        object_repr=f"{code} {name}",
        before=before,
        after=after,
    )


def profile_update(
    *,
    actor: Any,
    desa: Desa,
    best_network: str,
    electricity_24h: bool,
    blank_spot: bool,
    source: str,
    surveyed_on: date,
) -> ConnectivityProfile:
    """Create or change the connectivity profile of one desa (the Diskominfo admin's edit).
    Saving the same values again changes nothing and records nothing."""
    source = source.strip()
    errors: dict[str, list[str]] = {}
    if best_network not in NETWORK_LEVELS:
        errors["best_network"] = [_("Choose one of the network levels.")]
    if not source:
        errors["source"] = [_("A value is required.")]
    elif len(source) > SOURCE_MAX:
        errors["source"] = [_("At most %(max)d characters.") % {"max": SOURCE_MAX}]
    if surveyed_on > timezone.localdate():
        errors["surveyed_on"] = [_("The date of the data cannot be in the future.")]
    if errors:
        raise ValidationFailed(
            "profile_invalid", _("The profile was not saved: see the fields."), errors=errors
        )
    after = {
        "best_network": best_network,
        "electricity_24h": electricity_24h,
        "blank_spot": blank_spot,
        "source": source,
        "surveyed_on": surveyed_on,
    }
    actor_id, actor_label = _actor_fields(actor)
    with transaction.atomic():
        profile = ConnectivityProfile.objects.select_for_update().filter(desa=desa).first()
        before = _values(profile)
        if before == after and profile is not None:
            return profile
        if profile is None:
            profile = ConnectivityProfile(desa=desa)
        for key, value in after.items():
            setattr(profile, key, value)
        profile.updated_at = timezone.now()
        profile.updated_by_id, profile.updated_by_label = actor_id, actor_label
        try:
            with transaction.atomic():
                profile.save()
        except IntegrityError as exc:  # created by someone else meanwhile
            raise Conflict(
                "profile_changed", _("The profile changed meanwhile: open it again.")
            ) from exc
        audit_record(
            actor=actor,
            stream=AGENCY_STREAM,
            change=_change((desa.pk, desa.code, desa.name), before, after),
        )
    return profile


ImportReport = SharedReport  # the survey import reports with the shared type


def profiles_import(
    *, actor: Any, rows: Sequence[ProfileRow], dry_run: bool = False
) -> ImportReport:
    """Write checked survey rows: all or nothing. A desa code Fleksi does not know is a
    problem of its row; a row equal to the stored profile changes nothing. One audit entry
    per created or changed profile, on the agency stream."""
    report = ImportReport(rows=len(rows))
    codes = [r.desa_code for r in rows]
    desa: dict[str, tuple[int, str, str]] = {}
    for i in range(0, len(codes), CHUNK):
        for pk, code, name in Desa.objects.filter(code__in=codes[i : i + CHUNK]).values_list(
            "id", "code", "name"
        ):
            desa[code] = (pk, code, name)
    for row in rows:
        if row.desa_code not in desa:
            report.problems.append(
                RowProblem(row.line, COL_DESA, "unknown_desa", {"code": row.desa_code})
            )
    if report.problems:
        return report
    actor_id, actor_label = _actor_fields(actor)
    now = timezone.now()
    with transaction.atomic():
        ids = sorted(desa[c][0] for c in codes)
        existing: dict[int, ConnectivityProfile] = {}
        for i in range(0, len(ids), CHUNK):
            qs = ConnectivityProfile.objects.filter(desa_id__in=ids[i : i + CHUNK])
            if not dry_run:
                qs = qs.select_for_update().order_by("desa_id")
            existing.update({p.desa_id: p for p in qs})
        create: list[ConnectivityProfile] = []
        update: list[ConnectivityProfile] = []
        changes: list[Change] = []
        for row in rows:
            key = desa[row.desa_code]
            after = {f: getattr(row, f) for f in PROFILE_FIELDS}
            profile = existing.get(key[0])
            before = _values(profile)
            if before == after:
                report.unchanged += 1
                continue
            if profile is None:
                profile = ConnectivityProfile(desa_id=key[0])
                create.append(profile)
            else:
                update.append(profile)
            for name, value in after.items():
                setattr(profile, name, value)
            profile.updated_at = now
            profile.updated_by_id, profile.updated_by_label = actor_id, actor_label
            changes.append(_change(key, before, after, imported=True))
        report.created, report.updated = len(create), len(update)
        if dry_run:
            return report
        try:
            with transaction.atomic():
                ConnectivityProfile.objects.bulk_create(create, batch_size=1000)
        except IntegrityError as exc:  # another import created one of them meanwhile
            raise Conflict(
                "profiles_changed", _("Profiles changed during the import: import again.")
            ) from exc
        ConnectivityProfile.objects.bulk_update(
            update,
            [*PROFILE_FIELDS, "updated_at", "updated_by_id", "updated_by_label"],
            batch_size=1000,
        )
        audit_record_many(actor=actor, stream=AGENCY_STREAM, changes=changes)
        report.applied = True
    return report


def measurement_record(
    *,
    desa_id: int,
    effective_type: str | None,
    rtt_ms: float | None,
    downlink_mbps: float | None,
    server_latency_ms: float | None,
    measured_at: datetime,
    reference: str | None,
    source: str = "checkin",
) -> bool:
    """Keep what a check-in's browser could tell about the network in ``desa_id``.

    Called by the presence code inside its own transaction, for every check-in: one INSERT,
    nothing else. Untrustworthy numbers are dropped, not refused (a check-in must never fail
    because of its network reading). A reading that says nothing at all is not kept
    (returns False). The same ``reference`` from the same ``source`` is kept once, so a
    replayed offline check-in adds nothing.

    No audit entry per measurement, on purpose: a measurement is a machine reading, not a
    change someone decided; it is never edited; and one entry per check-in would put
    thousands of writes a minute behind the lock of one audit stream. The check-in that
    carries it is recorded by the presence capability, and ``reference`` points to it.
    """
    sample = clean_sample(
        effective_type=effective_type,
        rtt_ms=rtt_ms,
        downlink_mbps=downlink_mbps,
        server_latency_ms=server_latency_ms,
    )
    if not sample.level:
        return False
    ConnectivityMeasurement.objects.bulk_create(
        [
            ConnectivityMeasurement(
                desa_id=desa_id,
                measured_at=measured_at,
                effective_type=sample.effective_type,
                rtt_ms=sample.rtt_ms,
                downlink_mbps=sample.downlink_mbps,
                server_latency_ms=sample.server_latency_ms,
                level=sample.level,
                source=source[:16],
                reference=reference[:64] if reference else None,
            )
        ],
        ignore_conflicts=reference is not None,
    )
    return True
