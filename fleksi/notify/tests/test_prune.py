from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from fleksi.notify.models import EmailStatus, Notification
from fleksi.notify.services import notify

pytestmark = pytest.mark.django_db


def aged(user, title, *, days, read, email_status=EmailStatus.SENT):
    (row,) = notify(recipients=[user], kind="system", title=title, body="")
    Notification.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - timedelta(days=days),
        read_at=timezone.now() if read else None,
        email_status=email_status,
    )


def test_prune_removes_old_read_notifications_only(people):
    ani = people["ani"]
    aged(ani, "old read", days=200, read=True)
    aged(ani, "old unread", days=200, read=False)
    aged(ani, "old read, e-mail pending", days=200, read=True, email_status=EmailStatus.PENDING)
    aged(ani, "recent read", days=10, read=True)
    out = StringIO()
    call_command("notifications_prune", "--days", "180", stdout=out)
    assert "1 read notifications older than 180 days" in out.getvalue()
    assert sorted(Notification.objects.values_list("title", flat=True)) == [
        "old read, e-mail pending",
        "old unread",
        "recent read",
    ]


def test_prune_keeps_180_days_by_default_and_runs_as_a_periodic_job(people):
    aged(people["ani"], "179 days", days=179, read=True)
    aged(people["ani"], "181 days", days=181, read=True)
    out = StringIO()
    call_command("run_periodic", "--job", "notify.prune", stdout=out)
    assert out.getvalue().startswith("notify.prune: 1 ")
    assert list(Notification.objects.values_list("title", flat=True)) == ["179 days"]


def test_prune_refuses_a_silly_number_of_days():
    with pytest.raises(CommandError, match="1 or more"):
        call_command("notifications_prune", "--days", "0")


def test_requeue_command_reports_what_it_queued(people, mailoutbox):
    (row,) = notify(recipients=[people["ani"]], kind="request.approved", title="t", body="")
    Notification.objects.filter(pk=row.pk).update(
        email_next_attempt_at=timezone.now() - timedelta(hours=1)
    )
    out = StringIO()
    call_command("notifications_requeue", stdout=out)
    assert out.getvalue().strip() == "notification e-mails queued again: 1"
    assert len(mailoutbox) == 1
    out = StringIO()
    call_command("run_periodic", "--job", "notify.requeue", stdout=out)
    assert out.getvalue().startswith("notify.requeue: 0 ")
