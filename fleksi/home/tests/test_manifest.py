"""Fleksi installs on a phone's home screen (issue 16): every page links the site's web app
manifest, which Chromium itself reads without errors (Indonesian name, start page, standalone
display, theme colour, real PNG icons of the sizes it states); the check-in page keeps its
own manifest and offline service worker (its offline queue: presence/tests/test_browser.py)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_manifest_is_served_valid_and_installable(live_server, page):
    page.goto(f"{live_server.url}/login/")
    href = page.locator('link[rel="manifest"]').get_attribute("href")
    assert href == "/manifest.webmanifest"
    answer = page.request.get(f"{live_server.url}{href}")
    assert answer.ok
    assert answer.headers["content-type"].startswith("application/manifest+json")
    m = answer.json()
    assert m["name"] == "Fleksi: kerja fleksibel ASN kabupaten"
    assert m["lang"] == "id"
    assert (m["start_url"], m["scope"], m["display"]) == ("/", "/", "standalone")
    assert m["theme_color"] == "#0b6e4f"
    assert page.locator('meta[name="theme-color"]').get_attribute("content") == "#0b6e4f"
    # Chromium's own reading of the manifest: no errors, and the fields as it understood them.
    cdp = page.context.new_cdp_session(page)
    found = cdp.send("Page.getAppManifest")
    assert found["url"].endswith("/manifest.webmanifest")
    assert found["errors"] == []
    assert found.get("parsed", {}).get("scope", "").endswith("/")
    # Installable: Chromium's only objection is the test's own private (incognito) window.
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == []
    # Every icon is a real PNG of the size it claims; one is maskable.
    purposes = set()
    for icon in m["icons"]:
        got = page.request.get(f"{live_server.url}{icon['src']}")
        assert got.ok
        assert got.headers["content-type"] == "image/png"
        image = Image.open(io.BytesIO(got.body()))
        assert image.format == "PNG"
        assert f"{image.width}x{image.height}" == icon["sizes"]
        purposes.add(icon.get("purpose", "any"))
    assert purposes == {"any", "maskable"}
    sizes = {icon["sizes"] for icon in m["icons"]}
    assert {"192x192", "512x512"} <= sizes
