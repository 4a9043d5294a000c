"""A small organisation for tests, built through the real services (audit included).

    Setda (opd)                       sekda (head)
    Dinas Kependudukan (opd)          head_a
      Sekretariat                     (no people)
      Bidang Pelayanan (public)       head_bidang
        Seksi Loket (public)          head_seksi, staff_a1, staff_a2
    Bappeda (opd)                     head_b, staff_b1

Accounts: one per employee (username = NIP) and admins ``bkpsdm``, ``bupati``,
``auditor``, ``diskominfo``, ``layanan`` (service-unit manager of Bidang Pelayanan) and
``kepeg_a`` (personnel administrator of the Dinas Kependudukan), ``hukum`` (the Bagian
Hukum, who harmonises the Perbup; only the policy's access matrix asks as it so far),
``organisasi`` (the Bagian Organisasi, who drafts the Perbup with BKPSDM and reads the duty
mapping; every access matrix asks as it).
All passwords are :data:`PASSWORD`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import count

from django.contrib.auth.hashers import make_password

from fleksi.accounts.models import User
from fleksi.accounts.services import role_assign, user_create
from fleksi.org.domain.nip import build_nip
from fleksi.org.models import Employee, Position, Unit
from fleksi.org.services import (
    agency_set_secretariat,
    agency_setup,
    employee_create,
    position_create,
    supervisors_refresh,
    unit_create,
)
from fleksi.places.models import Desa, Kecamatan

PASSWORD = "uji-coba-fleksi-2026"
_sequence = count(1)


@dataclass
class World:
    units: dict[str, Unit] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    people: dict[str, Employee] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    kecamatan: dict[str, Kecamatan] = field(default_factory=dict)
    desa: dict[str, Desa] = field(default_factory=dict)

    def user(self, key: str) -> User:
        return User.objects.get(pk=self.users[key].pk)


def make_nip(birth: date, sex: str = "1", tmt: tuple[int, int] | None = None) -> str:
    year, month = tmt or (birth.year + 25, 3)
    return build_nip(
        birth_date=birth, tmt_year=year, tmt_month=month, sex=sex, sequence=next(_sequence) % 1000
    )


def build_world() -> World:
    w = World()
    hashed = make_password(PASSWORD)
    w.kecamatan["tgr"] = Kecamatan.objects.create(
        code="64.02.06", name="Tenggarong", latitude=-0.42, longitude=116.99
    )
    w.kecamatan["tbg"] = Kecamatan.objects.create(
        code="64.02.12", name="Tabang", latitude=0.6, longitude=116.05
    )
    w.desa["melayu"] = Desa.objects.create(
        code="64.02.06.1001", name="Melayu", kind="kelurahan", kecamatan=w.kecamatan["tgr"]
    )
    w.desa["tabang"] = Desa.objects.create(
        code="64.02.12.2001", name="Tabang Lama", kecamatan=w.kecamatan["tbg"]
    )
    agency_setup(
        actor=None,
        code="64.02",
        name="Pemerintah Kabupaten Kutai Kartanegara",
        short_name="Pemkab Kukar",
    )

    def unit(
        key: str, name: str, kind: str, parent: str | None = None, public: bool = False
    ) -> None:
        w.units[key] = unit_create(
            actor=None,
            code=f"T-{key}",
            name=name,
            kind=kind,
            parent=w.units[parent] if parent else None,
            is_public_service=public,
            kecamatan_id=w.kecamatan["tgr"].pk,
        )

    unit("setda", "Sekretariat Daerah", "opd")
    unit("a", "Dinas Kependudukan dan Pencatatan Sipil", "opd")
    unit("a_sek", "Sekretariat Disdukcapil", "sekretariat", "a")
    unit("a_bid", "Bidang Pelayanan", "bidang", "a", public=True)
    unit("a_loket", "Seksi Loket", "seksi", "a_bid", public=True)
    unit("b", "Bappeda", "opd")

    def position(
        key: str, name: str, kind: str, unit_key: str, head: bool = False, level: str = ""
    ) -> None:
        w.positions[key] = position_create(
            actor=None,
            code=f"P-{key}",
            name=name,
            kind=kind,
            unit=w.units[unit_key],
            is_head=head,
            level=level,
        )

    position("sekda", "Sekretaris Daerah", "jpt_pratama", "setda", head=True)
    position("head_a", "Kepala Dinas", "jpt_pratama", "a", head=True)
    position("head_bidang", "Kepala Bidang Pelayanan", "administrator", "a_bid", head=True)
    position("head_seksi", "Kepala Seksi Loket", "pengawas", "a_loket", head=True)
    position("loket", "Petugas Loket", "pelaksana", "a_loket")
    position("head_b", "Kepala Bappeda", "jpt_pratama", "b", head=True)
    position("analis", "Analis Kebijakan", "fungsional", "b", level="ahli_muda")

    def person(
        key: str,
        name: str,
        pos: str,
        asn_type: str = "pns",
        sex: str = "1",
        birth: date = date(1985, 3, 12),
    ) -> None:
        nip = (
            make_nip(birth, sex)
            if asn_type in ("pns", "cpns")
            else f"{birth:%Y%m%d}2021{sex}{next(_sequence):05d}"
        )
        p = w.positions[pos]
        w.people[key] = employee_create(
            actor=None,
            nip=nip,
            name=name,
            asn_type=asn_type,
            sex=sex,
            birth_date=birth,
            position=p,
            unit=p.unit,
            tmt_appointment=date(birth.year + 25, 3, 1),
            domicile=w.desa["melayu"],
        )
        w.users[key] = User.objects.create(username=nip, employee=w.people[key], password=hashed)

    person("sekda", "Dr. H. Bambang Wicaksono, S.Sos., M.Si.", "sekda", birth=date(1970, 1, 5))
    person("head_a", "Hj. Rahmawati", "head_a", sex="2", birth=date(1972, 6, 1))
    person("head_bidang", "Bambang Sutrisno", "head_bidang", birth=date(1978, 2, 2))
    person("head_seksi", "Sari Wulandari", "head_seksi", sex="2", birth=date(1982, 7, 7))
    person("staff_a1", "Rina Kartika", "loket", sex="2", birth=date(1990, 4, 4))
    person("staff_a2", "Darto Wijaya", "loket", asn_type="pppk", birth=date(1988, 8, 8))
    person("head_b", "Andi Pratama", "head_b", birth=date(1975, 5, 5))
    person("staff_b1", "Yusuf Hidayat", "analis", birth=date(1991, 9, 9))

    agency_set_secretariat(actor=None, unit=w.units["setda"])
    supervisors_refresh(actor=None)
    for key in list(w.people):
        w.people[key].refresh_from_db()

    for username, role, unit_key in [
        ("bkpsdm", "bkpsdm_admin", None),
        ("bupati", "bupati", None),
        ("auditor", "auditor", None),
        ("diskominfo", "diskominfo_admin", None),
        ("layanan", "service_manager", "a_bid"),
        ("kepeg_a", "unit_admin", "a"),
        ("hukum", "bagian_hukum", None),
        ("organisasi", "bagian_organisasi", None),
        ("sekda_role", "sekda", None),
    ]:
        if username == "sekda_role":
            u = w.users["sekda"]
        else:
            u = user_create(actor=None, username=username, password=PASSWORD)
            w.users[username] = u
        role_assign(actor=None, user=u, role=role, unit=w.units[unit_key] if unit_key else None)
    return w
