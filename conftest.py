from __future__ import annotations

import os
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, settings

# Playwright's sync API runs an event loop in the test thread; Django's ORM is still used
# synchronously there, which is safe in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# --- Hypothesis profiles ------------------------------------------------------------------------
# "ci" (the default): the same examples on every run and every machine, and no check that
# depends on how busy the machine is (too_slow, the per-example deadline). "explore": fresh
# random examples, ten times as many (tests that name their own count scale it with
# fleksi.testkit.properties.examples). Pick one with --hypothesis-profile=explore.
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "explore",
    max_examples=1000,
    derandomize=False,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# --- The whole run at another moment ------------------------------------------------------------
# `pytest --travel-to=2028-02-29` runs every test as if the machine's clock said that day
# (10:00 local time, then ticking); `--travel-to=2027-12-31T16:30` names the time too. It
# proves that no test depends on the day it happens to run. Tests that fix their own moment
# with time-machine still travel there: travels nest.
TRAVEL_ZONE = ZoneInfo("Asia/Makassar")
_traveller = None


def pytest_addoption(parser):
    parser.addoption(
        "--travel-to",
        default=None,
        metavar="DATE[THH:MM]",
        help="run the whole session as if the clock said this local date (and time; 10:00 if "
        "none), e.g. 2027-12-31 or 2028-02-29T07:45",
    )


def travel_moment(value: str) -> datetime:
    """The moment named by --travel-to, aware in the regency's time zone."""
    if "T" in value:
        moment = datetime.fromisoformat(value)
    else:
        moment = datetime.combine(date.fromisoformat(value), time(10, 0))
    return moment if moment.tzinfo else moment.replace(tzinfo=TRAVEL_ZONE)


def pytest_configure(config):
    global _traveller
    value = config.getoption("--travel-to")
    if value:
        import time_machine

        _traveller = time_machine.travel(travel_moment(value), tick=True)
        _traveller.start()


def pytest_unconfigure(config):
    global _traveller
    if _traveller is not None:
        _traveller.stop()
        _traveller = None


def pytest_report_header(config):
    value = config.getoption("--travel-to")
    if value:
        return f"travelled to {travel_moment(value).isoformat()} (--travel-to)"
    return None


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Argon2 is deliberately slow; tests do not need it except where they say so."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Throttling counters live in the cache: every test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def world(db):
    from fleksi.testkit.world import build_world

    return build_world()


@pytest.fixture(scope="module")
def _module_world(request, django_db_setup, django_db_blocker):
    from fleksi.testkit.module_world import module_scoped
    from fleksi.testkit.world import build_world

    build = getattr(request.module, "build_module_world", build_world)
    yield from module_scoped(django_db_blocker, build)


@pytest.fixture
def module_world(_module_world, db):
    """The test world built once for the module (by its ``build_module_world()`` if it has
    one), rolled back when the module ends; each test's writes are rolled back after it.
    See fleksi/testkit/module_world.py."""
    from fleksi.testkit.module_world import fresh

    return fresh(_module_world)


# --- Browser tests (Playwright driving Debian's Chromium) ---------------------------------------

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
_skipped_browser_tests: list[str] = []


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM):
        return
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: browser test skipped")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)
            _skipped_browser_tests.append(item.nodeid)


def pytest_terminal_summary(terminalreporter):
    if _skipped_browser_tests:
        terminalreporter.write_line(
            f"NOTE: {len(_skipped_browser_tests)} browser tests were SKIPPED because Chromium is "
            f"not installed at {CHROMIUM} (install Debian's 'chromium' package, as .ci/run does).",
            yellow=True,
        )


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="id-ID", timezone_id="Asia/Makassar")
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()
