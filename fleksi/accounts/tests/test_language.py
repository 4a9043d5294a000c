"""Bahasa Indonesia for everyone unless the person picks English (issue 16)."""

import pytest
from django.urls import reverse

from fleksi.accounts.models import User
from fleksi.notify.services import notification_language

pytestmark = pytest.mark.django_db


def test_an_english_browser_still_gets_indonesian(client):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "id"
    assert '<html lang="id">' in response.content.decode()


def test_the_switch_before_signing_in_sets_the_cookie(client):
    response = client.post(reverse("accounts:language"), {"language": "en", "next": "/login/"})
    assert response.status_code == 302
    assert response["Location"] == "/login/"
    assert client.get(reverse("accounts:login"))["Content-Language"] == "en"


def test_the_choice_is_saved_on_the_account_and_follows_to_another_phone(client, world):
    user = world.user("staff_b1")
    client.force_login(user)
    client.post(reverse("accounts:language"), {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.language == "en"
    assert notification_language(user) == "en"
    client.cookies.clear()
    client.force_login(User.objects.get(pk=user.pk))
    assert client.get(reverse("home:index"))["Content-Language"] == "en"


def test_an_unknown_language_or_foreign_next_falls_back_safely(client, world):
    client.force_login(world.user("staff_b1"))
    response = client.post(
        reverse("accounts:language"), {"language": "xx", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    assert world.user("staff_b1").language == "id"
