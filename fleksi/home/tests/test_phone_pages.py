"""Every page on a 360 px phone, as the roles that may open it (issue 16).

Walks every GET page of the access matrices (``*/tests/test_access.py``), each as one of the
roles allowed to see it (spread so every role is walked), in Chromium at 360 x 740 CSS px:

- the page must not scroll sideways (tables may scroll inside their own box);
- axe-core (from the npm registry, vendored in ``tools/``, installed by ``.ci/run``; never a
  CDN) must find no serious or critical accessibility violation.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Error as PlaywrightError

import fleksi
from fleksi.testkit.access import WHO

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "tools" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
OVERFLOW_JS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# The outermost elements that stick out (inside a box that scrolls on its own is fine).
WIDE_JS = """() => {
  const w = document.documentElement.clientWidth, out = [];
  for (const el of document.querySelectorAll("body *")) {
    if (el.closest(".table-wrap") || el.getBoundingClientRect().right <= w + 1) continue;
    if (el.parentElement && el.parentElement.getBoundingClientRect().right > w + 1) continue;
    const cls = typeof el.className === "string" && el.className
      ? "." + el.className.split(" ").join(".") : "";
    out.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + cls);
  }
  return out.slice(0, 3).join(", ");
}"""
AXE_JS = """async () => {
  const r = await axe.run(document, {resultTypes: ["violations"]});
  return r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => v.id + ": " + v.nodes.slice(0, 2).map(n => n.target.join(" ")).join(" | "));
}"""


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
                client = Client()
                client.force_login(world.user(who))
                context = browser.new_context(
                    viewport=PHONE,
                    locale="en-US",  # the browser's language is ignored: Indonesian pages
                    timezone_id="Asia/Makassar",
                    bypass_csp=True,  # to load axe into the page
                )
                context.add_cookies(
                    [
                        {
                            "name": settings.SESSION_COOKIE_NAME,
                            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                            "url": live_server.url,
                        }
                    ]
                )
                contexts[who] = context.new_page()
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
            overflow = page.evaluate(OVERFLOW_JS)
            if overflow > 0:
                wide = page.evaluate(WIDE_JS)
                problems.append(
                    f"{case.route} as {who}: {overflow} px wider than the phone ({wide})"
                )
            page.add_script_tag(path=str(AXE))
            for violation in page.evaluate(AXE_JS):
                problems.append(f"{case.route} as {who}: axe {violation}")
    finally:
        for page in contexts.values():
            page.context.close()
    assert problems == [], "\n".join(problems)
