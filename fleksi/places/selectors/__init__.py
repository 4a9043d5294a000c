"""Reads of the places. Other capabilities use :func:`location_facts_for_desa` (the request
rules), :func:`readiness_picture` and :func:`measured_evidence`."""

from fleksi.places.selectors.contacts import Contact, readiness_contacts
from fleksi.places.selectors.measurements import Evidence, measured_evidence
from fleksi.places.selectors.readiness import (
    DesaRow,
    KecamatanRow,
    Picture,
    Rules,
    desa_readiness_get,
    desa_rows,
    location_facts_for_desa,
    readiness_picture,
    rules_on,
)
from fleksi.places.selectors.units import UnitReadinessTable, UnitRow, unit_readiness_table

__all__ = [
    "Contact",
    "DesaRow",
    "Evidence",
    "KecamatanRow",
    "Picture",
    "Rules",
    "UnitReadinessTable",
    "UnitRow",
    "desa_readiness_get",
    "desa_rows",
    "location_facts_for_desa",
    "measured_evidence",
    "readiness_contacts",
    "readiness_picture",
    "rules_on",
    "unit_readiness_table",
]
