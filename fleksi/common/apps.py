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

        from django.tasks.signals import task_finished

        from fleksi.common import metrics
        from fleksi.common.periodic import register_job
        from fleksi.common.taskqueue import tasks_reclaim_stale

        task_finished.connect(metrics.task_failed, dispatch_uid="fleksi.metrics.task_failed")
        metrics.register_gauge(
            "fleksi_task_queue_depth", "Background tasks waiting in the queue", _queue_depth
        )
        metrics.register_gauge(
            "fleksi_tasks_failed",
            "Background tasks recorded as failed (database queue and task ledger)",
            _tasks_failed,
        )

        register_job(
            "tasks.reclaim_stale",
            tasks_reclaim_stale,
            "put background tasks whose worker died back in the queue (with a back-off), "
            "or mark them failed after their last attempt",
        )


def _queue_depth() -> float:
    from fleksi.common.health import _tasks

    return float(_tasks().get("waiting", 0))


def _tasks_failed() -> float:
    from django_tasks_db.models import DBTaskResult

    from fleksi.common.models import TaskRun

    return float(
        DBTaskResult.objects.filter(status="FAILED").count()
        + TaskRun.objects.filter(status=TaskRun.Status.FAILED).count()
    )
