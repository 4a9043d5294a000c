"""Weight of the home page as a phone on 2G receives it: the HTML (gzip, as served) plus
every stylesheet and script it loads (gzip). Budget: 60 KB for a daily page."""

from __future__ import annotations

import gzip
import re

from bench.support import figure, setup_django

BUDGET_KB = 60


def page_weight(client, path: str) -> float:
    from django.contrib.staticfiles import finders

    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200, (path, response.status_code)
    body = response.content
    total = len(body) if response.get("Content-Encoding") == "gzip" else len(gzip.compress(body))
    html = (
        gzip.decompress(body).decode()
        if response.get("Content-Encoding") == "gzip"
        else body.decode()
    )
    for asset in re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
        found = finders.find(asset)
        assert found, asset
        with open(found, "rb") as fh:
            total += len(gzip.compress(fh.read()))
    return total / 1024


def main() -> None:
    setup_django("home")
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from fleksi.demo.selectors import demo_account_list
    from fleksi.demo.services import demo_seed

    demo_seed(size="small", seed=2026)
    accounts = {a.persona.key: a.username for a in demo_account_list()}
    from fleksi.accounts.models import User

    worst = 0.0
    for persona, name in (
        ("rina", "home_page_kb"),
        ("sari", "home_page_head_kb"),
        ("sekda", "home_page_sekda_kb"),
        ("bupati", "home_page_bupati_kb"),
        ("bkpsdm", "home_page_bkpsdm_kb"),
    ):
        client = Client()
        client.force_login(User.objects.get(username=accounts[persona]))
        kb = page_weight(client, "/")
        figure(name, kb, "KB")
        worst = max(worst, kb)
        # Queries of a warm visit (issue 16: every figure one set-based query).
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        figure(name.replace("_kb", "_queries"), len(queries), "queries")
    if worst > BUDGET_KB:
        raise SystemExit(f"a home page weighs {worst:.1f} KB (budget {BUDGET_KB} KB)")


if __name__ == "__main__":
    main()
