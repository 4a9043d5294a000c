"""Two-step sign-in: TOTP with recovery codes, required for roles above employee."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from fleksi.accounts.mfa import mfa_setup_confirm, mfa_setup_start
from fleksi.audit.models import AuditEntry
from fleksi.testkit.world import PASSWORD

pytestmark = pytest.mark.django_db

MOMENT = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _reset_axes():
    from axes.utils import reset

    reset()
    yield
    reset()


def code(device):
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


def sign_in(client, username, password=PASSWORD):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR="10.7.7.7",
    )


def enable(user):
    device = mfa_setup_start(user)
    codes = mfa_setup_confirm(user, device, code(device))
    assert codes is not None
    device.refresh_from_db()
    return device, codes


def test_a_head_must_set_up_the_second_step_before_anything_else(client, world):
    with time_machine.travel(MOMENT, tick=False):
        response = sign_in(client, world.people["head_b"].nip)
        assert response["Location"] == reverse("accounts:mfa")
        assert client.get(reverse("home:index"))["Location"] == reverse("accounts:mfa")
        assert client.get(reverse("api:me")).status_code == 403
        page = client.get(reverse("accounts:mfa"))
        assert page.status_code == 200
        assert "<svg" in page.content.decode()
        device = TOTPDevice.objects.get(user=world.users["head_b"], confirmed=False)
        wrong = client.post(reverse("accounts:mfa"), {"code": "000000"})
        assert wrong.status_code == 400
    # A wrong code slows the next try (django-otp's throttling): a few seconds later.
    with time_machine.travel(MOMENT + timedelta(seconds=5), tick=False):
        done = client.post(reverse("accounts:mfa"), {"code": code(device)})
        assert done.status_code == 200
        assert len(done.context["codes"]) == 10
        assert client.get(reverse("home:index")).status_code == 200
    assert AuditEntry.objects.filter(action="accounts.mfa.enable").count() == 1


def test_an_employee_may_skip_it(client, world):
    response = sign_in(client, world.people["staff_b1"].nip)
    assert response["Location"] == reverse("home:index")
    assert client.get(reverse("home:index")).status_code == 200


def test_sign_in_with_password_and_code(client, world):
    with time_machine.travel(MOMENT, tick=False):
        device, _codes = enable(world.user("staff_a1"))
    with time_machine.travel(MOMENT + timedelta(minutes=2), tick=False):
        response = sign_in(client, world.people["staff_a1"].nip)
        assert response["Location"] == reverse("accounts:login_code")
        # Not signed in yet.
        assert client.get(reverse("accounts:profile")).status_code == 302
        assert client.post(reverse("accounts:login_code"), {"code": "123456"}).status_code == 400
    with time_machine.travel(MOMENT + timedelta(minutes=2, seconds=5), tick=False):
        response = client.post(reverse("accounts:login_code"), {"code": code(device)})
        assert response.status_code == 302
        assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_recovery_code_works_once(client, world):
    with time_machine.travel(MOMENT, tick=False):
        _device, codes = enable(world.user("staff_a1"))
        sign_in(client, world.people["staff_a1"].nip)
        assert client.post(reverse("accounts:login_code"), {"code": codes[0]}).status_code == 302
        client.logout()
        sign_in(client, world.people["staff_a1"].nip)
        assert client.post(reverse("accounts:login_code"), {"code": codes[0]}).status_code == 400


def test_the_code_step_expires(client, world):
    with time_machine.travel(MOMENT, tick=False):
        device, _codes = enable(world.user("staff_a1"))
        sign_in(client, world.people["staff_a1"].nip)
    with time_machine.travel(MOMENT + timedelta(minutes=6), tick=False):
        response = client.post(reverse("accounts:login_code"), {"code": code(device)})
        assert response["Location"] == reverse("accounts:login")


def test_step_up_asks_for_the_code_too(client, world):
    with time_machine.travel(MOMENT, tick=False):
        device, _codes = enable(world.user("staff_b1"))
        client.force_login(world.user("staff_b1"))
    with time_machine.travel(MOMENT + timedelta(minutes=30), tick=False):
        url = reverse("accounts:reauth")
        assert client.post(url, {"password": PASSWORD}).status_code == 400
        assert client.post(url, {"password": PASSWORD, "code": "000000"}).status_code == 400
    with time_machine.travel(MOMENT + timedelta(minutes=30, seconds=5), tick=False):
        ok = client.post(url, {"password": PASSWORD, "code": code(device)})
        assert ok.status_code == 302


def test_every_role_above_employee_needs_the_second_step_by_default():
    from django.conf import settings

    from fleksi.accounts.models import Role

    assert {r.value for r in Role} - {Role.EMPLOYEE.value} == settings.FLEKSI_MFA_REQUIRED_ROLES
