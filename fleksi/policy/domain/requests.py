"""Request-level rules: may this employee work from anywhere on this day, given the unit's
quota and staffing, the calendar, the notice given and the place?

The caller builds one :class:`DayFacts` per requested day, counting what is already decided
(at submission: approved and pending days; at approval: approved days), and including the
day itself as if it were granted. Each rule is one small function, as in ``eligibility``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from fleksi.policy.domain.engine import Outcome, Rule, RuleResult
from fleksi.policy.domain.location import LocationFacts, location_connectivity
from fleksi.policy.domain.params import PolicyParams


@dataclass(frozen=True)
class QuotaFacts:
    """A unit whose share off-site applies (the perangkat daerah, or a unit with its own)."""

    unit_id: int
    unit_name: str
    offsite_after: int  # off-site that day if this day is granted
    headcount: int  # people of the unit expected at work that day (not on leave)
    share: float


@dataclass(frozen=True)
class StaffingFacts:
    """A unit (optionally one role in it) that must keep a minimum on site."""

    unit_id: int
    unit_name: str
    onsite_after: int  # on site that day if this day is granted
    minimum: int
    role: str = ""


@dataclass(frozen=True)
class DayFacts:
    employee_id: int
    day: date
    request_kind: str  # regular | official_duty | special_circumstances
    location_type: str  # office | home | approved_place
    is_working_day: bool
    holiday_name: str | None
    lead_working_days: int  # working days from the submission to the day
    eligible: bool
    eligibility_failures: tuple[str, ...]
    week_wfa_days: int  # WFA days in the day's week, this one included
    quotas: tuple[QuotaFacts, ...] = ()
    staffing: tuple[StaffingFacts, ...] = ()
    location: LocationFacts | None = None
    extra: dict[str, object] = field(default_factory=dict)
    # Dinas luar: a surat tugas (number, date and file) is on record for the request.
    duty_letter: bool = False


def allowed_offsite(headcount: int, share: float) -> int:
    """How many of ``headcount`` may be off-site under ``share`` (rounded down)."""
    return math.floor(share * headcount + 1e-9)


def working_day(f: DayFacts, p: PolicyParams) -> RuleResult:
    if f.is_working_day:
        return RuleResult("working_day", "", Outcome.PASS, "working_day.pass", f.day)
    return RuleResult(
        "working_day",
        "",
        Outcome.FAIL,
        "working_day.fail",
        f.day,
        details={"holiday": f.holiday_name or ""},
    )


def blackout(f: DayFacts, p: PolicyParams) -> RuleResult:
    if f.day in p.blackout_dates:
        return RuleResult("blackout", "blackout_dates", Outcome.FAIL, "blackout.fail", f.day)
    return RuleResult("blackout", "blackout_dates", Outcome.PASS, "blackout.pass", f.day)


def lead_time(f: DayFacts, p: PolicyParams) -> RuleResult:
    param = "request_lead_days"
    if f.request_kind == "special_circumstances":
        return RuleResult("lead_time", param, Outcome.SKIP, "lead_time.exempt")
    if f.lead_working_days < p.request_lead_days:
        return RuleResult(
            "lead_time",
            param,
            Outcome.FAIL,
            "lead_time.fail",
            f.lead_working_days,
            p.request_lead_days,
        )
    return RuleResult(
        "lead_time", param, Outcome.PASS, "lead_time.pass", f.lead_working_days, p.request_lead_days
    )


def eligibility(f: DayFacts, p: PolicyParams) -> RuleResult:
    if f.eligible:
        return RuleResult("eligibility", "", Outcome.PASS, "eligibility.pass", True, True)
    return RuleResult(
        "eligibility",
        "",
        Outcome.FAIL,
        "eligibility.fail",
        False,
        True,
        {"rules": list(f.eligibility_failures)},
    )


def weekly_cap(f: DayFacts, p: PolicyParams) -> RuleResult:
    """At most ``max_wfa_days_per_week`` a week (Pasal 13 ayat (1)); the exempt kinds are not
    counted (Pasal 13), but dinas luar only with a surat tugas on record: without one it
    counts like any WFA day."""
    param = "max_wfa_days_per_week"
    no_letter = f.request_kind == "official_duty" and not f.duty_letter
    if f.request_kind in p.week_cap_exempt_kinds and not no_letter:
        return RuleResult(
            "weekly_cap", "week_cap_exempt_kinds", Outcome.SKIP, "weekly_cap.exempt", f.request_kind
        )
    if f.week_wfa_days > p.max_wfa_days_per_week:
        return RuleResult(
            "weekly_cap",
            param,
            Outcome.FAIL,
            "weekly_cap.no_letter" if no_letter else "weekly_cap.fail",
            f.week_wfa_days,
            p.max_wfa_days_per_week,
        )
    return RuleResult(
        "weekly_cap",
        param,
        Outcome.PASS,
        "weekly_cap.pass",
        f.week_wfa_days,
        p.max_wfa_days_per_week,
    )


def unit_share(f: DayFacts, p: PolicyParams) -> RuleResult:
    param = "default_max_offsite_share"
    for q in f.quotas:
        limit = allowed_offsite(q.headcount, q.share)
        if q.offsite_after > limit:
            return RuleResult(
                "unit_share",
                param,
                Outcome.FAIL,
                "unit_share.fail",
                q.offsite_after,
                limit,
                {"unit": q.unit_name, "share": q.share, "headcount": q.headcount},
            )
    if not f.quotas:
        return RuleResult("unit_share", param, Outcome.SKIP, "unit_share.none")
    tightest = min(f.quotas, key=lambda q: allowed_offsite(q.headcount, q.share) - q.offsite_after)
    return RuleResult(
        "unit_share",
        param,
        Outcome.PASS,
        "unit_share.pass",
        tightest.offsite_after,
        allowed_offsite(tightest.headcount, tightest.share),
        {"unit": tightest.unit_name},
    )


def min_onsite(f: DayFacts, p: PolicyParams) -> RuleResult:
    param = "min_onsite_public_service"
    for s in f.staffing:
        if s.onsite_after < s.minimum:
            return RuleResult(
                "min_onsite",
                param,
                Outcome.FAIL,
                "min_onsite.fail",
                s.onsite_after,
                s.minimum,
                {"unit": s.unit_name, "role": s.role},
            )
    if not f.staffing:
        return RuleResult("min_onsite", param, Outcome.SKIP, "min_onsite.none")
    tightest = min(f.staffing, key=lambda s: s.onsite_after - s.minimum)
    return RuleResult(
        "min_onsite",
        param,
        Outcome.PASS,
        "min_onsite.pass",
        tightest.onsite_after,
        tightest.minimum,
        {"unit": tightest.unit_name, "role": tightest.role},
    )


def location_type(f: DayFacts, p: PolicyParams) -> RuleResult:
    param = "allowed_location_types"
    if f.location_type in p.allowed_location_types:
        return RuleResult(
            "location_type",
            param,
            Outcome.PASS,
            "location_type.pass",
            f.location_type,
            sorted(p.allowed_location_types),
        )
    return RuleResult(
        "location_type",
        param,
        Outcome.FAIL,
        "location_type.fail",
        f.location_type,
        sorted(p.allowed_location_types),
    )


def place_connectivity(f: DayFacts, p: PolicyParams) -> RuleResult:
    if f.location is None:
        return RuleResult(
            "location_connectivity", "min_connectivity", Outcome.SKIP, "location_connectivity.off"
        )
    return location_connectivity(f.location, p)


def unreported_outputs(f: DayFacts, p: PolicyParams) -> RuleResult:
    """No new WFA days while the employee has more past WFA days without an output report
    (their report deadline passed) than the policy allows. The count is an extra fact added
    by the output supervision (``extra["unreported_wfa_days"]``); without it the rule is
    skipped."""
    param = "max_unreported_wfa_days"
    count = f.extra.get("unreported_wfa_days")
    if not isinstance(count, int) or isinstance(count, bool):
        return RuleResult("unreported_outputs", param, Outcome.SKIP, "unreported_outputs.off")
    if count > p.max_unreported_wfa_days:
        return RuleResult(
            "unreported_outputs",
            param,
            Outcome.FAIL,
            "unreported_outputs.fail",
            count,
            p.max_unreported_wfa_days,
        )
    return RuleResult(
        "unreported_outputs",
        param,
        Outcome.PASS,
        "unreported_outputs.pass",
        count,
        p.max_unreported_wfa_days,
    )


def published_roster(f: DayFacts, p: PolicyParams) -> RuleResult:
    """A regular WFA day on a day the published roster of the employee's unit plans them on
    site is refused (the head of unit changes the roster instead). The placement is an extra
    fact added by the roster (``extra["roster_placement"]``: ``"wfa"``, ``"onsite"`` or
    None); without a published roster, and for official duty or special circumstances
    (not planned by a roster), the rule is skipped."""
    placement = f.extra.get("roster_placement")
    if placement not in ("wfa", "onsite"):
        return RuleResult("published_roster", "", Outcome.SKIP, "published_roster.none")
    if f.request_kind != "regular":
        return RuleResult(
            "published_roster", "", Outcome.SKIP, "published_roster.exempt", f.request_kind
        )
    if placement == "onsite":
        return RuleResult(
            "published_roster", "", Outcome.FAIL, "published_roster.fail", "onsite", "wfa"
        )
    return RuleResult("published_roster", "", Outcome.PASS, "published_roster.pass", "wfa", "wfa")


REQUEST_RULES: tuple[Rule[DayFacts], ...] = (
    Rule("working_day", "", working_day),
    Rule("blackout", "blackout_dates", blackout),
    Rule("lead_time", "request_lead_days", lead_time),
    Rule("eligibility", "", eligibility),
    Rule("weekly_cap", "max_wfa_days_per_week", weekly_cap),
    Rule("unit_share", "default_max_offsite_share", unit_share),
    Rule("min_onsite", "min_onsite_public_service", min_onsite),
    Rule("location_type", "allowed_location_types", location_type),
    Rule("location_connectivity", "min_connectivity", place_connectivity),
    Rule("unreported_outputs", "max_unreported_wfa_days", unreported_outputs),
    Rule("published_roster", "", published_roster),
)
