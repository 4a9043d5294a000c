"""Writes of the public-service figures: ``<entity>_<verb>(*, actor, ...)``, each owning its
transaction and audit entries."""

from fleksi.servicelevel.services.catalogue import config_update, service_create, service_update
from fleksi.servicelevel.services.common import ImportReport
from fleksi.servicelevel.services.complaints import complaints_import
from fleksi.servicelevel.services.drafts import alert_to_draft, unit_values_in_force
from fleksi.servicelevel.services.figures import FigureEntry, figures_import, figures_upsert
from fleksi.servicelevel.services.safeguard import (
    ALERT_KIND,
    SafeguardRun,
    alert_acknowledge,
    alert_close,
    alert_recipients,
    safeguard_check,
    safeguard_job,
)
from fleksi.servicelevel.services.surveys import survey_save, surveys_import

__all__ = [
    "ALERT_KIND",
    "FigureEntry",
    "ImportReport",
    "SafeguardRun",
    "alert_acknowledge",
    "alert_close",
    "alert_recipients",
    "alert_to_draft",
    "complaints_import",
    "config_update",
    "figures_import",
    "figures_upsert",
    "safeguard_check",
    "safeguard_job",
    "service_create",
    "service_update",
    "survey_save",
    "surveys_import",
    "unit_values_in_force",
]
