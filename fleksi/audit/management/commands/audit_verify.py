from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fleksi.audit.anchors import AnchorError, anchor_verify
from fleksi.audit.domain.chain import ChainProblem
from fleksi.audit.selectors import audit_chain_verify


def _describe(problem: ChainProblem) -> str:
    where = f"stream {problem.stream}, sequence {problem.seq}"
    if problem.entry_id is not None:
        where += f", entry id {problem.entry_id}"
    return f"({problem.code}) at {where}: {problem.detail}"


class Command(BaseCommand):
    help = (
        "Verify the hash chains of the audit trail, and with --anchor against the signed "
        "checkpoints the Inspektorat keeps. Exits 0 when intact; otherwise exits 1 naming "
        "the stream and the first bad entry."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--anchor", help="anchor file (signed checkpoints) to check against")
        parser.add_argument("--public-key", help="the public key the checkpoints are signed with")

    def handle(self, *args: Any, **options: Any) -> None:
        checked, problem = audit_chain_verify()
        problems = [problem] if problem else []
        anchored = 0
        if options["anchor"]:
            if not options["public_key"]:
                raise CommandError("--anchor needs --public-key")
            try:
                anchored, diverged = anchor_verify(
                    anchor=Path(options["anchor"]), public_key=Path(options["public_key"])
                )
            except (AnchorError, OSError, ValueError) as exc:
                raise CommandError(f"anchor not usable: {exc}") from exc
            problems += [d for d in diverged if not problem or d.stream != problem.stream]
        if not problems:
            against = f"; matches {anchored} anchored checkpoints" if options["anchor"] else ""
            self.stdout.write(
                self.style.SUCCESS(f"audit trail intact: {checked} entries checked{against}")
            )
            return
        for extra in problems[1:]:
            self.stderr.write(f"also broken {_describe(extra)}")
        raise CommandError(f"audit trail broken {_describe(problems[0])}")
