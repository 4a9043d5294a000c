import pytest

from fleksi.accounts.models import User
from fleksi.notify.tests.mailers import FlakyBackend


@pytest.fixture(autouse=True)
def _reset_flaky_mailer():
    FlakyBackend.calls = 0
    FlakyBackend.during_send = None
    yield
    FlakyBackend.during_send = None


@pytest.fixture
def people(db):
    """Three accounts: two with an e-mail address, one without."""
    return {
        "ani": User.objects.create(username="ani", email="ani@kukarkab.go.id"),
        "budi": User.objects.create(username="budi", email="budi@kukarkab.go.id"),
        "citra": User.objects.create(username="citra", email=""),
    }
