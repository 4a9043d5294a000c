from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from fleksi.audit.selectors import audit_chain_verify


class Command(BaseCommand):
    help = (
        "Verify the hash chains of the audit trail. Exits 0 when every stream is intact; "
        "otherwise exits 1 naming the first bad entry."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        checked, problem = audit_chain_verify()
        if problem is None:
            self.stdout.write(self.style.SUCCESS(f"audit trail intact: {checked} entries checked"))
            return
        where = f"stream {problem.stream}, sequence {problem.seq}"
        if problem.entry_id is not None:
            where += f", entry id {problem.entry_id}"
        raise CommandError(f"audit trail broken ({problem.code}) at {where}: {problem.detail}")
