"""Digital readiness (C4).

- ``readiness_page_kb``: the readiness page with its inline SVG map, as the Diskominfo admin
  receives it on the small demo (HTML gzip + stylesheet gzip). Budget: 200 KB (dashboard).
- ``readiness_mine_kb``: Sudarto's "my place" page (a page for 2G): budget 60 KB.
- ``readiness_kukar_ms``: the whole readiness picture at Kukar size (~19,000 employees, 237
  desa, ~500,000 measurements in the 30-day window): every desa and kecamatan, plus the
  figure per perangkat daerah, as the readiness page computes it. Target: under 3 s.
- ``readiness_kecamatan_kukar_ms``: the largest kecamatan's desa with the medians of their
  measurements (the kecamatan page).
- ``location_facts_ms``: the facts of the request rule for one desa.

The Kukar phase runs in a process of its own (its own database).
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from typing import Any

from bench.support import figure, setup_django

PAGE_BUDGET_KB = 200
MINE_BUDGET_KB = 60
KUKAR_LIMIT_MS = 3000
KUKAR_SCALE = 100  # measurements per desa × this ≈ a month of check-ins of the regency


def small() -> None:
    setup_django("places")
    from django.test import Client
    from django.utils import timezone

    from bench.bench_home import page_weight
    from fleksi.accounts.models import User
    from fleksi.demo.selectors import demo_account_list
    from fleksi.demo.services import demo_seed
    from fleksi.demo.services.connectivity import seed_connectivity

    demo_seed(size="small", seed=2026)
    seed_connectivity(rng=random.Random(2028), today=timezone.localdate())
    accounts = {a.persona.key: a.username for a in demo_account_list()}
    client = Client()
    client.force_login(User.objects.get(username=accounts["diskominfo"]))
    page = page_weight(client, "/places/")
    figure("readiness_page_kb", page, "KB")
    client.force_login(User.objects.get(username=accounts["darto"]))
    mine = page_weight(client, "/places/mine/")
    figure("readiness_mine_kb", mine, "KB")
    if page > PAGE_BUDGET_KB or mine > MINE_BUDGET_KB:
        raise SystemExit(f"readiness pages weigh {page:.1f} / {mine:.1f} KB")


def kukar() -> None:
    setup_django("places_kukar")
    from django.db.models import Count
    from django.utils import timezone

    from fleksi.demo.services import demo_seed
    from fleksi.demo.services.connectivity import DEMO_SOURCE, seed_connectivity
    from fleksi.places.models import ConnectivityMeasurement, Desa
    from fleksi.places.selectors import (
        location_facts_for_desa,
        readiness_picture,
        unit_readiness_table,
    )
    from fleksi.policy.domain.params import PolicyParams

    report = demo_seed(size="kukar", seed=2026)
    # The demo seeds a month of measurements at the normal rate; replace them with the
    # benchmark's volume (about a month of check-ins of the whole regency).
    ConnectivityMeasurement.objects.filter(source=DEMO_SOURCE).delete()
    started = time.perf_counter()
    seeded = seed_connectivity(
        rng=random.Random(2028), today=timezone.localdate(), scale=KUKAR_SCALE
    )
    figure("readiness_seed_kukar_s", time.perf_counter() - started, "s")
    figure("readiness_kukar_measurements", ConnectivityMeasurement.objects.count(), "rows")
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        picture = readiness_picture()
        table = unit_readiness_table(ready_desa=picture.ready_desa_ids, day=picture.rules.day)
        runs.append((time.perf_counter() - started) * 1000)
    figure("readiness_kukar_ms", statistics.median(runs), "ms")
    figure("readiness_kukar_employees", table.total.employees, "rows")
    largest: Any = (
        Desa.objects.values("kecamatan_id").annotate(n=Count("id")).order_by("-n").first() or {}
    )
    started = time.perf_counter()
    readiness_picture(kecamatan_id=largest.get("kecamatan_id"))  # with the medians
    figure("readiness_kecamatan_kukar_ms", (time.perf_counter() - started) * 1000, "ms")
    desa_ids = list(Desa.objects.values_list("id", flat=True)[:50])
    params = PolicyParams()
    started = time.perf_counter()
    for desa_id in desa_ids:
        location_facts_for_desa(desa_id, params=params)
    figure("location_facts_ms", (time.perf_counter() - started) * 1000 / len(desa_ids), "ms")
    assert report.counts["employees"] > 15_000
    assert seeded.measurements > 100_000
    if statistics.median(runs) > KUKAR_LIMIT_MS:
        raise SystemExit(f"the readiness picture took {statistics.median(runs):.0f} ms")


def main(argv: list[str]) -> None:
    if argv[1:] == ["kukar"]:
        kukar()
        return
    small()
    subprocess.run([sys.executable, "-m", "bench.bench_places", "kukar"], check=True)


if __name__ == "__main__":
    main(sys.argv)
