"""What-if simulation of a draft Perbup on the Kukar-size demo (~19,000 employees): every
person evaluated under the version in force and the draft. Budget: 5 s (target 1 s,
issue 17); a run over the budget says so."""

from __future__ import annotations

import time

from bench.support import figure, measure, setup_django

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
    views = []

    def simulate() -> float:
        started = time.perf_counter()
        views.append(simulation_run(version=draft, day=today))
        return time.perf_counter() - started

    seconds = measure("policy_simulation_kukar_s", "s", simulate)
    figure("policy_simulation_kukar_employees", views[-1].result.total.total, "rows")
    figure("policy_simulation_kukar_changes", len(views[-1].result.changes), "rows")

    employees = list(Employee.objects.filter(is_active=True).order_by("id")[:200])

    def check_each() -> float:
        started = time.perf_counter()
        for e in employees:
            eligibility_evaluate(employee=e, day=today)
        return (time.perf_counter() - started) * 1000 / len(employees)

    measure("eligibility_check_ms", "ms", check_each)
    assert report.counts["employees"] > 15_000
    if seconds > LIMIT_S:
        print(f"# OVER BUDGET: the simulation took {seconds:.2f} s (budget {LIMIT_S} s)")


if __name__ == "__main__":
    main()
