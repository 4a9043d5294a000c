"""Run every benchmark module in a fresh process and print its figures.

Usage: ``python -m bench [NAME ...]`` (names without the ``bench_`` prefix).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    wanted = set(argv)
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if wanted:
        modules = [m for m in modules if m.removeprefix("bench_") in wanted]
    failures = 0
    for module in modules:
        started = time.perf_counter()
        print(f"# {module}", flush=True)
        proc = subprocess.run(
            [sys.executable, "-m", f"bench.{module}"],
            cwd=HERE.parent,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            check=False,
        )
        if proc.returncode != 0:
            failures += 1
            print(f"# {module} FAILED (exit {proc.returncode})", flush=True)
        print(f"# {module} took {time.perf_counter() - started:.1f} s", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
