from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "fleksi.audit"
    label = "audit"
    verbose_name = _("Audit trail")

    def ready(self) -> None:
        from fleksi.audit.anchors import anchor_periodic
        from fleksi.common.periodic import register_job

        register_job(
            "audit.anchor",
            anchor_periodic,
            "append a signed checkpoint of the audit heads to AUDIT_ANCHOR_FILE when they moved",
        )
