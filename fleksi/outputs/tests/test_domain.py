"""Pure rules of the output supervision, table-driven at their boundaries."""

from datetime import date
from decimal import Decimal

import pytest

from fleksi.outputs.domain import rating as r
from fleksi.outputs.domain.evidence import MAX_BYTES, EvidenceProblem, clean_url, evidence_kind
from fleksi.outputs.domain.measures import (
    ONSITE,
    WFA,
    PlannedFact,
    ReportFact,
    group_measures,
    person_measures,
)
from fleksi.outputs.domain.periods import last_overdue_day, report_due
from fleksi.outputs.domain.plan import assign_items
from fleksi.outputs.domain.revocation import RevocationFacts, decide_revocation
from fleksi.policy.domain.calendar import WorkCalendar

MON, TUE, WED, THU, FRI = (date(2026, 11, d) for d in (2, 3, 4, 5, 6))


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (MON, MON),  # before the second day: the first day
        (TUE, MON),  # due between approved days: the latest one before
        (WED, WED),
        (FRI, WED),  # after every day: the last day
        (date(2026, 10, 30), MON),  # due before every approved day: the first
    ],
)
def test_a_request_output_goes_to_the_latest_approved_day_before_its_due_date(due, expected):
    assert assign_items([WED, MON], [(7, due)]) == {7: expected}


def test_no_approved_day_no_plan():
    assert assign_items([], [(1, MON)]) == {}


def planned(emp, target, delivered, mode=WFA):
    return PlannedFact(emp, MON, mode, Decimal(target), Decimal(delivered))


def test_achievement_is_the_mean_of_capped_ratios():
    m = person_measures([1], [planned(1, 2, 1), planned(1, 1, 3), planned(1, 4, 0)], [], [], [])[
        1
    ].total
    # 50 % + 100 % (capped from 300 %) + 0 % → 50 %
    assert (m.outputs, m.achievement_pct, m.delivered_full) == (3, 50.0, 1)


def test_on_time_quality_backlog_and_no_data():
    reports = [
        ReportFact(1, MON, WFA, late=False, status="accepted", quality=90, planned=True),
        ReportFact(1, TUE, WFA, late=True, status="accepted", quality=70, planned=True),
        ReportFact(
            1,
            WED,
            ONSITE,
            late=False,
            status="submitted",
            quality=None,
            planned=False,
            overdue=True,
        ),
        ReportFact(1, THU, ONSITE, late=False, status="rejected", quality=None, planned=True),
    ]
    m = person_measures([1, 2], [], reports, [(1, MON)], [(1, TUE)])
    one = m[1].total
    assert (one.reports, one.on_time_pct, one.quality_mean, one.awaiting, one.overdue) == (
        4,
        75.0,
        80.0,
        1,
        1,
    )
    assert (one.unplanned, one.rejected, one.wfa_days, one.unreported_days) == (1, 1, 1, 1)
    assert m[1].by_mode[WFA].quality_mean == 80.0
    assert m[2].total.achievement_pct is None
    assert m[2].total.on_time_pct is None


def test_group_compares_only_people_with_both_kinds_of_day():
    people = person_measures(
        [1, 2],
        [planned(1, 1, 1, WFA), planned(1, 1, 0, ONSITE), planned(2, 1, 1, WFA)],
        [],
        [],
        [],
    )
    g = group_measures(people.values())
    assert (g.people, g.same_people, g.total.outputs) == (2, 1, 3)
    assert g.by_mode_same_people[WFA].achievement_pct == 100.0
    assert g.by_mode_same_people[ONSITE].achievement_pct == 0.0


def test_the_suggestion_follows_the_policy_thresholds():
    strict = r.Limits(as_achievement=90.0, as_quality=80.0)
    assert r.suggest_results(85.0, 75.0, 100.0).level == r.AS_EXPECTED
    s = r.suggest_results(85.0, 75.0, 100.0, strict)
    assert s.level == r.BELOW
    assert [(x.code, x.limit, x.met) for x in s.steps][3:] == [
        ("as.achievement", 90.0, False),
        ("as.quality", 80.0, False),
    ]


@pytest.mark.parametrize(
    ("achievement", "quality", "on_time", "level"),
    [
        (100.0, 90.0, 90.0, r.ABOVE),
        (100.0, 89.9, 100.0, r.AS_EXPECTED),
        (99.9, 100.0, 100.0, r.AS_EXPECTED),
        (80.0, 70.0, 0.0, r.AS_EXPECTED),
        (80.0, None, None, r.AS_EXPECTED),  # nothing scored yet: quality does not hold it back
        (79.9, 100.0, 100.0, r.BELOW),
        (95.0, 69.9, 100.0, r.BELOW),
        (None, 100.0, 100.0, None),
    ],
)
def test_the_suggestion_and_its_steps(achievement, quality, on_time, level):
    s = r.suggest_results(achievement, quality, on_time)
    assert s.level == level
    if level is not None:
        assert [step.code for step in s.steps][:3] == [
            "above.achievement",
            "above.quality",
            "above.on_time",
        ]


@pytest.mark.parametrize(
    ("results", "behaviour", "predikat"),
    [
        (r.ABOVE, r.ABOVE, "sangat_baik"),
        (r.ABOVE, r.AS_EXPECTED, "baik"),
        (r.AS_EXPECTED, r.ABOVE, "baik"),
        (r.AS_EXPECTED, r.AS_EXPECTED, "baik"),
        (r.BELOW, r.ABOVE, "butuh_perbaikan"),
        (r.BELOW, r.AS_EXPECTED, "butuh_perbaikan"),
        (r.ABOVE, r.BELOW, "kurang"),
        (r.AS_EXPECTED, r.BELOW, "kurang"),
        (r.BELOW, r.BELOW, "sangat_kurang"),
    ],
)
def test_the_quadrant_of_permenpanrb_6_2022(results, behaviour, predikat):
    assert r.predikat(results, behaviour) == predikat


def rev(achievement, unreported, wfa_days=3, outputs=3):
    return decide_revocation(
        RevocationFacts(1, date(2026, 10, 1), wfa_days, outputs, achievement, unreported),
        min_achievement_pct=70,
        max_unreported_days=3,
        suspension_days=30,
        today=date(2026, 11, 5),
    )


@pytest.mark.parametrize(
    ("achievement", "unreported", "trigger"),
    [
        (70.0, 3, ""),  # at the thresholds: no suspension
        (69.9, 3, "achievement"),
        (70.0, 4, "unreported"),
        (10.0, 9, "achievement"),  # both fire; the trace names both
        (None, 0, ""),  # no planned output: achievement not checked
    ],
)
def test_revocation_at_its_thresholds(achievement, unreported, trigger):
    d = rev(achievement, unreported)
    assert d.trigger == trigger
    assert d.suspend == bool(trigger)
    if trigger:
        assert (d.start, d.end) == (date(2026, 11, 5), date(2026, 12, 4))
    assert d.trace["month"] == "2026-10-01"


def test_revocation_ignores_people_without_wfa_days():
    d = rev(0.0, 9, wfa_days=0)
    assert not d.suspend
    assert d.trace["checks"] == [{"check": "wfa_days", "observed": 0, "outcome": "skip"}]
    assert rev(10.0, 9).trace["triggers"] == ["achievement", "unreported"]


@pytest.mark.parametrize(
    ("name", "size", "head", "members", "outcome"),
    [
        ("a.pdf", 10, b"%PDF-1.4", (), "pdf"),
        ("A.JPEG", 10, b"\xff\xd8\xff\xe0", (), "jpg"),
        ("a.png", MAX_BYTES, b"\x89PNG\r\n\x1a\n", (), "png"),
        ("a.png", MAX_BYTES + 1, b"\x89PNG\r\n\x1a\n", (), "evidence_size"),
        ("a.png", 0, b"", (), "evidence_size"),
        ("a.docx", 10, b"PK\x03\x04", ("word/document.xml",), "docx"),
        ("a.docx", 10, b"PK\x03\x04", ("xl/workbook.xml",), "evidence_content"),
        ("a.xlsx", 10, b"PK\x03\x04", ("xl/workbook.xml",), "xlsx"),
        ("a.pdf", 10, b"\x89PNG\r\n\x1a\n", (), "evidence_content"),
        ("a.exe", 10, b"MZ", (), "evidence_type"),
        ("noext", 10, b"%PDF-", (), "evidence_type"),
    ],
)
def test_evidence_types_sizes_and_content(name, size, head, members, outcome):
    if outcome.startswith("evidence_"):
        with pytest.raises(EvidenceProblem) as problem:
            evidence_kind(name, size, head, members)
        assert problem.value.code == outcome
    else:
        assert evidence_kind(name, size, head, members) == outcome


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://srikandi.arsip.go.id/surat/123", True),
        ("http://eoffice.kukarkab.go.id/x", True),
        ("", True),
        ("javascript:alert(1)", False),
        ("ftp://host/file", False),
        ("https://", False),
        ("https://host/a b", False),
        ("https://host/" + "x" * 500, False),
    ],
)
def test_evidence_links_are_http_only(url, ok):
    if ok:
        assert clean_url(url) == url
    else:
        with pytest.raises(EvidenceProblem):
            clean_url(url)


def test_report_deadlines_count_working_days():
    cal = WorkCalendar(holidays={date(2026, 11, 9): "Libur"})
    assert report_due(cal, FRI, 1) == date(2026, 11, 10)  # over the weekend and a holiday
    assert report_due(cal, FRI, 0) == FRI
    # On Wednesday the 11th the deadlines of Friday and of the holiday Monday (both Tuesday)
    # are over; Tuesday's (Wednesday) is not.
    assert last_overdue_day(cal, date(2026, 11, 11), 1) == date(2026, 11, 9)
    assert last_overdue_day(cal, date(2026, 11, 10), 1) == date(2026, 11, 5)
