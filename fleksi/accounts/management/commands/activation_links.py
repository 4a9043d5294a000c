from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from fleksi.accounts.passwords import (
    accounts_awaiting_activation,
    may_get_password_link,
    send_password_link,
)


class Command(BaseCommand):
    help = (
        "E-mail the activation link (set your first password) to provisioned accounts that "
        "never had a password: all of them, or the NIPs given. Accounts without an e-mail "
        "address, inactive ones and roles that must use SSO are counted, not sent."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("nips", nargs="*", help="NIPs (usernames); none: every account")
        parser.add_argument(
            "--dry-run", action="store_true", help="only count who would get a link"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        accounts = accounts_awaiting_activation(options["nips"] or None)
        sent = skipped = 0
        for user in accounts:
            if not may_get_password_link(user):
                skipped += 1
            elif options["dry_run"] or send_password_link(user):
                sent += 1
        verb = "would be sent" if options["dry_run"] else "sent"
        self.stdout.write(
            f"{len(accounts)} accounts await activation: {sent} links {verb}, "
            f"{skipped} without an e-mail address (or inactive, or SSO only)"
        )
