"""Request-level rule on the place of a WFA day: is it connected well enough?

The facts come from the readiness picture of the places (``fleksi.places.selectors.
location_facts_for_desa``): the network level that counts there (measured from check-ins when
there are enough of them, else surveyed) and whether the place counts as ready.

``location_connectivity`` (parameter ``min_connectivity``; mode ``connectivity_rule_mode``):

============================================  =========  ================================
facts                                         outcome    code
============================================  =========  ================================
the place is an office of the agency          SKIP       location_connectivity.office
the policy's minimum is "none"                SKIP       location_connectivity.off
no connectivity known for the place           WARN       location_connectivity.unknown
level below the minimum, mode "refuse"        FAIL       location_connectivity.fail
level below the minimum, mode "warn"          WARN       location_connectivity.warn
level meets the minimum, place not ready      WARN       location_connectivity.not_ready
level meets the minimum                       PASS       location_connectivity.pass
============================================  =========  ================================

An unknown place is never refused: the data is Diskominfo's to complete, not the employee's
fault; the warning says so. A place that meets the minimum but is not ready (no 24-hour
electricity, a blank spot) is allowed with a warning, whatever the mode: the policy's
parameter is about the network only.
"""

from __future__ import annotations

from dataclasses import dataclass

from fleksi.policy.domain.engine import Outcome, RuleResult
from fleksi.policy.domain.params import NETWORK_LEVELS, PolicyParams

RULE = "location_connectivity"
PARAM = "min_connectivity"


@dataclass(frozen=True)
class LocationFacts:
    location_type: str  # "home" | "office" | "approved_place"
    desa_code: str | None
    network_level: str | None  # the level used for readiness: measured or surveyed
    ready: bool | None  # None: not known


def location_connectivity(facts: LocationFacts, params: PolicyParams) -> RuleResult:
    minimum = params.min_connectivity
    details = {"desa": facts.desa_code, "ready": facts.ready}

    def result(outcome: Outcome, code: str) -> RuleResult:
        return RuleResult(
            RULE, PARAM, outcome, f"{RULE}.{code}", facts.network_level, minimum, details
        )

    if facts.location_type == "office":
        return result(Outcome.SKIP, "office")
    if minimum == NETWORK_LEVELS[0]:
        return result(Outcome.SKIP, "off")
    if facts.network_level not in NETWORK_LEVELS:
        return result(Outcome.WARN, "unknown")
    points = params.network_points()
    if points[facts.network_level] < points[minimum]:
        if params.connectivity_rule_mode == "refuse":
            return result(Outcome.FAIL, "fail")
        return result(Outcome.WARN, "warn")
    if facts.ready is False:
        return result(Outcome.WARN, "not_ready")
    return result(Outcome.PASS, "pass")
