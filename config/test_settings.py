"""Settings for the test suite: production settings (DEBUG off) over plain HTTP.

Only the values a test run cannot take from production are set here, as environment
defaults; an explicit environment (``DATABASE_URL`` for PostgreSQL) still wins.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-suite-only-not-secret")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
# Test clients share one address; the rate-limit tests set their own limits.
os.environ.setdefault("API_RATE_PER_ADDRESS", "100000/60")
os.environ.setdefault("API_RATE_PER_TOKEN", "100000/60")
os.environ.setdefault("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")
os.environ.setdefault("FLEKSI_DEMO", "1")  # the demo's own tests and the benchmarks seed it

from config.settings import *  # noqa: F403

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: concurrent-writer tests and the browser tests need real locking
    # (shared-cache memory databases fail with "table is locked" instead of waiting).
    # pytest-django gives each xdist worker its own file.
    (BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405
    # The process id keeps two test runs on one machine apart.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(BASE_DIR / "var" / f"test-fleksi-{os.getpid()}.sqlite3")  # noqa: F405
    }

# Static files straight from the apps (no collectstatic before a test run).
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
