"""Everyone signed in has their own notifications; a notification is its recipient's alone."""

import pytest
from django.urls import reverse

from fleksi.notify.services import notify
from fleksi.testkit.access import EVERYONE, Case, check, matrix

RECIPIENT = frozenset({"staff_a1"})


def rina_notification(w):
    (row,) = notify(
        recipients=[w.users["staff_a1"]],
        kind="request.approved",
        title="Approved",
        body="",
        url="/",
    )
    return row.pk


def api(name, *args):
    return reverse(f"api:{name}", args=args)


CASES = [
    Case("notify:list", lambda w: reverse("notify:list"), EVERYONE),
    Case("notify:settings", lambda w: reverse("notify:settings"), EVERYONE),
    Case(
        "notify:settings",
        lambda w: reverse("notify:settings"),
        EVERYONE,
        ok=302,
        method="post",
        data=lambda w: {"request.approved": "on"},
    ),
    Case(
        "notify:mark_all_read",
        lambda w: reverse("notify:mark_all_read"),
        EVERYONE,
        ok=302,
        method="post",
    ),
    Case(
        "notify:open",
        lambda w: reverse("notify:open", args=[rina_notification(w)]),
        RECIPIENT,
        ok=302,
        method="post",
    ),
    Case(
        "api:notification_list",
        lambda w: api("notification_list"),
        EVERYONE,
        anon=401,
        api=True,
    ),
    Case(
        "api:notification_read",
        lambda w: api("notification_read", rina_notification(w)),
        RECIPIENT,
        anon=401,
        method="post",
        api=True,
    ),
    Case(
        "api:notification_read_all",
        lambda w: api("notification_read_all"),
        EVERYONE,
        anon=401,
        method="post",
        api=True,
    ),
    Case(
        "api:notification_preferences",
        lambda w: api("notification_preferences"),
        EVERYONE,
        anon=401,
        api=True,
    ),
    Case(
        "api:notification_preferences_set",
        lambda w: api("notification_preferences_set"),
        EVERYONE,
        anon=401,
        method="put",
        data=lambda w: {"email": {"request.approved": False}},
        api=True,
    ),
]
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)
