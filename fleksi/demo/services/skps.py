"""Demo SKPs: top-down, each result cascaded from one of the supervisor's results."""

from __future__ import annotations

import random
from decimal import Decimal

from fleksi.demo.domain import output_texts as texts
from fleksi.org.models import Employee
from fleksi.outputs.models import Skp, SkpIndicator, SkpResult

BATCH = 1000


def level_of(e: Employee) -> str:
    if e.supervisor_id is None:
        return "top"
    if e.position.is_head:
        return e.position.kind if e.position.kind in texts.RHK else "pengawas"
    return "staff"


def seed_skps(
    rng: random.Random, people: list[Employee], year: int
) -> tuple[int, dict[int, list[SkpResult]]]:
    """SKPs top-down, each result cascaded from one of the supervisor's results."""
    by_id = {e.pk: e for e in people}

    def depth(e: Employee) -> int:
        n, cur = 0, e
        while cur.supervisor_id in by_id:
            n, cur = n + 1, by_id[cur.supervisor_id]
        return n

    results: dict[int, list[SkpResult]] = {}
    skps = Skp.objects.bulk_create(
        [
            Skp(
                employee=e,
                year=year,
                rater_id=e.supervisor_id,
                status=Skp.Status.AGREED,
                source=Skp.Source.PAGE,
            )
            for e in people
        ]
    )
    skp_of = {s.employee_id: s for s in skps}
    indicators: list[SkpIndicator] = []
    for level_depth in sorted({depth(e) for e in people}):
        batch: list[tuple[SkpResult, tuple[tuple[str, int, str], ...]]] = []
        for e in (p for p in people if depth(p) == level_depth):
            parents = results.get(e.supervisor_id or 0, [])
            for number, (text, inds) in enumerate(texts.RHK[level_of(e)], start=1):
                parent = rng.choice(parents) if parents else None
                batch.append(
                    (SkpResult(skp=skp_of[e.pk], number=number, text=text, parent=parent), inds)
                )
        SkpResult.objects.bulk_create([r for r, _i in batch], batch_size=BATCH)
        for result, inds in batch:
            results.setdefault(result.skp.employee_id, []).append(result)
            indicators += [
                SkpIndicator(
                    result=result, order=i, text=t, target_quantity=Decimal(q), target_unit=u
                )
                for i, (t, q, u) in enumerate(inds, start=1)
            ]
    SkpIndicator.objects.bulk_create(indicators, batch_size=BATCH)
    return len(skps), results
