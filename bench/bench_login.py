"""Signing in with password and second step (issue 13), as Django's test client sends it:

- ``login_ms``: the password page (Argon2, the production hasher) and the code page (a TOTP
  code from the authenticator) until the home page's redirect, for a head of unit.

Each figure is the median of several sign-ins (bench/support.py).
"""

from __future__ import annotations

import time

from bench.support import RUNS, measure, setup_django

PASSWORD = "Bench-Sign-In-2026!"  # noqa: S105 (a throwaway account of the bench database)


def main() -> None:
    setup_django("login")
    from django.core.cache import cache
    from django.test import Client
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from fleksi.accounts.models import User

    user = User(username="198503122010011002")
    user.set_password(PASSWORD)
    user.save()
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)

    def sign_in() -> float:
        # A code may be used once: forget the last one used (outside the timed part).
        TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)
        cache.clear()
        code = f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"
        client = Client(REMOTE_ADDR="10.9.8.7")
        started = time.perf_counter()
        first = client.post("/login/", {"username": user.username, "password": PASSWORD})
        second = client.post("/login/code/", {"code": code})
        elapsed = (time.perf_counter() - started) * 1000
        assert first.status_code == 302, first.status_code
        assert first["Location"] == "/login/code/", first["Location"]
        assert second.status_code == 302, second.status_code
        assert second["Location"] == "/", second["Location"]
        return elapsed

    measure("login_ms", "ms", sign_in, runs=max(5, RUNS))


if __name__ == "__main__":
    main()
