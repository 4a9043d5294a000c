"""The WFA journey in Chromium: Yusuf (Bappeda) already has Monday approved and asks for
Tuesday and Wednesday; Wednesday breaks the weekly maximum of two and is refused with the
rule, its article, the value seen and the limit. His head approves Tuesday from the inbox,
and the unit board shows him on WFA that day.

The page is in Bahasa Indonesia (the browser's language); the assertions compare with the
stored rule texts and the data attributes, not with translated words."""

from datetime import timedelta
from decimal import Decimal

import pytest

from fleksi.schedule.models import ApprovalStep, RequestDay, WfaRequest
from fleksi.schedule.services import PlanItemIn, request_approve, request_submit
from fleksi.testkit.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _no_second_step(settings):
    # Two-step sign-in has its own browser test (accounts/tests/test_browser_mfa.py).
    settings.FLEKSI_MFA_REQUIRED_ROLES = frozenset()


def sign_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_ask_two_days_one_refused_the_other_approved_and_on_the_board(live_server, page, wfa):
    base = live_server.url
    yusuf, head = wfa.people["staff_b1"], wfa.people["head_b"]
    monday, tuesday, wednesday = (wfa.monday + timedelta(days=i) for i in range(3))
    earlier = request_submit(
        actor=wfa.user("staff_b1"),
        employee=yusuf,
        days=[monday],
        plan=[PlanItemIn("Kajian kebijakan", Decimal(1), "naskah", monday)],
    )
    request_approve(actor=wfa.user("head_b"), step=ApprovalStep.objects.get(request=earlier))
    # Under the strict Content Security Policy nothing is refused, and nothing fails to load
    # (the browser's own favicon request aside).
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if "Refused" in m.text else None)
    page.on(
        "response",
        lambda r: (
            errors.append(r.url) if r.status >= 400 and not r.url.endswith("/favicon.ico") else None
        ),
    )

    # Yusuf asks for Tuesday and Wednesday.
    sign_in(page, base, yusuf.nip)
    page.goto(f"{base}/schedule/new/")
    page.check("input[name=mode][value=days]")
    page.fill("input[name=day_1]", tuesday.isoformat())
    page.fill("input[name=day_2]", wednesday.isoformat())
    page.fill("input[name=plan_1_description]", "Draf kajian kebijakan fiskal")
    page.fill("input[name=plan_1_quantity]", "1")
    page.fill("input[name=plan_1_unit]", "naskah")
    page.fill("input[name=plan_1_due]", wednesday.isoformat())
    page.click("button[name=action][value=submit]")
    page.wait_for_url(f"{base}/schedule/requests/*/")

    request = WfaRequest.objects.exclude(pk=earlier.pk).get(employee=yusuf)
    days = {d.day: d for d in request.days.all()}
    assert (days[tuesday].status, days[wednesday].status) == ("pending", "refused")
    (failure,) = [r for r in days[wednesday].trace["rules"] if r["outcome"] == "fail"]
    assert (failure["rule"], failure["observed"], failure["limit"]) == ("weekly_cap", 3, 2)
    refused_row = page.locator(f"#day-{wednesday.isoformat()}")
    text = refused_row.inner_text()
    assert failure["message_id"] in text  # the reason, in the page's language
    assert failure["article"] in text
    assert "3" in text
    assert "2" in text
    assert page.locator(f"#day-{tuesday.isoformat()} .badge.warn").count() == 1

    # His head approves Tuesday from the inbox.
    sign_in(page, base, head.nip)
    page.goto(f"{base}/schedule/inbox/")
    step = ApprovalStep.objects.get(request=request, status="pending")
    card = page.locator(f"#step-{step.pk}")
    assert card.locator("input[name=pick]").count() == 1  # only Tuesday waits
    card.locator("button[name=action][value=approve]").click()
    page.wait_for_url(f"{base}/schedule/inbox/")
    assert RequestDay.objects.get(request=request, day=tuesday).status == "approved"

    # The unit board for Tuesday shows him on WFA.
    page.goto(f"{base}/schedule/board/?unit={wfa.units['b'].pk}&day={tuesday.isoformat()}")
    row = page.locator("tr", has_text=yusuf.name)
    assert row.locator("td[data-presence=wfa]").count() == 1
    others = page.locator("td[data-presence=wfa]")
    assert others.count() == 1
    assert errors == []
