from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fleksi.notify.services import notifications_prune
from fleksi.notify.services.retention import RETENTION_DAYS


class Command(BaseCommand):
    help = (
        "Delete notifications that were read and are older than --days days (default "
        f"{RETENTION_DAYS}). Unread notifications and e-mails still waiting are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=RETENTION_DAYS)

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        if days < 1:
            raise CommandError("--days must be 1 or more")
        deleted = notifications_prune(days=days)
        self.stdout.write(
            f"notifications pruned: {deleted} read notifications older than {days} days"
        )
