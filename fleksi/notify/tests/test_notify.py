"""notify(): rows in the caller's transaction, e-mail tasks only after it commits."""

import pytest
from django.db import transaction
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy

from fleksi.notify.kinds import UnknownKind
from fleksi.notify.models import EmailStatus, Notification, NotificationPreference
from fleksi.notify.services import notify, notify_translated, render_message

pytestmark = pytest.mark.django_db
lazy_format = lazy(str, str)  # a lazy text that is not in the catalogue


def submitted(recipients, **kw):
    return notify(
        recipients=recipients,
        kind="request.submitted",
        title="WFA request from Rina Kartika",
        body="Rina Kartika asks to work from Tabang on 3 March.",
        url="/schedule/requests/7/",
        source=("schedule.request", "7"),
        **kw,
    )


def test_creates_one_row_per_recipient_and_queues_nothing_before_commit(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        created = submitted([people["ani"], people["budi"], people["ani"]])
        assert mailoutbox == []
    rows = Notification.objects.order_by("pk")
    assert [(n.recipient.username, n.kind, n.email_status) for n in rows] == [
        ("ani", "request.submitted", EmailStatus.PENDING),
        ("budi", "request.submitted", EmailStatus.PENDING),
    ]
    assert [n.pk for n in created] == [n.pk for n in rows]
    first = rows[0]
    assert (first.title, first.url, first.object_type, first.object_id, first.read_at) == (
        "WFA request from Rina Kartika",
        "/schedule/requests/7/",
        "schedule.request",
        "7",
        None,
    )
    # One task per e-mail, queued on commit; nothing was sent before.
    assert len(callbacks) == 2
    assert mailoutbox == []


def test_the_e_mails_go_out_when_the_transaction_commits(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submitted([people["ani"], people["budi"]])
    assert sorted(m.to[0] for m in mailoutbox) == ["ani@kukarkab.go.id", "budi@kukarkab.go.id"]
    message = mailoutbox[0]
    assert message.subject == "WFA request from Rina Kartika"
    assert message.body.startswith("Rina Kartika asks to work from Tabang on 3 March.\n\n")
    assert "http://127.0.0.1:8000/schedule/requests/7/" in message.body
    assert "http://127.0.0.1:8000/notifications/settings/" in message.body
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    assert set(Notification.objects.values_list("email_status", "email_attempts")) == {
        (EmailStatus.SENT, 1)
    }


def test_the_link_uses_the_configured_base_address(
    people, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.FLEKSI_BASE_URL = "https://fleksi.kukarkab.go.id/"
    with django_capture_on_commit_callbacks(execute=True):
        submitted([people["ani"]])
    assert "https://fleksi.kukarkab.go.id/schedule/requests/7/" in mailoutbox[0].body


def test_a_rolled_back_change_sends_nothing(people, mailoutbox, django_capture_on_commit_callbacks):
    def approve_then_fail():
        with transaction.atomic():
            submitted([people["ani"]])
            raise RuntimeError("the approval failed")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError, match="approval failed"),
    ):
        approve_then_fail()
    assert callbacks == []
    assert mailoutbox == []
    assert Notification.objects.count() == 0


def test_preferences_decide_who_gets_an_e_mail(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=people["ani"], kind="request.submitted", email=False)
    NotificationPreference.objects.create(user=people["budi"], kind="system", email=True)
    with django_capture_on_commit_callbacks(execute=True):
        submitted([people["ani"], people["budi"], people["citra"]])
        notify(recipients=[people["ani"], people["budi"]], kind="system", title="t", body="b")
    statuses = set(Notification.objects.values_list("recipient__username", "kind", "email_status"))
    assert statuses == {
        ("ani", "request.submitted", EmailStatus.NONE),  # switched off
        ("budi", "request.submitted", EmailStatus.SENT),  # default on
        ("citra", "request.submitted", EmailStatus.SKIPPED),  # no address
        ("ani", "system", EmailStatus.NONE),  # default off
        ("budi", "system", EmailStatus.SENT),  # switched on
    }
    assert sorted((m.to[0], m.subject) for m in mailoutbox) == [
        ("budi@kukarkab.go.id", "WFA request from Rina Kartika"),
        ("budi@kukarkab.go.id", "t"),
    ]


def test_an_inactive_account_gets_no_e_mail(people, mailoutbox, django_capture_on_commit_callbacks):
    people["ani"].is_active = False
    people["ani"].save()
    with django_capture_on_commit_callbacks(execute=True):
        (row,) = submitted([people["ani"]])
    assert row.email_status == EmailStatus.SKIPPED
    assert mailoutbox == []


def test_nobody_to_notify_writes_nothing(people):
    assert submitted([]) == []
    assert Notification.objects.count() == 0


def test_an_unknown_kind_is_refused(people):
    with pytest.raises(UnknownKind):
        notify(recipients=[people["ani"]], kind="request.teleported", title="t", body="")


@pytest.mark.parametrize(
    "url", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"]
)
def test_links_stay_on_this_site(people, url):
    with pytest.raises(ValueError, match="path of this site"):
        notify(recipients=[people["ani"]], kind="system", title="t", body="", url=url)


def test_the_title_is_one_line_of_at_most_200_characters(people):
    (row,) = notify(recipients=[people["ani"]], kind="system", title="a\nb  " + "x" * 300, body="")
    assert row.title.startswith("a b x")
    assert len(row.title) == 200
    assert "\n" not in row.title


@pytest.mark.parametrize(("language", "home"), [("en", "Home"), ("id", "Beranda")])
def test_translated_messages_are_rendered_in_the_site_language(people, settings, language, home):
    # Messages of the catalogue ("Home"), so that the test adds no string to translate.
    settings.LANGUAGE_CODE = language
    (row,) = notify_translated(
        recipients=[people["ani"]],
        kind="request.approved",
        title=gettext_lazy("Home"),
        body=lazy_format("%(page)s: %(name)s"),
        params={"page": gettext_lazy("Home"), "name": "Hj. Rahmawati"},
    )
    assert (row.title, row.body) == (home, f"{home}: Hj. Rahmawati")


def test_render_message_fills_lazy_parameters_in_the_given_language():
    params = {"page": gettext_lazy("Home")}
    assert render_message("%(page)s!", language="en", params=params) == "Home!"
    assert render_message("%(page)s!", language="id", params=params) == "Beranda!"
