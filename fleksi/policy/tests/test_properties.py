"""Property: making any eligibility parameter stricter never enlarges the eligible set."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from fleksi.policy.domain.eligibility import ELIGIBILITY_RULES, EmployeeFacts
from fleksi.policy.domain.engine import evaluate
from fleksi.policy.domain.params import (
    ASN_TYPES,
    POSITION_CLASSES,
    RATINGS,
    UNIT_KINDS,
    PolicyParams,
)
from fleksi.testkit.properties import examples

DAY = date(2026, 11, 30)
recent = st.one_of(st.none(), st.dates(DAY - timedelta(days=900), DAY))

facts_st = st.builds(
    EmployeeFacts,
    employee_id=st.integers(1, 10**6),
    day=st.just(DAY),
    asn_type=st.sampled_from(ASN_TYPES),
    tmt_appointment=st.dates(date(1990, 1, 1), DAY),
    last_promotion_date=recent,
    last_transfer_date=recent,
    last_rotation_date=recent,
    discipline_status=st.sampled_from(["none", "in_process", "serving"]),
    discipline_start=st.one_of(st.none(), st.dates(DAY - timedelta(days=400), DAY)),
    discipline_end=st.one_of(
        st.none(), st.dates(DAY - timedelta(days=30), DAY + timedelta(days=300))
    ),
    last_rating=st.sampled_from(("", *RATINGS)),
    unit_kind=st.sampled_from(UNIT_KINDS),
    in_public_service_unit=st.booleans(),
    position_class=st.sampled_from(POSITION_CLASSES),
    exception_until=st.none(),
    exception_waives_unit=st.booleans(),
)

subset = lambda pool: st.frozensets(st.sampled_from(pool))  # noqa: E731

params_st = st.builds(
    PolicyParams,
    allowed_asn_types=subset(ASN_TYPES),
    probation_after_appointment_months=st.integers(0, 24),
    probation_after_promotion_months=st.integers(0, 24),
    probation_after_transfer_months=st.integers(0, 24),
    probation_after_rotation_months=st.integers(0, 24),
    exclude_disciplinary=st.booleans(),
    min_last_rating=st.sampled_from(("", *RATINGS)),
    exclude_public_service_units=st.booleans(),
    excluded_unit_kinds=subset(UNIT_KINDS),
    allowed_position_classes=subset(POSITION_CLASSES),
)


@st.composite
def stricter_variant(draw, params: PolicyParams) -> PolicyParams:
    """Tighten one eligibility parameter of ``params``."""
    key = draw(
        st.sampled_from(
            [
                "allowed_asn_types",
                "probation_after_appointment_months",
                "probation_after_promotion_months",
                "probation_after_transfer_months",
                "probation_after_rotation_months",
                "exclude_disciplinary",
                "min_last_rating",
                "exclude_public_service_units",
                "excluded_unit_kinds",
                "allowed_position_classes",
            ]
        )
    )
    value = getattr(params, key)
    if key in ("allowed_asn_types", "allowed_position_classes"):
        new = frozenset(draw(st.sets(st.sampled_from(sorted(value)))) if value else set())
    elif key == "excluded_unit_kinds":
        new = value | draw(subset(UNIT_KINDS))
    elif key.startswith("probation"):
        new = value + draw(st.integers(0, 12))
    elif key in ("exclude_disciplinary", "exclude_public_service_units"):
        new = True
    else:  # min_last_rating: equal or better rating required
        order = ["", *reversed(RATINGS)]
        new = draw(st.sampled_from(order[order.index(value) :]))
    return replace(params, **{key: new})


def eligible(people, params):
    return {f.employee_id for f in people if evaluate(ELIGIBILITY_RULES, f, params).allowed}


@settings(max_examples=examples(150))
@given(
    people=st.lists(facts_st, min_size=1, max_size=15, unique_by=lambda f: f.employee_id),
    data=st.data(),
    params=params_st,
)
def test_stricter_never_enlarges_the_eligible_set(people, data, params):
    stricter = data.draw(stricter_variant(params))
    assert eligible(people, stricter) <= eligible(people, params)
