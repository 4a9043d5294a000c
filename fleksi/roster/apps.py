from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RosterConfig(AppConfig):
    name = "fleksi.roster"
    label = "roster"
    verbose_name = _("WFA rosters")

    def ready(self) -> None:
        # The request rules learn a published roster's placement of the employee on the day
        # (rule ``published_roster``) without the schedule importing the roster.
        from fleksi.roster.selectors.placement import published_placement
        from fleksi.schedule.selectors.facts import register_fact_provider

        register_fact_provider("roster_placement", published_placement)
