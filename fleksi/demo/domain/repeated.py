"""Repeated public-service units: schools, puskesmas, fire posts and kelurahan offices.

Their number follows the size; their staff is drawn from a fixed (seed-independent) random
source so that the unit tree is the same for every seed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from fleksi.demo.domain.catalogue import PD_BY_KEY, Puskesmas
from fleksi.demo.domain.jobs import MENUS
from fleksi.demo.domain.kukar import KECAMATAN
from fleksi.demo.domain.villages import villages_by_kecamatan

if TYPE_CHECKING:
    from fleksi.demo.domain.units import SizeProfile, TreeBuilder


def _slug(text: str) -> str:
    return text.lower().replace(" ", "-")


def add_schools(tree: TreeBuilder, profile: SizeProfile) -> None:
    pd = PD_BY_KEY["disdikbud"]
    for level, counts, menu, thin_staff, staff_range in (
        ("sd", profile.sd, "sd", 4, (8, 16)),
        ("smp", profile.smp, "smp", 5, (20, 32)),
    ):
        parent = tree.by_key[f"disdikbud/{level}"]
        for kec in KECAMATAN:
            for number in range(1, counts.get(kec.code, 0) + 1):
                if level == "sd":
                    name = f"SD Negeri {number:03d} {kec.name}"
                else:
                    name = f"SMP Negeri {number} {kec.name}"
                tree.add(
                    key=f"{parent.key}/{kec.code[-2:]}-{number:03d}",
                    name=name,
                    kind="sekolah",
                    parent=parent,
                    pd=pd,
                    head_title=f"Kepala {name}",
                    head_kind="pengawas",
                    profile="teacher",
                    jobs=MENUS[menu],
                    staff=thin_staff if profile.thin else tree.rng.randint(*staff_range),
                    public=True,
                    kecamatan=kec.code,
                )


def add_puskesmas(tree: TreeBuilder, profile: SizeProfile, puskesmas: Sequence[Puskesmas]) -> None:
    pd = PD_BY_KEY["dinkes"]
    parent = tree.by_key["dinkes"]
    for pkm in puskesmas:
        if profile.puskesmas is not None and pkm.name not in profile.puskesmas:
            continue
        if profile.thin:
            staff = 7
        else:
            staff = tree.rng.randint(85, 100) if pkm.inpatient else tree.rng.randint(60, 78)
        tree.add(
            key=f"dinkes/{_slug(pkm.name)}",
            name=pkm.name,
            kind="puskesmas",
            parent=parent,
            pd=pd,
            head_title=f"Kepala {pkm.name}",
            head_kind="pengawas",
            profile="doctor",
            jobs=MENUS["puskesmas"],
            staff=staff,
            public=True,
            kecamatan=pkm.kecamatan,
        )


def add_fire_posts(tree: TreeBuilder, profile: SizeProfile) -> None:
    pd = PD_BY_KEY["damkar"]
    parent = tree.by_key["damkar/ops"]
    for kec in KECAMATAN:
        if kec.code not in profile.fire_posts:
            continue
        name = f"UPT Pos Pemadam Kebakaran Sektor {kec.name}"
        tree.add(
            key=f"damkar/ops/pos-{kec.code[-2:]}",
            name=name,
            kind="upt",
            parent=parent,
            pd=pd,
            head_title=f"Kepala {name}",
            head_kind="pengawas",
            profile="admin",
            jobs=MENUS["damkar"],
            staff=3 if profile.thin else tree.rng.randint(27, 35),
            public=True,
            kecamatan=kec.code,
        )


def add_kelurahan(tree: TreeBuilder, profile: SizeProfile) -> None:
    for kec_code, places in villages_by_kecamatan().items():
        root = tree.by_key[f"kec{kec_code[-2:]}"]
        pd = PD_BY_KEY[root.key]
        for village in places:
            if village.kind != "kelurahan":
                continue
            if profile.kelurahan is not None and village.code not in profile.kelurahan:
                continue
            tree.add(
                key=f"{root.key}/kel-{village.code[-4:]}",
                name=f"Kelurahan {village.name}",
                kind="kelurahan",
                parent=root,
                pd=pd,
                head_title=f"Lurah {village.name}",
                head_kind="pengawas",
                profile="admin",
                jobs=MENUS["kelurahan"],
                staff=2 if profile.thin else tree.rng.randint(7, 12),
                public=True,
                kecamatan=kec_code,
            )
