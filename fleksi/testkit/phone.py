"""A page in Chromium on a 360 px phone: does it scroll sideways, and what does axe-core (from
the npm registry, installed in ``tools/`` by ``make test`` and ``.ci/run``; never a CDN) find
serious or critical? Shared by the walk over every page (``home/tests/test_phone_pages.py``)
and the journeys of each app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

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


def phone_problems(page: Any, label: str) -> list[str]:
    """What is wrong with the page now open in ``page`` (a Playwright page whose context was
    made with ``viewport=PHONE`` and ``bypass_csp=True``, so that axe can be loaded)."""
    assert AXE.exists(), "axe-core is missing: run `npm ci --prefix tools` (make test does)"
    problems = []
    overflow = page.evaluate(OVERFLOW_JS)
    if overflow > 0:
        wide = page.evaluate(WIDE_JS)
        problems.append(f"{label}: {overflow} px wider than the phone ({wide})")
    page.add_script_tag(path=str(AXE))
    problems += [f"{label}: axe {v}" for v in page.evaluate(AXE_JS)]
    return problems


def phone_page(browser: Any, base_url: str, user: Any) -> Any:
    """A new Playwright page on a 360 px phone, signed in as ``user`` (a session made by
    Django's test client, handed to the browser as its cookie). Close its ``context`` after."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = browser.new_context(
        viewport=PHONE,
        locale="en-US",  # the browser's language is ignored: pages are Indonesian
        timezone_id="Asia/Makassar",
        bypass_csp=True,  # to load axe into the page
    )
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page
