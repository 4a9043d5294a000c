from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "fleksi.common"
    label = "common"
    verbose_name = _("Common")

    def ready(self) -> None:
        # The empty choice of every select, in our catalogue (Django's own label has no
        # Indonesian translation and showed "- Select an option -").
        from django.db.models import fields

        fields.BLANK_CHOICE_LABEL = _("— choose —")

        from fleksi.common.periodic import register_job
        from fleksi.common.taskqueue import tasks_reclaim_stale

        register_job(
            "tasks.reclaim_stale",
            tasks_reclaim_stale,
            "put background tasks whose worker died back in the queue (with a back-off), "
            "or mark them failed after their last attempt",
        )
