from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScheduleConfig(AppConfig):
    name = "fleksi.schedule"
    label = "schedule"
    verbose_name = _("WFA plans, requests and approvals")

    def ready(self) -> None:
        from fleksi.common.periodic import register_job
        from fleksi.schedule.services import steps_escalate_overdue

        register_job(
            "schedule.escalate",
            steps_escalate_overdue,
            "escalate WFA requests waiting past the policy's deadline to the next level",
        )
