from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PresenceConfig(AppConfig):
    name = "fleksi.presence"
    label = "presence"
    verbose_name = _("Presence (check-in and check-out)")

    def ready(self) -> None:
        from fleksi.common.periodic import register_job
        from fleksi.presence.services.readers import reader_inbox_import
        from fleksi.presence.services.retention import positions_remove_expired

        register_job(
            "presence.retention",
            positions_remove_expired,
            "remove the positions of check-ins older than the policy's retention period",
        )
        register_job(
            "presence.reader_inbox",
            reader_inbox_import,
            "import the office readers' files waiting in FLEKSI_READER_INBOX",
        )
