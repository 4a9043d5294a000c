from fleksi.presence.tests.conftest import _fresh_day_rules, presence  # noqa: F401
