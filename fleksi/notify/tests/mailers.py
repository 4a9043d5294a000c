"""A mail backend for the tests: fails the first ``fail_times`` sends, then delivers to
Django's test outbox (``mail.outbox``) like the locmem backend."""

from __future__ import annotations

from smtplib import SMTPServerDisconnected
from typing import Any, ClassVar

from django.core.mail.backends.locmem import EmailBackend


class FlakyBackend(EmailBackend):
    calls: ClassVar[int] = 0
    # Called during a send (to act as a second worker while the first one is sending).
    during_send: ClassVar[Any] = None

    def __init__(self, *, fail_times: int = 0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fail_times = fail_times

    def send_messages(self, messages: Any) -> int:
        FlakyBackend.calls += 1
        if FlakyBackend.during_send is not None:
            FlakyBackend.during_send()
        if FlakyBackend.calls <= self.fail_times:
            raise SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


def flaky(fail_times: int) -> dict[str, Any]:
    """A ``MAILERS`` setting whose default mailer fails ``fail_times`` times."""
    return {
        "default": {
            "BACKEND": "fleksi.notify.tests.mailers.FlakyBackend",
            "OPTIONS": {"fail_times": fail_times},
        }
    }
