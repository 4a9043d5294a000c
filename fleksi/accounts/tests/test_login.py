"""Signing in with a NIP, lockout after repeated failures, secure sessions."""

import pytest
from django.conf import settings
from django.urls import reverse

from fleksi.testkit.world import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _reset_axes():
    from axes.utils import reset

    reset()
    yield
    reset()


def sign_in(client, username, password=PASSWORD):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR="10.1.2.3",
    )


def test_employee_signs_in_with_nip_and_lands_on_home(client, world):
    nip = world.people["staff_a1"].nip
    response = sign_in(client, nip)
    assert response.status_code == 302
    assert response["Location"] == reverse("home:index")
    assert client.get(reverse("home:index")).status_code == 200


def test_nip_typed_with_spaces_is_accepted(client, world):
    nip = world.people["staff_a1"].nip
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    assert sign_in(client, spaced).status_code == 302


def test_wrong_password_is_refused_in_indonesian_by_default(client, world):
    response = sign_in(client, world.people["staff_a1"].nip, "salah")
    assert response.status_code == 200
    assert "NIP/nama pengguna atau kata sandi salah" in response.content.decode()


def test_lockout_after_repeated_failures(client, world):
    nip = world.people["staff_a1"].nip
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, nip, "salah")
    # Even the right password is refused while locked out.
    response = sign_in(client, nip)
    assert response.status_code in (403, 429)
    assert "diblokir" in response.content.decode()
    # Another account from the same address is not locked.
    assert sign_in(client, world.people["staff_b1"].nip).status_code == 302


def test_argon2_is_the_password_hasher():
    from config import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_session_cookie_is_http_only_and_lax():
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"


def test_pages_require_sign_in(client):
    response = client.get(reverse("home:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
