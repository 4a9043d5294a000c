from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorktimeConfig(AppConfig):
    name = "fleksi.worktime"
    label = "worktime"
    verbose_name = _("Work schedules and shifts")

    def ready(self) -> None:
        from fleksi.policy.services import register_draft_copier
        from fleksi.worktime.services import patterns_copy_to_draft

        register_draft_copier(patterns_copy_to_draft)
