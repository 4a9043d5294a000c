"""The demo's outputs: SKPs cascaded along the supervisors, this month's plans, reports and
verifications on the WFA days that exist, and some on-site days."""

import random

import pytest
from django.utils import timezone

from fleksi.demo.services.outputs import seed_outputs
from fleksi.outputs.models import OutputReport, PlannedOutput, Skp, SkpResult, Verification
from fleksi.outputs.tests.conftest import approved_wfa, working_days_back
from fleksi.schedule.tests.conftest import wfa_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def wfa(world):
    return wfa_world(world)


def test_seed_outputs(wfa):
    today = timezone.localdate()
    days = [d for d in working_days_back(4) if d.month == today.month] or [today]
    approved_wfa(wfa, "staff_b1", days, items=[("Draf kajian", 2, "dokumen", days[-1])])
    report = seed_outputs(rng=random.Random(7), today=today)
    # Yusuf, Bappeda's head above him and the Sekda above her.
    people = {wfa.people[k].pk for k in ("staff_b1", "head_b", "sekda")}
    assert set(Skp.objects.values_list("employee_id", flat=True)) == people
    assert report.skps == 3
    for result in SkpResult.objects.select_related("skp__employee", "parent__skp"):
        if result.skp.employee.supervisor_id is None:
            assert result.parent is None
        else:
            assert result.parent.skp.employee_id == result.skp.employee.supervisor_id
    assert PlannedOutput.objects.filter(source="request").count() <= 1
    assert report.planned == PlannedOutput.objects.count() >= len(days)
    assert report.reports == OutputReport.objects.count()
    assert all(r.evidence_url.startswith("https://") for r in OutputReport.objects.all())
    assert Verification.objects.filter(report__employee=wfa.people["staff_b1"]).count() == (
        OutputReport.objects.filter(employee=wfa.people["staff_b1"]).count()
    )
    assert seed_outputs(rng=random.Random(7), today=today).skps == 0
