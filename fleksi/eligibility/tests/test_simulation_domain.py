"""The simulation counts equal evaluating each person one by one (property)."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from fleksi.eligibility.domain.simulation import Placement, daily_capacity, simulate
from fleksi.policy.domain.eligibility import ELIGIBILITY_RULES
from fleksi.policy.domain.engine import evaluate
from fleksi.policy.tests.test_properties import facts_st, params_st
from fleksi.testkit.properties import examples

placement_st = st.builds(
    Placement,
    perangkat_daerah_id=st.integers(1, 4),
    kecamatan_id=st.one_of(st.none(), st.integers(1, 3)),
    asn_type=st.sampled_from(["pns", "pppk"]),
)


@settings(max_examples=examples(100))
@given(
    people=st.lists(
        st.tuples(facts_st, placement_st),
        min_size=0,
        max_size=25,
        unique_by=lambda t: t[0].employee_id,
    ),
    before=st.one_of(st.none(), params_st),
    after=params_st,
)
def test_counts_equal_one_by_one(people, before, after):
    result = simulate([(f, f, p) for f, p in people], before=before, after=after)

    def ok(f, params):
        return params is not None and evaluate(ELIGIBILITY_RULES, f, params).allowed

    assert result.total.total == len(people)
    assert result.total.before == sum(ok(f, before) for f, _ in people)
    assert result.total.after == sum(ok(f, after) for f, _ in people)
    for pd in {p.perangkat_daerah_id for _, p in people}:
        members = [f for f, p in people if p.perangkat_daerah_id == pd]
        counts = result.by_perangkat_daerah[pd]
        assert (counts.total, counts.before, counts.after) == (
            len(members),
            sum(ok(f, before) for f in members),
            sum(ok(f, after) for f in members),
        )
    changed = {c.employee_id: c.gains for c in result.changes}
    for f, _ in people:
        b, a = ok(f, before), ok(f, after)
        assert changed.get(f.employee_id) == (a if a != b else None)


def test_change_names_the_rule_that_made_the_difference():
    from fleksi.policy.tests.test_eligibility_rules import BASE, P

    stricter = replace(P, min_last_rating="sangat_baik")
    result = simulate([(BASE, BASE, Placement(1, None, "pns"))], before=P, after=stricter)
    assert [(c.gains, c.rules) for c in result.changes] == [(False, ("rating",))]
    looser = simulate([(BASE, BASE, Placement(1, None, "pns"))], before=stricter, after=P)
    assert [(c.gains, c.rules) for c in looser.changes] == [(True, ("rating",))]


def test_daily_capacity_is_the_tightest_of_share_eligibles_and_minimum():
    assert daily_capacity(headcount=20, eligible=15, share=0.30, min_onsite=0) == 6
    assert daily_capacity(headcount=20, eligible=4, share=0.30, min_onsite=0) == 4
    assert daily_capacity(headcount=20, eligible=15, share=0.50, min_onsite=17) == 3
    assert daily_capacity(headcount=3, eligible=3, share=0.30, min_onsite=0) == 0
    assert daily_capacity(headcount=10, eligible=10, share=0.30, min_onsite=12) == 0
