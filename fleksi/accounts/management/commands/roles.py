from __future__ import annotations

import getpass
from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from fleksi.accounts.models import RoleAssignment
from fleksi.accounts.selectors import account_by_login, role_assignment_list
from fleksi.accounts.services import role_assign, role_revoke
from fleksi.common.errors import ServiceError
from fleksi.org.models import Unit


class Command(BaseCommand):
    help = (
        "Role administration from the command line (audited like the page): "
        "'roles list [--at MOMENT] [--account NIP]', "
        "'roles assign ACCOUNT ROLE [--unit CODE] --reason TEXT', "
        "'roles revoke ACCOUNT ROLE [--unit CODE] --reason TEXT'."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="roles held now, or at --at")
        listing.add_argument("--at", help="a moment, e.g. 2026-03-01T08:00+08:00")
        listing.add_argument("--account", default="", help="NIP or username")
        listing.add_argument("--history", action="store_true", help="every assignment, ended too")
        for name in ("assign", "revoke"):
            p = sub.add_parser(name)
            p.add_argument("account", help="NIP or username")
            p.add_argument("role", help="e.g. bkpsdm_admin, auditor, service_manager")
            p.add_argument("--unit", default="", help="unit code (unit-scoped roles only)")
            p.add_argument("--reason", required=True, help="basis, e.g. the decree (SK)")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = f"cli:{getpass.getuser()}"
        if options["action"] == "list":
            self._list(options)
            return
        user = account_by_login(options["account"])
        if user is None:
            raise CommandError(_("No account signs in with this NIP or username."))
        unit = None
        if options["unit"]:
            unit = Unit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(_("This unit does not exist."))
        try:
            if options["action"] == "assign":
                role_assign(
                    actor=actor,
                    user=user,
                    role=options["role"],
                    unit=unit,
                    reason=options["reason"],
                )
                self.stdout.write(self.style.SUCCESS(_("The role was assigned.")))
                return
            assignment = (
                RoleAssignment.objects.current()
                .filter(user=user, role=options["role"], unit=unit)
                .first()
            )
            if assignment is None:
                raise CommandError(_("This account does not hold this role."))
            role_revoke(actor=actor, assignment=assignment, reason=options["reason"])
            self.stdout.write(self.style.SUCCESS(_("The role was revoked.")))
        except ServiceError as exc:
            raise CommandError(exc.message) from exc

    def _list(self, options: dict[str, Any]) -> None:
        at: datetime | None = None
        if options["at"]:
            at = parse_datetime(options["at"])
            if at is None:
                raise CommandError(_("Write the moment as 2026-03-01T08:00+08:00."))
            if timezone.is_naive(at):
                at = timezone.make_aware(at)
        user_id = None
        if options["account"]:
            user = account_by_login(options["account"])
            if user is None:
                raise CommandError(_("No account signs in with this NIP or username."))
            user_id = user.pk
        qs = role_assignment_list(
            current_only=at is None and not options["history"], held_at=at, user_id=user_id
        )
        for a in qs:
            until = timezone.localtime(a.valid_until).isoformat() if a.valid_until else "-"
            unit = a.unit.code if a.unit is not None else "-"
            self.stdout.write(
                "\t".join(
                    [
                        a.user.username,
                        a.role,
                        unit,
                        timezone.localtime(a.valid_from).isoformat(),
                        until,
                        a.grant_reason,
                    ]
                )
            )
