"""Checking in from a phone browser (Chromium, emulated position): online, offline and back,
and one queued check-in that reaches the server three times."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from fleksi.presence.models import Checkin
from fleksi.presence.tests.conftest import DISDUKCAPIL
from fleksi.testkit.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(browser, live_server, presence, settings):
    # A check-in that waited more than a second on the phone counts as synced late here
    # (two minutes in production), so the test need not wait.
    settings.FLEKSI_PRESENCE_SYNC_MARGIN_SECONDS = 1
    context = browser.new_context(
        locale="id-ID",
        timezone_id="Asia/Makassar",
        geolocation={"latitude": DISDUKCAPIL[0], "longitude": DISDUKCAPIL[1], "accuracy": 15},
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on(
        "console",
        lambda m: errors.append(f"{m.text} {m.location.get('url')}") if m.type == "error" else None,
    )
    page.goto(f"{live_server.url}/login/?next=/presence/")
    page.fill("#id_username", presence.people["staff_a1"].nip)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/presence/")
    expect(page.locator("#position")).to_contain_text("15")  # the accuracy is shown
    yield context, page, errors
    context.close()


def wait_for(page, predicate, timeout=15.0):
    """Wait while letting Playwright run its handlers (the sync API runs them only inside
    its own calls)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        page.wait_for_timeout(100)
    return predicate()


def test_online_then_offline_and_back(phone):
    context, page, errors = phone
    button = page.locator("#checkin-button")
    button.click()
    assert wait_for(page, lambda: Checkin.objects.count() == 1)
    first = Checkin.objects.get()
    assert (first.slot, first.source, first.synced_late, first.flagged) == (
        1,
        "online",
        False,
        False,
    )
    expect(page.locator("#result")).not_to_be_empty()
    # The worker has the page: it opens without a network.
    # (polled from here: the page's CSP forbids the eval that wait_for_function uses)
    assert wait_for(page, lambda: page.evaluate("!!navigator.serviceWorker.controller"))
    context.set_offline(True)
    page.reload()
    expect(button).to_be_enabled(timeout=10_000)
    expect(page.locator('#slots li[data-slot="1"] .slot-state')).not_to_have_text("—")
    button.click()  # the departure, offline
    expect(page.locator("#queue")).to_be_visible()
    expect(page.locator("#queue")).to_contain_text("1")
    page.wait_for_timeout(1500)
    assert Checkin.objects.count() == 1
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    assert wait_for(page, lambda: Checkin.objects.count() == 2)
    second = Checkin.objects.get(slot=2)
    assert (second.source, second.synced_late) == ("offline_sync", True)
    expect(page.locator("#queue")).to_be_hidden()
    page.wait_for_timeout(500)
    assert Checkin.objects.count() == 2  # exactly one record for the offline check-in
    # Nothing blocked by the Content Security Policy, no error from the script (the only
    # expected noise: the browser's own /favicon.ico and the requests made while offline).
    assert [
        e for e in errors if "favicon.ico" not in e and "ERR_INTERNET_DISCONNECTED" not in e
    ] == []


def test_a_queued_check_in_sent_three_times_is_one_record(phone):
    context, page, _errors = phone
    context.set_offline(True)
    page.locator("#checkin-button").click()
    expect(page.locator("#queue")).to_contain_text("1")
    key = page.evaluate("window.fleksiPresence.queue()[0].idempotency_key")
    page.wait_for_timeout(1500)  # it waited on the phone: synced late

    # The first two answers are lost on the way back: the server stores the check-in, the
    # phone never hears it and sends the same copy again.
    arrived: list[str] = []
    answered: list[int] = []

    def lose_the_answer(route):
        if route.request.method != "POST":
            return route.continue_()
        arrived.append(route.request.post_data_json["idempotency_key"])
        if len(arrived) <= 2:
            route.fetch()
            route.abort("failed")
        else:
            route.continue_()
        answered.append(1)

    page.route("**/api/v1/presence/checkins", lose_the_answer)
    context.set_offline(False)
    deadline = time.monotonic() + 30
    while len(answered) < 3 and time.monotonic() < deadline:
        # The phone's own timer would retry in 15 s and more; here it is asked at once.
        page.evaluate("window.fleksiPresence.flush()")
        page.wait_for_timeout(300)
    assert arrived == [key, key, key]
    assert wait_for(page, lambda: page.evaluate("window.fleksiPresence.queue().length") == 0)
    rows = Checkin.objects.all()
    assert [str(c.idempotency_key) for c in rows] == [key]
    assert rows[0].synced_late is True
