"""Every role's home page on a 360 px phone (issue 16): no sideways scrolling and no serious
axe-core violation, with a team short of its minimum so that the warnings show."""

from __future__ import annotations

import pytest
import time_machine

from fleksi.home.tests.test_role_homes import MOMENT, TUESDAY, short_of_staff
from fleksi.testkit.access import EVERYONE
from fleksi.testkit.phone import phone_page, phone_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@time_machine.travel(MOMENT, tick=True)  # a working Tuesday morning (the role homes' moment)
def test_every_role_home_fits_a_phone(browser, live_server, world):
    short_of_staff(world, TUESDAY)
    problems: list[str] = []
    for who in sorted(EVERYONE):
        page = phone_page(browser, live_server.url, world.user(who))
        try:
            response = page.goto(f"{live_server.url}/")
            assert response is not None
            assert response.status == 200
            problems += phone_problems(page, f"home as {who}")
        finally:
            page.context.close()
    assert problems == [], "\n".join(problems)
