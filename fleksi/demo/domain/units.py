"""The unit tree of the demo for a size: the 59 perangkat daerah, their sub-units and the
repeated public-service units, each with its head post and the number of its staff.

The tree depends on the size only, never on the seed: unit keys and codes are stable.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from fleksi.demo.domain.catalogue import PERANGKAT_DAERAH, PUSKESMAS, spread
from fleksi.demo.domain.jobs import MENUS, Job
from fleksi.demo.domain.kukar import KECAMATAN
from fleksi.demo.domain.offices import place_offices
from fleksi.demo.domain.records import SIZES, UnitPlan
from fleksi.demo.domain.repeated import add_fire_posts, add_kelurahan, add_puskesmas, add_schools
from fleksi.demo.domain.specs import PdSpec, SubSpec
from fleksi.demo.domain.villages import villages_by_kecamatan

HEAD_KIND = {
    "sekretariat": "administrator",
    "bagian": "administrator",
    "bidang": "administrator",
}  # every other sub-unit is headed by a pengawas
# Share of an office's staff budget that each kind of unit receives (``kukar`` size).
KIND_WEIGHT = {"sekretariat": 0.4, "subbagian": 2, "bagian": 1.5, "bidang": 3, "seksi": 2, "upt": 3}
ROOT_WEIGHT = 0.6
# Staff besides the head at the ``small`` size.
SMALL_STAFF = {"subbagian": 1, "bagian": 1, "bidang": 1, "upt": 1}


@dataclass(frozen=True)
class SizeProfile:
    sd: dict[str, int]  # kecamatan code -> number of SD negeri
    smp: dict[str, int]
    puskesmas: tuple[str, ...] | None  # names; None: all 32
    fire_posts: tuple[str, ...]  # kecamatan codes
    kelurahan: tuple[str, ...] | None  # desa codes; None: every kelurahan
    thin: bool  # small staff everywhere


def size_profile(size: str) -> SizeProfile:
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; choose one of {', '.join(SIZES)}")
    if size == "small":
        return SizeProfile(
            sd={"64.02.06": 2, "64.02.12": 1},
            smp={"64.02.06": 1},
            puskesmas=(
                "Puskesmas Rapak Mahang",
                "Puskesmas Tenggarong",
                "Puskesmas Loa Kulu",
                "Puskesmas Tabang",
                "Puskesmas Samboja",
                "Puskesmas Kota Bangun",
            ),
            fire_posts=("64.02.16", "64.02.12"),
            kelurahan=("64.02.06.1001", "64.02.06.1002", "64.02.14.1001"),
            thin=True,
        )
    return SizeProfile(
        sd=spread(440, minimum=8),
        smp=spread(100, minimum=2),
        puskesmas=None,
        fire_posts=tuple(k.code for k in KECAMATAN if k.name != "Tenggarong"),
        kelurahan=None,
        thin=False,
    )


class TreeBuilder:
    def __init__(self, profile: SizeProfile) -> None:
        self.profile = profile
        self.units: list[UnitPlan] = []
        self.by_key: dict[str, UnitPlan] = {}
        self.children: dict[str, int] = {}
        self.rng = random.Random("demo-structure")  # sizes of repeated units, seed-independent

    def add(
        self,
        *,
        key: str,
        name: str,
        kind: str,
        parent: UnitPlan | None,
        pd: PdSpec,
        head_title: str,
        head_kind: str,
        profile: str,
        jobs: tuple[Job, ...],
        staff: int = -1,  # -1: decided later from the office's budget
        public: bool = False,
        kecamatan: str | None = None,
        extra_managers: tuple[str, ...] = (),
    ) -> UnitPlan:
        if parent is None:
            code = pd.code
        else:
            number = self.children.get(parent.key, 0) + 1
            self.children[parent.key] = number
            code = f"{parent.code}.{number:02d}"
        unit = UnitPlan(
            key=key,
            code=code,
            name=name,
            kind=kind,
            parent=parent.key if parent else None,
            pd=pd.key,
            kecamatan=kecamatan or (parent.kecamatan if parent else pd.kecamatan),
            public=public,
            head_title=head_title,
            head_kind=head_kind,
            profile=profile,
            jobs=jobs,
            staff=staff,
            extra_managers=extra_managers,
        )
        if key in self.by_key:
            raise ValueError(f"duplicate unit key {key}")
        self.units.append(unit)
        self.by_key[key] = unit
        return unit

    def add_pd(self, pd: PdSpec) -> None:
        root = self.add(
            key=pd.key,
            name=pd.name,
            kind=pd.kind,
            parent=None,
            pd=pd,
            head_title=pd.head_title,
            head_kind=pd.head_kind,
            profile=pd.profile,
            jobs=pd.jobs,
            public=pd.public,
            extra_managers=pd.extra_managers,
        )
        structural = [root]
        for number, sub in enumerate(pd.subs, start=1):
            structural += self.add_sub(sub, root, pd, str(number))
        self.size_office(pd, structural)

    def add_sub(self, sub: SubSpec, parent: UnitPlan, pd: PdSpec, ordinal: str) -> list[UnitPlan]:
        key = f"{parent.key}/{sub.key or ordinal}"
        if sub.kind == "sekretariat":
            title = sub.head_title or f"Sekretaris {pd.name}"
        else:
            title = sub.head_title or f"Kepala {sub.name}"
        unit = self.add(
            key=key,
            name=sub.name,
            kind=sub.kind,
            parent=parent,
            pd=pd,
            head_title=title,
            head_kind=HEAD_KIND.get(sub.kind, "pengawas"),
            profile="finance" if sub.menu == "keuangan" else pd.profile,
            jobs=MENUS[sub.menu] if sub.menu else pd.jobs + MENUS["teknis"],
            staff=sub.staff if sub.staff is not None else -1,
            public=sub.public,
        )
        added = [unit]
        for number, child in enumerate(sub.children, start=1):
            added += self.add_sub(child, unit, pd, str(number))
        return added

    def size_office(self, pd: PdSpec, units: list[UnitPlan]) -> None:
        """Give the office's units their staff: thin at ``small``; at ``kukar`` the target
        headcount of the office less its heads, shared by the weight of each unit."""
        open_units = [u for u in units if u.staff < 0]
        if self.profile.thin:
            for u in open_units:
                u.staff = SMALL_STAFF.get(u.kind, 1 if u.public or u.parent is None else 0)
            return
        fixed = sum(u.staff for u in units if u.staff >= 0)
        heads = len(units) + len(units[0].extra_managers)
        budget = max(pd.target - heads - fixed, 0)
        weights = [_weight(u) for u in open_units]
        total = sum(weights)
        shares = [budget * w / total for w in weights]
        for u, share in zip(open_units, shares, strict=True):
            u.staff = int(share)
        left = budget - sum(u.staff for u in open_units)
        order = sorted(range(len(open_units)), key=lambda i: int(shares[i]) - shares[i])
        for i in order[:left]:
            open_units[i].staff += 1


def _weight(unit: UnitPlan) -> float:
    weight = ROOT_WEIGHT if unit.parent is None else KIND_WEIGHT.get(unit.kind, 1.0)
    return weight * (1.5 if unit.public else 1.0)


def build_units(size: str) -> list[UnitPlan]:
    """Every unit of the demo at ``size``, parents before children, with offices."""
    profile = size_profile(size)
    tree = TreeBuilder(profile)
    for pd in PERANGKAT_DAERAH:
        tree.add_pd(pd)
    add_schools(tree, profile)
    add_puskesmas(tree, profile, PUSKESMAS)
    add_fire_posts(tree, profile)
    add_kelurahan(tree, profile)
    place_offices(tree.units, villages_by_kecamatan())
    return tree.units
