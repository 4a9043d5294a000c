from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PresenceConfig(AppConfig):
    name = "fleksi.presence"
    label = "presence"
    verbose_name = _("Presence (check-in and check-out)")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from fleksi.common.metrics import register_gauge
        from fleksi.common.periodic import register_job
        from fleksi.presence import metrics
        from fleksi.presence.services.readers import reader_inbox_import
        from fleksi.presence.services.retention import positions_remove_expired

        post_save.connect(
            metrics.checkin_saved, sender="presence.Checkin", dispatch_uid="fleksi.checkins"
        )
        register_gauge(
            "fleksi_checkins_today",
            "Check-ins of today (the instance's time zone), by in/out",
            metrics.checkins_today,
            labels=("kind",),
        )

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
