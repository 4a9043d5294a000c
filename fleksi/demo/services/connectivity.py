"""Demo data of the places: a connectivity profile for every desa/kelurahan and synthetic
measurements from check-ins of the last 30 days, written set-based.

Called by the demo seeding (``fleksi.demo``) after the places exist::

    from fleksi.demo.services.connectivity import seed_connectivity
    seed_connectivity(rng=random.Random(seed + 2), today=plan.today)

The picture follows the domain brief (§5): blank spots and weak signal concentrated in
Tabang, Muara Wis, Kembang Janggut, Muara Muntai and Kota Bangun (some with a VSAT link or a
radio link at the village office, as BAKTI and the regency have built); 4G and fibre in the
towns of Tenggarong, Loa Janan and Samboja; some villages without 24-hour electricity. The
levels are those Kukar has (brief §13: no 3G). Sudarto's village (Tabang Lama) was surveyed
as 4G, but its check-ins show 2G; a few remote desa have no survey yet.

Desa that already have a profile are left alone, and measurements are only added when there
are no demo measurements yet, so a second call adds nothing. Measurements carry the source
``demo``: they are never mistaken for real check-ins.
"""

from __future__ import annotations

import functools
import random
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from fleksi.audit.services import AGENCY_STREAM, Change, audit_record
from fleksi.demo.domain.kukar import KECAMATAN
from fleksi.demo.domain.villages import villages
from fleksi.places.domain.connectivity import (
    FIXED_LINKS,
    MEASURED_LEVELS,
    MOBILE_LEVELS,
    NETWORK_LEVELS,
    Sample,
    clean_sample,
)
from fleksi.places.models import ConnectivityMeasurement, ConnectivityProfile, Desa

BATCH = 2000
WITA = ZoneInfo("Asia/Makassar")
DEMO_SOURCE = "demo"
DARTO_VILLAGE = "64.02.12.2001"  # Tabang Lama
# Tabang villages named among the blank spots (kukar-facts.md): surveyed as blank spots,
# with at most 2G or a VSAT link at the village office.
NAMED_BLANK_SPOTS = ("Muara Belinau", "Umaq Bekuai")

# Kecamatan (last part of the code) → kind of area.
TOWNS = {"06", "03", "13"}  # Tenggarong, Loa Janan, Samboja
WEAK = {"01", "08", "10", "18"}  # Muara Muntai, Kota Bangun, Kembang Janggut, Muara Wis
TABANG = {"12"}
RURAL = {"09", "11"}  # Kenohan, Muara Kaman

# Per kind: (weights of none/2g/4g/radio_link/vsat/fibre, share with 24-hour electricity,
# share of blank spots, measurements per desa (low, high), share of desa without any
# measurement).
KINDS: dict[str, tuple[tuple[int, ...], float, float, tuple[int, int], float]] = {
    "town": ((0, 0, 65, 5, 0, 30), 1.0, 0.0, (30, 80), 0.0),
    "suburb": ((0, 10, 80, 5, 0, 5), 0.95, 0.05, (10, 40), 0.1),
    "rural": ((5, 35, 50, 5, 5, 0), 0.85, 0.15, (4, 24), 0.3),
    "weak": ((20, 45, 25, 5, 5, 0), 0.6, 0.35, (0, 15), 0.4),
    "tabang": ((30, 40, 10, 5, 15, 0), 0.25, 0.6, (0, 12), 0.5),
}
UNSURVEYED = 8  # percent of the weak-signal desa that no survey has reached yet
SOURCES = ("Survei Diskominfo 2025", "Laporan kepala desa")
FIXED_SOURCES = {
    "radio_link": "Survei Diskominfo 2025 (radio link ke kantor desa)",
    "vsat": "Pendataan BAKTI Kominfo (VSAT di kantor desa)",
    "fibre": "Survei Diskominfo 2025 (serat optik)",
}


@dataclass(frozen=True)
class ConnectivitySeedReport:
    profiles: int
    measurements: int


def _kind(code: str) -> str:
    kecamatan = code.split(".")[2]
    if kecamatan in TOWNS:
        return "town"
    if kecamatan in TABANG:
        return "tabang"
    if kecamatan in WEAK:
        return "weak"
    if kecamatan in RURAL:
        return "rural"
    return "suburb"


def _step(level: str, by: int, levels: tuple[str, ...] = MOBILE_LEVELS) -> str:
    """A mobile level one step better or worse (a fixed link stays as it is)."""
    if level not in levels:
        return level
    index = min(max(levels.index(level) + by, 0), len(levels) - 1)
    return levels[index]


def _profile(code: str, kind: str, first: bool, rng: random.Random, today: date) -> dict[str, Any]:
    weights, power, blank, _n, _empty = KINDS[kind]
    level = rng.choices(NETWORK_LEVELS, weights=weights)[0]
    if code.split(".")[3].startswith("1") or first:  # kelurahan and the kecamatan's seat
        level = _step(level, 1)
    values: dict[str, Any] = {
        "best_network": level,
        "electricity_24h": rng.random() < power or (first and kind != "tabang"),
        "blank_spot": level == "none" or (rng.random() < blank and level != "fibre"),
        "source": FIXED_SOURCES.get(level) or rng.choice(SOURCES),
        "surveyed_on": today - timedelta(days=rng.randrange(60, 420)),
    }
    if code in _named_blank_spots():
        level = rng.choice(("none", "2g", "vsat"))
        values.update(
            best_network=level,
            blank_spot=True,
            source=FIXED_SOURCES.get(level) or "Survei Diskominfo 2025",
        )
    if code == DARTO_VILLAGE:
        values.update(
            best_network="4g",
            electricity_24h=False,
            blank_spot=True,
            source="Survei Diskominfo 2025",
        )
    return values


@functools.cache
def _named_blank_spots() -> frozenset[str]:
    tabang = next(k.code for k in KECAMATAN if k.name == "Tabang")
    return frozenset(
        v.code for v in villages() if v.kecamatan_code == tabang and v.name in NAMED_BLANK_SPOTS
    )


def _true_level(code: str, surveyed: str, rng: random.Random) -> str:
    """What check-ins actually meet: the survey mostly, sometimes a step worse (an ageing
    survey) or better (a new tower)."""
    if code == DARTO_VILLAGE:
        return "2g"
    level = "2g" if surveyed == "none" else "4g" if surveyed in FIXED_LINKS else surveyed
    roll = rng.random()
    shift = -1 if roll < 0.15 else (1 if roll > 0.9 else 0)
    return _step(level, shift, MEASURED_LEVELS)


def _reading(level: str, rng: random.Random) -> Sample:
    """A plausible browser reading for a sample at ``level``; a fifth of the browsers report
    nothing but the time to reach the server. Half of the 2G readings are what the browser
    calls "3g" (a slow link, read as 2G)."""
    if level == "4g":
        kind = "4g"
        rtt, downlink, server = rng.randint(40, 260), rng.uniform(1.5, 10.0), rng.randint(150, 950)
    elif rng.random() < 0.5:
        kind = "3g"
        rtt, downlink, server = (
            rng.randint(280, 1300),
            rng.uniform(0.3, 0.69),
            rng.randint(1000, 2900),
        )
    else:
        rtt, downlink, server = (
            rng.randint(1400, 2900),
            rng.uniform(0.02, 0.07),
            rng.randint(3000, 9000),
        )
        kind = "slow-2g" if rtt >= 2000 else "2g"
    if rng.random() < 0.2:
        return clean_sample(
            effective_type="", rtt_ms=None, downlink_mbps=None, server_latency_ms=server
        )
    return clean_sample(
        effective_type=kind,
        rtt_ms=rtt,
        downlink_mbps=downlink,
        server_latency_ms=server,
    )


def _moment(today: date, rng: random.Random) -> datetime:
    day = today - timedelta(days=rng.randrange(0, 30))
    return datetime.combine(day, time(7 + rng.randrange(10), rng.randrange(60)), tzinfo=WITA)


def seed_connectivity(
    *, rng: random.Random, today: date | None = None, scale: float = 1.0
) -> ConnectivitySeedReport:
    """Profiles for every desa without one, and (once) measurements of the last 30 days.
    ``scale`` multiplies the number of measurements (the benchmark uses it)."""
    today = today or timezone.localdate()
    desa = list(Desa.objects.order_by("kecamatan__code", "code").values_list("id", "code"))
    have = set(ConnectivityProfile.objects.values_list("desa_id", flat=True))
    seen_kecamatan: set[str] = set()
    profiles: list[ConnectivityProfile] = []
    surveyed: dict[int, tuple[str, str]] = {}
    now = timezone.now()
    for desa_id, code in desa:
        kecamatan = code.rsplit(".", 1)[0]
        first = kecamatan not in seen_kecamatan
        seen_kecamatan.add(kecamatan)
        kind = _kind(code)
        values = _profile(code, kind, first, rng, today)
        surveyed[desa_id] = (code, str(values["best_network"]))
        # By code, not by chance: the same desa stay unsurveyed on a second call.
        unsurveyed = kind in ("weak", "tabang") and zlib.crc32(code.encode()) % 100 < UNSURVEYED
        surveyed_always = code == DARTO_VILLAGE or code in _named_blank_spots()
        if desa_id not in have and (surveyed_always or not unsurveyed):
            profiles.append(
                ConnectivityProfile(
                    desa_id=desa_id, updated_at=now, updated_by_label="demo", **values
                )
            )
    samples: list[ConnectivityMeasurement] = []
    if not ConnectivityMeasurement.objects.filter(source=DEMO_SOURCE).exists():
        for desa_id, (code, level) in surveyed.items():
            _w, _p, _b, (low, high), empty = KINDS[_kind(code)]
            if code != DARTO_VILLAGE and rng.random() < empty:
                continue
            count = round(rng.randint(low, high) * scale)
            if code == DARTO_VILLAGE:
                count = max(count, 14)
            true = _true_level(code, level, rng)
            for _ in range(count):
                at = rng.choices((true, *MEASURED_LEVELS), weights=(8, 1, 1))[0]
                s = _reading(at, rng)
                samples.append(
                    ConnectivityMeasurement(
                        desa_id=desa_id,
                        measured_at=_moment(today, rng),
                        effective_type=s.effective_type,
                        rtt_ms=s.rtt_ms,
                        downlink_mbps=s.downlink_mbps,
                        server_latency_ms=s.server_latency_ms,
                        level=s.level,
                        source=DEMO_SOURCE,
                    )
                )
    with transaction.atomic():
        ConnectivityProfile.objects.bulk_create(profiles, batch_size=BATCH)
        ConnectivityMeasurement.objects.bulk_create(samples, batch_size=BATCH)
        if profiles or samples:
            audit_record(
                actor=None,
                stream=AGENCY_STREAM,
                change=Change(
                    action="demo.seed",
                    object_type="places.connectivity",
                    after={"profiles": len(profiles), "measurements": len(samples)},
                    context={"today": today},
                ),
            )
    return ConnectivitySeedReport(profiles=len(profiles), measurements=len(samples))
