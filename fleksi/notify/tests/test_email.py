"""The e-mail task: retried with back-off, sent once, never raising into the request."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.tasks import default_task_backend
from django.tasks.base import Task
from django.utils import timezone

from fleksi.notify.domain.delivery import MAX_ATTEMPTS
from fleksi.notify.models import EmailStatus, Notification
from fleksi.notify.services import (
    notification_email_deliver,
    notification_emails_requeue,
    notify,
    send_notification_email,
)
from fleksi.notify.tests.mailers import FlakyBackend, flaky


def approved(user):
    (row,) = notify(
        recipients=[user], kind="request.approved", title="Approved", body="See you.", url="/"
    )
    return row


@pytest.mark.django_db
def test_a_failed_send_is_retried_and_then_sent_exactly_once(
    people, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = flaky(fail_times=1)
    with django_capture_on_commit_callbacks(execute=True):
        row = approved(people["ani"])
    row.refresh_from_db()
    assert (row.email_status, row.email_attempts, row.email_last_error) == (
        EmailStatus.SENT,
        2,
        "",
    )
    assert row.email_sent_at is not None
    assert FlakyBackend.calls == 2
    assert [m.to for m in mailoutbox] == [["ani@kukarkab.go.id"]]


@pytest.mark.django_db
def test_a_permanent_failure_is_marked_failed_after_the_last_attempt(
    people, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = flaky(fail_times=99)
    with django_capture_on_commit_callbacks(execute=True):
        row = approved(people["ani"])
    row.refresh_from_db()
    assert (row.email_status, row.email_attempts) == (EmailStatus.FAILED, MAX_ATTEMPTS)
    assert row.email_last_error == "SMTPServerDisconnected: Connection unexpectedly closed"
    assert row.email_claimed_at is None
    assert FlakyBackend.calls == MAX_ATTEMPTS
    assert mailoutbox == []
    # A late duplicate of the task changes nothing.
    assert notification_email_deliver(notification_id=row.pk) == EmailStatus.FAILED
    assert FlakyBackend.calls == MAX_ATTEMPTS


@pytest.mark.django_db
def test_the_task_is_idempotent(people, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        row = approved(people["ani"])
    assert len(mailoutbox) == 1
    result = send_notification_email.enqueue(row.pk)
    assert result.return_value == EmailStatus.SENT
    assert notification_email_deliver(notification_id=row.pk) == EmailStatus.SENT
    assert len(mailoutbox) == 1
    row.refresh_from_db()
    assert row.email_attempts == 1


@pytest.mark.django_db
def test_a_second_worker_does_not_send_while_the_first_is_sending(people, mailoutbox, settings):
    settings.MAILERS = flaky(fail_times=0)
    row = approved(people["ani"])  # no commit in this test: the task is run by hand
    second: list[str] = []
    FlakyBackend.during_send = lambda: second.append(
        notification_email_deliver(notification_id=row.pk)
    )
    assert notification_email_deliver(notification_id=row.pk) == EmailStatus.SENT
    assert second == ["busy"]
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_a_stale_claim_is_taken_over(people, mailoutbox):
    row = approved(people["ani"])
    Notification.objects.filter(pk=row.pk).update(
        email_attempts=1, email_claimed_at=timezone.now() - timedelta(minutes=11)
    )
    assert notification_email_deliver(notification_id=row.pk) == EmailStatus.SENT
    row.refresh_from_db()
    assert (row.email_attempts, row.email_claimed_at) == (2, None)
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_a_live_claim_is_respected(people, mailoutbox):
    row = approved(people["ani"])
    Notification.objects.filter(pk=row.pk).update(
        email_attempts=1, email_claimed_at=timezone.now() - timedelta(minutes=1)
    )
    assert notification_email_deliver(notification_id=row.pk) == "busy"
    assert mailoutbox == []


@pytest.mark.django_db
def test_the_retry_waits_with_back_off_where_the_backend_can_defer(people, mailoutbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    settings.MAILERS = flaky(fail_times=1)
    row = approved(people["ani"])
    before = timezone.now()
    assert notification_email_deliver(notification_id=row.pk) == EmailStatus.PENDING
    (queued,) = default_task_backend.results
    assert queued.args == [row.pk]
    assert timedelta(seconds=59) < queued.task.run_after - before < timedelta(seconds=61)
    row.refresh_from_db()
    assert row.email_next_attempt_at == queued.task.run_after
    assert (row.email_attempts, row.email_claimed_at) == (1, None)
    # The queued task arrives too early (a duplicate): it waits for its time.
    assert notification_email_deliver(notification_id=row.pk) == "early"
    Notification.objects.filter(pk=row.pk).update(email_next_attempt_at=timezone.now())
    assert notification_email_deliver(notification_id=row.pk) == EmailStatus.SENT
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_an_address_removed_before_sending_skips_the_e_mail(people, mailoutbox):
    row = approved(people["ani"])
    people["ani"].email = ""
    people["ani"].save()
    assert notification_email_deliver(notification_id=row.pk) == EmailStatus.SKIPPED
    assert mailoutbox == []


@pytest.mark.django_db
def test_a_deleted_notification_is_nothing_to_send(people):
    assert notification_email_deliver(notification_id=987654) == "missing"


@pytest.mark.django_db(transaction=True)
def test_a_failing_mail_server_never_raises_into_the_request(people, mailoutbox, settings):
    settings.MAILERS = flaky(fail_times=99)
    with transaction.atomic():
        row = approved(people["ani"])
    # Committed: the tasks ran (immediate backend), failed, and nothing was raised.
    row.refresh_from_db()
    assert row.email_status == EmailStatus.FAILED
    assert mailoutbox == []


@pytest.mark.django_db(transaction=True)
def test_a_queue_that_cannot_be_written_never_raises_into_the_request(
    people, mailoutbox, monkeypatch
):
    def broken(self, *args, **kwargs):
        raise OSError("task queue unavailable")

    monkeypatch.setattr(Task, "enqueue", broken)
    with transaction.atomic():
        row = approved(people["ani"])
    row.refresh_from_db()
    assert (row.email_status, row.email_attempts) == (EmailStatus.PENDING, 0)
    # Later the sweep queues it again (the queue works again).
    monkeypatch.undo()
    assert notification_emails_requeue(grace=timedelta(minutes=15)) == 0  # not yet overdue
    Notification.objects.filter(pk=row.pk).update(
        email_next_attempt_at=timezone.now() - timedelta(minutes=16)
    )
    assert notification_emails_requeue(grace=timedelta(minutes=15)) == 1
    row.refresh_from_db()
    assert row.email_status == EmailStatus.SENT
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_the_sweep_requeues_e_mails_whose_worker_stopped_while_sending(people, mailoutbox):
    stuck = approved(people["ani"])
    busy = approved(people["budi"])
    now = timezone.now()
    Notification.objects.filter(pk=stuck.pk).update(
        email_attempts=1, email_claimed_at=now - timedelta(minutes=30)
    )
    Notification.objects.filter(pk=busy.pk).update(
        email_attempts=1, email_claimed_at=now - timedelta(minutes=2)
    )
    assert notification_emails_requeue() == 1
    assert [m.to for m in mailoutbox] == [["ani@kukarkab.go.id"]]
