"""Weight of two daily phone pages as a phone on 2G receives them (HTML gzip plus every
stylesheet and script they load, gzip), on the small demo as Rina sees them:

- ``output_day_page_kb``: the day's outputs page (plan and reports of today);
- ``request_form_kb``: the WFA request form (with the demo's 142 offices).

Budget: 60 KB each. Each figure is the median of several renders (bench/support.py).
"""

from __future__ import annotations

from bench.bench_home import page_weight
from bench.support import measure, setup_django

BUDGET_KB = 60


def main() -> None:
    setup_django("pages")
    from django.test import Client

    from fleksi.accounts.models import User
    from fleksi.demo.selectors import demo_account_list
    from fleksi.demo.services import demo_seed

    demo_seed(size="small", seed=2026)
    rina = next(a.username for a in demo_account_list() if a.persona.key == "rina")
    client = Client()
    client.force_login(User.objects.get(username=rina))
    worst = 0.0
    for name, path in (("output_day_page_kb", "/outputs/"), ("request_form_kb", "/schedule/new/")):

        def weigh(path: str = path) -> float:
            return page_weight(client, path)

        kb = measure(name, "KB", weigh)
        worst = max(worst, kb)
    if worst > BUDGET_KB:
        raise SystemExit(f"a daily page weighs {worst:.1f} KB (budget {BUDGET_KB} KB)")


if __name__ == "__main__":
    main()
