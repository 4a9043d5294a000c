from datetime import timedelta

import pytest

from fleksi.notify.domain.delivery import MAX_ATTEMPTS, error_summary, gives_up, retry_delay


@pytest.mark.parametrize(
    ("attempts", "delay"),
    [
        (1, timedelta(minutes=1)),
        (2, timedelta(minutes=5)),
        (3, timedelta(minutes=25)),
        (4, timedelta(minutes=125)),
    ],
)
def test_back_off_grows_exponentially(attempts, delay):
    assert retry_delay(attempts) == delay


def test_back_off_needs_a_failed_attempt():
    with pytest.raises(ValueError, match="1 or more"):
        retry_delay(0)


@pytest.mark.parametrize(
    ("attempts", "expected"), [(1, False), (MAX_ATTEMPTS - 1, False), (MAX_ATTEMPTS, True)]
)
def test_gives_up_after_the_last_attempt(attempts, expected):
    assert gives_up(attempts) is expected


def test_five_attempts_by_default():
    assert MAX_ATTEMPTS == 5


def test_error_summary_is_one_short_line():
    summary = error_summary(OSError("line one\nline two " + "x" * 600))
    assert summary.startswith("OSError: line one line two ")
    assert "\n" not in summary
    assert len(summary) == 500
