"""The duty roster on a 360 px phone, in Chromium: Rina, a nurse of the ward, opens the rosters,
her month (her own row first; the grid scrolls inside its frame, the page does not), and asks
to swap her night of Monday 4 May with Darto; the head nurse approves on her phone and both
schedules change. Every page passes axe-core and fits the phone. The ward's moment is
20 April 2026 (``ward``)."""

import pytest

from fleksi.testkit.phone import phone_page, phone_problems
from fleksi.worktime.models import DutyShift, DutySwap
from fleksi.worktime.services import duty_roster_publish, duty_roster_save
from fleksi.worktime.tests.test_rosters import MAY, may, plan, ward  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_nurse_swaps_a_night_and_the_head_nurse_approves_on_phones(
    browser,
    live_server,
    ward,  # noqa: F811
):
    w = ward
    roster = duty_roster_save(
        actor=w.user("layanan"),
        unit=w.unit,
        month=MAY,
        pattern_code="ward",
        shifts=plan(w),
        min_staff={"P": 1},
    )
    duty_roster_publish(actor=w.user("layanan"), roster=roster)
    rina, darto = w.people["staff_a1"], w.people["staff_a2"]
    base = live_server.url
    problems: list[str] = []

    nurse = phone_page(browser, base, w.user("staff_a1"))
    try:
        nurse.goto(f"{base}/worktime/rosters/")
        problems += phone_problems(nurse, "rosters")
        nurse.get_by_role("link", name="Mei 2026").click()
        nurse.wait_for_url(f"{base}/worktime/rosters/{roster.pk}/")
        first_row = nurse.locator("tbody tr").first.inner_text()
        assert rina.name in first_row  # her own row first
        problems += phone_problems(nurse, "roster")

        nurse.get_by_role("link", name="Tukar shift").click()
        nurse.wait_for_url(f"{base}/worktime/rosters/{roster.pk}/swaps/")
        problems += phone_problems(nurse, "swaps (nurse)")
        nurse.select_option("#swap-day", "2026-05-04")
        assert "Senin, 4 Mei" in nurse.locator("#swap-day option:checked").inner_text()
        nurse.select_option("#swap-other", str(darto.pk))
        nurse.fill("#swap-reason", "Mengantar anak berobat")
        nurse.get_by_role("button", name="Ajukan tukar shift").click()
        nurse.wait_for_load_state()
        assert "telah dikirim" in nurse.locator(".msg").first.inner_text()
    finally:
        nurse.context.close()
    swap = DutySwap.objects.get()
    assert (swap.requester, swap.other, swap.status) == (rina, darto, "pending")

    head = phone_page(browser, base, w.user("layanan"))
    try:
        head.goto(f"{base}/worktime/rosters/{roster.pk}/swaps/")
        card = head.locator(f"#swap-{swap.pk}")
        assert "Mengantar anak berobat" in card.inner_text()
        problems += phone_problems(head, "swaps (head nurse)")
        card.get_by_role("button", name="Setujui").click()
        head.wait_for_load_state()
        assert head.locator(f"#swap-{swap.pk}").get_attribute("data-status") == "approved"
    finally:
        head.context.close()
    codes = dict(
        DutyShift.objects.filter(day=may(4), employee__in=[rina, darto]).values_list(
            "employee_id", "shift_code"
        )
    )
    assert codes == {rina.pk: "S", darto.pk: "M"}
    assert problems == [], "\n".join(problems)
