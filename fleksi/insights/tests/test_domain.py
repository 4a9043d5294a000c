"""The pure part of the evaluation: months, figures and their ratios, before vs after, the
rules of concern at their thresholds, and the charts as SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import fields
from datetime import date

import pytest
from django.utils import translation

from fleksi.common.domain.months import (
    month_end,
    month_start,
)
from fleksi.common.formats import figure_text
from fleksi.insights.domain.charts import (
    BarRow,
    Series,
    bar_chart,
    line_chart,
    nice_max,
    style_of,
)
from fleksi.insights.domain.compare import (
    BETTER,
    SAME,
    UNKNOWN,
    WORSE,
    compare,
    is_after,
    split,
    verdict,
)
from fleksi.insights.domain.concern import (
    ACHIEVEMENT_LOW,
    ATTENDANCE_LOW,
    READINESS_LOW,
    SERVICE_DEGRADED,
    ServiceAlert,
    Thresholds,
    UnitView,
    concerns,
    unit_concerns,
)
from fleksi.insights.domain.figures import COUNTS, INDICATORS, SUMS, Figures, value_of
from fleksi.insights.domain.months import quarter_of
from fleksi.insights.domain.svg import to_svg

SVG = "{http://www.w3.org/2000/svg}"


# --- Months ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "end"),
    [
        (date(2024, 2, 10), date(2024, 2, 29)),  # leap year
        (date(2025, 2, 1), date(2025, 2, 28)),
        (date(2100, 2, 3), date(2100, 2, 28)),  # a century, not a leap year
        (date(2000, 2, 3), date(2000, 2, 29)),  # divisible by 400: leap
        (date(2026, 4, 30), date(2026, 4, 30)),
        (date(2026, 12, 1), date(2026, 12, 31)),
    ],
)
def test_month_end(day, end):
    assert month_end(day) == end
    assert month_start(day) == day.replace(day=1)


@pytest.mark.parametrize(
    ("day", "first", "last"),
    [
        (date(2026, 1, 1), date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 3, 31), date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 8, 15), date(2026, 7, 1), date(2026, 9, 30)),
        (date(2026, 12, 31), date(2026, 10, 1), date(2026, 12, 31)),
        (date(2024, 2, 29), date(2024, 1, 1), date(2024, 3, 31)),
    ],
)
def test_quarter_of(day, first, last):
    assert quarter_of(day) == (first, last)


# --- Figures --------------------------------------------------------------------------------


def test_every_indicator_is_none_without_a_denominator():
    empty = Figures()
    for key in INDICATORS:
        assert value_of(empty, key) is None, key
    assert empty.expected_days == 0
    assert empty.ratings == dict.fromkeys(empty.ratings, 0)


def test_adding_figures_adds_every_field():
    a = Figures.of({name: i + 1 for i, name in enumerate(COUNTS)} | dict.fromkeys(SUMS, 1.5))
    b = Figures.of({name: 2 * (i + 1) for i, name in enumerate(COUNTS)} | dict.fromkeys(SUMS, 0.25))
    total = a + b
    for f in fields(Figures):
        assert getattr(total, f.name) == getattr(a, f.name) + getattr(b, f.name), f.name
    assert Figures() + a == a


def test_of_reads_a_row_with_missing_and_empty_values():
    f = Figures.of({"headcount": 3, "eligible": None, "achievement_sum": "2.5", "other": 9})
    assert (f.headcount, f.eligible, f.achievement_sum) == (3, 0, 2.5)
    assert isinstance(f.achievement_sum, float)
    assert isinstance(f.headcount, int)


def test_ratios_are_ratios_of_sums_not_means_of_means():
    small = Figures(headcount=1, eligible=1, outputs=1, achievement_sum=1.0)
    large = Figures(headcount=9, eligible=0, outputs=9, achievement_sum=0.0)
    both = small + large
    assert both.eligible_pct == 10.0  # not (100 + 0) / 2
    assert both.achievement_pct == 10.0


def test_indicator_definitions():
    f = Figures(
        headcount=8,
        eligible=6,
        wfa_users=2,
        working_days=40,
        onsite_days=20,
        wfa_present_days=6,
        duty_days=2,
        leave_days=4,
        missing_days=8,
        late_days=3,
        wfa_days=6,
        outputs=4,
        achievement_sum=3.0,
        reports=5,
        reports_on_time=4,
        quality_sum=170,
        quality_n=2,
        unreported_days=3,
        rated=4,
        rating_sangat_baik=1,
        rating_baik=2,
        rating_kurang=1,
        capable=3,
        ready_home=1,
        svc_timed_days=8,
        svc_within_standard=6,
        svc_received=400,
        svc_completed=380,
        complaints=3,
        svc_waiting_days=4,
        svc_waiting_sum=50.0,
        ikm_respondents=100,
        ikm_weighted=8250.0,
    )
    assert f.eligible_pct == 75.0
    assert f.wfa_use_pct == 15.0
    assert f.wfa_users_pct == 25.0
    assert f.expected_days == 36  # leave is not expected
    assert f.attendance_pct == round(100 * 25 / 36, 1)  # present 28, minus 3 late
    assert f.missing_pct == round(100 * 8 / 36, 1)
    assert f.achievement_pct == 75.0
    assert f.on_time_pct == 80.0
    assert f.quality_mean == 85.0
    assert f.unreported_pct == 50.0
    assert f.good_rating_pct == 75.0
    assert f.readiness_pct == round(100 / 3, 1)
    assert f.service_compliance_pct == 75.0
    assert f.completion_pct == 95.0
    assert f.complaints_per_1000 == 7.5
    assert f.waiting_mean == 12.5
    assert f.ikm == 82.5


def test_attendance_never_negative():
    assert Figures(onsite_days=1, late_days=3, missing_days=1).attendance_pct == 0.0


# --- Before and after -------------------------------------------------------------------------


def test_the_month_of_the_start_counts_as_after():
    start = date(2026, 3, 17)
    assert not is_after(date(2026, 2, 1), start)
    assert is_after(date(2026, 3, 1), start)
    assert is_after(date(2026, 4, 1), start)
    assert not is_after(date(2026, 3, 1), None)


def test_split_sums_each_side():
    months = {
        date(2026, 1, 1): Figures(outputs=10, achievement_sum=9.0),
        date(2026, 2, 1): Figures(outputs=30, achievement_sum=21.0),
        date(2026, 3, 1): Figures(outputs=10, achievement_sum=5.0),
        date(2026, 4, 1): Figures(outputs=10, achievement_sum=8.0),
    }
    sides = split(reversed(list(months.items())), date(2026, 3, 2))
    assert sides.months_before == (date(2026, 1, 1), date(2026, 2, 1))
    assert sides.months_after == (date(2026, 3, 1), date(2026, 4, 1))
    assert sides.before == Figures(outputs=40, achievement_sum=30.0)
    assert sides.after == Figures(outputs=20, achievement_sum=13.0)
    changes = {c.key: c for c in compare(sides, ["achievement_pct", "ikm"])}
    assert (changes["achievement_pct"].before, changes["achievement_pct"].after) == (75.0, 65.0)
    assert changes["achievement_pct"].verdict == WORSE
    assert changes["achievement_pct"].delta == -10.0
    assert changes["ikm"].verdict == UNKNOWN
    assert changes["ikm"].delta is None


def test_without_a_start_everything_is_before():
    sides = split([(date(2026, 1, 1), Figures(outputs=1))], None)
    assert sides.months_after == ()
    change = compare(sides, ["achievement_pct"])[0]
    assert change.after is None
    assert change.verdict == UNKNOWN


def test_no_months_on_one_side_is_unknown_even_if_the_other_has_figures():
    sides = split([(date(2026, 5, 1), Figures(outputs=2, achievement_sum=2.0))], date(2026, 1, 1))
    assert sides.months_before == ()
    assert compare(sides, ["achievement_pct"])[0].verdict == UNKNOWN


@pytest.mark.parametrize(
    ("key", "before", "after", "expected"),
    [
        ("achievement_pct", 70.0, 72.0, BETTER),  # exactly same_within (2.0): a change
        ("achievement_pct", 70.0, 71.9, SAME),
        ("achievement_pct", 70.0, 68.0, WORSE),
        ("achievement_pct", 70.0, 68.1, SAME),
        ("missing_pct", 5.0, 4.5, BETTER),  # lower is better
        ("missing_pct", 5.0, 5.5, WORSE),
        ("missing_pct", 5.0, 5.4, SAME),
        ("complaints_per_1000", 2.0, 1.0, BETTER),
        ("waiting_mean", 10.0, 13.0, WORSE),
        ("wfa_use_pct", 0.0, 30.0, ""),  # no direction is better
        ("wfa_use_pct", None, 30.0, UNKNOWN),
        ("ikm", 80.0, None, UNKNOWN),
    ],
)
def test_verdicts(key, before, after, expected):
    assert verdict(key, before, after) == expected


# --- Units of concern ---------------------------------------------------------------------------

T = Thresholds()


def rules(figures: Figures, alerts=()) -> list[str]:
    return [c.rule for c in unit_concerns(UnitView(1, "Unit", figures, tuple(alerts)), T)]


@pytest.mark.parametrize(
    ("outputs", "achieved", "fires"),
    [
        (10, 7.0, False),  # exactly 70 %: at the threshold is not below it
        (10, 6.99, True),
        (30, 20.99, True),  # 69.97 %: below, even if it shows as 70.0
        (9, 0.0, False),  # too few outputs to judge
        (0, 0.0, False),
    ],
)
def test_achievement_rule_at_its_threshold(outputs, achieved, fires):
    assert (ACHIEVEMENT_LOW in rules(Figures(outputs=outputs, achievement_sum=achieved))) is fires


@pytest.mark.parametrize(
    ("onsite", "late", "missing", "fires"),
    [
        (18, 0, 2, False),  # 18 / 20 = 90 %: at the threshold
        (18, 1, 2, True),  # 85 %
        (1799, 0, 201, True),  # 89.95 %: below, even if it shows as 90.0
        (17, 0, 2, False),  # 19 expected days: too few to judge
    ],
)
def test_attendance_rule_at_its_threshold(onsite, late, missing, fires):
    f = Figures(onsite_days=onsite, late_days=late, missing_days=missing)
    assert (ATTENDANCE_LOW in rules(f)) is fires


@pytest.mark.parametrize(
    ("capable", "ready", "wfa", "working", "fires"),
    [
        (10, 5, 10, 100, False),  # readiness exactly 50 %: not below
        (10, 4, 10, 100, True),  # 40 % with use exactly at 10 %: fires
        (10, 4, 9, 100, False),  # use 9 %: not high
        (2001, 1000, 10, 100, True),  # 49.98 %: below, even if it shows as 50.0
        (10, 4, 9999, 100_000, False),  # use 9.999 %: not high, even if it shows as 10.0
        (0, 0, 50, 100, False),  # nobody capable: no readiness to judge
    ],
)
def test_readiness_rule_at_its_threshold(capable, ready, wfa, working, fires):
    f = Figures(capable=capable, ready_home=ready, wfa_days=wfa, working_days=working)
    assert (READINESS_LOW in rules(f)) is fires


def test_an_alert_is_a_concern_and_concerns_are_ordered():
    alert = ServiceAlert("KTP-el", "processing_time", 12.5, 10)
    low = Figures(outputs=10, achievement_sum=1.0)
    units = [
        UnitView(2, "Bappeda", low),
        UnitView(3, "Akta", Figures(), (alert,)),
        UnitView(4, "Arsip", low),
    ]
    found = concerns(units, T)
    assert [(c.rule, c.name) for c in found] == [
        (SERVICE_DEGRADED, "Akta"),
        (ACHIEVEMENT_LOW, "Arsip"),
        (ACHIEVEMENT_LOW, "Bappeda"),
    ]
    assert found[0].values == {
        "service": "KTP-el",
        "metric": "processing_time",
        "change_pct": 12.5,
        "threshold_pct": 10,
    }
    assert found[1].values == {"value": 10.0, "threshold": 70.0}
    assert found[0].action == "lower_offsite_share"


def test_policy_threshold_is_used():
    f = Figures(outputs=10, achievement_sum=7.5)
    assert unit_concerns(UnitView(1, "U", f), Thresholds(achievement_min_pct=80)) != []
    assert unit_concerns(UnitView(1, "U", f), Thresholds(achievement_min_pct=75)) == []


# --- Charts -----------------------------------------------------------------------------------


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.tag == f"{SVG}svg"
    return root


def assert_safe(root: ET.Element) -> None:
    for el in root.iter():
        assert el.tag != f"{SVG}script"
        assert "style" not in el.attrib
        assert not any(k.startswith("on") for k in el.attrib), el.attrib
        href = el.attrib.get("href", "")
        assert not href.lower().startswith("javascript:")


def test_nice_max_and_fmt():
    assert [nice_max(v) for v in (0, 0.5, 1, 1.2, 3, 7, 10, 24, 99, 101, 260)] == [
        1.0,
        1.0,
        1.0,
        2.0,
        5.0,
        10.0,
        10.0,
        25.0,
        100.0,
        200.0,
        500.0,
    ]
    with translation.override("en"):
        assert figure_text(72.35, "%") == "72.4%"
        assert figure_text(100, "%") == "100%"
        assert figure_text(150.6) == "151"
        assert figure_text(3.0, "min") == "3 min"
        assert figure_text(2.5, "‰") == "2.5‰"
    with translation.override("id"):
        assert figure_text(2.5, "‰") == "2,5‰"


def test_line_chart_svg_is_valid_escaped_and_readable_in_black_and_white():
    labels = ["Jan <26>", "Feb & co", "Mar 26", "Apr 26"]
    chart = line_chart(
        'Trend "a" <script>alert(1)</script>',
        labels,
        [Series("Capaian <b>", [50.0, None, 70.0, 80.0]), Series("Disiplin", [90, 91, 92, 93])],
        figure=figure_text,
        y_max=100,
        marker_index=2,
        marker_label="WFA & start",
    )
    assert not chart.empty
    # A gap splits the first series in two runs; one polyline for the second.
    assert [len(p.points) for p in chart.polylines] == [1, 2, 4]
    svg = to_svg(chart, chart_id="c-1")
    root = parse(svg)
    assert_safe(root)
    assert "<script>" not in svg
    assert root.find(f"{SVG}title").text == 'Trend "a" <script>alert(1)</script>'
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Jan <26>" in texts
    assert "WFA & start" in texts
    assert "Capaian <b>" in texts  # the legend
    tips = [t.text for t in root.iter(f"{SVG}title")]
    assert "Capaian <b>, Jan <26>: 50%" in tips
    # Series differ by dash pattern too (black-and-white print); the marker is dashed.
    dashes = {p.attrib.get("stroke-dasharray", "") for p in root.iter(f"{SVG}polyline")}
    assert dashes == {style_of(0)[1], style_of(1)[1]}
    assert len(dashes) == 2
    assert any(ln.attrib.get("stroke-dasharray") == "4 3" for ln in root.iter(f"{SVG}line"))
    assert root.attrib["role"] == "img"
    assert root.attrib["aria-labelledby"] == "c-1-title"


def test_line_chart_values_stay_in_the_box():
    chart = line_chart(
        "t", ["a", "b"], [Series("s", [-5.0, 250.0])], figure=figure_text, y_max=100, height=200
    )
    ys = [y for p in chart.polylines for _x, y in p.points]
    assert min(ys) >= 26.0
    assert max(ys) <= 200 - 24.0


def test_bar_chart_links_and_escapes():
    chart = bar_chart(
        "Capaian",
        [
            BarRow("Dinas <A> & B", 64.0, href="/insights/units/3/?month=2026-01&x=<y>"),
            BarRow("Tanpa angka", None),
            BarRow("Bappeda " + "x" * 60, 88.0, note="2 alerts"),
        ],
        figure=figure_text,
        x_max=100,
        reference=70,
        reference_label="ambang 70 %",
    )
    root = parse(to_svg(chart, chart_id="bars"))
    assert_safe(root)
    links = list(root.iter(f"{SVG}a"))
    assert [a.attrib["href"] for a in links] == ["/insights/units/3/?month=2026-01&x=<y>"]
    assert len(list(root.iter(f"{SVG}rect"))) == 2  # no bar for the row without a value
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Dinas <A> & B" in texts
    assert "–" in texts
    assert "88% · 2 alerts" in texts
    assert any(t.endswith("…") and len(t) == 34 for t in texts)
    assert "ambang 70 %" in texts


@pytest.mark.parametrize("kind", ["line", "bar", "line_all_none"])
def test_empty_charts_are_valid(kind):
    if kind == "line":
        chart = line_chart("Kosong", [], [], figure=figure_text)
    elif kind == "line_all_none":
        chart = line_chart("Kosong", ["a", "b"], [Series("s", [None, None])], figure=figure_text)
    else:
        chart = bar_chart("Kosong", [], figure=figure_text)
    assert chart.empty
    root = parse(to_svg(chart, chart_id="e"))
    assert_safe(root)
    assert list(root.iter(f"{SVG}polyline")) == []
    assert list(root.iter(f"{SVG}rect")) == []
