"""WFA requests on the Kukar-size demo: the time of a full rule check of one request
(`request_check_ms`) and how many approvals per second the service sustains
(`approvals_per_s`, two threads as on this 2-core machine; real approvals only,
refusals reported as `approvals_refused`).
Each figure is the median of three runs. Meant for PostgreSQL:
``BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/fleksi_bench make bench``; without it
the figures are taken on SQLite and say so in their names."""

from __future__ import annotations

import os
import statistics
import threading
import time
from datetime import timedelta
from decimal import Decimal

from bench.support import RUNS, figure, measure, setup_django

N_REQUESTS = 300  # approvals per run


def main() -> None:
    setup_django("requests", postgres=True)
    from django.db import connection
    from django.utils import timezone

    from fleksi.accounts.models import User
    from fleksi.common.errors import Conflict
    from fleksi.demo.services import demo_seed
    from fleksi.eligibility.services import eligibility_evaluate
    from fleksi.org.models import Employee
    from fleksi.schedule.models import ApprovalStep, RequestDay
    from fleksi.schedule.selectors.facts import SUBMISSION_STATUSES, check_days
    from fleksi.schedule.services import PlanItemIn, request_approve, request_submit

    suffix = "" if connection.vendor == "postgresql" else "_sqlite"
    demo_seed(size="kukar", seed=2026)
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=2)
    busy = set(RequestDay.objects.filter(day__gte=monday).values_list("employee_id", flat=True))
    candidates = []
    for e in (
        Employee.objects.filter(is_active=True, account__isnull=False)
        .exclude(pk__in=busy)
        .select_related("unit", "position")
        .order_by("id")
        .iterator()
    ):
        if eligibility_evaluate(employee=e, day=monday)[1].allowed:
            candidates.append(e)
        if len(candidates) >= N_REQUESTS * RUNS:
            break

    def check_batch() -> float:
        timings = []
        for e in candidates[:50]:
            started = time.perf_counter()
            check_days(
                employee=e,
                days=[monday + timedelta(days=1)],
                kind="regular",
                location_type="home",
                submitted_on=today,
                statuses=SUBMISSION_STATUSES,
            )
            timings.append((time.perf_counter() - started) * 1000)
        return statistics.median(timings)

    measure(f"request_check_ms{suffix}", "ms", check_batch)

    # Every run approves requests of its own: submitted beforehand (not timed), each decided
    # once. A refusal (the quota reached) rolls back and is reported on its own.
    users = {u.employee_id: u for u in User.objects.filter(employee__in=candidates)}
    batches: list[list[ApprovalStep]] = []
    for run in range(RUNS):
        steps = []
        for i, e in enumerate(candidates[run::RUNS]):
            day = monday + timedelta(days=i % 5)
            try:
                request = request_submit(
                    actor=users[e.pk],
                    employee=e,
                    days=[day],
                    plan=[PlanItemIn("Laporan kegiatan", Decimal(1), "dokumen", day)],
                )
            except Conflict:  # e.g. the Sekda: no approver inside the agency
                continue
            step = ApprovalStep.objects.filter(request=request, status="pending").first()
            if step is not None:
                steps.append(step)
        batches.append(steps)
    approver_ids = {s.approver_id for steps in batches for s in steps}
    approvers = {u.employee_id: u for u in User.objects.filter(employee__in=approver_ids)}
    approved: list[int] = []
    refused: list[int] = []

    def approve_batch() -> float:
        steps = batches[len(approved)]
        chunks = [steps[0::2], steps[1::2]]
        done = [0, 0]
        no = [0, 0]

        def work(k: int) -> None:
            for step in chunks[k]:
                try:
                    request_approve(actor=approvers[step.approver_id], step=step)
                except Conflict:
                    no[k] += 1
                else:
                    done[k] += 1
            connection.close()

        started = time.perf_counter()
        threads = [threading.Thread(target=work, args=(k,)) for k in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        seconds = time.perf_counter() - started
        approved.append(sum(done))
        refused.append(sum(no))
        return sum(done) / seconds

    measure(f"approvals_per_s{suffix}", "1/s", approve_batch)
    figure("approvals_decided", sum(approved), "requests")
    figure("approvals_refused", sum(refused), "requests")
    if os.environ.get("BENCH_VERBOSE"):
        print(f"# {len(candidates)} candidates, {sum(map(len, batches))} steps")


if __name__ == "__main__":
    main()
