"""The demo is installed only where it is wanted (``FLEKSI_DEMO``, on by default with DEBUG):
a production instance has no ``seed_demo`` and none of the demo's tables."""

import os
import subprocess
import sys

from django.conf import settings


def _installed(**env: str) -> list[str]:
    environ = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "FLEKSI_DEMO", "DATABASE_URL"}
    }
    environ.update({"SECRET_KEY": "x" * 50, "DJANGO_SETTINGS_MODULE": "config.settings", **env})
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "from django.core.management import get_commands; "
        "print('fleksi.demo' in settings.INSTALLED_APPS, 'seed_demo' in get_commands())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.split()


def test_production_has_no_demo_and_development_has_it():
    assert _installed() == ["False", "False"]
    assert _installed(DEBUG="1") == ["True", "True"]
    assert _installed(DEBUG="1", FLEKSI_DEMO="0") == ["False", "False"]
