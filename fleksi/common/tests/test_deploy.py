"""The deployment files (deploy/) are checked by the tools that will read them: gunicorn's
own configuration check, ``nginx -t`` on the site (with a throw-away certificate), and
``systemd-analyze verify`` on the units (paths pointed at this checkout). A tool that is not
installed skips its test (``.ci/run`` installs nginx)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

DEPLOY = Path(settings.BASE_DIR) / "deploy"


def test_gunicorn_accepts_its_configuration():
    gunicorn = Path(sys.executable).with_name("gunicorn")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.test_settings"}
    checked = subprocess.run(
        [str(gunicorn), "--check-config", "-c", str(DEPLOY / "gunicorn.conf.py"), "config.wsgi"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr


def test_gunicorn_configuration_follows_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:8161")
    values: dict[str, object] = {}
    exec((DEPLOY / "gunicorn.conf.py").read_text(), values)  # noqa: S102 - our own file
    assert values["workers"] == 3
    assert values["bind"] == "127.0.0.1:8161"
    assert values["timeout"] == 60
    assert values["preload_app"] is True


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_nginx_accepts_the_site(tmp_path):
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=fleksi.test", "-keyout", str(tmp_path / "key.pem"),
         "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (DEPLOY / "nginx" / "fleksi.conf").read_text()
    for production, here in {
        "/etc/ssl/fleksi/fullchain.pem": tmp_path / "cert.pem",
        "/etc/ssl/fleksi/privkey.pem": tmp_path / "key.pem",
        "/srv/fleksi/var/static/": f"{tmp_path}/static/",
        "/var/www/letsencrypt": tmp_path,
    }.items():
        assert production in site
        site = site.replace(production, str(here))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n access_log off;\n"
        f" client_body_temp_path {tmp_path}/body;\n proxy_temp_path {tmp_path}/proxy;\n"
        f" include {tmp_path}/site.conf;\n}}\n"
    )
    checked = subprocess.run(
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf"), "-p", f"{tmp_path}/"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr
    # What the site promises: TLS, compression, an upload limit, timeouts, static files.
    for directive in (
        "ssl_certificate ",
        "gzip on;",
        "client_max_body_size",
        "proxy_read_timeout",
        "location /static/",
        "X-Request-ID",
    ):
        assert directive in site


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed"
)
def test_systemd_units_verify(tmp_path):
    units = sorted((DEPLOY / "systemd").iterdir())
    names = {unit.name for unit in units}
    assert {
        "fleksi-web.service",
        "fleksi-worker.service",
        "fleksi-scheduler.service",
        "fleksi-db-worker.service",
        "fleksi-periodic.timer",
        "fleksi-backup.timer",
    } <= names
    for unit in units:
        (tmp_path / unit.name).write_text(
            unit.read_text().replace("/srv/fleksi", str(settings.BASE_DIR))
        )
    checked = subprocess.run(
        ["systemd-analyze", "verify", *sorted(str(p) for p in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert not re.search(r"Unknown (key|section)|ignoring", checked.stderr), checked.stderr


def test_the_container_image_runs_the_gunicorn_configuration():
    containerfile = (DEPLOY / "Containerfile").read_text()
    assert "\nFROM " in containerfile
    assert 'CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py", "config.wsgi"]' in containerfile
    assert "uv sync --frozen --no-dev" in containerfile
    assert "USER fleksi" in containerfile
    assert "/health/live" in containerfile
