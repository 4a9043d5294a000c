"""One synthetic employee: sex, name, birth date, ASN type, number, TMT, domicile, recent
career events, disciplinary status and last rating.

Identity (birth date, TMT, NIP) is dated against :data:`REFERENCE_DATE`, so it depends on the
seed only; recent events (promotions, transfers, rotations, discipline) are dated against
``today`` so that the rules about "new" employees always have cases.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from fleksi.demo.domain.kukar import KECAMATAN
from fleksi.demo.domain.names import FEMALE, MALE, pick_flavour, plain_name, titled_name
from fleksi.demo.domain.numbers import NumberAllocator
from fleksi.demo.domain.records import PersonPlan
from fleksi.demo.domain.villages import Village

REFERENCE_DATE = date(2026, 7, 1)
ASN_TYPES = ("pns", "cpns", "pppk", "pppk_pw")
ASN_MIX = {
    "fungsional": (0.60, 0.04, 0.33, 0.03),
    "pelaksana": (0.42, 0.03, 0.22, 0.33),
}
HEAD_AGES = {"jpt_pratama": (48, 59), "administrator": (41, 57), "pengawas": (34, 56)}
AGES = {"pns": (26, 57), "cpns": (23, 34), "pppk": (26, 55), "pppk_pw": (23, 50)}
PPPK_INTAKES = (
    (date(2022, 3, 1), 2),
    (date(2023, 4, 1), 2),
    (date(2024, 3, 1), 3),
    (date(2025, 10, 1), 3),
)
PW_INTAKES = (date(2025, 10, 1), date(2026, 1, 1))
CPNS_INTAKES = (date(2025, 6, 1), date(2026, 1, 1))
RATINGS = (
    ("sangat_baik", 12),
    ("baik", 80),
    ("butuh_perbaikan", 5.5),
    ("kurang", 2),
    ("sangat_kurang", 0.5),
)
FEMALE_SHARE = {"midwife": 1.0, "nurse": 0.65, "teacher": 0.68, "doctor": 0.55}

_UPSTREAM = {"64.02.01", "64.02.08", "64.02.09", "64.02.10", "64.02.12", "64.02.18", "64.02.19"}
_COAST = {"64.02.04", "64.02.05", "64.02.13", "64.02.14", "64.02.15", "64.02.17", "64.02.20"}
# jawa, banjar, kutai, bugis, dayak
_FLAVOUR_WEIGHTS = {
    "upstream": (18, 20, 38, 10, 14),
    "coast": (28, 22, 15, 30, 5),
    "centre": (30, 22, 27, 13, 8),
}
# Where people working in Tenggarong live (the capital draws from its neighbours).
TENGGARONG_COMMUTE = {
    "64.02.06": 58,
    "64.02.16": 14,
    "64.02.02": 12,
    "64.02.03": 6,
    "64.02.07": 5,
    "64.02.11": 2,
    "64.02.05": 2,
    "64.02.04": 1,
}
STAY_LOCAL = 0.85


def _neighbours() -> dict[str, tuple[str, ...]]:
    result = {}
    for kec in KECAMATAN:
        others = sorted(
            (o for o in KECAMATAN if o.code != kec.code),
            key=lambda o: (o.latitude - kec.latitude) ** 2 + (o.longitude - kec.longitude) ** 2,
        )
        result[kec.code] = tuple(o.code for o in others[:2])
    return result


NEIGHBOURS = _neighbours()


@dataclass(frozen=True)
class Post:
    """What the person is hired for."""

    unit: str
    position: str  # position code
    kind: str  # position kind
    level: str
    profile: str  # education profile
    head_kind: str = ""  # for heads: jpt_pratama / administrator / pengawas


class PersonFactory:
    def __init__(
        self,
        *,
        rng: random.Random,
        today: date,
        numbers: NumberAllocator,
        villages: dict[str, list[Village]],
    ) -> None:
        self.rng = rng
        self.today = today
        self.numbers = numbers
        self.villages = villages
        self.count = 0

    def domicile(self, unit_kecamatan: str) -> Village:
        rng = self.rng
        if unit_kecamatan == "64.02.06":
            codes = list(TENGGARONG_COMMUTE)
            kec = rng.choices(codes, weights=[TENGGARONG_COMMUTE[c] for c in codes])[0]
        elif rng.random() < STAY_LOCAL:
            kec = unit_kecamatan
        else:
            kec = rng.choice(NEIGHBOURS[unit_kecamatan])
        places = self.villages[kec]
        return rng.choices(places, weights=[3 if v.kind == "kelurahan" else 1 for v in places])[0]

    def _asn_type(self, post: Post) -> str:
        if post.head_kind or post.kind not in ASN_MIX:
            return "pns"
        return self.rng.choices(ASN_TYPES, weights=ASN_MIX[post.kind])[0]

    def _birth_date(self, low: int, high: int) -> date:
        age_days = self.rng.randint(low * 365 + 1, high * 365 + 300)
        return REFERENCE_DATE - timedelta(days=age_days)

    def _tmt(self, asn_type: str, birth: date, *, head: bool) -> date:
        rng = self.rng
        if asn_type == "cpns":
            return rng.choice(CPNS_INTAKES)
        if asn_type == "pppk":
            return rng.choices([d for d, _ in PPPK_INTAKES], weights=[w for _, w in PPPK_INTAKES])[
                0
            ]
        if asn_type == "pppk_pw":
            return rng.choice(PW_INTAKES)
        latest = 2012 if head else 2024
        year = min(birth.year + rng.randint(22, 32), latest)
        year = max(year, birth.year + 19, 1988)
        return date(year, rng.choice((1, 3, 3, 4, 6, 12)), 1)

    def _event(self, tmt: date, recent: float, older: float) -> date | None:
        """A career event: recent (last six months), older, or none; never before the TMT."""
        roll = self.rng.random()
        if roll < recent:
            day = self.today - timedelta(days=self.rng.randint(5, 180))
        elif roll < recent + older:
            day = self.today - timedelta(days=self.rng.randint(181, 5 * 365))
        else:
            return None
        return day if day > tmt else None

    def make(self, post: Post, *, unit_kecamatan: str) -> PersonPlan:
        rng = self.rng
        head = bool(post.head_kind)
        asn_type = self._asn_type(post)
        female = FEMALE_SHARE.get(post.profile, 0.35 if head else 0.48)
        sex = FEMALE if rng.random() < female else MALE
        low, high = HEAD_AGES[post.head_kind] if head else AGES[asn_type]
        birth = self._birth_date(low, high)
        tmt = self._tmt(asn_type, birth, head=head)
        if asn_type in ("pns", "cpns"):
            number = self.numbers.nip(birth_date=birth, tmt=tmt, sex=sex)
        else:
            number = self.numbers.ni_pppk(birth_date=birth, tmt=tmt, sex=sex)
        home = self.domicile(unit_kecamatan)
        region = "upstream" if home.kecamatan_code in _UPSTREAM else "centre"
        region = "coast" if home.kecamatan_code in _COAST else region
        flavour = pick_flavour(rng, _FLAVOUR_WEIGHTS[region])
        age = (REFERENCE_DATE - birth).days // 365
        senior = head or post.level in ("ahli_muda", "ahli_madya", "penyelia")
        name = titled_name(
            rng,
            base=plain_name(rng, sex=sex, flavour=flavour),
            sex=sex,
            flavour=flavour,
            profile=post.profile,
            age=age,
            senior=senior,
        )
        person = PersonPlan(
            index=self.count,
            nip=number,
            name=name,
            asn_type=asn_type,
            sex=sex,
            birth_date=birth,
            position=post.position,
            unit=post.unit,
            domicile=home.code,
            tmt_appointment=tmt,
            last_promotion_date=self._event(tmt, 0.10 if head else 0.05, 0.40),
            last_transfer_date=self._event(tmt, 0.03, 0.10),
            last_rotation_date=self._event(tmt, 0.04, 0.15),
        )
        self.count += 1
        self._discipline_and_rating(person)
        return person

    def _discipline_and_rating(self, person: PersonPlan) -> None:
        rng, today = self.rng, self.today
        roll = rng.random()
        if roll < 0.008:
            person.discipline_status = "in_process"
            person.discipline_start = today - timedelta(days=rng.randint(3, 90))
        elif roll < 0.014:
            person.discipline_status = "serving"
            person.discipline_start = today - timedelta(days=rng.randint(20, 300))
            person.discipline_end = today + timedelta(days=rng.randint(15, 360))
        if person.tmt_appointment.year < today.year - 1:
            person.last_rating = rng.choices([r for r, _ in RATINGS], [w for _, w in RATINGS])[0]
            person.last_rating_year = today.year - 1
