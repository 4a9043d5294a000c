"""Two-step sign-in in Chromium: a head of unit signs in with the password, must set up the
authenticator (QR code page), confirms with a code, keeps the recovery codes, signs out, and
signs in again with password and a TOTP code."""

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from fleksi.testkit.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def totp(device, steps_ahead=0):
    """The device's code now, or ``steps_ahead`` steps of 30 s later (accepted as drift)."""
    shifted = device.t0 - steps_ahead * device.step
    return f"{TOTP(device.bin_key, device.step, shifted, device.digits).token():06d}"


def test_head_sets_up_and_signs_in_with_totp(live_server, page, world):
    base = live_server.url
    nip = world.people["head_b"].nip
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if "Refused" in m.text else None)

    page.goto(f"{base}/login/")
    page.fill("#id_username", nip)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/me/two-step/")
    expect(page.locator(".qr svg")).to_be_visible()
    # Anything else leads back here until the second step is set up.
    page.goto(f"{base}/")
    page.wait_for_url(f"{base}/me/two-step/")
    device = TOTPDevice.objects.get(user__username=nip, confirmed=False)
    page.fill("#id_code", totp(device))
    page.click("main button[type=submit]")
    expect(page.locator("ul.mono li")).to_have_count(10)
    page.goto(f"{base}/")
    expect(page.locator("h1")).to_be_visible()
    assert page.url == f"{base}/"

    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", nip)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/login/code/")
    device.refresh_from_db()
    page.fill("#id_code", totp(device, steps_ahead=1))  # the set-up code is used up
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")
    assert errors == []
