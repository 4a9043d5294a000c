from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicelevelAppConfig(AppConfig):
    name = "fleksi.servicelevel"
    label = "servicelevel"
    verbose_name = _("Public-service figures")

    def ready(self) -> None:
        from fleksi.common.periodic import register_job
        from fleksi.notify.kinds import register_kind
        from fleksi.servicelevel.services.safeguard import ALERT_KIND, safeguard_job

        register_kind(
            ALERT_KIND, _("A public service is doing worse since WFA"), default_email=True
        )
        register_job(
            "servicelevel.safeguard",
            safeguard_job,
            "compare each public service's recent figures with its baseline before WFA; alert "
            "the head of its unit and the Sekda when one degrades beyond the policy's threshold",
        )
