"""The demo generator: everything the seed writes, as a pure function of size, seed and day.

``generate(size=..., seed=..., today=...)`` returns a :class:`DemoPlan`. The unit tree and
the villages depend on the size only; people depend on the seed (one ``random.Random``
consumed in a fixed order), and their recent events also on ``today``. The same arguments
always give the same plan.
"""

from __future__ import annotations

import random
from datetime import date

from fleksi.demo.domain.acting import plan_acting, plan_vacancies
from fleksi.demo.domain.jobs import Job, pick_job
from fleksi.demo.domain.numbers import NumberAllocator
from fleksi.demo.domain.people import PersonFactory, Post
from fleksi.demo.domain.personas import PERSONAS, Persona
from fleksi.demo.domain.records import DemoPlan, PersonPlan, PositionPlan, UnitPlan
from fleksi.demo.domain.units import build_units
from fleksi.demo.domain.villages import villages, villages_by_kecamatan
from fleksi.org.domain.structure import Person, derive_supervisors


class _Staffing:
    """Positions and people of the plan, unit by unit."""

    def __init__(self, plan: DemoPlan, factory: PersonFactory) -> None:
        self.plan = plan
        self.factory = factory
        self.positions: dict[tuple[str, str, str], PositionPlan] = {}  # (unit, name, level)
        self.per_unit: dict[str, int] = {}

    def position(self, unit: UnitPlan, name: str, kind: str, level: str = "") -> PositionPlan:
        found = self.positions.get((unit.key, name, level))
        if found is None:
            number = self.per_unit.get(unit.key, 0) + 1
            self.per_unit[unit.key] = number
            found = PositionPlan(f"{unit.code}/J{number:02d}", name, kind, level, unit.key, False)
            self.positions[(unit.key, name, level)] = found
            self.plan.positions.append(found)
        return found

    def head_position(self, unit: UnitPlan) -> PositionPlan:
        head = PositionPlan(f"{unit.code}/H", unit.head_title, unit.head_kind, "", unit.key, True)
        self.plan.positions.append(head)
        return head

    def hire(self, unit: UnitPlan, post: Post) -> PersonPlan:
        person = self.factory.make(post, unit_kecamatan=unit.kecamatan)
        self.plan.people.append(person)
        return person

    def staff(self, unit: UnitPlan, job: Job, level: str) -> PersonPlan:
        position = self.position(unit, job.position_name(level), job.kind, level)
        post = Post(unit.key, position.code, job.kind, level, job.profile)
        return self.hire(unit, post)


def _persona_person(
    persona: Persona, unit: UnitPlan, position: PositionPlan, factory: PersonFactory
) -> PersonPlan:
    if persona.birth_date is None or persona.tmt is None:
        raise ValueError(f"persona {persona.key} needs a birth date and a TMT")
    nip = factory.numbers.nip(birth_date=persona.birth_date, tmt=persona.tmt, sex=persona.sex)
    person = PersonPlan(
        index=factory.count,
        nip=nip,
        name=persona.name,
        asn_type="pns",
        sex=persona.sex,
        birth_date=persona.birth_date,
        position=position.code,
        unit=unit.key,
        domicile=persona.domicile,
        tmt_appointment=persona.tmt,
        last_rating="baik",
        last_rating_year=factory.today.year - 1,
    )
    factory.count += 1
    return person


def generate(*, size: str, seed: int, today: date) -> DemoPlan:
    units = build_units(size)
    plan = DemoPlan(size=size, seed=seed, today=today, villages=villages(), units=units)
    rng = random.Random(seed)
    numbers = NumberAllocator()
    factory = PersonFactory(rng=rng, today=today, numbers=numbers, villages=villages_by_kecamatan())
    staffing = _Staffing(plan, factory)
    by_key = {u.key: u for u in units}
    persona_of_head = {p.unit: p for p in PERSONAS if p.is_head}
    persona_staff: dict[str, list[Persona]] = {}
    for p in PERSONAS:
        if p.is_employee and not p.is_head:
            persona_staff.setdefault(p.unit, []).append(p)
    # Personas first, so that their numbers do not depend on the seed or the size.
    persona_people: dict[str, PersonPlan] = {}
    for p in PERSONAS:
        if not p.is_employee:
            continue
        unit = by_key[p.unit]
        if p.is_head:
            position = staffing.head_position(unit)
        else:
            job = next(j for j in unit.jobs if j.title == p.job)
            position = staffing.position(unit, job.position_name(p.level), job.kind, p.level)
        persona_people[p.key] = _persona_person(p, unit, position, factory)
        plan.people.append(persona_people[p.key])
        plan.personas[p.key] = persona_people[p.key].index

    protected = _protected_units(by_key, {p.unit for p in PERSONAS if p.is_employee})
    vacant = plan_vacancies(rng, units, protected=protected, thin=size == "small")
    heads: dict[str, int] = {}
    for unit in units:
        if unit.key in persona_of_head:
            heads[unit.key] = plan.personas[persona_of_head[unit.key].key]
        else:
            head_position = staffing.head_position(unit)
            if unit.key not in vacant:
                post = Post(
                    unit.key,
                    head_position.code,
                    unit.head_kind,
                    "",
                    unit.profile,
                    head_kind=unit.head_kind,
                )
                heads[unit.key] = staffing.hire(unit, post).index
        for number, title in enumerate(unit.extra_managers, start=1):
            position = PositionPlan(
                f"{unit.code}/M{number}", title, "jpt_pratama", "", unit.key, False
            )
            plan.positions.append(position)
            staffing.hire(
                unit, Post(unit.key, position.code, "jpt_pratama", "", unit.profile, "jpt_pratama")
            )
        finance = [j for j in unit.jobs if j.title == "Pengelola Keuangan"]
        for i in range(max(unit.staff - len(persona_staff.get(unit.key, [])), 0)):
            # A puskesmas keeps its finance officer (the one post there that may use WFA),
            # whatever the draw.
            if i == 0 and unit.kind == "puskesmas" and finance:
                job = finance[0]
            else:
                job = pick_job(rng, unit.jobs)
            staffing.staff(unit, job, job.pick_level(rng))
    plan.acting = plan_acting(
        rng,
        units,
        vacant=vacant,
        heads=heads,
        people=plan.people,
        protected=protected,
        today=today,
        thin=size == "small",
    )
    _derive_supervisors(plan, heads)
    return plan


def _protected_units(by_key: dict[str, UnitPlan], keys: set[str]) -> set[str]:
    """Persona units and their ancestors: never vacant, never under a stand-in."""
    result: set[str] = set()
    for key in keys:
        current: str | None = key
        while current is not None:
            result.add(current)
            current = by_key[current].parent
    return result


def _derive_supervisors(plan: DemoPlan, heads: dict[str, int]) -> None:
    """The structural supervisor of everyone, by the same rule as the organisation."""
    unit_index = {u.key: i for i, u in enumerate(plan.units)}
    parent_of = {
        i: unit_index[u.parent] if u.parent is not None else None for i, u in enumerate(plan.units)
    }
    head_of_unit = {unit_index[k]: person for k, person in heads.items()}
    head_people = set(heads.values())
    people = [Person(p.index, unit_index[p.unit], p.index in head_people) for p in plan.people]
    derived = derive_supervisors(
        parent_of=parent_of,
        head_of_unit=head_of_unit,
        people=people,
        secretariat_unit_id=unit_index[plan.secretariat],
    )
    for person in plan.people:
        person.supervisor = derived[person.index]
