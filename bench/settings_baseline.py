"""Settings of the presence benchmark's server: production settings plus the baseline view
(``bench.urls_baseline``). Used only by ``bench/bench_presence.py``; no deployment loads it,
so the baseline view is never served outside a benchmark."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls_baseline"
