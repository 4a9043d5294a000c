"""The safeguard check on the database: it fires exactly at the policy's threshold, respects
the minimum days, raises one alert per service and measure, tells the head of the unit and
the Sekda, and an alert becomes a draft policy change that opens in the simulation."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from fleksi.audit.models import AuditEntry
from fleksi.common.errors import Conflict
from fleksi.notify.models import Notification
from fleksi.policy.models import PolicyVersion, UnitOverride
from fleksi.servicelevel.models import SafeguardAlert, ServiceDaily
from fleksi.servicelevel.services import (
    ALERT_KIND,
    alert_acknowledge,
    alert_close,
    alert_to_draft,
    safeguard_check,
)
from fleksi.servicelevel.tests.conftest import set_wfa_start, write_days
from fleksi.testkit.policy import publish_policy

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
START = TODAY - timedelta(days=40)


def scenario(world, recent_processing, *, baseline_days=30, recent_days=20, service="ktp"):
    """20 minutes before WFA; ``recent_processing`` in the last days."""
    set_wfa_start(START)
    svc = world.services[service]
    write_days(svc, START - timedelta(days=90), baseline_days, processing="20")
    write_days(
        svc, TODAY - timedelta(days=recent_days - 1), recent_days, processing=recent_processing
    )
    return svc


@pytest.mark.parametrize(("recent", "fires"), [("22", True), ("21.99", False), ("21.999", True)])
def test_fires_exactly_at_the_threshold(services, recent, fires):
    # 21.999 is stored as 22.00 (two decimals): what the service stores is what counts.
    scenario(services, recent)
    run = safeguard_check(day=TODAY)
    metrics = [a.metric for a in run.alerts]
    assert ("processing_time" in metrics) is fires
    assert metrics == (["processing_time"] if fires else [])


def test_the_policy_in_force_sets_the_threshold(services):
    publish_policy(services, safeguard_degradation_pct=25)
    scenario(services, "24.99")
    assert safeguard_check(day=TODAY).alerts == []
    SafeguardAlert.objects.all().delete()
    scenario(services, "25", service="akta")
    alert = safeguard_check(day=TODAY).alerts[0]
    assert alert.threshold_pct == 25
    assert alert.trace["params"]["safeguard_degradation_pct"] == 25
    assert alert.policy_version.regulation_number == "Perbup 1/2026"


@pytest.mark.parametrize(("recent_days", "fires"), [(10, True), (9, False)])
def test_minimum_days_with_figures(services, recent_days, fires):
    scenario(services, "30", recent_days=recent_days)
    assert bool(safeguard_check(day=TODAY).alerts) is fires


def test_the_alert_holds_every_value_in_its_trace(services):
    scenario(services, "25")
    alert = safeguard_check(day=TODAY).alerts[0]
    assert alert.baseline_value == Decimal("20")
    assert alert.recent_value == Decimal("25")
    assert alert.change_pct == Decimal("25.00")
    assert alert.threshold_pct == 10
    assert (alert.baseline_start, alert.baseline_end) == (
        START - timedelta(days=90),
        START - timedelta(days=1),
    )
    assert (alert.recent_start, alert.recent_end) == (TODAY - timedelta(days=29), TODAY)
    trace = alert.trace
    assert trace["wfa_start"] == START.isoformat()
    assert trace["wfa_start_source"] == "config"
    assert trace["policy_version"] is None  # no policy in force: the defaults
    by_metric = {m["metric"]: m for m in trace["metrics"]}
    assert by_metric["processing_time"]["outcome"] == "fires"
    assert by_metric["processing_time"]["baseline_n"] == 30
    assert by_metric["processing_time"]["recent_n"] == 20
    assert by_metric["waiting_time"]["outcome"] == "holds"
    assert by_metric["complaint_rate"]["outcome"] == "no_baseline"
    assert by_metric["ikm"]["outcome"] == "no_data"
    assert trace["articles"]["safeguard_degradation_pct"] == (
        "Ditetapkan PPK dalam Perbup (dasar: UU 25/2009)"
    )


def test_one_active_alert_per_service_and_measure(services):
    scenario(services, "25")
    first = safeguard_check(day=TODAY).alerts
    assert len(first) == 1
    assert safeguard_check(day=TODAY).alerts == []
    alert_acknowledge(actor=services.user("layanan"), alert=first[0])
    assert safeguard_check(day=TODAY).alerts == []
    alert_close(actor=services.user("layanan"), alert=first[0], note="Petugas kembali")
    again = safeguard_check(day=TODAY).alerts
    assert len(again) == 1
    assert again[0].pk != first[0].pk
    assert SafeguardAlert.objects.count() == 2


def test_nothing_before_the_wfa_start_or_without_one(services):
    scenario(services, "25")
    assert safeguard_check(day=START - timedelta(days=1)).skipped == "before_wfa_start"
    from fleksi.servicelevel.models import ServiceLevelConfig

    ServiceLevelConfig.objects.all().delete()
    assert safeguard_check(day=TODAY).skipped == "no_wfa_start"


def test_without_a_configured_date_the_first_published_policy_starts_wfa(services):
    publish_policy(services)
    from fleksi.servicelevel.selectors import wfa_start

    start = wfa_start()
    assert (start.day, start.source) == (TODAY, "policy")


def test_the_head_of_the_unit_and_the_sekda_are_told(services):
    scenario(services, "25")  # KTP-el at the Seksi Loket
    alert = safeguard_check(day=TODAY).alerts[0]
    notes = Notification.objects.filter(kind=ALERT_KIND)
    assert sorted(n.recipient_id for n in notes) == sorted(
        [services.user("head_seksi").pk, services.user("sekda").pk]
    )
    note = notes.get(recipient=services.user("head_seksi"))
    assert note.url == reverse("servicelevel:alert", args=[alert.pk])
    assert "Perekaman KTP-el" in note.title
    assert (note.object_type, note.object_id) == ("servicelevel.alert", str(alert.pk))


def test_the_bidang_head_is_told_for_the_bidang_service(services):
    scenario(services, "25", service="akta")
    safeguard_check(day=TODAY)
    recipients = set(
        Notification.objects.filter(kind=ALERT_KIND).values_list("recipient_id", flat=True)
    )
    assert recipients == {services.people["head_bidang"].account.pk, services.user("sekda").pk}


def test_raising_is_audited(services):
    scenario(services, "25")
    alert = safeguard_check(day=TODAY).alerts[0]
    entry = AuditEntry.objects.get(action="servicelevel.alert.raise")
    assert entry.object_id == str(alert.pk)
    assert entry.stream == f"pd:{services.units['a'].pk}"


def test_alert_to_draft_tightens_the_unit_and_opens_in_the_simulation(services, client):
    current = publish_policy(services)
    scenario(services, "25")
    alert = safeguard_check(day=TODAY).alerts[0]
    draft = alert_to_draft(actor=services.user("bkpsdm"), alert=alert)
    assert draft.status == PolicyVersion.Status.DRAFT
    assert draft.based_on_id == current.pk
    assert draft.effective_from == TODAY + timedelta(days=1)
    override = UnitOverride.objects.get(version=draft, unit=services.units["a_loket"])
    # default share 30 % halved; public-service minimum 1 + 1
    assert override.max_offsite_share == Decimal("0.15")
    assert override.min_onsite_staff == 2
    assert str(alert.pk) in draft.notes
    alert.refresh_from_db()
    assert alert.status == SafeguardAlert.Status.TURNED_INTO_DRAFT
    assert alert.draft_version_id == draft.pk
    client.force_login(services.user("bkpsdm"))
    assert client.get(reverse("eligibility:simulation", args=[draft.pk])).status_code == 200
    with pytest.raises(Conflict) as exc:
        alert_to_draft(actor=services.user("bkpsdm"), alert=alert)
    assert exc.value.code == "alert_state"


def test_the_draft_starts_from_the_units_own_values(services):
    from fleksi.policy.services import policy_unit_override_set
    from fleksi.testkit.policy import draft_policy

    version = draft_policy(services, start=TODAY)
    policy_unit_override_set(
        actor=services.user("bkpsdm"),
        version=version,
        unit=services.units["a_loket"],
        max_offsite_share=Decimal("0.2"),
        min_onsite_staff=3,
    )
    from fleksi.policy.services import policy_publish

    policy_publish(actor=services.user("sekda"), version=version)
    scenario(services, "25")
    draft = alert_to_draft(
        actor=services.user("bkpsdm"), alert=safeguard_check(day=TODAY).alerts[0]
    )
    override = UnitOverride.objects.get(version=draft, unit=services.units["a_loket"])
    assert (override.max_offsite_share, override.min_onsite_staff) == (Decimal("0.10"), 4)


def test_the_page_turns_an_alert_into_a_draft_and_links_the_simulation(services, en_client):
    publish_policy(services)
    scenario(services, "25")
    alert = safeguard_check(day=TODAY).alerts[0]
    en_client.force_login(services.user("bkpsdm"))
    response = en_client.post(reverse("servicelevel:alert_draft", args=[alert.pk]), follow=True)
    assert response.status_code == 200
    alert.refresh_from_db()
    simulation = reverse("eligibility:simulation", args=[alert.draft_version_id])
    assert simulation in response.content.decode()
    assert en_client.get(simulation).status_code == 200


def test_the_periodic_job_and_the_notification_kind_are_registered(services):
    from fleksi.common.periodic import jobs
    from fleksi.notify.kinds import get_kind

    job = next(j for j in jobs() if j.name == "servicelevel.safeguard")
    scenario(services, "25")
    assert job.run() == 1
    assert job.run() == 0  # idempotent: the alert is still active
    assert get_kind(ALERT_KIND).default_email is True


def recent(svc, days, processing):
    """Replace the recent window's figures with ``days`` days at ``processing`` minutes."""
    ServiceDaily.objects.filter(service=svc, day__gte=TODAY - timedelta(days=29)).delete()
    write_days(svc, TODAY - timedelta(days=days - 1), days, processing=processing)


def test_an_alert_closes_itself_when_the_service_recovers(services):
    svc = scenario(services, "25")
    alert = safeguard_check(day=TODAY).alerts[0]
    alert_acknowledge(actor=services.user("sekda"), alert=alert, note="Tambah petugas loket")
    recent(svc, 20, "21")  # within 10 % of the baseline again
    run = safeguard_check(day=TODAY)
    assert [a.pk for a in run.recovered] == [alert.pk]
    alert.refresh_from_db()
    assert alert.status == "closed"
    assert alert.handled_by is None
    assert "21" in alert.note
    assert AuditEntry.objects.filter(action="servicelevel.alert.recover").count() == 1
    # A later degradation raises a new alert.
    recent(svc, 20, "30")
    assert len(safeguard_check(day=TODAY).alerts) == 1


def test_too_few_recent_figures_leave_an_alert_open(services):
    svc = scenario(services, "25")
    alert = safeguard_check(day=TODAY).alerts[0]
    recent(svc, 5, "20")  # 5 days of figures: too few to say it recovered
    assert safeguard_check(day=TODAY).recovered == []
    alert.refresh_from_db()
    assert alert.status == "open"
