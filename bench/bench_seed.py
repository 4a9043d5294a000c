"""Seeding the demo data: the ``small`` size (``make run``) and the ``kukar`` size (~19,000
employees, ``make demo-kukar``), each into an empty database. Must stay under 120 s."""

from __future__ import annotations

import time

from bench.support import figure, setup_django

KUKAR_LIMIT_S = 120


def main() -> None:
    setup_django("seed")
    from django.core.management import call_command

    from fleksi.demo.services import demo_seed

    started = time.perf_counter()
    small = demo_seed(size="small", seed=2026)
    figure("seed_small_s", time.perf_counter() - started, "s")
    figure("seed_small_employees", small.counts["employees"], "rows")

    call_command("flush", "--no-input", verbosity=0)
    started = time.perf_counter()
    kukar = demo_seed(size="kukar", seed=2026)
    seconds = time.perf_counter() - started
    figure("seed_kukar_s", seconds, "s")
    figure("seed_kukar_employees", kukar.counts["employees"], "rows")
    if seconds > KUKAR_LIMIT_S:
        raise SystemExit(f"seeding the kukar size took {seconds:.1f} s (limit {KUKAR_LIMIT_S} s)")


if __name__ == "__main__":
    main()
