"""Benchmarks: ``make bench`` runs every ``bench/bench_*.py`` in its own process.

Each module prints its figures as ``bench: NAME VALUE UNIT`` lines. Benchmarks are never
part of ``make test``.
"""
