"""Single sign-on against a real OpenID provider (panva's oidc-provider, started here as a
node subprocess): discovery, the code flow with PKCE, state and nonce, RP-initiated logout,
a NIP unknown to Fleksi, a disabled account, roles that must use SSO, and how the second
factor combines with the provider's."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from fleksi.accounts import sso
from fleksi.accounts.models import User
from fleksi.testkit.oidc import CLIENT_ID, CLIENT_SECRET, ProviderBrowser, oidc_provider
from fleksi.testkit.world import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def issuer(live_server):
    with oidc_provider(
        redirect_uris=[
            "http://testserver/login/sso/callback/",
            f"{live_server.url}/login/sso/callback/",
        ],
        post_logout_redirect_uris=["http://testserver/login/", f"{live_server.url}/login/"],
    ) as url:
        yield url


@pytest.fixture(autouse=True)
def sso_settings(settings, issuer):
    settings.OIDC_DISCOVERY_URL = f"{issuer}/.well-known/openid-configuration"
    settings.OIDC_CLIENT_ID = CLIENT_ID
    settings.OIDC_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_SCOPES = "openid profile nip"
    settings.OIDC_PROVIDER_NAME = "SSO BKN"
    settings.SECURE_CSP = {
        **settings.SECURE_CSP,
        "form-action": [*settings.SECURE_CSP["form-action"], issuer],
    }
    sso._clients.clear()
    return settings


@pytest.fixture
def idp(issuer):
    return ProviderBrowser(issuer)


def sso_sign_in(client, idp, login, *, otp=False, next_url=""):
    start = client.get(reverse("accounts:sso_start") + (f"?next={next_url}" if next_url else ""))
    assert start.status_code == 302
    back = idp.sign_in(start["Location"], login, otp=otp)
    assert back.startswith("http://testserver/login/sso/callback/")
    return client.get(back.removeprefix("http://testserver"))


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def test_discovery_reads_the_providers_endpoints(issuer):
    metadata = sso.sso_client().load_server_metadata()
    assert metadata["issuer"] == issuer
    assert metadata["authorization_endpoint"].startswith(issuer)
    assert "S256" in metadata["code_challenge_methods_supported"]


def test_sign_in_page_offers_sso(client):
    body = client.get(reverse("accounts:login")).content.decode()
    assert "Masuk dengan SSO BKN" in body


def test_sso_off_without_settings(client, settings):
    settings.OIDC_CLIENT_ID = ""
    assert "SSO" not in client.get(reverse("accounts:login")).content.decode()
    assert client.get(reverse("accounts:sso_start")).status_code == 404
    assert client.get(reverse("accounts:sso_callback")).status_code == 404


def test_code_flow_with_pkce_signs_an_employee_in_by_nip(client, idp, world):
    nip = world.people["staff_a1"].nip
    start = client.get(reverse("accounts:sso_start"))
    query = parse_qs(urlsplit(start["Location"]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["response_type"] == ["code"]
    assert query["state"][0]
    assert query["nonce"][0]
    assert query["code_challenge"][0]
    back = idp.sign_in(start["Location"], nip)
    response = client.get(back.removeprefix("http://testserver"))
    assert response.status_code == 302
    assert response["Location"] == reverse("home:index")
    assert signed_in_as(client) == str(world.users["staff_a1"].pk)
    assert client.get(reverse("home:index")).status_code == 200
    # The code is single-use and the state was consumed: replaying the return fails.
    replay = client.get(back.removeprefix("http://testserver"))
    assert replay.status_code == 400


def test_next_page_is_kept_through_the_provider(client, idp, world):
    response = sso_sign_in(client, idp, world.people["staff_a1"].nip, next_url="/me/")
    assert response["Location"] == "/me/"


def test_a_forged_state_is_refused(client, idp, world):
    start = client.get(reverse("accounts:sso_start"))
    back = idp.sign_in(start["Location"], world.people["staff_a1"].nip)
    forged = back.replace("state=", "state=x")
    response = client.get(forged.removeprefix("http://testserver"))
    assert response.status_code == 400
    assert "tidak selesai" in response.content.decode()
    assert signed_in_as(client) is None


def test_cancelled_at_the_provider(client):
    client.get(reverse("accounts:sso_start"))
    response = client.get(reverse("accounts:sso_callback") + "?error=access_denied&state=x")
    assert response.status_code == 400
    assert "dibatalkan" in response.content.decode()


def test_unknown_nip_is_refused_and_no_account_is_created(client, idp, world):
    before = User.objects.count()
    response = sso_sign_in(client, idp, "199901012024011001")
    assert response.status_code == 403
    body = response.content.decode()
    assert "Fleksi belum memiliki akun untuk NIP Anda" in body
    assert "199901012024011001" not in body
    assert User.objects.count() == before
    assert signed_in_as(client) is None


def test_account_created_for_a_known_employee_only_when_the_setting_says_so(
    client, idp, world, settings
):
    employee = world.people["staff_b1"]
    User.objects.filter(employee=employee).delete()
    assert sso_sign_in(client, idp, employee.nip).status_code == 403
    settings.OIDC_CREATE_ACCOUNTS = True
    response = sso_sign_in(client, idp, employee.nip)
    assert response.status_code == 302
    user = User.objects.get(employee=employee)
    assert signed_in_as(client) == str(user.pk)
    assert not user.has_usable_password()


@pytest.mark.parametrize("how", ["account", "employee"])
def test_disabled_account_is_refused(client, idp, world, how):
    user = world.users["staff_a1"]
    if how == "account":
        User.objects.filter(pk=user.pk).update(is_active=False)
    else:
        type(user.employee).objects.filter(pk=user.employee_id).update(is_active=False)
    response = sso_sign_in(client, idp, user.username)
    assert response.status_code == 403
    assert "tidak aktif" in response.content.decode()
    assert signed_in_as(client) is None


def test_rp_initiated_logout_ends_both_sessions(client, idp, world):
    sso_sign_in(client, idp, world.people["staff_a1"].nip)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    end_session = response["Location"]
    assert end_session.startswith(f"{idp.issuer}/session/end")
    assert "id_token_hint=" in end_session
    assert signed_in_as(client) is None
    back = idp.sign_out(end_session)
    assert back.startswith("http://testserver/login/")
    # The provider asks for the sign-in again (its session ended too).
    start = client.get(reverse("accounts:sso_start"))
    at = idp.visit(start["Location"])
    assert at.page is not None
    assert "Test identity provider" in at.page.text


def test_password_sign_in_keeps_plain_logout(client, world):
    client.post(
        reverse("accounts:login"),
        {"username": world.people["staff_a1"].nip, "password": PASSWORD},
    )
    response = client.post(reverse("accounts:logout"))
    assert response["Location"] == reverse("accounts:login")


def test_sso_only_role_is_refused_a_password(client, world, settings):
    settings.FLEKSI_SSO_ONLY_ROLES = frozenset({"unit_head"})
    response = client.post(
        reverse("accounts:login"),
        {"username": world.people["head_b"].nip, "password": PASSWORD},
    )
    assert response.status_code == 200
    assert "wajib masuk lewat SSO BKN" in response.content.decode()
    assert signed_in_as(client) is None
    # An employee still signs in with a password.
    ok = client.post(
        reverse("accounts:login"),
        {"username": world.people["staff_a1"].nip, "password": PASSWORD},
    )
    assert ok.status_code == 302


def test_sso_only_role_confirms_through_sso(client, idp, world, settings):
    settings.FLEKSI_SSO_ONLY_ROLES = frozenset({"unit_head"})
    settings.OIDC_MFA_AMR = frozenset({"otp"})
    sso_sign_in(client, idp, world.people["head_b"].nip, otp=True)
    got = client.get(reverse("accounts:reauth") + "?next=/me/")
    assert got.status_code == 200, got.get("Location")
    page = got.content.decode()
    assert 'name="password"' not in page
    assert "confirm=1" in page
    refused = client.post(reverse("accounts:reauth"), {"password": PASSWORD, "next": "/me/"})
    assert refused.status_code == 200
    start = client.get(reverse("accounts:sso_start") + "?confirm=1&next=/me/")
    query = parse_qs(urlsplit(start["Location"]).query)
    assert query["prompt"] == ["login"]
    assert query["max_age"] == ["0"]


def test_confirm_through_sso_signs_in_afresh_at_the_provider(client, idp, world, settings):
    settings.OIDC_MFA_AMR = frozenset({"otp"})
    nip = world.people["head_b"].nip
    sso_sign_in(client, idp, nip, otp=True)
    session = client.session
    session["fleksi_auth_at"] = 0
    session.save()
    start = client.get(reverse("accounts:sso_start") + "?confirm=1&next=/me/")
    back = idp.sign_in(start["Location"], nip, otp=True)
    # prompt=login: the provider asked again although its session is alive.
    assert idp.sign_in_pages == 2
    done = client.get(back.removeprefix("http://testserver"))
    assert done["Location"] == "/me/"
    assert signed_in_as(client) == str(world.users["head_b"].pk)
    assert client.session["fleksi_auth_at"] > 0


def test_confirm_with_another_account_is_refused(client, idp, world, settings):
    settings.OIDC_MFA_AMR = frozenset({"otp"})
    sso_sign_in(client, idp, world.people["head_b"].nip, otp=True)
    start = client.get(reverse("accounts:sso_start") + "?confirm=1&next=/me/")
    back = idp.sign_in(start["Location"], world.people["staff_a1"].nip)
    refused = client.get(back.removeprefix("http://testserver"))
    assert refused.status_code == 403
    assert "akun lain" in refused.content.decode()
    assert signed_in_as(client) == str(world.users["head_b"].pk)


def totp(device, steps_ahead=0):
    shifted = device.t0 - steps_ahead * device.step
    return f"{TOTP(device.bin_key, device.step, shifted, device.digits).token():06d}"


def test_head_without_second_factor_at_provider_must_set_up_fleksis(client, idp, world):
    response = sso_sign_in(client, idp, world.people["head_b"].nip)
    assert response["Location"] == reverse("accounts:mfa")
    assert client.get(reverse("home:index"))["Location"] == reverse("accounts:mfa")


def test_second_factor_at_provider_satisfies_the_requirement_when_trusted(
    client, idp, world, settings
):
    settings.OIDC_MFA_AMR = frozenset({"otp"})
    response = sso_sign_in(client, idp, world.people["head_b"].nip, otp=True)
    assert response["Location"] == reverse("home:index")
    assert client.get(reverse("home:index")).status_code == 200


def test_second_factor_at_provider_not_trusted_by_default(client, idp, world):
    response = sso_sign_in(client, idp, world.people["head_b"].nip, otp=True)
    assert response["Location"] == reverse("accounts:mfa")


def test_fleksis_code_is_asked_after_sso_when_the_person_has_one(client, idp, world):
    user = world.users["head_b"]
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    response = sso_sign_in(client, idp, user.username)
    assert response["Location"] == reverse("accounts:login_code")
    assert signed_in_as(client) is None
    done = client.post(reverse("accounts:login_code"), {"code": totp(device)})
    assert done["Location"] == reverse("home:index")
    assert signed_in_as(client) == str(user.pk)
    # The provider's sign-out still follows.
    assert client.post(reverse("accounts:logout"))["Location"].startswith(
        sso.sso_client().load_server_metadata()["end_session_endpoint"]
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_browser_sso_then_fleksis_code_then_sign_out_at_both(live_server, page, world):
    """In Chromium: the SSO button, the provider's sign-in page, back to Fleksi's code page
    (the head has an authenticator; the provider did no second factor), home; signing out
    goes through the provider's sign-out and back to Fleksi's sign-in page."""
    base = live_server.url
    user = world.users["head_b"]
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    page.goto(f"{base}/login/")
    page.click("#sso")
    page.wait_for_selector("#login")
    assert page.url.startswith(sso.sso_client().load_server_metadata()["issuer"])
    page.fill("#login", user.username)
    page.fill("#password", "any")
    page.click("#submit")
    page.wait_for_url(f"{base}/login/code/")
    page.fill("#id_code", totp(device))
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")
    assert page.locator("h1").first.is_visible()

    page.click("header details.more summary")
    page.click("header form[action='/logout/'] button")
    page.wait_for_selector("button[name=logout]")
    page.click("button[name=logout]")
    page.wait_for_url(f"{base}/login/**")
    assert page.locator("#sso").is_visible()
    page.goto(f"{base}/")
    page.wait_for_url(f"{base}/login/**")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_sign_in_pages_fit_a_phone_and_pass_axe(live_server, browser, world, mailoutbox):
    """At 360 px: the sign-in page with the SSO button, the refusal of an unknown NIP, the
    forgotten-password page and the activation form."""
    from django.contrib.auth.hashers import make_password

    from fleksi.testkit.phone import PHONE, phone_problems

    base = live_server.url
    context = browser.new_context(viewport=PHONE, timezone_id="Asia/Makassar", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems = []
    try:
        page.goto(f"{base}/login/")
        problems += phone_problems(page, "sign-in")
        page.click("#sso")
        page.fill("#login", "199901012024011001")
        page.click("#submit")
        page.wait_for_selector("#sso-refusal")
        problems += phone_problems(page, "SSO refusal")
        page.goto(f"{base}/password/forgot/")
        problems += phone_problems(page, "forgot")
        user = world.users["staff_b1"]
        User.objects.filter(pk=user.pk).update(
            password=make_password(None), email="yusuf@example.go.id"
        )
        page.fill("#id_username", user.username)
        page.click("main button[type=submit]")
        page.wait_for_selector("#link-sent")
        problems += phone_problems(page, "link sent")
        link = next(w for w in mailoutbox[0].body.split() if "/activate/" in w)
        page.goto(base + urlsplit(link).path)
        page.wait_for_selector("#id_new_password1")
        problems += phone_problems(page, "activation form")
        page.fill("#id_new_password1", "Pelangi-Tenggarong-77")
        page.fill("#id_new_password2", "Pelangi-Tenggarong-77")
        page.click("main button[type=submit]")
        page.wait_for_selector("#password-saved")
        problems += phone_problems(page, "password saved")
    finally:
        context.close()
    assert problems == []
