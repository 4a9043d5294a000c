"""Signing in with a password and a TOTP code (issue 13), as a browser does it: the sign-in
page, the password (Argon2, the production hasher), the code page, the code, the first page.

- ``login_ms``: one whole sign-in, per person (each run signs in people of its own: a TOTP
  code is accepted once per person and time step, as in real life).
"""

from __future__ import annotations

import time

from bench.support import measure, setup_django

PEOPLE_PER_RUN = 10
PASSWORD = "bench-login-2026-kukar"


def main() -> None:
    setup_django("login")
    from django.test import Client
    from django.urls import reverse
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from fleksi.accounts.models import User

    users = []
    for i in range(PEOPLE_PER_RUN * 4):  # the runs, and one to warm up
        user = User.objects.create_user(username=f"bench{i:03d}", password=PASSWORD)
        device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        users.append((user.username, device))
    batches = [users[k : k + PEOPLE_PER_RUN] for k in range(0, len(users), PEOPLE_PER_RUN)]
    login, code_url = reverse("accounts:login"), reverse("accounts:login_code")

    def sign_in(username: str, device: TOTPDevice) -> None:
        client = Client()
        assert client.get(login).status_code == 200
        step = client.post(login, {"username": username, "password": PASSWORD})
        assert step.status_code == 302 and step["Location"] == code_url, step.status_code
        assert client.get(code_url).status_code == 200
        token = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
        done = client.post(code_url, {"code": f"{token:0{device.digits}d}"})
        assert done.status_code == 302 and done["Location"] != code_url, done.status_code
        assert client.get(done["Location"]).status_code == 200

    def run() -> float:
        batch = batches.pop()
        started = time.perf_counter()
        for username, device in batch:
            sign_in(username, device)
        return (time.perf_counter() - started) * 1000 / len(batch)

    run()  # warm-up: templates, translations, the first hash
    measure("login_ms", "ms", run)


if __name__ == "__main__":
    main()
