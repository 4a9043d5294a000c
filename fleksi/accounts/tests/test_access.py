import pytest
from django.urls import reverse

from fleksi.accounts.models import ApiToken, RoleAssignment
from fleksi.accounts.services import api_token_create
from fleksi.testkit.access import EVERYONE, Case, check, matrix


def head_b_token(w):
    token, _secret = api_token_create(actor=w.user("head_b"), name="skrip rekap")
    return reverse("accounts:token_revoke", args=[token.pk])


ROLE_VIEWERS = frozenset({"bkpsdm", "auditor", "sekda"})


def _layanan_assignment(w):
    return RoleAssignment.objects.current().get(user=w.users["layanan"], role="service_manager")


def layanan_revoke(w):
    return reverse("accounts:role_revoke", args=[_layanan_assignment(w).pk])


def layanan_revoke_api(w):
    return reverse("api:role_assignment_revoke", args=[_layanan_assignment(w).pk])


CASES = [
    Case("accounts:login", lambda w: reverse("accounts:login"), frozenset(), denied=302, anon=200),
    Case(
        "accounts:logout",
        lambda w: reverse("accounts:logout"),
        EVERYONE,
        ok=302,
        anon=302,
        method="post",
    ),
    # Anyone may switch the language, signed in or not (the sign-in page has the switch too).
    Case(
        "accounts:language",
        lambda w: reverse("accounts:language"),
        EVERYONE,
        ok=302,
        anon=302,
        method="post",
        data=lambda w: {"language": "en", "next": "/"},
    ),
    Case("accounts:profile", lambda w: reverse("accounts:profile"), EVERYONE),
    Case("accounts:reauth", lambda w: reverse("accounts:reauth"), EVERYONE),
    Case("accounts:mfa", lambda w: reverse("accounts:mfa"), EVERYONE),
    Case(
        "accounts:mfa_recovery_codes",
        lambda w: reverse("accounts:mfa_recovery_codes"),
        EVERYONE,
        method="post",
    ),
    # Without a pending password step, the code page sends back to the sign-in page.
    Case(
        "accounts:login_code",
        lambda w: reverse("accounts:login_code"),
        frozenset(),
        denied=302,
        anon=302,
    ),
    # Password pages: open to everyone (a link's page says when the link is not valid).
    Case(
        "accounts:password_forgot",
        lambda w: reverse("accounts:password_forgot"),
        EVERYONE,
        anon=200,
    ),
    Case(
        "accounts:password_link_sent",
        lambda w: reverse("accounts:password_link_sent"),
        EVERYONE,
        anon=200,
    ),
    Case(
        "accounts:password_reset_confirm",
        lambda w: reverse("accounts:password_reset_confirm", args=["MQ", "x-y"]),
        EVERYONE,
        anon=200,
    ),
    Case(
        "accounts:activate",
        lambda w: reverse("accounts:activate", args=["MQ", "x-y"]),
        EVERYONE,
        anon=200,
    ),
    Case(
        "accounts:password_set_done",
        lambda w: reverse("accounts:password_set_done"),
        EVERYONE,
        anon=200,
    ),
    Case("accounts:password_change", lambda w: reverse("accounts:password_change"), EVERYONE),
    # Single sign-on is off without OIDC settings (tests/test_sso.py covers it switched on).
    Case(
        "accounts:sso_start",
        lambda w: reverse("accounts:sso_start"),
        frozenset(),
        denied=404,
        anon=404,
    ),
    Case(
        "accounts:sso_callback",
        lambda w: reverse("accounts:sso_callback"),
        frozenset(),
        denied=404,
        anon=404,
    ),
    Case(
        "accounts:sign_out_everywhere",
        lambda w: reverse("accounts:sign_out_everywhere"),
        EVERYONE,
        ok=302,
        method="post",
    ),
    Case(
        "accounts:token_create",
        lambda w: reverse("accounts:token_create"),
        EVERYONE,
        method="post",
        data=lambda w: {"name": "laporan", "scope": "read", "days": 30},
    ),
    # Only the owner may revoke a token; for anyone else it does not exist.
    Case(
        "accounts:token_revoke",
        head_b_token,
        frozenset({"head_b"}),
        ok=302,
        method="post",
        data=lambda w: {"confirm": "1"},  # confirmed (the question itself: test_confirm)
    ),
    Case("api:me", lambda w: reverse("api:me"), EVERYONE, anon=401, api=True),
    Case("accounts:roles", lambda w: reverse("accounts:roles"), ROLE_VIEWERS, denied=403),
    Case(
        "accounts:role_history",
        lambda w: reverse("accounts:role_history"),
        ROLE_VIEWERS,
        denied=403,
    ),
    Case(
        "accounts:role_assign",
        lambda w: reverse("accounts:role_assign"),
        frozenset({"bkpsdm"}),
        ok=302,
        denied=403,
        method="post",
        data=lambda w: {"account": "diskominfo", "role": "auditor", "reason": "SK 800/12"},
    ),
    Case(
        "accounts:role_revoke",
        layanan_revoke,
        frozenset({"bkpsdm"}),
        ok=302,
        denied=403,
        method="post",
        data=lambda w: {"reason": "Mutasi", "confirm": "1"},
    ),
    Case(
        "api:role_assignment_index",
        lambda w: reverse("api:role_assignment_index"),
        ROLE_VIEWERS,
        denied=403,
        anon=401,
        api=True,
    ),
    Case(
        "api:role_assignment_create",
        lambda w: reverse("api:role_assignment_create"),
        frozenset({"bkpsdm"}),
        ok=201,
        denied=403,
        anon=401,
        method="post",
        api=True,
        data=lambda w: {"account": "diskominfo", "role": "auditor", "reason": "SK 800/12"},
    ),
    Case(
        "api:role_assignment_revoke",
        layanan_revoke_api,
        frozenset({"bkpsdm"}),
        denied=403,
        anon=401,
        method="post",
        api=True,
        data=lambda w: {"reason": "Mutasi"},
    ),
]
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)


@pytest.mark.django_db
def test_revoked_by_owner_only(client, module_world):
    token, _ = api_token_create(actor=module_world.user("head_b"), name="x")
    client.force_login(module_world.user("staff_b1"))
    assert client.post(reverse("accounts:token_revoke", args=[token.pk])).status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
