from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fleksi.notify.services import notification_emails_requeue


class Command(BaseCommand):
    help = (
        "Queue again the notification e-mails whose background task was lost (the queue "
        "could not be written, or a worker stopped while sending). Safe to run at any time, "
        "e.g. every 15 minutes from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--minutes",
            type=int,
            default=15,
            help="only e-mails whose attempt was due at least this long ago (default 15)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        minutes = options["minutes"]
        if minutes < 0:
            raise CommandError("--minutes must be 0 or more")
        queued = notification_emails_requeue(grace=timedelta(minutes=minutes))
        self.stdout.write(f"notification e-mails queued again: {queued}")
