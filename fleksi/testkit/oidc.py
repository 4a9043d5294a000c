"""A real OpenID provider for the single sign-on tests: panva's certified ``oidc-provider``
(tools/package-lock.json, installed by ``make test``) run by node as a subprocess on
127.0.0.1, and a small HTTP client that plays the person's browser at the provider.

The provider's sign-in page takes any login of digits as the account with that NIP (any
password); ``otp=True`` ticks "second factor used" (``amr`` ["pwd", "otp"], ``acr`` "2")."""

from __future__ import annotations

import json
import os
import re
import select
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import requests

TOOLS = Path(__file__).resolve().parents[2] / "tools"
SCRIPT = TOOLS / "oidc-test-provider.mjs"
CLIENT_ID = "fleksi"
CLIENT_SECRET = "fleksi-test-secret-only"
# The ports tried for the provider (the first free one); another range by this variable.
PORTS = os.environ.get("FLEKSI_TEST_OIDC_PORTS", "8140-8149")


def _free_port() -> int:
    low, _sep, high = PORTS.partition("-")
    for port in range(int(low), int(high or low) + 1):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def oidc_provider(
    *, redirect_uris: list[str], post_logout_redirect_uris: list[str], accounts: dict | None = None
) -> Iterator[str]:
    """Start the provider; yields its issuer URL. Stopped (SIGTERM) on exit."""
    if not (TOOLS / "node_modules" / "oidc-provider").is_dir():
        raise RuntimeError(
            "tools/node_modules/oidc-provider is missing: run `make tools/node_modules/.installed`"
        )
    port = _free_port()
    config = {
        "port": port,
        "clients": [
            {
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "redirect_uris": redirect_uris,
                "post_logout_redirect_uris": post_logout_redirect_uris,
            }
        ],
        "accounts": accounts or {},
    }
    env = {**os.environ, "FLEKSI_OIDC_TEST_CONFIG": json.dumps(config)}
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(  # noqa: S603
            ["node", str(SCRIPT)],  # noqa: S607 (node from the PATH, as make test uses it)
            cwd=TOOLS,
            env=env,
            stdout=subprocess.PIPE,
            stderr=errors,
        )
        try:
            assert process.stdout is not None
            ready, _w, _x = select.select([process.stdout], [], [], 20)
            line = process.stdout.readline().decode() if ready else ""
            if not line.startswith("ready "):
                errors.seek(0)
                raise RuntimeError(f"the OpenID provider did not start: {errors.read()[-2000:]!r}")
            yield line.split()[1]
        finally:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@dataclass
class AtProvider:
    """Where a visit to the provider ended: a page of the provider, or a redirect back to the
    relying party (``back``: the URL it sent the browser to)."""

    page: requests.Response | None = None
    back: str = ""


class ProviderBrowser:
    """A person's browser at the provider (its cookies kept): follows the provider's own
    redirects and stops at the first redirect that leaves it."""

    def __init__(self, issuer: str) -> None:
        self.issuer = issuer
        self.session = requests.Session()
        self.sign_in_pages = 0  # how often the provider asked for the login

    def visit(self, url: str, data: dict[str, str] | None = None) -> AtProvider:
        method = "POST" if data is not None else "GET"
        for _ in range(10):
            response = self.session.request(
                method, url, data=data, allow_redirects=False, timeout=10
            )
            if response.status_code == 200 and "<title>Submitting Callback</title>" in (
                response.text
            ):
                # A page that submits itself (the provider ends its old session before a
                # forced new sign-in): what the browser's script would do.
                url, data = self._form(response)
                method = "POST"
                continue
            if response.status_code not in (302, 303):
                return AtProvider(page=response)
            url = urljoin(url, response.headers["Location"])
            if not url.startswith(self.issuer):
                return AtProvider(back=url)
            method, data = "GET", None
        raise AssertionError("too many redirects at the provider")

    @staticmethod
    def _form(page: requests.Response) -> tuple[str, dict[str, str]]:
        action = re.search(r'<form[^>]*action="([^"]+)"', page.text)
        assert action, page.text
        fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.text))
        return urljoin(page.url, action.group(1)), fields

    def sign_in(self, authorize_url: str, login: str, *, otp: bool = False) -> str:
        """From the authorization request to the redirect back to the relying party."""
        at = self.visit(authorize_url)
        if at.back:
            return at.back  # already signed in at the provider
        assert at.page is not None
        assert at.page.status_code == 200, at.page.text
        self.sign_in_pages += 1
        action = re.search(r'<form method="post" action="([^"]+)"', at.page.text)
        assert action, at.page.text
        form = {"login": login, "password": "any"} | ({"otp": "on"} if otp else {})
        end = self.visit(urljoin(at.page.url, action.group(1)), form)
        assert end.back, end.page is not None and end.page.text
        return end.back

    def sign_out(self, end_session_url: str) -> str:
        """Confirm the provider's sign-out page; returns where the provider sent back to."""
        at = self.visit(end_session_url)
        assert at.page is not None, at.back
        action, fields = self._form(at.page)
        end = self.visit(action, {**fields, "logout": "yes"})
        return end.back
