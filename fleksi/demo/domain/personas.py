"""The demo personas: the people of ``shared/domain/people.md`` and one account per role.

This is the one place that defines them; the seed service, ``manage.py demo_accounts``, the
documentation and the tests all read this list. ASN personas sign in with their NIP, which
is the same for every seed and size (persona numbers are handed out first); administrators
sign in with a memorable name and are linked to their own employee record, except the
Bupati, who is not an ASN.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


def gettext_noop(message: str) -> str:
    """Mark a string for translation without translating it here (``makemessages`` picks up
    calls named ``gettext_noop``); the command that prints it translates it."""
    return message


@dataclass(frozen=True)
class Persona:
    key: str
    label: str  # what the persona stands for (translatable)
    hint: str  # what to try with the account (translatable)
    name: str
    username: str = ""  # empty: the employee's NIP
    roles: tuple[str, ...] = ()  # assigned roles (values of accounts.models.Role)
    role_unit: str = ""  # unit key of a service-unit manager
    # The employee record (absent for the Bupati).
    sex: str = ""
    birth_date: date | None = None
    tmt: date | None = None  # TMT CPNS (goes into the NIP)
    unit: str = ""  # unit key
    job: str = ""  # "" for the head of ``unit``, else a job title of the unit's menu
    level: str = ""  # functional level of ``job``
    domicile: str = ""  # desa/kelurahan code

    @property
    def is_employee(self) -> bool:
        return bool(self.unit)

    @property
    def is_head(self) -> bool:
        return self.is_employee and not self.job


PERSONAS: tuple[Persona, ...] = (
    Persona(
        key="rina",
        label=gettext_noop("Employee (pelaksana, Bappeda)"),
        hint=gettext_noop(
            "Lives in Loa Kulu: her own data, unit and supervisor; whether she may work "
            "from home and why not."
        ),
        name="Rina Kartika",
        sex="2",
        birth_date=date(1993, 4, 17),
        tmt=date(2019, 3, 1),
        unit="bappeda/p2epd",
        job="Pengolah Data dan Informasi",
        domicile="64.02.02.2001",
    ),
    Persona(
        key="darto",
        label=gettext_noop("Kecamatan staff in Tabang (weak signal)"),
        hint=gettext_noop("Pages on a slow connection; whether his village counts as ready."),
        name="Sudarto",
        sex="1",
        birth_date=date(1984, 8, 9),
        tmt=date(2010, 1, 1),
        unit="kec12/pem",
        job="Pengadministrasi Perkantoran",
        domicile="64.02.12.2001",
    ),
    Persona(
        key="supervisor",
        label=gettext_noop("Direct supervisor (head of a Bappeda bidang)"),
        hint=gettext_noop("Rina's supervisor: his team, their requests and outputs."),
        name="H. Ahmad Fauzi, S.E., M.Si.",
        sex="1",
        birth_date=date(1978, 11, 2),
        tmt=date(2003, 12, 1),
        unit="bappeda/p2epd",
        domicile="64.02.06.1003",
    ),
    Persona(
        key="sari",
        label=gettext_noop("Head of a Disdukcapil service section"),
        hint=gettext_noop("Six counter officers: who is on site against the minimum."),
        name="Sari Wulandari, S.AP.",
        sex="2",
        birth_date=date(1981, 7, 7),
        tmt=date(2006, 2, 1),
        unit="disdukcapil/dafduk/identitas",
        domicile="64.02.06.1004",
    ),
    Persona(
        key="andi",
        label=gettext_noop("Head of a puskesmas"),
        hint=gettext_noop("A public-service unit: on site by default, finance staff excepted."),
        name="dr. Andi Saputra",
        sex="1",
        birth_date=date(1983, 5, 21),
        tmt=date(2011, 4, 1),
        unit="dinkes/puskesmas-rapak-mahang",
        domicile="64.02.06.1006",
    ),
    Persona(
        key="sekda",
        label=gettext_noop("Sekda (regional secretary)"),
        hint=gettext_noop("The whole regency, unit by unit; approves for heads of OPD."),
        name="Dr. H. Bambang Wicaksono, S.Sos., M.Si.",
        roles=("sekda",),
        sex="1",
        birth_date=date(1968, 3, 15),
        tmt=date(1994, 3, 1),
        unit="setda",
        domicile="64.02.06.1002",
    ),
    Persona(
        key="bupati",
        label=gettext_noop("Bupati"),
        hint=gettext_noop("Regency dashboards; enacts (ditetapkan) the Perbup."),
        name="Bupati Kutai Kartanegara",
        username="bupati",
        roles=("bupati",),
    ),
    Persona(
        key="bkpsdm",
        label=gettext_noop("BKPSDM administrator"),
        hint=gettext_noop("Personnel data of everyone, imports, roles and the audit trail."),
        name="Hendra Kurniawan, S.Kom., M.M.",
        username="bkpsdm",
        roles=("bkpsdm_admin",),
        sex="1",
        birth_date=date(1980, 2, 12),
        tmt=date(2005, 1, 1),
        unit="bkpsdm/info",
        job="Analis SDM Aparatur",
        level="ahli_muda",
        domicile="64.02.16.2002",
    ),
    Persona(
        key="diskominfo",
        label=gettext_noop("Diskominfo administrator"),
        hint=gettext_noop("The 20 kecamatan and 237 villages: places and connectivity."),
        name="Lestari Handayani, S.T.",
        username="diskominfo",
        roles=("diskominfo_admin",),
        sex="2",
        birth_date=date(1987, 9, 30),
        tmt=date(2011, 3, 1),
        unit="diskominfo/infra",
        job="Pranata Komputer",
        level="ahli_muda",
        domicile="64.02.06.1009",
    ),
    Persona(
        key="layanan",
        label=gettext_noop("Service-unit manager (Disdukcapil registration services)"),
        hint=gettext_noop("The service bidang and its counters: staffing and service figures."),
        name="Nur Aisyah, S.Kom.",
        username="layanan",
        roles=("service_manager",),
        role_unit="disdukcapil/dafduk",
        sex="2",
        birth_date=date(1990, 12, 3),
        tmt=date(2015, 3, 1),
        unit="disdukcapil/dafduk",
        job="Administrator Database Kependudukan",
        level="ahli_muda",
        domicile="64.02.06.1005",
    ),
    Persona(
        key="inspektorat",
        label=gettext_noop("Auditor (Inspektorat)"),
        hint=gettext_noop("Read-only: every decision and the audit trail, with its proof."),
        name="Muhammad Yusuf, S.E., Ak.",
        username="inspektorat",
        roles=("auditor",),
        sex="1",
        birth_date=date(1982, 6, 18),
        tmt=date(2008, 1, 1),
        unit="inspektorat/irban1",
        job="Auditor",
        level="ahli_muda",
        domicile="64.02.03.2002",
    ),
    Persona(
        key="hukum",
        label=gettext_noop("Bagian Hukum (legal drafter, Setda)"),
        hint=gettext_noop(
            "Harmonises the Perbup drafts: comments per article, returns or clears them; "
            "keeps the signed PDF."
        ),
        name="Dewi Anggraini, S.H., M.H.",
        username="hukum",
        roles=("bagian_hukum",),
        sex="2",
        birth_date=date(1986, 5, 21),
        tmt=date(2010, 3, 1),
        unit="setda/2/1",
        job="Perancang Peraturan Perundang-undangan",
        level="ahli_muda",
        domicile="64.02.06.1005",
    ),
    Persona(
        key="organisasi",
        label=gettext_noop("Bagian Organisasi (Setda)"),
        hint=gettext_noop(
            "Drafts the Perbup with BKPSDM and sends it to the Bagian Hukum; reads the duty "
            "mapping of every unit."
        ),
        name="Agus Setiawan, S.Sos., M.AP.",
        username="organisasi",
        roles=("bagian_organisasi",),
        sex="1",
        birth_date=date(1984, 9, 12),
        tmt=date(2009, 4, 1),
        unit="setda/7/1",
        job="Analis Kebijakan",
        level="ahli_muda",
        domicile="64.02.06.1003",
    ),
)

PERSONA_BY_KEY: dict[str, Persona] = {p.key: p for p in PERSONAS}
