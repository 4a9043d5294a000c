from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from fleksi.demo.selectors import demo_account_list


class Command(BaseCommand):
    help = "Print the demo accounts: role, username, name, what to try, and the shared password."

    def handle(self, *args: Any, **options: Any) -> None:
        rows = demo_account_list()
        if not rows:
            self.stdout.write(_("No demo accounts: run 'manage.py seed_demo' first."))
            return
        table = [(_("Role"), _("Username"), _("Name"), _("Try"))]
        table += [(_(r.persona.label), r.username, r.name, _(r.persona.hint)) for r in rows]
        widths = [max(len(line[i]) for line in table) for i in range(3)]

        def line(cells: tuple[str, str, str, str]) -> str:
            return "  ".join(c.ljust(w) for c, w in zip(cells[:3], widths, strict=True)) + (
                "  " + cells[3]
            )

        self.stdout.write(_("Demo accounts"))
        self.stdout.write(line(table[0]))
        self.stdout.write("  ".join("-" * w for w in [*widths, len(table[0][3])]))
        for cells in table[1:]:
            self.stdout.write(line(cells))
        self.stdout.write("")
        self.stdout.write(
            _("Password of every demo account: %(password)s")
            % {"password": settings.FLEKSI_DEMO_PASSWORD}
        )
        self.stdout.write(
            _("Every other employee signs in with their NIP (or NI PPPK) and the same password.")
        )
