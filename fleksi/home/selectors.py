"""What each role's home page shows: small, indexed aggregates, never per-person loops."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from fleksi.audit.models import AuditEntry
from fleksi.org.models import Employee, Unit
from fleksi.places.models import Kecamatan


def headcount_by_asn_type(employees: Any) -> list[dict[str, Any]]:
    rows = employees.filter(is_active=True).values("asn_type").annotate(n=Count("id"))
    labels = dict(Employee.AsnType.choices)
    return sorted(
        ({"label": labels.get(r["asn_type"], r["asn_type"]), "n": r["n"]} for r in rows),
        key=lambda r: -r["n"],
    )


def regency_overview() -> dict[str, Any]:
    kinds = dict(Unit.Kind.choices)
    by_kind = (
        Unit.objects.filter(parent__isnull=True, is_active=True)
        .values("kind")
        .annotate(n=Count("id"))
        .order_by("kind")
    )
    people_by_kind = (
        Employee.objects.filter(is_active=True)
        .values("unit__root__kind")
        .annotate(n=Count("id"))
        .order_by("unit__root__kind")
    )
    return {
        "n_employees": Employee.objects.filter(is_active=True).count(),
        "n_perangkat_daerah": Unit.objects.filter(parent__isnull=True, is_active=True).count(),
        "n_units": Unit.objects.filter(is_active=True).count(),
        "n_public_service_units": Unit.objects.filter(
            is_active=True, is_public_service=True
        ).count(),
        "pd_by_kind": [{"label": kinds.get(r["kind"], r["kind"]), "n": r["n"]} for r in by_kind],
        "people_by_pd_kind": [
            {"label": kinds.get(r["unit__root__kind"], r["unit__root__kind"]), "n": r["n"]}
            for r in people_by_kind
        ],
        "by_asn_type": headcount_by_asn_type(Employee.objects.all()),
    }


def largest_perangkat_daerah(limit: int = 10) -> list[dict[str, Any]]:
    rows: Any = (
        Employee.objects.filter(is_active=True)
        .values("unit__root_id", "unit__root__name")
        .annotate(n=Count("id"))
        .order_by("-n", "unit__root__name")[:limit]
    )
    return list(rows)


def kecamatan_residents() -> list[dict[str, Any]]:
    rows: Any = (
        Kecamatan.objects.annotate(
            n_desa=Count("desa_set", distinct=True),
            n_residents=Count("desa_set__residents", filter=Q(desa_set__residents__is_active=True)),
        )
        .values("code", "name", "n_desa", "n_residents")
        .order_by("code")
    )
    return list(rows)


def recent_audit_entries(limit: int = 10) -> list[AuditEntry]:
    return list(AuditEntry.objects.order_by("-at", "-id")[:limit])
