"""People's words for the policy engine: parameter labels, and the text of every rule result
in the active language (the trace stores Bahasa Indonesia and English)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fleksi.audit.domain.chain import to_jsonable
from fleksi.common.formats import number_text
from fleksi.policy.domain.engine import TraceEntry
from fleksi.policy.messages_requests import request_message

PARAM_LABELS: Mapping[str, Any] = {
    "allowed_asn_types": gettext_lazy("ASN types that may use WFA"),
    "probation_after_appointment_months": gettext_lazy("Months after appointment without WFA"),
    "probation_after_promotion_months": gettext_lazy("Months after a promotion without WFA"),
    "probation_after_transfer_months": gettext_lazy("Months after a transfer without WFA"),
    "probation_after_rotation_months": gettext_lazy("Months after a rotation without WFA"),
    "exclude_disciplinary": gettext_lazy(
        "Exclude employees under disciplinary examination or penalty"
    ),
    "min_last_rating": gettext_lazy("Minimum last performance rating"),
    "exclude_public_service_units": gettext_lazy("Exclude direct public-service units"),
    "excluded_unit_kinds": gettext_lazy("Unit kinds excluded from WFA"),
    "allowed_position_classes": gettext_lazy("Position classes that may use WFA"),
    "class_capable_min_share": gettext_lazy(
        "Share of working time in suitable duties for “WFA-capable”"
    ),
    "class_partly_min_share": gettext_lazy(
        "Share of working time in suitable duties for “partly capable”"
    ),
    "extra_duty_criteria": gettext_lazy("Extra duty criteria set by the PPK"),
    "max_wfa_days_per_week": gettext_lazy("Maximum WFA days per week"),
    "week_cap_exempt_kinds": gettext_lazy("Request kinds exempt from the weekly maximum"),
    "default_max_offsite_share": gettext_lazy("Share of a unit allowed off-site per day"),
    "min_onsite_public_service": gettext_lazy("Minimum on site in a public-service unit"),
    "blackout_dates": gettext_lazy("Days without WFA"),
    "roster_unrequested_wfa_price": gettext_lazy(
        "Roster: cost of a WFA day nobody asked for (a missed wish costs 4)"
    ),
    "roster_min_wfa_days_per_month": gettext_lazy(
        "Roster: WFA days each eligible employee is given at least per month"
    ),
    "request_lead_days": gettext_lazy("Working days of notice for a request"),
    "approval_deadline_days": gettext_lazy("Working days before a pending request escalates"),
    "allowed_location_types": gettext_lazy("Allowed WFA locations"),
    "place_decider": gettext_lazy("Who decides on another place (delegate of the PPK)"),
    "min_connectivity": gettext_lazy("Minimum connectivity of a WFA location"),
    "connectivity_rule_mode": gettext_lazy("Below the minimum connectivity"),
    "readiness_points_none": gettext_lazy("Readiness points: no signal"),
    "readiness_points_2g": gettext_lazy("Readiness points: 2G"),
    "readiness_points_4g": gettext_lazy("Readiness points: 4G"),
    "readiness_points_radio_link": gettext_lazy("Readiness points: radio link"),
    "readiness_points_vsat": gettext_lazy("Readiness points: VSAT/satellite"),
    "readiness_points_fibre": gettext_lazy("Readiness points: fibre optic"),
    "checkins_per_day": gettext_lazy("Check-ins per day"),
    "geofence_radius_m": gettext_lazy("Geofence radius (m)"),
    "offline_sync_window_hours": gettext_lazy("Offline check-ins accepted for (hours)"),
    "location_retention_days": gettext_lazy("Positions kept for (days)"),
    "wfa_desa_radius_m": gettext_lazy(
        "Radius around the desa centre when a WFA place is known only by its desa (m)"
    ),
    "max_travel_speed_kmh": gettext_lazy("Travel speed between check-ins flagged above (km/h)"),
    "max_accuracy_m": gettext_lazy("Position accuracy flagged when worse than (m)"),
    "max_clock_skew_minutes": gettext_lazy("Device clock error flagged above (minutes)"),
    "integrity_blocks": gettext_lazy("Integrity signals stop a check-in from counting"),
    "report_deadline_days": gettext_lazy("Days to report the output of a WFA day"),
    "verification_deadline_days": gettext_lazy("Days for the supervisor to verify"),
    "max_unreported_wfa_days": gettext_lazy("Unreported WFA days allowed before new requests stop"),
    "revocation_min_achievement_pct": gettext_lazy(
        "Monthly achievement below which WFA is suspended (%)"
    ),
    "revocation_max_unreported_days": gettext_lazy("Unreported days in a month that suspend WFA"),
    "suspension_days": gettext_lazy("Suspension period (days)"),
    "revocation_warning_day": gettext_lazy(
        "Day of the month from which people at risk of a WFA suspension are warned"
    ),
    "suspension_notice_days": gettext_lazy(
        "Days between the monthly check and the first day of a suspension"
    ),
    "safeguard_degradation_pct": gettext_lazy(
        "Degradation of a public service that raises an alert (%)"
    ),
    "safeguard_recent_days": gettext_lazy("Recent window compared with the baseline (days)"),
    "rating_above_min_achievement_pct": gettext_lazy(
        "Suggested “above expectation” from this output achievement (%)"
    ),
    "rating_above_min_quality": gettext_lazy("… and this mean quality (0–100)"),
    "rating_above_min_on_time_pct": gettext_lazy("… and this share of reports on time (%)"),
    "rating_as_min_achievement_pct": gettext_lazy(
        "Suggested “as expected” from this output achievement (%)"
    ),
    "rating_as_min_quality": gettext_lazy("… and this mean quality (0–100)"),
    "monev_min_attendance_pct": gettext_lazy(
        "A unit is of concern below this attendance compliance (%)"
    ),
    "monev_min_readiness_pct": gettext_lazy(
        "A unit is of concern below this readiness of its WFA-capable staff's homes (%)…"
    ),
    "monev_wfa_use_high_pct": gettext_lazy(
        "…when WFA is used on at least this share of its working days (%)"
    ),
    "safeguard_baseline_days": gettext_lazy("Baseline window before the WFA start (days)"),
    "safeguard_min_days": gettext_lazy("Days with figures needed in each window"),
    "tpp_performance_share": gettext_lazy(
        "TPP: the performance part (%); the rest is attendance and discipline"
    ),
    "tpp_band1_max_minutes": gettext_lazy("TPP: first band of minutes late or early, up to"),
    "tpp_band2_max_minutes": gettext_lazy("TPP: second band, up to (minutes)"),
    "tpp_band3_max_minutes": gettext_lazy("TPP: third band, up to (minutes); beyond it the fourth"),
    "tpp_late_band1_share": gettext_lazy("TPP: deduction per day late, first band (%)"),
    "tpp_late_band2_share": gettext_lazy("TPP: deduction per day late, second band (%)"),
    "tpp_late_band3_share": gettext_lazy("TPP: deduction per day late, third band (%)"),
    "tpp_late_band4_share": gettext_lazy("TPP: deduction per day late, fourth band (%)"),
    "tpp_late_cap_share": gettext_lazy("TPP: most deducted for lateness in a month (%)"),
    "tpp_early_band1_share": gettext_lazy("TPP: deduction per day left early, first band (%)"),
    "tpp_early_band2_share": gettext_lazy("TPP: deduction per day left early, second band (%)"),
    "tpp_early_band3_share": gettext_lazy("TPP: deduction per day left early, third band (%)"),
    "tpp_early_band4_share": gettext_lazy("TPP: deduction per day left early, fourth band (%)"),
    "tpp_early_cap_share": gettext_lazy("TPP: most deducted for leaving early in a month (%)"),
    "tpp_absent_share": gettext_lazy("TPP: deduction per day absent without notice (%)"),
    "tpp_absent_cap_share": gettext_lazy(
        "TPP: most deducted for absence without notice in a month (%)"
    ),
    "tpp_unreported_wfa_share": gettext_lazy(
        "TPP: deduction per WFA day without an output report (%)"
    ),
    "tpp_unreported_wfa_cap_share": gettext_lazy(
        "TPP: most deducted for unreported WFA days in a month (%)"
    ),
    "tpp_missing_report_share": gettext_lazy(
        "TPP: deduction per planned day without its daily report (%)"
    ),
    "tpp_missing_report_cap_share": gettext_lazy(
        "TPP: most deducted for missing daily reports in a month (%)"
    ),
    "tpp_discipline_share": gettext_lazy(
        "TPP: deduction in a month while a disciplinary penalty runs (%)"
    ),
    "tpp_perf_sangat_baik_share": gettext_lazy("TPP: performance part paid for Sangat Baik (%)"),
    "tpp_perf_baik_share": gettext_lazy("TPP: performance part paid for Baik (%)"),
    "tpp_perf_butuh_perbaikan_share": gettext_lazy(
        "TPP: performance part paid for Butuh Perbaikan (%)"
    ),
    "tpp_perf_kurang_share": gettext_lazy("TPP: performance part paid for Kurang/Misconduct (%)"),
    "tpp_perf_sangat_kurang_share": gettext_lazy(
        "TPP: performance part paid for Sangat Kurang (%)"
    ),
    "articles": gettext_lazy("Legal references"),
}

RULE_LABELS: Mapping[str, Any] = {
    "asn_type": gettext_lazy("ASN type"),
    "discipline": gettext_lazy("Discipline"),
    "probation_appointment": gettext_lazy("New appointment"),
    "probation_promotion": gettext_lazy("Recent promotion"),
    "probation_transfer": gettext_lazy("Recent transfer"),
    "probation_rotation": gettext_lazy("Recent rotation"),
    "rating": gettext_lazy("Performance rating"),
    "public_service_unit": gettext_lazy("Public-service unit"),
    "unit_kind": gettext_lazy("Unit kind"),
    "position_class": gettext_lazy("Duty mapping of the position"),
    "policy_in_force": gettext_lazy("Policy in force"),
    "no_policy": gettext_lazy("No policy in force"),
    "active": gettext_lazy("Active record"),
    "working_day": gettext_lazy("Working day"),
    "blackout": gettext_lazy("Day without WFA"),
    "lead_time": gettext_lazy("Notice period"),
    "eligibility": gettext_lazy("Eligibility"),
    "weekly_cap": gettext_lazy("Maximum per week"),
    "unit_share": gettext_lazy("Unit quota off-site"),
    "min_onsite": gettext_lazy("Minimum on site"),
    "location_type": gettext_lazy("Place"),
    "location_connectivity": gettext_lazy("Connectivity of the place"),
    "suspension": gettext_lazy("WFA suspension"),
    "unreported_outputs": gettext_lazy("Unreported WFA days"),
    "published_roster": gettext_lazy("Published roster"),
}

GROUP_LABELS: Mapping[str, Any] = {
    "eligibility": gettext_lazy("Who may use WFA"),
    "mapping": gettext_lazy("Duty mapping"),
    "requests": gettext_lazy("Requests, quotas and places"),
    "places": gettext_lazy("Digital readiness of places"),
    "presence": gettext_lazy("Presence"),
    "outputs": gettext_lazy("Outputs and revocation"),
    "safeguard": gettext_lazy("Public-service safeguard"),
    "monitoring": gettext_lazy("Monitoring and evaluation"),
    "tpp": gettext_lazy("Regional allowance (TPP): split and deductions"),
}


def value_label(value: Any) -> str:
    """A parameter or observed value in words (dates localised, sets joined)."""
    choice_labels = _choice_labels(translation.get_language() or "")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, date):
        return formats.date_format(value, "j F Y")
    if isinstance(value, list | tuple | set | frozenset):
        items = [
            value_label(v) for v in (sorted(value) if isinstance(value, set | frozenset) else value)
        ]
        return ", ".join(items) if items else "—"
    if isinstance(value, float):
        if value <= 1:
            return f"{number_text(value * 100)} %"
        shortest = f"{value:g}"  # as many decimals as the value has (1.5 -> 1 decimal)
        return number_text(value, len(shortest.partition(".")[2]) if "e" not in shortest else 2)
    if value is None or value == "":
        return "—"
    return str(choice_labels.get(str(value), value))


@functools.lru_cache(maxsize=8)
def _choice_labels(language: str) -> dict[str, Any]:
    """The words for choice values in ``language`` (cached: built once per language)."""
    return {
        "pns": _("PNS"),
        "cpns": _("CPNS"),
        "pppk": _("PPPK (full time)"),
        "pppk_pw": _("PPPK (part time)"),
        "sangat_baik": _("Sangat Baik"),
        "baik": _("Baik"),
        "butuh_perbaikan": _("Butuh Perbaikan"),
        "kurang": _("Kurang/Misconduct"),
        "sangat_kurang": _("Sangat Kurang"),
        "capable": _("WFA-capable"),
        "partly": _("partly capable"),
        "onsite": _("on-site only"),
        "unassessed": _("not yet mapped"),
        "office": _("another office of the agency"),
        "home": _("home (recorded domicile)"),
        "approved_place": _("a place approved beforehand"),
        "regular": _("regular WFA"),
        "official_duty": _("duties outside the office"),
        "special_circumstances": _("special circumstances"),
        "refuse": _("refuse the request"),
        "warn": _("allow with a warning"),
        "none": _("no signal"),
        "2g": "2G",
        "4g": "4G",
        "radio_link": _("radio link"),
        "vsat": _("VSAT/satellite"),
        "fibre": _("fibre optic"),
        # levels before 3G was switched off (traces and audit entries written before then)
        "3g": "3G",
        "broadband": _("fixed broadband"),
        "bupati": _("the Bupati (PPK)"),
        "sekda": _("the Sekda"),
        "bkpsdm": _("the BKPSDM"),
        "opd_head": _("the head of the perangkat daerah"),
        "unit_head": _("the head of the unit"),
        "in_process": _("under disciplinary examination"),
        "serving": _("serving a disciplinary penalty"),
    }


def _message(entry: TraceEntry) -> str:
    o, lim, d = value_label(entry.observed), value_label(entry.limit), entry.details
    until = value_label(d.get("until")) if d.get("until") else ""
    eligible_from = value_label(d.get("eligible_from")) if d.get("eligible_from") else ""
    # Only the entry's own sentence is built (each a function): building all of them for every
    # entry translated every sentence of the catalogue twice per rule of a stored trace.
    texts: dict[str, Callable[[], str]] = {
        "asn_type.pass": lambda: _("Your ASN type (%(o)s) may use WFA.") % {"o": o},
        "asn_type.fail": lambda: (
            _("Your ASN type (%(o)s) may not use WFA; allowed: %(lim)s.") % {"o": o, "lim": lim}
        ),
        "discipline.pass": lambda: _("No disciplinary examination or penalty is recorded."),
        "discipline.off": lambda: _("This policy does not exclude disciplinary cases."),
        "discipline.in_process": lambda: (
            _("You are under disciplinary examination%(u)s.")
            % {"u": (_(" until %(d)s") % {"d": until}) if until else ""}
        ),
        "discipline.serving": lambda: (
            _("You are serving a disciplinary penalty%(u)s.")
            % {"u": (_(" until %(d)s") % {"d": until}) if until else ""}
        ),
        "probation_appointment.pass": lambda: (
            _("Appointed on %(o)s: past the first %(lim)s months.") % {"o": o, "lim": lim}
        ),
        "probation_appointment.fail": lambda: (
            _("Appointed on %(o)s: new employees wait %(lim)s months; WFA possible from %(f)s.")
            % {"o": o, "lim": lim, "f": eligible_from}
        ),
        "probation_appointment.none": lambda: _("No appointment waiting period applies."),
        "probation_promotion.pass": lambda: (
            _("Promoted on %(o)s: past the %(lim)s-month wait.") % {"o": o, "lim": lim}
        ),
        "probation_promotion.fail": lambda: (
            _("Promoted on %(o)s: wait %(lim)s months; WFA possible from %(f)s.")
            % {"o": o, "lim": lim, "f": eligible_from}
        ),
        "probation_promotion.none": lambda: _("No recent promotion."),
        "probation_transfer.pass": lambda: (
            _("Transferred on %(o)s: past the %(lim)s-month wait.") % {"o": o, "lim": lim}
        ),
        "probation_transfer.fail": lambda: (
            _("Transferred on %(o)s: wait %(lim)s months; WFA possible from %(f)s.")
            % {"o": o, "lim": lim, "f": eligible_from}
        ),
        "probation_transfer.none": lambda: _("No recent transfer."),
        "probation_rotation.pass": lambda: (
            _("Rotated on %(o)s: past the %(lim)s-month wait.") % {"o": o, "lim": lim}
        ),
        "probation_rotation.fail": lambda: (
            _("Rotated on %(o)s: wait %(lim)s months; WFA possible from %(f)s.")
            % {"o": o, "lim": lim, "f": eligible_from}
        ),
        "probation_rotation.none": lambda: _("No recent rotation."),
        "rating.pass": lambda: (
            _("Last rating %(o)s meets the minimum (%(lim)s).") % {"o": o, "lim": lim}
        ),
        "rating.fail": lambda: (
            _("Last rating %(o)s is below the minimum (%(lim)s).") % {"o": o, "lim": lim}
        ),
        "rating.missing": lambda: (
            _("No performance rating is recorded; the minimum is %(lim)s.") % {"lim": lim}
        ),
        "rating.off": lambda: _("This policy sets no minimum rating."),
        "public_service_unit.pass": lambda: _("Your unit is not a direct public-service unit."),
        "public_service_unit.off": lambda: _("This policy does not exclude public-service units."),
        "public_service_unit.fail": lambda: _(
            "Your unit serves the public directly and stays on site."
        ),
        "public_service_unit.exception": lambda: (
            _("Your unit serves the public directly, but an exception applies until %(u)s.")
            % {"u": until}
        ),
        "unit_kind.pass": lambda: _("Your unit's kind is not excluded."),
        "unit_kind.fail": lambda: _("Units of this kind (%(o)s) are excluded from WFA.") % {"o": o},
        "position_class.pass": lambda: _("Your position is %(o)s.") % {"o": o},
        "position_class.exception": lambda: (
            _("By exception until %(u)s, your position counts as %(o)s.") % {"u": until, "o": o}
        ),
        "position_class.onsite": lambda: _(
            "Your position is on-site only according to the duty mapping."
        ),
        "position_class.unassessed": lambda: _(
            "The duties of your position have not been mapped and approved yet."
        ),
        "position_class.partly": lambda: _(
            "Your position is partly capable, which this policy does not allow."
        ),
        "position_class.capable": lambda: _(
            "Your position is WFA-capable, which this policy does not allow."
        ),
        "location_connectivity.pass": lambda: (
            _("Connectivity at this place: %(o)s (minimum %(lim)s).") % {"o": o, "lim": lim}
        ),
        "location_connectivity.fail": lambda: (
            _(
                "Connectivity at this place: %(o)s, below the minimum (%(lim)s). WFA from there "
                "is not allowed."
            )
            % {"o": o, "lim": lim}
        ),
        "location_connectivity.warn": lambda: (
            _(
                "Connectivity at this place: %(o)s, below the minimum (%(lim)s). Work may be "
                "interrupted."
            )
            % {"o": o, "lim": lim}
        ),
        "location_connectivity.not_ready": lambda: (
            _(
                "Connectivity at this place: %(o)s, but the place does not count as ready "
                "(electricity or blank spot)."
            )
            % {"o": o}
        ),
        "location_connectivity.unknown": lambda: _(
            "The connectivity of this place is not recorded yet (Diskominfo keeps it)."
        ),
        "location_connectivity.office": lambda: _(
            "An office of the agency: no connectivity check."
        ),
        "location_connectivity.off": lambda: _("This policy sets no minimum connectivity."),
        "suspension.pass": lambda: _("No WFA suspension applies."),
        "suspension.fail": lambda: (
            _(
                "WFA is suspended until %(u)s after the monthly output check; your supervisor "
                "may reinstate it."
            )
            % {"u": until}
        ),
    }
    if entry.code in texts:
        return texts[entry.code]()
    return request_message(entry, value_label) or entry.code


def trace_message(entry: TraceEntry, language: str | None = None) -> str:
    if language is None:
        return _message(entry)
    with translation.override(language):
        return _message(entry)


def trace_to_json(trace: tuple[TraceEntry, ...]) -> list[dict[str, Any]]:
    """The stored form of a trace: every rule with its article and both languages."""
    return [
        {
            "rule": t.rule,
            "article": t.article,
            "outcome": str(t.outcome),
            "code": t.code,
            "observed": to_jsonable(t.observed),
            "limit": to_jsonable(t.limit),
            "details": to_jsonable(dict(t.details)),
            "message_id": trace_message(t, "id"),
            "message_en": trace_message(t, "en"),
        }
        for t in trace
    ]
