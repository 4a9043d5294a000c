"""The day of every role, end to end, as new users take it (issue 16, "Done when"): an
employee asks for a WFA day on a 390 px phone, her head approves it; on the day she checks in
online and then offline (queued on the phone, sent when the network is back), reports her
output, and the head verifies it; then the background worker and the periodic jobs — started
as ``make run`` starts them, as separate processes — compute the month's figures and write the
evaluation report, which the Sekda finds on the pages.

The test's server runs in this process at moments fixed with time-machine; the worker and the
periodic jobs run in their own processes at the same moment (``fleksi.testkit.at``), against
the same database (PostgreSQL: an in-memory SQLite test database cannot be shared)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from playwright.sync_api import expect

from fleksi.insights.models import EvaluationReport, MonthRefresh, UnitMonth
from fleksi.outputs.models import OutputReport
from fleksi.presence.models import Checkin
from fleksi.presence.tests.conftest import MELAYU
from fleksi.presence.tests.conftest import presence as presence  # the fixture
from fleksi.schedule.models import RequestDay, WfaRequest
from fleksi.schedule.tests.conftest import wfa_world
from fleksi.testkit.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TZ = ZoneInfo("Asia/Makassar")
ASKED = datetime(2026, 11, 16, 9, 0, tzinfo=TZ)  # a Monday
WFA_DAY = date(2026, 11, 24)  # Tuesday of the next week
ON_THE_DAY = datetime(2026, 11, 24, 7, 45, tzinfo=TZ)
NEXT_MONTH = datetime(2026, 12, 4, 9, 0, tzinfo=TZ)  # November's report deadlines are over
ROOT = Path(settings.BASE_DIR)


@pytest.fixture
def asked():
    """The server's clock from the first step on (ticking); later steps travel further."""
    traveller = time_machine.travel(ASKED, tick=True)
    traveller.start()
    yield
    traveller.stop()


def phone(browser, moment, *, geolocation=None):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
        locale="id-ID",
        timezone_id="Asia/Makassar",
        geolocation=geolocation,
        permissions=["geolocation"] if geolocation else [],
    )
    context.clock.install(time=moment)  # the phone's clock says the same as the server's
    page = context.new_page()
    page.set_default_timeout(20_000)
    return context, page


def sign_in(page, base, username, then):
    page.goto(f"{base}/login/?next={then}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "/login/" not in page.url, page.locator("main").inner_text()
    if not page.url.endswith(then):
        page.goto(f"{base}{then}")


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def wait_for(page, predicate, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        page.wait_for_timeout(150)
    return predicate()


def as_make_run(command, moment, tmp_path):
    """``manage.py <command>`` in its own process, as ``make run`` starts it, at ``moment``."""
    db = connection.settings_dict
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{host}/{db['NAME']}"
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": url,
        "PRIVATE_MEDIA_ROOT": str(tmp_path),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    return [sys.executable, "-m", "fleksi.testkit.at", moment.isoformat(), *command], env


def test_the_day_of_every_role_end_to_end(
    asked, live_server, browser, presence, tmp_path, settings
):
    if connection.vendor != "postgresql":
        pytest.skip("the worker and the periodic jobs need a database other processes can open")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(tmp_path)}},
    }
    settings.FLEKSI_MFA_REQUIRED_ROLES = frozenset()  # the second factor has its own tests
    # A check-in that waited more than a second on the phone counts as synced late here (two
    # minutes in production), so the journey need not wait.
    settings.FLEKSI_PRESENCE_SYNC_MARGIN_SECONDS = 1
    w = wfa_world(presence)
    base = live_server.url
    rina = w.people["staff_b1"]

    # 1. Monday: the employee asks for next Tuesday on her phone (one mode at a time).
    context, page = phone(browser, ASKED)
    sign_in(page, base, w.user("staff_b1").username, "/schedule/new/")
    no_sideways_scroll(page)
    page.fill("#id_day_1", WFA_DAY.isoformat())
    page.check("input[name=location_type][value=home]")
    page.fill("#id_plan_1_description", "Draf kajian kebijakan")
    page.fill("#id_plan_1_quantity", "1")
    page.fill("#id_plan_1_unit", "dokumen")
    page.fill("#id_plan_1_due", WFA_DAY.isoformat())
    page.click("button[name=action][value=submit]")
    page.wait_for_load_state()
    request = WfaRequest.objects.get(employee=rina)
    assert list(request.days.values_list("day", "status")) == [(WFA_DAY, "pending")]
    context.close()

    # 2. Her head approves it from his inbox, on his phone.
    context, page = phone(browser, ASKED)
    sign_in(page, base, w.user("head_b").username, "/schedule/inbox/")
    no_sideways_scroll(page)
    step = request.steps.get()
    page.click(f"#step-{step.pk} button[name=action][value=approve]")
    page.wait_for_load_state()
    assert RequestDay.objects.get(request=request).status == "approved"
    context.close()

    # 3. On the day, at home: check-in online, then offline (queued) and back online.
    with time_machine.travel(ON_THE_DAY, tick=True):
        context, page = phone(
            browser,
            ON_THE_DAY,
            geolocation={"latitude": MELAYU[0], "longitude": MELAYU[1], "accuracy": 15},
        )
        sign_in(page, base, w.user("staff_b1").username, "/presence/")
        no_sideways_scroll(page)
        expect(page.locator("#mode")).to_have_value("wfa_home")
        button = page.locator("#checkin-button")
        button.click()
        assert wait_for(page, lambda: Checkin.objects.filter(employee=rina).count() == 1)
        first = Checkin.objects.get(employee=rina)
        assert (first.mode, first.source) == ("wfa_home", "online")
        assert wait_for(page, lambda: page.evaluate("!!navigator.serviceWorker.controller"))
        context.set_offline(True)
        page.reload()
        expect(button).to_be_enabled(timeout=10_000)
        button.click()  # the departure, with no network: kept on the phone
        expect(page.locator("#queue")).to_contain_text("1")
        page.wait_for_timeout(1500)
        assert Checkin.objects.filter(employee=rina).count() == 1
        context.set_offline(False)
        page.evaluate("window.dispatchEvent(new Event('online'))")
        assert wait_for(page, lambda: Checkin.objects.filter(employee=rina).count() == 2)
        assert Checkin.objects.get(employee=rina, slot=2).source == "offline_sync"

        # 4. Her output of the day: the request's plan is on the output page that day.
        page.goto(f"{base}/outputs/")
        no_sideways_scroll(page)
        page.click('a[href*="?item="]')
        page.fill("#id_quantity", "1")
        page.fill("#id_description", "Draf kajian lengkap, dikirim lewat e-office")
        page.fill("#id_evidence_url", "https://srikandi.arsip.go.id/naskah/2026/11/24")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        report = OutputReport.objects.get(employee=rina)
        assert report.day == WFA_DAY
        context.close()

        # 5. The head verifies it: Terima, with a quality score (nothing was preselected).
        context, page = phone(browser, ON_THE_DAY)
        sign_in(page, base, w.user("head_b").username, f"/outputs/reports/{report.pk}/")
        assert page.locator("input[name=decision]:checked").count() == 0
        page.check("input[name=decision][value=accepted]")
        page.fill("#id_quality", "90")
        page.click("form[action$='/verify/'] button[type=submit]")
        page.wait_for_load_state()
        report.refresh_from_db()
        assert (report.status, report.quality) == ("accepted", 90)
        context.close()

    # 6. Next month, under `make run`: the worker and the periodic jobs, as the Makefile runs
    # them, compute November's figures and write its evaluation report.
    with time_machine.travel(NEXT_MONTH, tick=True):
        cmd, env = as_make_run(["db_worker", "--interval", "0.5"], NEXT_MONTH, tmp_path)
        worker = subprocess.Popen(cmd, env=env, cwd=ROOT)
        try:
            cmd, env = as_make_run(["run_periodic"], NEXT_MONTH, tmp_path)
            subprocess.run(cmd, env=env, cwd=ROOT, check=True, timeout=300)
            november = date(2026, 11, 1)
            assert MonthRefresh.objects.filter(month=november).exists()
            bappeda = UnitMonth.objects.get(month=november, unit=w.units["b"])
            assert (bappeda.wfa_days, bappeda.reports, bappeda.wfa_present_days) == (1, 1, 1)
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                report_row = EvaluationReport.objects.filter(period_start=november).first()
                if report_row is not None and report_row.status in ("done", "failed"):
                    break
                time.sleep(0.5)
            assert report_row is not None
            assert report_row.status == "done"
        finally:
            worker.terminate()
            worker.wait(timeout=30)

        # 7. The Sekda finds the figures and the report on the pages.
        context, page = phone(browser, NEXT_MONTH)
        sign_in(page, base, w.user("sekda").username, "/insights/reports/")
        link = page.locator(f"a[href='/insights/reports/{report_row.pk}/pdf/']")
        expect(link).to_be_visible()
        pdf = page.request.get(f"{base}/insights/reports/{report_row.pk}/pdf/")
        assert pdf.ok
        assert pdf.body().startswith(b"%PDF")
        page.goto(f"{base}/insights/?month=2026-11")
        expect(page.locator("[data-figure]").first).to_be_visible()
        context.close()
