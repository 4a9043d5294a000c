"""WFA requests on the Kukar-size demo: the time of a full rule check of one request
(`request_check_ms`) and how many approvals per second the service sustains
(`approvals_per_s`, two threads as on this 2-core machine). Meant for PostgreSQL:
``BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/fleksi_bench make bench``; without it
the figures are taken on SQLite and say so in their names."""

from __future__ import annotations

import contextlib
import os
import statistics
import threading
import time
from datetime import timedelta
from decimal import Decimal

from bench.support import figure, setup_django

N_REQUESTS = 300


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
        if len(candidates) >= N_REQUESTS:
            break

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
    figure(f"request_check_ms{suffix}", statistics.median(timings), "ms")

    users = {u.employee_id: u for u in User.objects.filter(employee__in=candidates)}
    steps = []
    for i, e in enumerate(candidates):
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
    approvers = {
        u.employee_id: u for u in User.objects.filter(employee__in=[s.approver_id for s in steps])
    }
    chunks = [steps[0::2], steps[1::2]]
    done: list[int] = [0, 0]

    def work(k: int) -> None:
        for step in chunks[k]:
            # A refusal (the quota reached) is a decision too, and is counted.
            with contextlib.suppress(Conflict):
                request_approve(actor=approvers[step.approver_id], step=step)
            done[k] += 1
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=work, args=(k,)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    figure(f"approvals_per_s{suffix}", sum(done) / seconds, "1/s")
    figure("approvals_decided", sum(done), "requests")
    if os.environ.get("BENCH_VERBOSE"):
        print(f"# {len(candidates)} candidates, {len(steps)} steps")


if __name__ == "__main__":
    main()
