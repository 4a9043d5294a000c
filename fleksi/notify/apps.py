from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    name = "fleksi.notify"
    label = "notify"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from fleksi.common.periodic import register_job
        from fleksi.notify.services import notification_emails_requeue, notifications_prune_old

        register_job(
            "notify.requeue",
            notification_emails_requeue,
            "queue again the notification e-mails whose background task was lost",
        )
        register_job(
            "notify.prune",
            notifications_prune_old,
            "delete read notifications older than the retention period (180 days)",
        )
