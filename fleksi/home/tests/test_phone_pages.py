"""Every page on a 360 px phone, as the roles that may open it (issue 16).

Walks every GET page of the access matrices (``*/tests/test_access.py``), each as one of the
roles allowed to see it (spread so every role is walked), in Chromium at 360 x 740 CSS px:

- the page must not scroll sideways (tables may scroll inside their own box);
- axe-core must find no serious or critical accessibility violation
  (``fleksi/testkit/phone.py``).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter

import pytest
from playwright.sync_api import Error as PlaywrightError

import fleksi
from fleksi.testkit.access import WHO
from fleksi.testkit.phone import AXE, phone_page, phone_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def page_cases():
    cases = []
    for app in pkgutil.iter_modules(fleksi.__path__):
        try:
            module = importlib.import_module(f"fleksi.{app.name}.tests.test_access")
        except ModuleNotFoundError:
            continue
        cases += [
            c for c in module.CASES if c.method == "get" and not c.api and c.ok == 200 and c.allowed
        ]
    return sorted(cases, key=lambda c: c.route)


def spread(cases):
    """One role per page, the least walked first, so that every role is walked."""
    walked: Counter[str] = Counter()
    plan = []
    for case in cases:
        roles = [w for w in WHO if w != "anon" and case.expected(w) == 200]
        if not roles:
            continue
        who = min(roles, key=lambda w: (walked[w], WHO.index(w)))
        walked[who] += 1
        plan.append((case, who))
    return plan


def test_every_page_fits_a_phone_and_passes_axe(browser, live_server, world):
    assert AXE.exists(), "axe-core is missing: run `npm ci --prefix tools` (.ci/run does)"
    problems: list[str] = []
    skipped: list[str] = []
    contexts = {}
    try:
        for case, who in spread(page_cases()):
            if who not in contexts:
                contexts[who] = phone_page(browser, live_server.url, world.user(who))
            page = contexts[who]
            try:
                url = case.url(world)
            except Exception:
                skipped.append(case.route)
                continue
            try:
                response = page.goto(f"{live_server.url}{url}")
            except PlaywrightError as exc:  # a file to download (exports): not a page
                if "Download is starting" in str(exc):
                    continue
                raise
            assert response is not None
            if response.status != 200 or "html" not in (
                response.header_value("content-type") or ""
            ):
                continue
            problems += phone_problems(page, f"{case.route} as {who}")
    finally:
        for page in contexts.values():
            page.context.close()
    assert problems == [], "\n".join(problems)
