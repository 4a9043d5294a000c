"""A national picture without a national database (issue 19 §5). Pure.

Each instance (a regency, a province, a ministry) publishes, per month, one document of its
aggregate figures — the sums of :class:`Figures`, no row of any person — signed with its
Ed25519 key. A national reader (KemenPANRB) merges the documents of many instances: the
figures add up (every figure is a count or a sum), and every indicator of the merged picture
is recomputed from the merged sums, never averaged across instances.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any

from fleksi.insights.domain.figures import Figures

FORMAT = "fleksi-national-aggregate/1"
INDICATORS = ("eligible_pct", "wfa_use_pct", "attendance_pct", "achievement_pct", "on_time_pct")


class DocumentRefused(ValueError):
    """A document that cannot be merged (its words say why)."""


def canonical(document: dict[str, Any]) -> bytes:
    """The bytes that are signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def document_of(
    *, code: str, name: str, month: str, generated_at: str, figures: Figures
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "instance": {"code": code, "name": name},
        "month": month,
        "generated_at": generated_at,
        "figures": {f.name: getattr(figures, f.name) for f in fields(Figures)},
    }


@dataclass(frozen=True)
class Instance:
    code: str
    name: str
    figures: Figures


@dataclass(frozen=True)
class NationalPicture:
    month: str
    instances: tuple[Instance, ...]
    total: Figures

    def indicators(self, figures: Figures) -> dict[str, float | None]:
        return {name: getattr(figures, name) for name in INDICATORS}


def merge(documents: list[dict[str, Any]]) -> NationalPicture:
    """Merge verified documents of one month; refuses another format, mixed months, an
    instance twice and a figure that is not a known count or sum."""
    if not documents:
        raise DocumentRefused("no document to merge")
    months = {d.get("month") for d in documents}
    if len(months) != 1:
        raise DocumentRefused(f"documents of different months: {sorted(map(str, months))}")
    known = {f.name for f in fields(Figures)}
    instances: list[Instance] = []
    seen: set[str] = set()
    for d in documents:
        if d.get("format") != FORMAT:
            raise DocumentRefused(f"unknown format {d.get('format')!r}")
        code = str(d["instance"]["code"])
        if code in seen:
            raise DocumentRefused(f"instance {code} appears twice")
        seen.add(code)
        unknown = set(d["figures"]) - known
        if unknown:
            raise DocumentRefused(f"instance {code}: unknown figures {sorted(unknown)}")
        if any(not isinstance(v, int | float) or v < 0 for v in d["figures"].values()):
            raise DocumentRefused(f"instance {code}: a figure is not a number of at least 0")
        instances.append(Instance(code, str(d["instance"]["name"]), Figures.of(d["figures"])))
    instances.sort(key=lambda i: i.code)
    total = Figures()
    for instance in instances:
        total = total + instance.figures
    return NationalPicture(str(months.pop()), tuple(instances), total)
