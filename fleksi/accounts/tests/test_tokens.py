"""Tokens and sessions with a life cycle: scopes, expiry, step-up to mint, sign out
everywhere, an employee who left; throttling of sign-in and API rate limits."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from fleksi.accounts.models import ApiToken
from fleksi.accounts.services import api_token_authenticate, api_token_create
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


def sign_in(client, username, password=PASSWORD, address="10.9.8.7"):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_minting_a_token_needs_a_recent_sign_in(client, world):
    nip = world.people["staff_b1"].nip
    with time_machine.travel(MOMENT, tick=False):
        assert sign_in(client, nip).status_code == 302
    with time_machine.travel(MOMENT + timedelta(minutes=30), tick=False):
        response = client.post(reverse("accounts:token_create"), {"name": "skrip", "days": 30})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:reauth"))
        assert not ApiToken.objects.exists()
        wrong = client.post(response["Location"], {"password": "salah"})
        assert wrong.status_code == 400
        confirmed = client.post(response["Location"], {"password": PASSWORD})
        assert confirmed.status_code == 302
        assert confirmed["Location"] == reverse("accounts:profile")
        made = client.post(
            reverse("accounts:token_create"), {"name": "skrip", "scope": "read", "days": 30}
        )
        assert made.status_code == 200
    token = ApiToken.objects.get()
    assert token.scope == "read"
    assert token.expires_at == MOMENT + timedelta(minutes=30, days=30)


def test_reauth_goes_back_only_to_this_site(client, world):
    client.force_login(world.user("staff_b1"))
    url = reverse("accounts:reauth") + "?next=https://evil.example/"
    response = client.post(url, {"password": PASSWORD})
    assert response["Location"] == reverse("accounts:profile")


def test_tokens_expire_after_90_days_by_default_and_at_most_a_year(world):
    from fleksi.common.errors import ValidationFailed

    with time_machine.travel(MOMENT, tick=False):
        token, secret = api_token_create(actor=world.user("staff_b1"), name="x")
        assert token.expires_at == MOMENT + timedelta(days=90)
        with pytest.raises(ValidationFailed):
            api_token_create(
                actor=world.user("staff_b1"), name="y", expires_at=MOMENT + timedelta(days=400)
            )
    with time_machine.travel(MOMENT + timedelta(days=90, seconds=1), tick=False):
        assert api_token_authenticate(secret) is None


def test_read_token_reads_only(client, world):
    _token, secret = api_token_create(actor=world.user("bkpsdm"), name="r", scope="read")
    assert client.get(reverse("api:me"), **bearer(secret)).status_code == 200
    response = client.post(
        reverse("api:role_assignment_create"),
        {"account": "diskominfo", "role": "auditor", "reason": "SK"},
        content_type="application/json",
        **bearer(secret),
    )
    assert response.status_code == 403
    assert response.json()["code"] == "token_scope"


def test_checkin_token_only_checks_in(client, world):
    _token, secret = api_token_create(actor=world.user("staff_a1"), name="hp", scope="checkin")
    assert client.get(reverse("api:me"), **bearer(secret)).status_code == 200
    assert client.get(reverse("api:presence_today"), **bearer(secret)).status_code == 200
    response = client.get(reverse("api:employee_list"), **bearer(secret))
    assert response.status_code == 403
    assert response.json()["code"] == "token_scope"


def test_full_token_writes_with_its_owners_rights(client, world):
    _token, secret = api_token_create(actor=world.user("bkpsdm"), name="f", scope="full")
    response = client.post(
        reverse("api:role_assignment_create"),
        {"account": "diskominfo", "role": "auditor", "reason": "SK"},
        content_type="application/json",
        **bearer(secret),
    )
    assert response.status_code == 201


def test_token_authentication_is_one_query(world, django_assert_num_queries):
    _token, secret = api_token_create(actor=world.user("staff_a1"), name="hp", scope="checkin")
    api_token_authenticate(secret)  # writes last_used_at once
    with django_assert_num_queries(1):  # the token, its account and whether the person is active
        token = api_token_authenticate(secret)
        assert token is not None
        assert token.user.is_active
        assert token.employee_active is True


def test_sign_out_everywhere_ends_sessions_and_tokens(client, world):
    from django.test import Client

    other_device = Client()
    nip = world.people["staff_a1"].nip
    assert sign_in(client, nip).status_code == 302
    assert sign_in(other_device, nip).status_code == 302
    _token, secret = api_token_create(actor=world.user("staff_a1"), name="hp", scope="checkin")
    assert other_device.get(reverse("accounts:profile")).status_code == 200
    response = client.post(reverse("accounts:sign_out_everywhere"))
    assert response.status_code == 302
    assert other_device.get(reverse("accounts:profile")).status_code == 302  # to sign-in
    assert client.get(reverse("accounts:profile")).status_code == 302
    assert client.get(reverse("api:me"), **bearer(secret)).status_code == 401
    assert AuditEntry.objects.filter(action="accounts.sign_out_everywhere").count() == 1
    # Signing in again works.
    assert sign_in(client, nip).status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_an_employee_who_left_is_out_at_once(client, world):
    from fleksi.org.services import employee_update

    nip = world.people["staff_b1"].nip
    assert sign_in(client, nip).status_code == 302
    _token, secret = api_token_create(actor=world.user("staff_b1"), name="hp", scope="full")
    employee_update(actor=None, employee=world.people["staff_b1"], is_active=False)
    assert client.get(reverse("accounts:profile")).status_code == 302
    assert client.get(reverse("api:me"), **bearer(secret)).status_code == 401
    assert sign_in(client, nip).status_code == 200  # refused


def test_password_spraying_from_one_address_is_slowed(client, world, settings):
    settings.FLEKSI_SIGNIN_FAILURES_PER_ADDRESS = "6/900"
    usernames = [world.people[k].nip for k in ("staff_a1", "staff_a2", "head_b")]
    with time_machine.travel(MOMENT, tick=False):
        for username in usernames:  # two guesses per account: below the per-account lockout
            for guess in ("Rahasia123", "Kukar2026"):
                assert sign_in(client, username, guess).status_code == 200
        refused = sign_in(client, world.people["staff_b1"].nip)
        assert refused.status_code == 429
        assert 0 < int(refused["Retry-After"]) <= 900
        # Another address is not affected.
        assert sign_in(client, world.people["staff_b1"].nip, address="10.0.0.99").status_code == 302
    with time_machine.travel(MOMENT + timedelta(minutes=16), tick=False):
        client.logout()
        assert sign_in(client, world.people["staff_b1"].nip).status_code == 302


def test_api_rate_limit_per_token_and_per_address(client, world, settings):
    settings.FLEKSI_API_RATE_PER_TOKEN = "3/60"
    settings.FLEKSI_API_RATE_PER_ADDRESS = "5/60"
    _t1, one = api_token_create(actor=world.user("staff_a1"), name="a", scope="read")
    _t2, two = api_token_create(actor=world.user("staff_b1"), name="b", scope="read")
    with time_machine.travel(MOMENT, tick=False):
        for _ in range(3):
            assert client.get(reverse("api:me"), **bearer(one)).status_code == 200
        limited = client.get(reverse("api:me"), **bearer(one))
        assert limited.status_code == 429
        assert limited["Retry-After"] == "60"
        assert limited.json()["code"] == "rate_limited"
        assert client.get(reverse("api:me"), **bearer(two)).status_code == 200
        # Six calls from the address so far: the address is over its limit, for any token.
        assert client.get(reverse("api:me"), **bearer(two)).status_code == 429
        assert (
            client.get(reverse("api:me"), REMOTE_ADDR="10.0.0.5", **bearer(two)).status_code == 200
        )
    with time_machine.travel(MOMENT + timedelta(seconds=61), tick=False):
        assert client.get(reverse("api:me"), **bearer(one)).status_code == 200


def test_profile_offers_scopes_and_sign_out_everywhere(client, world):
    client.force_login(world.user("staff_a1"))
    text = client.get(reverse("accounts:profile")).content.decode()
    assert 'name="scope"' in text
    assert reverse("accounts:sign_out_everywhere") in text
