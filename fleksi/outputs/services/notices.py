"""What the people concerned are told (in-app, and by e-mail where they want it, after the
transaction commits: :func:`fleksi.notify.services.notify` queues e-mail on commit)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _

from fleksi.accounts.models import User
from fleksi.notify.services import notify_translated
from fleksi.org.models import Employee

# code → (label of the kind, e-mail on by default)
KINDS: dict[str, tuple[Any, bool]] = {
    "output.reported": (_("An output report awaits your verification"), False),
    "output.accepted": (_("Your output report was accepted"), False),
    "output.returned": (_("Your output report was returned for revision"), True),
    "output.rejected": (_("Your output report was rejected"), True),
    "output.verification_escalated": (_("An output verification was escalated to you"), True),
    "wfa.at_risk": (_("Your WFA is at risk: the month's outputs so far"), True),
    "wfa.suspended": (_("WFA was suspended after the monthly output check"), True),
    "wfa.reinstated": (_("A WFA suspension was lifted"), True),
}
TITLES: dict[str, Any] = {
    "output.reported": _("Output report from %(name)s"),
    "output.accepted": _("Your output of %(day)s was accepted"),
    "output.returned": _("Your output of %(day)s was returned for revision"),
    "output.rejected": _("Your output of %(day)s was rejected"),
    "output.verification_escalated": _("Please verify an output of %(name)s"),
    "wfa.at_risk": _("Your WFA is at risk: outputs of %(month)s so far"),
    "wfa.suspended": _("WFA of %(name)s is suspended from %(start)s until %(until)s"),
    "wfa.reinstated": _("WFA of %(name)s is reinstated"),
}
BODIES: dict[str, Any] = {
    "output.reported": _(
        "%(name)s reported “%(what)s” for %(day)s. It waits for your verification."
    ),
    "output.accepted": _("“%(what)s”: accepted, quality %(quality)s. %(comment)s"),
    "output.returned": _("“%(what)s”: what to revise: %(comment)s"),
    "output.rejected": _("“%(what)s”: reason: %(comment)s"),
    "output.verification_escalated": _(
        "The output “%(what)s” of %(day)s was not verified in time and now comes to you."
    ),
    "wfa.at_risk": _(
        "So far in %(month)s: %(reason)s. What to do: report the outputs of your WFA days and "
        "reach the targets of your plan before the month ends, or talk with your supervisor. "
        "The monthly check on %(check)s decides; if the figures stay like this, WFA is "
        "suspended from %(start)s."
    ),
    "wfa.suspended": _(
        "The output check of %(month)s found: %(reason)s. WFA is suspended from %(start)s "
        "until %(until)s; WFA days before %(start)s stay as they are. What to do: report the "
        "missing outputs and talk with your supervisor, who may reinstate WFA with a reason."
    ),
    "wfa.reinstated": _("Reinstated by %(by)s. Reason: %(comment)s"),
}


def tell(
    *,
    kind: str,
    to: Sequence[Employee],
    params: Mapping[str, Any],
    url: str,
    source: tuple[str, str],
) -> None:
    recipients = list(User.objects.filter(employee__in=[e.pk for e in to], is_active=True))
    if not recipients:
        return
    notify_translated(
        recipients=recipients,
        kind=kind,
        title=TITLES[kind],
        body=BODIES[kind],
        params=dict(params),
        url=url,
        source=source,
    )
