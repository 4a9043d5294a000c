"""The check-in page: small enough for 2G, installable, and its worker under /presence/."""

import gzip
import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db
BUDGET_KB = 60


def weight_kb(client, path):
    """The page as served (gzip) plus every stylesheet and script it loads (gzip)."""
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    body = response.content
    gzipped = response.get("Content-Encoding") == "gzip"
    total = len(body) if gzipped else len(gzip.compress(body))
    html = gzip.decompress(body).decode() if gzipped else body.decode()
    assets = re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    for asset in assets:
        with open(finders.find(asset), "rb") as fh:
            total += len(gzip.compress(fh.read()))
    return total / 1024, html, assets


def test_the_page_weighs_less_than_the_budget(client, presence):
    client.force_login(presence.user("staff_a1"))
    kb, html, assets = weight_kb(client, reverse("presence:checkin"))
    assert kb <= BUDGET_KB
    assert "presence/checkin.js" in assets
    with open(finders.find("presence/checkin.js"), "rb") as fh:
        assert len(fh.read()) <= 12 * 1024  # small and self-written
    # No inline script: the data travels as JSON, the code as a file of our origin.
    scripts = re.findall(r"<script([^>]*)>", html)
    assert all('src="/static/' in s or 'type="application/json"' in s for s in scripts)
    data = json.loads(re.search(r'id="presence-data"[^>]*>(.*?)</script>', html, re.S)[1])
    assert data["api"] == "/api/v1/presence/checkins"
    assert [s["slot"] for s in data["slots"]] == [1, 2]
    assert '<link rel="manifest" href="/presence/manifest.webmanifest">' in html


def test_manifest_and_service_worker(client):
    manifest = client.get(reverse("presence:manifest"))
    assert manifest["Content-Type"] == "application/manifest+json"
    body = manifest.json()
    assert (body["start_url"], body["scope"], body["display"]) == (
        "/presence/",
        "/presence/",
        "standalone",
    )
    assert {i["sizes"] for i in body["icons"]} == {"192x192", "512x512"}
    worker = client.get(reverse("presence:sw"))
    assert worker["Content-Type"].startswith("application/javascript")
    assert worker["Cache-Control"] == "no-cache"
    text = worker.content.decode()
    assert 'var PAGE = "/presence/";' in text
    assert "/static/presence/checkin.js" in text
    assert reverse("presence:sw").startswith(reverse("presence:checkin"))  # scope covers it
