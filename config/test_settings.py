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
os.environ.setdefault("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")

from config.settings import *  # noqa: F403
