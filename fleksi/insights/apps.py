from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsAppConfig(AppConfig):
    name = "fleksi.insights"
    label = "insights"
    verbose_name = _("Monitoring and evaluation")

    def ready(self) -> None:
        from fleksi.common.periodic import register_job
        from fleksi.insights.services.jobs import monthly_report_job, refresh_job

        register_job(
            "insights.refresh",
            refresh_job,
            "compute the monthly figures of the dashboards (this month and the last) from the "
            "check-ins, WFA days, outputs and service figures; verify the audit trail",
        )
        register_job(
            "insights.monthly_report",
            monthly_report_job,
            "generate last month's evaluation report (PDF and XLSX) once, when it is missing",
        )
