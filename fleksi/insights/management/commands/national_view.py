from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fleksi.insights.domain.figures import Figures
from fleksi.insights.domain.national import DocumentRefused, NationalPicture, merge
from fleksi.insights.services.national import aggregate_verify, read_signed


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} %"


class Command(BaseCommand):
    help = (
        "The national view (read-only): verify the signed aggregate documents of many "
        "instances against the trusted public keys and merge them into one picture of the "
        "month (indicators recomputed from the summed figures). Needs no database."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("documents", nargs="+", help="signed aggregate documents (JSON)")
        parser.add_argument(
            "--trust", action="append", default=[], help="a public key (PEM); repeatable"
        )
        parser.add_argument("--json", action="store_true", help="the merged picture as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["trust"]:
            raise CommandError("give the instances' public keys with --trust")
        trusted = [Path(p) for p in options["trust"]]
        try:
            picture = merge(
                [aggregate_verify(read_signed(Path(p)), trusted) for p in options["documents"]]
            )
        except DocumentRefused as exc:
            raise CommandError(f"refused: {exc}") from exc
        if options["json"]:
            self.stdout.write(json.dumps(_as_json(picture), ensure_ascii=False, indent=1))
            return
        self.stdout.write(
            f"National picture of {picture.month}: {len(picture.instances)} instances"
        )
        header = (
            f"{'instance':<40} {'employees':>10} {'WFA use':>9} {'attendance':>11} {'outputs':>9}"
        )
        self.stdout.write(header)
        for label, figures in [
            *((f"{i.code} {i.name}"[:40], i.figures) for i in picture.instances),
            ("NATIONAL", picture.total),
        ]:
            self.stdout.write(_line(label, figures))


def _line(label: str, f: Figures) -> str:
    return (
        f"{label:<40} {f.headcount:>10} {_pct(f.wfa_use_pct):>9} "
        f"{_pct(f.attendance_pct):>11} {_pct(f.achievement_pct):>9}"
    )


def _as_json(picture: NationalPicture) -> dict[str, Any]:
    def one(f: Figures) -> dict[str, Any]:
        return {"headcount": f.headcount, **picture.indicators(f)}

    return {
        "month": picture.month,
        "instances": [
            {"code": i.code, "name": i.name, **one(i.figures)} for i in picture.instances
        ],
        "national": one(picture.total),
    }
