"""What-if simulation of a draft Perbup on the Kukar-size demo (~19,000 employees): every
person evaluated under the version in force and the draft. Target: under 5 s."""

from __future__ import annotations

import statistics
import time

from bench.support import figure, setup_django

LIMIT_S = 5.0


def main() -> None:
    setup_django("policy")
    from django.utils import timezone

    from fleksi.demo.services import demo_seed
    from fleksi.eligibility.selectors import simulation_run
    from fleksi.eligibility.services import eligibility_evaluate
    from fleksi.org.models import Employee
    from fleksi.policy.models import PolicyVersion

    report = demo_seed(size="kukar", seed=2026)
    draft = PolicyVersion.objects.get(status=PolicyVersion.Status.DRAFT)
    today = timezone.localdate()
    runs = []
    for _ in range(3):
        view = simulation_run(version=draft, day=today)
        runs.append(view.seconds)
    figure("policy_simulation_kukar_s", statistics.median(runs), "s")
    figure("policy_simulation_kukar_employees", view.result.total.total, "rows")
    figure("policy_simulation_kukar_changes", len(view.result.changes), "rows")

    employees = list(Employee.objects.filter(is_active=True).order_by("id")[:200])
    started = time.perf_counter()
    for e in employees:
        eligibility_evaluate(employee=e, day=today)
    figure("eligibility_check_ms", (time.perf_counter() - started) * 1000 / len(employees), "ms")
    assert report.counts["employees"] > 15_000
    if statistics.median(runs) > LIMIT_S:
        raise SystemExit(f"simulation took {statistics.median(runs):.2f} s (limit {LIMIT_S} s)")


if __name__ == "__main__":
    main()
