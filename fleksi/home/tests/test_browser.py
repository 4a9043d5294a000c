"""Browser journeys (Playwright driving Debian's Chromium)."""

import pytest
from django.conf import settings

from fleksi.accounts.models import User
from fleksi.demo.domain.personas import PERSONAS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(db):
    from fleksi.demo.services import demo_seed

    demo_seed(size="small", seed=2026)
    return {p.key: p for p in PERSONAS}


def rina_username():
    from fleksi.demo.selectors import demo_account_list

    return next(a.username for a in demo_account_list() if a.persona.key == "rina")


def test_demo_employee_signs_in_and_sees_the_home_page(live_server, page, demo):
    page.goto(f"{live_server.url}/")
    # Not signed in: the sign-in page, in Bahasa Indonesia.
    assert "/login/" in page.url
    assert page.locator("html").get_attribute("lang") == "id"
    page.fill("#id_username", rina_username())
    page.fill("#id_password", settings.FLEKSI_DEMO_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    heading = page.locator("h1").inner_text()
    assert "Rina Kartika" in heading
    rina = User.objects.select_related("employee__unit").get(username=rina_username()).employee
    assert page.get_by_role("link", name=rina.unit.name).first.is_visible()
    # The page works under the strict Content Security Policy: no blocked resources.
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.reload()
    assert errors == []
