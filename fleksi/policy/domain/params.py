"""The parameters of a policy version (the Perbup's numbers), typed and validated.

Defaults follow the domain brief (§2); every one of them is a value the regency may change in
a new policy version. Each parameter names the article it comes from; a version may replace
that reference with the article of its own Perbup (``PolicyParams.articles``).

Pure Python: labels for people live in ``fleksi.policy.labels``.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

ASN_TYPES = ("pns", "cpns", "pppk", "pppk_pw")
RATINGS = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")  # best first
UNIT_KINDS = (
    "opd",
    "kecamatan",
    "rsud",
    "other",
    "sekretariat",
    "bagian",
    "bidang",
    "subbagian",
    "seksi",
    "upt",
    "puskesmas",
    "sekolah",
    "kelurahan",
)
POSITION_CLASSES = ("capable", "partly", "onsite", "unassessed")
LOCATION_TYPES = ("office", "home", "approved_place")
REQUEST_KINDS = ("regular", "official_duty", "special_circumstances")
# Connectivity levels as Kukar has them (3G is gone); which is better is the policy's points
# (``readiness_points_<level>``), this is only the order of display.
NETWORK_LEVELS = ("none", "2g", "4g", "radio_link", "vsat", "fibre")
RULE_MODES = ("refuse", "warn")
# Who decides on "another place" (Pasal 11): the PPK's delegate named in the Perbup.
PLACE_DECIDERS = ("bupati", "sekda", "bkpsdm", "opd_head", "unit_head")

PERMEN = "PermenPANRB 4/2025"
# Perpres 21/2023 Pasal 8: the PPK decides which kinds of duty and which employees may work
# flexibly (the basis of the PPK's own eligibility criteria).
PERPRES_PPK = "Perpres 21/2023 Pasal 8"
# How a basis is shown when the value is the PPK's choice written in the Perbup.
PPK_BASIS = "Ditetapkan PPK dalam Perbup"


@dataclass(frozen=True)
class Spec:
    """How one parameter is checked and compared."""

    kind: str  # int | share | bool | choice | choices | dates | criteria
    # The national article: the one that sets the rule itself, or (with ``ppk``) the one that
    # leaves the value to the PPK ("" when no national article speaks of it).
    article: str
    group: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    # Which direction is stricter (for diffs and the monotonicity property):
    # "higher", "lower", "subset" (fewer allowed), "superset" (more excluded), "true", or "".
    stricter: str = ""
    # True when the value is the PPK's choice written in the Perbup (not a national number).
    ppk: bool = False


def _p(default: Any, spec: Spec) -> Any:
    if isinstance(default, list | set | frozenset | tuple | dict):
        return field(default_factory=lambda: default, metadata={"spec": spec})
    return field(default=default, metadata={"spec": spec})


@dataclass(frozen=True)
class PolicyParams:
    # --- Who (employee eligibility) -------------------------------------------------------
    allowed_asn_types: frozenset[str] = _p(
        frozenset({"pns", "pppk", "pppk_pw"}),
        Spec(
            "choices",
            f"{PERMEN} Pasal 25",
            "eligibility",
            choices=ASN_TYPES,
            stricter="subset",
        ),
    )
    probation_after_appointment_months: int = _p(
        12, Spec("int", f"{PERMEN} Pasal 25", "eligibility", 0, 60, stricter="higher", ppk=True)
    )
    probation_after_promotion_months: int = _p(
        6, Spec("int", f"{PERMEN} Pasal 25", "eligibility", 0, 60, stricter="higher", ppk=True)
    )
    probation_after_transfer_months: int = _p(
        6, Spec("int", f"{PERMEN} Pasal 25", "eligibility", 0, 60, stricter="higher", ppk=True)
    )
    probation_after_rotation_months: int = _p(
        3, Spec("int", f"{PERMEN} Pasal 25", "eligibility", 0, 60, stricter="higher", ppk=True)
    )
    exclude_disciplinary: bool = _p(
        True, Spec("bool", f"{PERMEN} Pasal 25", "eligibility", stricter="true")
    )
    min_last_rating: str = _p(
        "baik",
        Spec(
            "choice",
            PERPRES_PPK,
            "eligibility",
            choices=("", *RATINGS),
            stricter="higher",
            ppk=True,
        ),
    )
    exclude_public_service_units: bool = _p(
        True, Spec("bool", PERPRES_PPK, "eligibility", stricter="true", ppk=True)
    )
    excluded_unit_kinds: frozenset[str] = _p(
        frozenset(),
        Spec(
            "choices", PERPRES_PPK, "eligibility", choices=UNIT_KINDS, stricter="superset", ppk=True
        ),
    )
    allowed_position_classes: frozenset[str] = _p(
        frozenset({"capable", "partly"}),
        Spec(
            "choices",
            f"{PERMEN} Pasal 23",
            "eligibility",
            choices=POSITION_CLASSES,
            stricter="subset",
        ),
    )
    # --- Duty mapping --------------------------------------------------------------------
    class_capable_min_share: float = _p(
        0.75, Spec("share", f"{PERMEN} Pasal 23", "mapping", 0, 1, stricter="higher", ppk=True)
    )
    class_partly_min_share: float = _p(
        0.25, Spec("share", f"{PERMEN} Pasal 23", "mapping", 0, 1, stricter="higher", ppk=True)
    )
    extra_duty_criteria: tuple[tuple[str, str, str], ...] = _p(
        (), Spec("criteria", f"{PERMEN} Pasal 23", "mapping", ppk=True)
    )
    # --- Requests and quotas -------------------------------------------------------------
    max_wfa_days_per_week: int = _p(
        2, Spec("int", f"{PERMEN} Pasal 13 ayat (1)", "requests", 0, 5, stricter="lower")
    )
    week_cap_exempt_kinds: frozenset[str] = _p(
        frozenset({"official_duty", "special_circumstances"}),
        Spec(
            "choices",
            f"{PERMEN} Pasal 13",
            "requests",
            choices=REQUEST_KINDS,
            stricter="subset",
        ),
    )
    default_max_offsite_share: float = _p(
        0.30, Spec("share", f"{PERMEN} Pasal 14", "requests", 0, 1, stricter="lower", ppk=True)
    )
    min_onsite_public_service: int = _p(
        1, Spec("int", "", "requests", 0, 500, stricter="higher", ppk=True)
    )
    blackout_dates: tuple[date, ...] = _p(
        (), Spec("dates", "", "requests", stricter="superset", ppk=True)
    )
    # Roster proposals (C6): what a WFA day nobody asked for costs against one day of
    # fairness (3) or a missed wish (4), and the WFA days every eligible person is owed a month.
    roster_unrequested_wfa_price: int = _p(1, Spec("int", "", "requests", 0, 20, ppk=True))
    roster_min_wfa_days_per_month: int = _p(0, Spec("int", "", "requests", 0, 23, ppk=True))
    request_lead_days: int = _p(1, Spec("int", "", "requests", 0, 30, stricter="higher", ppk=True))
    approval_deadline_days: int = _p(2, Spec("int", "", "requests", 1, 30, ppk=True))
    allowed_location_types: frozenset[str] = _p(
        frozenset(LOCATION_TYPES),
        Spec(
            "choices", f"{PERMEN} Pasal 11", "requests", choices=LOCATION_TYPES, stricter="subset"
        ),
    )
    # Pasal 11: the "other place" is set by the PPK (or by whom the Perbup delegates it to);
    # who decides on an employee's proposed place in this regency.
    place_decider: str = _p(
        "sekda",
        Spec("choice", f"{PERMEN} Pasal 11", "requests", choices=PLACE_DECIDERS, ppk=True),
    )
    # A level meets the minimum when it earns at least the minimum's points (below).
    min_connectivity: str = _p(
        "4g",
        Spec("choice", "", "requests", choices=NETWORK_LEVELS, stricter="higher", ppk=True),
    )
    # The readiness score's points for each connectivity level (score = these + 25 for
    # 24-hour electricity + 15 when not a blank spot; fleksi.places.domain.readiness).
    readiness_points_none: int = _p(0, Spec("int", "", "places", 0, 60, ppk=True))
    readiness_points_2g: int = _p(10, Spec("int", "", "places", 0, 60, ppk=True))
    readiness_points_4g: int = _p(50, Spec("int", "", "places", 0, 60, ppk=True))
    readiness_points_radio_link: int = _p(55, Spec("int", "", "places", 0, 60, ppk=True))
    readiness_points_vsat: int = _p(50, Spec("int", "", "places", 0, 60, ppk=True))
    readiness_points_fibre: int = _p(60, Spec("int", "", "places", 0, 60, ppk=True))
    connectivity_rule_mode: str = _p(
        "warn",
        Spec("choice", "", "requests", choices=RULE_MODES, ppk=True),
    )
    # --- Presence ------------------------------------------------------------------------
    checkins_per_day: int = _p(2, Spec("choice_int", "", "presence", choices=("2", "4"), ppk=True))
    geofence_radius_m: int = _p(
        100, Spec("int", "", "presence", 20, 5000, stricter="lower", ppk=True)
    )
    offline_sync_window_hours: int = _p(
        72, Spec("int", "", "presence", 1, 720, stricter="lower", ppk=True)
    )
    location_retention_days: int = _p(
        90, Spec("int", "UU 27/2022 (Pelindungan Data Pribadi)", "presence", 7, 3650, ppk=True)
    )
    wfa_desa_radius_m: int = _p(
        3000, Spec("int", "", "presence", 100, 50000, stricter="lower", ppk=True)
    )
    max_travel_speed_kmh: int = _p(
        120, Spec("int", "", "presence", 20, 1000, stricter="lower", ppk=True)
    )
    max_accuracy_m: int = _p(200, Spec("int", "", "presence", 10, 5000, stricter="lower", ppk=True))
    max_clock_skew_minutes: int = _p(
        10, Spec("int", "", "presence", 1, 1440, stricter="lower", ppk=True)
    )
    integrity_blocks: bool = _p(False, Spec("bool", "", "presence", stricter="true", ppk=True))
    # --- Outputs -------------------------------------------------------------------------
    report_deadline_days: int = _p(1, Spec("int", "", "outputs", 0, 14, stricter="lower", ppk=True))
    verification_deadline_days: int = _p(
        3, Spec("int", "", "outputs", 1, 30, stricter="lower", ppk=True)
    )
    max_unreported_wfa_days: int = _p(
        2, Spec("int", "", "outputs", 0, 31, stricter="lower", ppk=True)
    )
    revocation_min_achievement_pct: int = _p(
        70, Spec("int", "", "outputs", 0, 100, stricter="higher", ppk=True)
    )
    revocation_max_unreported_days: int = _p(
        3, Spec("int", "", "outputs", 0, 31, stricter="lower", ppk=True)
    )
    suspension_days: int = _p(30, Spec("int", "", "outputs", 1, 365, stricter="higher", ppk=True))
    # The monthly check warns first (a notice from this day of the month, with the figures so
    # far) and a suspension applies only from the date its decision states (this many days
    # after the check): the PPK's choice, no national article speaks of it.
    revocation_warning_day: int = _p(15, Spec("int", "", "outputs", 1, 28, ppk=True))
    suspension_notice_days: int = _p(
        7, Spec("int", "", "outputs", 0, 60, stricter="lower", ppk=True)
    )
    # --- The suggested monthly work-results level (PermenPANRB 6/2022 sets no formula:
    # these are the regency's own thresholds, shown with every suggestion) -------------
    rating_above_min_achievement_pct: int = _p(
        100, Spec("int", "PermenPANRB 6/2022", "outputs", 0, 100, stricter="higher", ppk=True)
    )
    rating_above_min_quality: int = _p(
        90, Spec("int", "PermenPANRB 6/2022", "outputs", 0, 100, stricter="higher", ppk=True)
    )
    rating_above_min_on_time_pct: int = _p(
        90, Spec("int", "PermenPANRB 6/2022", "outputs", 0, 100, stricter="higher", ppk=True)
    )
    rating_as_min_achievement_pct: int = _p(
        80, Spec("int", "PermenPANRB 6/2022", "outputs", 0, 100, stricter="higher", ppk=True)
    )
    rating_as_min_quality: int = _p(
        70, Spec("int", "PermenPANRB 6/2022", "outputs", 0, 100, stricter="higher", ppk=True)
    )
    # --- Public-service safeguard (UU 25/2009: service standards must hold) -------------
    safeguard_degradation_pct: int = _p(
        10, Spec("int", "UU 25/2009", "safeguard", 1, 100, stricter="lower", ppk=True)
    )
    safeguard_recent_days: int = _p(30, Spec("int", "UU 25/2009", "safeguard", 7, 365, ppk=True))
    safeguard_baseline_days: int = _p(90, Spec("int", "UU 25/2009", "safeguard", 14, 730, ppk=True))
    safeguard_min_days: int = _p(
        10, Spec("int", "UU 25/2009", "safeguard", 1, 365, stricter="lower", ppk=True)
    )
    # --- Monitoring and evaluation (Pasal 35: tiered monitoring of WFA) -----------------
    # The "units of concern" of the evaluation dashboards and reports (fleksi.insights).
    monev_min_attendance_pct: int = _p(
        90, Spec("int", f"{PERMEN} Pasal 35", "monitoring", 0, 100, stricter="higher", ppk=True)
    )
    monev_min_readiness_pct: int = _p(
        50, Spec("int", f"{PERMEN} Pasal 35", "monitoring", 0, 100, stricter="higher", ppk=True)
    )
    monev_wfa_use_high_pct: int = _p(
        10, Spec("int", f"{PERMEN} Pasal 35", "monitoring", 0, 100, stricter="lower", ppk=True)
    )
    # --- The regional allowance (TPP): the split and the deductions per incident --------
    # No national article sets these numbers: they are the regency's TPP rules, set by the
    # PPK in the Perbup (or its Perbup on TPP). Deductions are shares of the attendance and
    # discipline part (``1 - tpp_performance_share``), per incident, each kind capped per
    # month; late arrival and early departure are deducted by bands of minutes.
    tpp_performance_share: float = _p(0.60, Spec("share", "", "tpp", 0, 1, ppk=True))
    tpp_band1_max_minutes: int = _p(30, Spec("int", "", "tpp", 1, 600, ppk=True))
    tpp_band2_max_minutes: int = _p(60, Spec("int", "", "tpp", 1, 600, ppk=True))
    tpp_band3_max_minutes: int = _p(90, Spec("int", "", "tpp", 1, 600, ppk=True))
    tpp_late_band1_share: float = _p(
        0.01, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_late_band2_share: float = _p(
        0.02, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_late_band3_share: float = _p(
        0.03, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_late_band4_share: float = _p(
        0.05, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_late_cap_share: float = _p(
        0.25, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_early_band1_share: float = _p(
        0.01, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_early_band2_share: float = _p(
        0.02, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_early_band3_share: float = _p(
        0.03, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_early_band4_share: float = _p(
        0.05, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_early_cap_share: float = _p(
        0.25, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_absent_share: float = _p(0.05, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True))
    tpp_absent_cap_share: float = _p(
        1.0, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_unreported_wfa_share: float = _p(
        0.03, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_unreported_wfa_cap_share: float = _p(
        0.30, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_missing_report_share: float = _p(
        0.02, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_missing_report_cap_share: float = _p(
        0.20, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    tpp_discipline_share: float = _p(
        0.50, Spec("share", "", "tpp", 0, 1, stricter="higher", ppk=True)
    )
    # The share of the performance part paid for each predikat of the month (none: nothing
    # until the month is rated).
    tpp_perf_sangat_baik_share: float = _p(1.0, Spec("share", "", "tpp", 0, 1, ppk=True))
    tpp_perf_baik_share: float = _p(1.0, Spec("share", "", "tpp", 0, 1, ppk=True))
    tpp_perf_butuh_perbaikan_share: float = _p(0.75, Spec("share", "", "tpp", 0, 1, ppk=True))
    tpp_perf_kurang_share: float = _p(0.50, Spec("share", "", "tpp", 0, 1, ppk=True))
    tpp_perf_sangat_kurang_share: float = _p(0.25, Spec("share", "", "tpp", 0, 1, ppk=True))
    # --- The Perbup's own references per parameter (override the national basis) --------
    articles: Mapping[str, str] = field(default_factory=dict, metadata={"spec": None})

    def article(self, key: str) -> str:
        """The legal basis of a parameter in this version, as one line of text."""
        return basis_of(key, self.articles.get(key, "")).text

    def network_points(self) -> dict[str, int]:
        """The readiness points of every connectivity level, by level."""
        return {level: getattr(self, f"readiness_points_{level}") for level in NETWORK_LEVELS}

    def basis(self, key: str) -> Basis:
        """The legal basis of a parameter in this version (national, or the PPK's choice with
        the Perbup article that sets it)."""
        return basis_of(key, self.articles.get(key, ""))


@functools.cache
def _specs() -> dict[str, Spec]:
    """Every parameter's spec by name (read once: rules ask for it on every decision)."""
    return {
        f.name: f.metadata["spec"]
        for f in dataclasses.fields(PolicyParams)
        if f.metadata.get("spec") is not None
    }


@dataclass(frozen=True)
class Basis:
    """Where a parameter comes from.

    ``ppk``: the value is the PPK's choice written in the Perbup ("ditetapkan PPK dalam
    Perbup"); ``national``: the national article that sets the rule, or that leaves the value
    to the PPK (may be empty); ``perbup``: the article of the version's own Perbup that sets
    it (empty until the drafters enter it).
    """

    ppk: bool
    national: str
    perbup: str

    @property
    def text(self) -> str:
        if not self.ppk:
            return f"{self.national}; Perbup {self.perbup}" if self.perbup else self.national
        text = f"{PPK_BASIS} {self.perbup}" if self.perbup else PPK_BASIS
        return f"{text} (dasar: {self.national})" if self.national else text


def basis_of(key: str, perbup: str = "") -> Basis:
    spec = spec_of(key)
    perbup = perbup.strip()
    for prefix in ("Perbup ", "perbup "):
        if perbup.startswith(prefix) and " Pasal " in perbup:
            # "Perbup 7/2026 Pasal 5" → "Pasal 5" (the Perbup is the version itself)
            perbup = perbup[perbup.index(" Pasal ") + 1 :]
    return Basis(ppk=spec.ppk, national=spec.article, perbup=perbup)


def spec_of(key: str) -> Spec:
    try:
        return _specs()[key]
    except KeyError:
        raise KeyError(key) from None


def param_keys() -> list[str]:
    return [f.name for f in dataclasses.fields(PolicyParams) if f.metadata.get("spec")]


@dataclass(frozen=True)
class ParamProblem:
    key: str
    code: str  # unknown | type | range | choice | order | band_order
    value: Any


def _coerce(key: str, spec: Spec, value: Any) -> Any:
    """Convert a JSON/form value to the parameter's type; raises ValueError with a code."""
    if spec.kind == "int" or spec.kind == "choice_int":
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError("type")
        number = int(value)
        if spec.kind == "choice_int" and str(number) not in spec.choices:
            raise ValueError("choice")
        if (spec.low is not None and number < spec.low) or (
            spec.high is not None and number > spec.high
        ):
            raise ValueError("range")
        return number
    if spec.kind == "share":
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValueError("type")
        share = float(value)
        if not 0 <= share <= 1:
            raise ValueError("range")
        return round(share, 4)
    if spec.kind == "bool":
        if not isinstance(value, bool):
            raise ValueError("type")
        return value
    if spec.kind == "choice":
        if value not in spec.choices:
            raise ValueError("choice")
        return str(value)
    if spec.kind == "choices":
        if isinstance(value, str) or not isinstance(value, list | tuple | set | frozenset):
            raise ValueError("type")
        items = frozenset(str(v) for v in value)
        if not items <= set(spec.choices):
            raise ValueError("choice")
        return items
    if spec.kind == "dates":
        if isinstance(value, str) or not isinstance(value, list | tuple):
            raise ValueError("type")
        days = sorted({v if isinstance(v, date) else date.fromisoformat(str(v)) for v in value})
        return tuple(days)
    if spec.kind == "criteria":
        if not isinstance(value, list | tuple):
            raise ValueError("type")
        criteria = []
        for item in value:
            if (
                not isinstance(item, list | tuple)
                or len(item) != 3
                or not all(isinstance(x, str) and x.strip() for x in item)
            ):
                raise ValueError("type")
            criteria.append((item[0].strip(), item[1].strip(), item[2].strip()))
        if len({c[0] for c in criteria}) != len(criteria):
            raise ValueError("choice")
        return tuple(criteria)
    raise ValueError("type")  # pragma: no cover - every kind is handled above


def parse_params(raw: Mapping[str, Any]) -> PolicyParams | list[ParamProblem]:
    """Build parameters from stored JSON (missing keys take the defaults)."""
    problems: list[ParamProblem] = []
    values: dict[str, Any] = {}
    known = set(param_keys()) | {"articles"}
    for key, value in raw.items():
        if key not in known:
            problems.append(ParamProblem(key, "unknown", value))
            continue
        if key == "articles":
            if not isinstance(value, Mapping) or not all(
                k in known and isinstance(v, str) for k, v in value.items()
            ):
                problems.append(ParamProblem(key, "type", value))
            else:
                values[key] = {k: v.strip() for k, v in value.items() if v.strip()}
            continue
        try:
            values[key] = _coerce(key, spec_of(key), value)
        except (ValueError, TypeError) as exc:
            code = str(exc) if str(exc) in {"type", "range", "choice"} else "type"
            problems.append(ParamProblem(key, code, value))
    if problems:
        return problems
    params = PolicyParams(**values)
    if params.class_partly_min_share > params.class_capable_min_share:
        return [ParamProblem("class_partly_min_share", "order", params.class_partly_min_share)]
    if not (
        params.tpp_band1_max_minutes < params.tpp_band2_max_minutes < params.tpp_band3_max_minutes
    ):
        return [ParamProblem("tpp_band2_max_minutes", "band_order", params.tpp_band2_max_minutes)]
    return params


def params_to_json(params: PolicyParams) -> dict[str, Any]:
    """Plain JSON of every parameter (sets sorted, dates as ISO strings)."""
    out: dict[str, Any] = {}
    for key in param_keys():
        value = getattr(params, key)
        if isinstance(value, frozenset):
            out[key] = sorted(value)
        elif key == "blackout_dates":
            out[key] = [d.isoformat() for d in value]
        elif key == "extra_duty_criteria":
            out[key] = [list(c) for c in value]
        else:
            out[key] = value
    out["articles"] = dict(sorted(params.articles.items()))
    return out


@dataclass(frozen=True)
class ParamChange:
    key: str
    before: Any
    after: Any
    direction: str  # stricter | looser | changed


def _direction(spec: Spec, before: Any, after: Any) -> str:
    s = spec.stricter
    if s == "higher" and spec.kind == "choice" and spec.choices and spec.choices[1:] == RATINGS:
        # ratings: "" (none) is loosest, then from sangat_kurang up to sangat_baik
        order = ("", *reversed(RATINGS))
        return "stricter" if order.index(after) > order.index(before) else "looser"
    if s == "higher" and spec.choices == NETWORK_LEVELS:
        # by the default points (the versions' own points may differ; this is a hint)
        points = PolicyParams().network_points()
        if points[after] == points[before]:
            return "changed"
        return "stricter" if points[after] > points[before] else "looser"
    if s == "higher":
        return "stricter" if after > before else "looser"
    if s == "lower":
        return "stricter" if after < before else "looser"
    if s == "true":
        return "stricter" if after and not before else "looser"
    if s == "subset":
        if set(after) < set(before):
            return "stricter"
        return "looser" if set(after) > set(before) else "changed"
    if s == "superset":
        if set(after) > set(before):
            return "stricter"
        return "looser" if set(after) < set(before) else "changed"
    return "changed"


def diff_params(before: PolicyParams, after: PolicyParams) -> list[ParamChange]:
    """What changed between two versions, in parameter order, with the direction."""
    changes: list[ParamChange] = []
    for key in param_keys():
        a, b = getattr(before, key), getattr(after, key)
        if a != b:
            changes.append(ParamChange(key, a, b, _direction(spec_of(key), a, b)))
    if before.articles != after.articles:
        changes.append(
            ParamChange("articles", dict(before.articles), dict(after.articles), "changed")
        )
    return changes
