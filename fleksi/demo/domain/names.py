"""Synthetic Indonesian personal names with academic and religious titles.

Five flavours seen among the ASN of Kutai Kartanegara: Javanese (transmigration villages
and migrants), Banjar, Kutai, Bugis and Dayak. Every name is drawn for a given sex, so that
the sex of the record, the NIP digit and the name agree. Titles follow the education a
position asks for (``S.Pd.`` for teachers, ``dr.`` for doctors, ``S.Kom.`` for IT staff...)
and ``H.``/``Hj.`` (hajj) appears on some older Muslim employees.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

MALE = "1"
FEMALE = "2"
FLAVOURS = ("jawa", "banjar", "kutai", "bugis", "dayak")


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# flavour -> sex -> (first names, second names)
_POOLS: dict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "jawa": {
        MALE: (
            _words(
                "Bambang Budi Agus Joko Slamet Sugeng Teguh Wahyu Eko Heru Darto Sunarto "
                "Suryadi Hadi Yudi Bayu Dimas Arif Rudi Imam Anton Tri Dwi Sigit Priyo "
                "Wawan Hendra Aris Gatot Rahmat Yoga Galih Fajar Adi Bagus"
            ),
            _words(
                "Santoso Wibowo Prasetyo Nugroho Susanto Hidayat Setiawan Kurniawan Saputra "
                "Purnomo Hartono Wijaya Sutrisno Raharjo Utomo Suharto Widodo Pamungkas "
                "Wicaksono Gunawan Firmansyah Prakoso Subagyo Haryanto"
            ),
        ),
        FEMALE: (
            _words(
                "Sri Rina Wulan Endang Dewi Tuti Ratna Puji Retno Indah Yuliana Kartika "
                "Sari Ayu Dian Rini Ani Wahyu Eka Dwi Tri Novi Anik Lilis Sulastri Suci "
                "Fitri Ika Nurul Wiwik"
            ),
            _words(
                "Lestari Rahayu Wulandari Handayani Puspitasari Susanti Wahyuni Kurniasih "
                "Ningrum Anggraini Pratiwi Astuti Widyastuti Setyaningsih Rahmawati "
                "Nurhayati Maharani Safitri Permatasari Utami"
            ),
        ),
    },
    "banjar": {
        MALE: (
            _words(
                "Ahmad Muhammad Abdul Rahmat Arbain Syahrani Fauzi Hairul Saberan Ramli "
                "Jumadi Mahyuni Rizali Norhadi Basuni Khairil Irwan Husin Fahmi Gazali "
                "Anshari Zainal Rusdi Taufik"
            ),
            _words(
                "Rizali Fauzan Noor Rahman Hidayatullah Fahrurrazi Syahrani Maulana Arsyad "
                "Aini Ramadhan Hafiz Rasyid Mahmud Hasan Anwar Efendi Ansyari"
            ),
        ),
        FEMALE: (
            _words(
                "Siti Norhayati Rusmini Mariana Jamilah Halimah Fitriani Rahmah Salasiah "
                "Aulia Nurjannah Noor Rabiatul Mahmudah Hayatun Laila Normaliana Syarifah "
                "Rusmilawati Nadia"
            ),
            _words(
                "Norhayati Rahmah Aulia Fitriani Hasanah Maulida Rahmawati Noviyanti "
                "Norjannah Salamah Zainab Kamalia Humaira Fadilah Jannah"
            ),
        ),
    },
    "kutai": {
        MALE: (
            _words(
                "Awang Aji Iskandar Syahrial Hasanuddin Zulkifli Rusdi Arianto Syarifuddin "
                "Mulyadi Kaspul Sukri Marwan Junaidi Yusran Rizal Herman Samsul Darmawan "
                "Ismail Erwin Akhmad Dahri Edi"
            ),
            _words(
                "Firmansyah Rahmansyah Rudiansyah Herliansyah Ardiansyah Ferdiansyah "
                "Irwansyah Kurniansyah Saputra Rizaldi Effendi Syahputra Hermansyah "
                "Mahdiansyah Jailani Norsyah"
            ),
        ),
        FEMALE: (
            _words(
                "Dayang Aji Nurhasanah Masnah Idah Rusmiati Hamidah Noorjanah Mariyam "
                "Salmah Rahmini Syamsiah Asmawati Juliana Hasnawati Nurlaila Aisyah Diana "
                "Sumiati Rosnah"
            ),
            _words(
                "Rahmawati Nurhasanah Aisyah Fitriyani Maulida Rusdiana Anggraini Yuliani "
                "Ramadhani Oktaviani Sari Kartini Safitri Novianti"
            ),
        ),
    },
    "bugis": {
        MALE: (
            _words(
                "Andi Muhammad Syamsuddin Basri Baharuddin Amiruddin Ridwan Rusli Ambo "
                "Mappa Hasbi Arifin Sudirman Yusuf Abdullah Nasrullah Irfan Asri Jumardi "
                "Lukman Sahabuddin Hamka"
            ),
            _words(
                "Yusuf Basri Rahman Amir Arifin Ramli Hamzah Sulaiman Ismail Mansyur Nur "
                "Said Alimuddin Tahir Mallarangeng Syarif Pawelloi Patongai"
            ),
        ),
        FEMALE: (
            _words(
                "Andi Sitti Hasnah Nurhaedah Hasmawati Rosmiati Darmawati Fatmawati "
                "Rahmatia Nurbaya Hasriani Jumriani Nurlina Asriani Sumarni Hadijah "
                "Marlina Ernawati"
            ),
            _words(
                "Nurhaedah Rahmatia Hasmawati Sulfiani Ramlah Aminah Nurhalisa Syamsiah "
                "Wahida Nurfadillah Irmawati Sahriani Haslinda Nurmala"
            ),
        ),
    },
    "dayak": {
        MALE: (
            _words(
                "Yohanes Petrus Lukas Stefanus Paulus Agustinus Yosef Markus Yakobus "
                "Fransiskus Antonius Simon Benediktus Ignatius Martinus Hendrikus Robertus"
            ),
            _words(
                "Lawing Ngau Ding Jalung Ajang Lahang Anyeq Ibau Usat Lencau Uyang Bit "
                "Juk Laing Ngang Bilung Tekwan Irang Sigau"
            ),
        ),
        FEMALE: (
            _words(
                "Maria Yuliana Theresia Agnes Lusia Veronika Elisabeth Martha Katarina "
                "Monika Fransiska Angela Anastasia Yosefina Margareta Natalia"
            ),
            _words(
                "Bungan Uluq Ping Lenjau Iding Anyeq Lusang Ayang Ubung Jalung Lahai Ipah "
                "Lawing Irang"
            ),
        ),
    },
}

MUSLIM_FLAVOURS = frozenset({"jawa", "banjar", "kutai", "bugis"})

# education profile -> (plain degrees, senior degrees added for managers and experts)
_DEGREES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "teacher": (("S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.I.", "S.Si."), ("M.Pd.",)),
    "doctor": (("",), ("M.Kes.", "Sp.PD.", "Sp.A.", "Sp.OG.", "M.K.M.")),
    "dentist": (("",), ("M.Kes.",)),
    "nurse": (("S.Kep.", "A.Md.Kep.", "A.Md.Kep."), ("M.Kep.",)),
    "midwife": (("A.Md.Keb.", "S.Tr.Keb.", "A.Md.Keb."), ("M.Keb.",)),
    "pharmacist": (("S.Farm.",), ("M.Farm.",)),
    "health": (("S.KM.", "A.Md.Kes.", "S.Gz.", "A.Md.Kes."), ("M.Kes.",)),
    "it": (("S.Kom.", "S.Kom.", "A.Md.Kom.", "S.T."), ("M.Kom.", "M.T.")),
    "engineer": (("S.T.", "S.T.", "A.Md.T."), ("M.T.",)),
    "law": (("S.H.",), ("M.H.",)),
    "finance": (("S.E.", "S.Ak.", "S.E.", "A.Md."), ("M.Si.", "M.Ak.", "M.M.")),
    "admin": (("S.Sos.", "S.AP.", "S.IP.", "S.E.", "S.H."), ("M.Si.", "M.AP.", "M.M.")),
    "agri": (("S.P.", "S.Pt.", "S.Hut.", "A.Md.P."), ("M.P.", "M.Si.")),
    "vet": (("",), ("M.Si.",)),
    "fisheries": (("S.Pi.",), ("M.Si.",)),
    "stats": (("S.Stat.", "S.Si.", "S.Kom."), ("M.Si.",)),
    "basic": (("", "", "", "A.Md.", "S.E.", "S.Sos."), ()),
}
PREFIXES = {"doctor": "dr.", "dentist": "drg.", "pharmacist": "apt.", "vet": "drh."}
PROFILES = tuple(_DEGREES)


def pick_flavour(rng: random.Random, weights: Sequence[float]) -> str:
    return rng.choices(FLAVOURS, weights=weights)[0]


def plain_name(rng: random.Random, *, sex: str, flavour: str) -> str:
    """A name without titles: one, two or three words depending on the flavour."""
    firsts, seconds = _POOLS[flavour][sex]
    first = rng.choice(firsts)
    roll = rng.random()
    if flavour == "kutai" and first in {"Awang", "Aji", "Dayang"}:
        return f"{first} {rng.choice(seconds)}"
    if flavour == "bugis" and first == "Andi":
        return f"Andi {rng.choice(_POOLS['bugis'][sex][1])}"
    if roll < 0.08 and flavour != "dayak":
        return first  # single names remain common among older Javanese and Banjar ASN
    if roll < 0.25:
        middle = rng.choice(firsts)
        if middle != first:
            return f"{first} {middle} {rng.choice(seconds)}"
    second = rng.choice(seconds)
    return first if second == first else f"{first} {second}"


def titled_name(
    rng: random.Random,
    *,
    base: str,
    sex: str,
    flavour: str,
    profile: str,
    age: int,
    senior: bool,
) -> str:
    """``base`` with the titles its holder plausibly carries."""
    plain, advanced = _DEGREES[profile]
    degrees = [d for d in [rng.choice(plain)] if d]
    prefix = PREFIXES.get(profile, "")
    graduate = bool(prefix) or bool(degrees and degrees[0].startswith("S."))
    if advanced and graduate and ((senior and rng.random() < 0.6) or rng.random() < 0.08):
        degrees.append(rng.choice(advanced))
    if profile == "nurse" and degrees and degrees[0] == "S.Kep.":
        prefix = "Ns."
    hajj = flavour in MUSLIM_FLAVOURS and age >= 40 and rng.random() < 0.15
    parts = []
    if hajj:
        parts.append("Hj." if sex == FEMALE else "H.")
    if prefix:
        parts.append(prefix)
    parts.append(base)
    name = " ".join(parts)
    return f"{name}, {', '.join(degrees)}" if degrees else name
