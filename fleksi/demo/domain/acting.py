"""Vacant head posts and acting officials (Plt for a vacancy, Plh for a head on leave), with
date ranges around ``today``: some current, one already over, one still to come."""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from datetime import date, timedelta

from fleksi.demo.domain.records import ActingPlan, PersonPlan, UnitPlan

# kinds of unit -> how many head posts are vacant at (small, kukar)
VACANCIES = (
    (("opd",), (1, 2)),
    (("bidang", "bagian"), (1, 4)),
    (("seksi", "subbagian"), (1, 6)),
    (("sekolah",), (0, 3)),
    (("puskesmas",), (0, 1)),
)
PLH_COUNT = (3, 6)


def plan_vacancies(
    rng: random.Random, units: Sequence[UnitPlan], *, protected: Collection[str], thin: bool
) -> set[str]:
    """Units whose head post is vacant (never a persona's unit or one above it, never Setda)."""
    vacant: set[str] = set()
    for kinds, counts in VACANCIES:
        candidates = [u.key for u in units if u.kind in kinds and u.key not in protected]
        vacant.update(rng.sample(candidates, counts[0 if thin else 1]))
    return vacant


def _decree(rng: random.Random, kind: str, unit: UnitPlan, start: date) -> str:
    code = "800.1.3.3" if kind == "plt" else "800.1.3.4"
    issuer = "BKPSDM" if kind == "plt" else unit.code.split(".", 1)[0]
    return f"{code}/{rng.randint(100, 999)}/{issuer}/{start.year}"


def plan_acting(
    rng: random.Random,
    units: Sequence[UnitPlan],
    *,
    vacant: Collection[str],
    heads: dict[str, int],
    people: Sequence[PersonPlan],
    protected: Collection[str],
    today: date,
    thin: bool,
) -> list[ActingPlan]:
    """A Plt for each vacant post that has a candidate; Plh for a few heads on leave."""
    children: dict[str, list[UnitPlan]] = {}
    for unit in units:
        if unit.parent is not None:
            children.setdefault(unit.parent, []).append(unit)
    by_key = {u.key: u for u in units}
    acting: list[ActingPlan] = []
    for key in sorted(vacant):
        unit = by_key[key]
        # A head of a unit below, else of a sibling, else of the unit above stands in.
        below = [heads[c.key] for c in children.get(key, []) if c.key in heads]
        siblings = [
            heads[c.key]
            for c in children.get(unit.parent or "", [])
            if c.key in heads and c.key != key
        ]
        above = [heads[unit.parent]] if unit.parent in heads else []
        candidates = below or siblings or above
        if not candidates:
            continue
        start = today - timedelta(days=rng.randint(20, 120))
        acting.append(
            ActingPlan(
                unit=key,
                person=rng.choice(candidates),
                kind="plt",
                start_date=start,
                end_date=today + timedelta(days=rng.randint(10, 120)),
                decree=_decree(rng, "plt", unit, start),
            )
        )
    staffed_by_unit: dict[str, list[int]] = {}
    for person in people:
        staffed_by_unit.setdefault(person.unit, []).append(person.index)
    headed = sorted(k for k in heads if k not in protected and by_key[k].kind != "sekolah")
    count = PLH_COUNT[0 if thin else 1]
    for number, key in enumerate(rng.sample(headed, count)):
        stand_ins = [heads[c.key] for c in children.get(key, []) if c.key in heads]
        stand_ins = stand_ins or [i for i in staffed_by_unit[key] if i != heads[key]]
        if not stand_ins:
            continue
        if number == 0:  # over already
            start = today - timedelta(days=30)
        elif number == 1:  # still to come
            start = today + timedelta(days=7)
        else:
            start = today - timedelta(days=rng.randint(0, 3))
        acting.append(
            ActingPlan(
                unit=key,
                person=stand_ins[0],
                kind="plh",
                start_date=start,
                end_date=start + timedelta(days=rng.randint(4, 9)),
                decree=_decree(rng, "plh", by_key[key], start),
            )
        )
    return acting
