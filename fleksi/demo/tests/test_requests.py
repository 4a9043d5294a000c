"""The demo month of WFA requests: realistic, decided through the services from today on,
and within the rules the services keep (seeded once for the class)."""

from __future__ import annotations

from collections import Counter

from django.db.models import Q
from django.test import TestCase, override_settings
from django.utils import timezone

from fleksi.demo.models import DemoAccount
from fleksi.schedule.models import Absence, ApprovalStep, RequestDay, WfaRequest
from fleksi.schedule.selectors.board import unit_board

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class DemoRequestsTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        from fleksi.demo.services import demo_seed

        with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
            cls.report = demo_seed(size="small", seed=2026)
        cls.today = timezone.localdate()

    def test_a_month_of_requests_in_every_state(self):
        statuses = Counter(RequestDay.objects.values_list("status", flat=True))
        for status in ("approved", "pending", "refused", "rejected", "returned", "recalled"):
            assert statuses[status] >= 1, status
        assert self.report.counts["wfa_requests"] == WfaRequest.objects.count()
        assert WfaRequest.objects.count() >= 40
        past = RequestDay.objects.filter(day__lt=self.today)
        future = RequestDay.objects.filter(day__gt=self.today)
        assert past.filter(status="approved").exists()
        assert future.filter(status="approved").exists()
        assert future.filter(status="pending").exists()

    def test_the_coming_weeks_went_through_the_rules_and_history_says_it_is_history(self):
        for trace in RequestDay.objects.filter(day__gt=self.today).values_list("trace", flat=True):
            assert trace["rules"], trace  # evaluated by the engine
        for trace in RequestDay.objects.filter(day__lt=self.today).values_list("trace", flat=True):
            assert trace["history"] is True

    def test_refusals_name_the_weekly_maximum_and_comments_are_in_indonesian(self):
        refused = RequestDay.objects.filter(status="refused")
        rules = {
            r["rule"]
            for t in refused.values_list("trace", flat=True)
            for r in t["rules"]
            if r["outcome"] == "fail"
        }
        assert "weekly_cap" in rules
        comments = set(
            ApprovalStep.objects.filter(status__in=["rejected", "returned"]).values_list(
                "comment", flat=True
            )
        )
        assert comments
        assert all(c and " " in c for c in comments)

    def test_nobody_has_more_than_two_regular_wfa_days_in_a_week(self):
        weeks = Counter(
            (employee, day.isocalendar()[:2])
            for employee, day in RequestDay.objects.filter(
                status__in=["approved", "pending"], request__kind="regular"
            ).values_list("employee_id", "day")
        )
        assert max(weeks.values()) <= 2

    def test_rina_plans_tuesdays_and_thursdays_and_her_third_day_is_refused(self):
        rina = DemoAccount.objects.get(persona="rina").user.employee
        days = RequestDay.objects.filter(employee=rina)
        assert {
            d.weekday() for d in days.filter(~Q(status="refused")).values_list("day", flat=True)
        } == {1, 3}
        assert days.filter(status="refused").count() == 1
        assert days.filter(status="approved").exists()
        assert days.filter(status="pending").exists()  # in her head's inbox

    def test_a_recall_at_disdukcapil_and_a_shortfall_on_the_counters(self):
        recalled = RequestDay.objects.select_related("employee__unit__root").get(status="recalled")
        assert recalled.employee.unit.root.code == "DISDUKCAPIL"
        assert "sakit" in recalled.note
        sari = DemoAccount.objects.get(persona="sari").user.employee
        counters = sari.unit
        absent_days = sorted({a.start for a in Absence.objects.filter(employee__unit=counters)})
        board = unit_board(counters, absent_days)
        assert any(c.shortfall for c in board.units[0].cells)
        assert all(c.minimum == 4 for c in board.units[0].cells)
