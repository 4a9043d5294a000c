import pytest
from django.urls import reverse

from fleksi.audit.models import AuditEntry
from fleksi.testkit.access import Case, check, matrix

AUDITORS = frozenset({"auditor", "bkpsdm", "sekda"})


def first_entry(w):
    return reverse("audit:entry_detail", args=[AuditEntry.objects.order_by("id").first().pk])


CASES = [
    Case("audit:entry_list", lambda w: reverse("audit:entry_list"), AUDITORS, denied=403),
    Case("audit:entry_detail", first_entry, AUDITORS, denied=403),
    Case("audit:entry_export", lambda w: reverse("audit:entry_export"), AUDITORS, denied=403),
    Case("audit:verify", lambda w: reverse("audit:verify"), AUDITORS, denied=403, method="post"),
]
COVERED = {c.route for c in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)
