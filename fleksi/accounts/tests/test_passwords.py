"""Password life: activating a provisioned account (first password by an e-mailed link with
an expiry), a forgotten password (reset by e-mail), changing it, and the validators."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from fleksi.accounts.models import User
from fleksi.audit.models import AuditEntry
from fleksi.testkit.world import PASSWORD

pytestmark = pytest.mark.django_db

NEW = "Pelangi-Tenggarong-77"


@pytest.fixture
def provisioned(world):
    """staff_b1 as an import provisions an account: no usable password, an e-mail address."""
    user = world.users["staff_b1"]
    User.objects.filter(pk=user.pk).update(
        password=make_password(None), email="yusuf@example.go.id"
    )
    user.refresh_from_db()
    return user


def ask_link(client, username):
    return client.post(reverse("accounts:password_forgot"), {"username": username})


def link_in(mail):
    match = re.search(r"http://[^\s]+/(?:activate|password/reset)/[^\s]+/", mail.body)
    assert match, mail.body
    return urlsplit(match.group(0)).path


def open_link(client, path):
    """The link redirects to a URL without the token (kept in the session), then shows the
    form."""
    first = client.get(path)
    assert first.status_code == 302
    return first["Location"]


def test_provisioned_account_activates_with_a_link(client, provisioned, mailoutbox):
    response = ask_link(client, provisioned.username)
    assert response["Location"] == reverse("accounts:password_link_sent")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["yusuf@example.go.id"]
    assert "aktifkan akun" in mail.subject.lower()
    assert "7 hari" in mail.body
    path = link_in(mail)
    assert path.startswith("/activate/")
    form_url = open_link(client, path)
    page = client.get(form_url).content.decode()
    assert "Aktifkan akun Anda" in page
    done = client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == reverse("accounts:password_set_done")
    provisioned.refresh_from_db()
    assert provisioned.check_password(NEW)
    assert AuditEntry.objects.filter(action="accounts.activate").count() == 1
    # The link worked once.
    client.logout()
    again = client.get(path)
    assert again.status_code == 200
    assert "tidak berlaku lagi" in again.content.decode()
    # Signing in with the new password works.
    signed = client.post(
        reverse("accounts:login"), {"username": provisioned.username, "password": NEW}
    )
    assert signed.status_code == 302


def test_activation_link_expires(client, provisioned, mailoutbox, settings):
    # (Travel in the regency's zone: the tokens count local naive seconds.)
    settings.ACCOUNT_ACTIVATION_DAYS = 7
    ask_link(client, provisioned.username)
    path = link_in(mailoutbox[0])
    with time_machine.travel(timezone.localtime() + timedelta(days=7, hours=1)):
        page = client.get(path)
    assert page.status_code == 200
    assert "tidak berlaku lagi" in page.content.decode()
    with time_machine.travel(timezone.localtime() + timedelta(days=6)):
        assert client.get(path).status_code == 302


def test_weak_passwords_are_refused(client, provisioned, mailoutbox):
    ask_link(client, provisioned.username)
    form_url = open_link(client, link_in(mailoutbox[0]))
    for weak in ["password123", "qwertyuiop", "1234567890", "Pendek-1", provisioned.username]:
        response = client.post(form_url, {"new_password1": weak, "new_password2": weak})
        assert response.status_code == 200, weak
        assert "errorlist" in response.content.decode(), weak
    provisioned.refresh_from_db()
    assert not provisioned.has_usable_password()


def test_forgotten_password_reset_by_email(client, world, mailoutbox, settings):
    user = world.users["staff_a1"]
    User.objects.filter(pk=user.pk).update(email="rina@example.go.id")
    ask_link(client, f"{user.username[:8]} {user.username[8:]}")  # spaces as people type
    assert len(mailoutbox) == 1
    assert "1 jam" in mailoutbox[0].body
    path = link_in(mailoutbox[0])
    assert path.startswith("/password/reset/")
    form_url = open_link(client, path)
    assert "Atur kata sandi baru" in client.get(form_url).content.decode()
    client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert AuditEntry.objects.filter(action="accounts.password.reset").count() == 1


def test_reset_link_expires_after_the_timeout(client, world, mailoutbox, settings):
    settings.PASSWORD_RESET_TIMEOUT = 3600
    user = world.users["staff_a1"]
    User.objects.filter(pk=user.pk).update(email="rina@example.go.id")
    ask_link(client, user.username)
    path = link_in(mailoutbox[0])
    with time_machine.travel(timezone.localtime() + timedelta(minutes=61)):
        assert "tidak berlaku lagi" in client.get(path).content.decode()


@pytest.mark.parametrize("who", ["unknown", "no_email", "inactive", "sso_only"])
def test_no_link_is_sent_but_the_answer_is_the_same(client, world, mailoutbox, settings, who):
    user = world.users["head_b"]
    User.objects.filter(pk=user.pk).update(email="andi@example.go.id")
    username = user.username
    if who == "unknown":
        username = "199001012020011999"
    elif who == "no_email":
        User.objects.filter(pk=user.pk).update(email="")
    elif who == "inactive":
        User.objects.filter(pk=user.pk).update(is_active=False)
    else:
        settings.OIDC_CLIENT_ID = "fleksi"
        settings.OIDC_DISCOVERY_URL = "https://sso.example.go.id/.well-known/openid-configuration"
        settings.FLEKSI_SSO_ONLY_ROLES = frozenset({"unit_head"})
    response = ask_link(client, username)
    assert response["Location"] == reverse("accounts:password_link_sent")
    assert mailoutbox == []


def test_asking_for_links_is_throttled_per_address(client, world, settings):
    settings.FLEKSI_SIGNIN_FAILURES_PER_ADDRESS = "3/900"
    for _ in range(3):
        assert ask_link(client, "siapa-saja").status_code == 302
    response = ask_link(client, "siapa-saja")
    assert response.status_code == 429
    assert response["Retry-After"]


def test_change_password_ends_other_sessions(client, world):
    from django.test import Client

    user = world.users["staff_a1"]
    other = Client()
    signed = other.post(
        reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
    )
    assert signed.status_code == 302
    client.force_login(user)
    wrong = client.post(
        reverse("accounts:password_change"),
        {"old_password": "salah", "new_password1": NEW, "new_password2": NEW},
    )
    assert wrong.status_code == 200
    common = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "password1234",
            "new_password2": "password1234",
        },
    )
    assert "terlalu umum" in common.content.decode()
    done = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert done["Location"] == reverse("accounts:profile")
    assert client.get(reverse("accounts:profile")).status_code == 200
    assert other.get(reverse("accounts:profile")).status_code == 302
    assert AuditEntry.objects.filter(action="accounts.password.change").count() == 1


def test_activation_links_command(provisioned, world, mailoutbox, capsys):
    unmailed = world.users["staff_a2"]
    User.objects.filter(pk=unmailed.pk).update(password=make_password(None), email="")
    call_command("activation_links", "--dry-run")
    assert (
        "2 accounts await activation: 1 links would be sent, 1 without" in capsys.readouterr().out
    )
    assert mailoutbox == []
    call_command("activation_links")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["yusuf@example.go.id"]
    call_command("activation_links", unmailed.username)
    assert "1 accounts await activation: 0 links sent" in capsys.readouterr().out.splitlines()[-1]


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Rahasia-2026!", "password_local_word"),
        ("bismillah123", "password_local_word"),
        ("KUKAR.2026.x", None),  # a local word with more letters around it passes
        ("Kukar#2026#", "password_local_word"),
        ("nip{nip}!", "password_personal_number"),
        ("lahir-{ddmmyyyy}", "password_personal_number"),
        ("a{yyyymmdd}-z", "password_personal_number"),
        (NEW, None),
    ],
)
def test_local_password_validator(world, password, code):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    user = world.users["staff_a1"]
    birth = user.employee.birth_date
    password = password.format(
        nip=user.username, ddmmyyyy=f"{birth:%d%m%Y}", yyyymmdd=f"{birth:%Y%m%d}"
    )
    if code is None:
        validate_password(password, user)
        return
    with pytest.raises(ValidationError) as caught:
        validate_password(password, user)
    assert code in [e.code for e in caught.value.error_list]
