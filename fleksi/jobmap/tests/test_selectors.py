"""Set-based reads: class and share maps, exceptions on a day, unit and regency summaries."""

import threading
from datetime import date
from fractions import Fraction

import pytest
from django.db import connection

from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.jobmap.models import Assessment
from fleksi.jobmap.selectors import (
    counts_of,
    exceptions_on,
    position_class_map,
    position_share_map,
    regency_summary,
    unit_mapping,
)
from fleksi.jobmap.services import (
    assessment_approve,
    assessment_propose,
    assessment_save_draft,
    exception_end,
    exception_grant,
)
from fleksi.jobmap.tests.conftest import add_duties, answers_for
from fleksi.org.models import Position
from fleksi.policy.domain.params import PolicyParams

PARAMS = PolicyParams()


@pytest.mark.django_db
def test_class_map_covers_every_position_in_two_queries(mapped, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        classes = position_class_map(params=PARAMS)
    p = mapped.positions
    assert classes[p["loket"].pk] == "onsite"
    assert classes[p["analis"].pk] == "capable"
    assert classes[p["head_a"].pk] == "unassessed"
    assert set(classes) == set(Position.objects.values_list("id", flat=True))


@pytest.mark.django_db
def test_class_map_for_chosen_positions_and_thresholds(mapped, django_assert_max_num_queries):
    p = mapped.positions
    ids = [p["loket"].pk, p["analis"].pk, p["sekda"].pk]
    with django_assert_max_num_queries(1):
        classes = position_class_map(params=PARAMS, position_ids=ids)
    assert classes == {
        p["loket"].pk: "onsite",
        p["analis"].pk: "capable",
        p["sekda"].pk: "unassessed",
    }
    strict = PolicyParams(class_capable_min_share=0.9, class_partly_min_share=0.1)
    assert position_class_map(params=strict, position_ids=ids) == {
        p["loket"].pk: "partly",
        p["analis"].pk: "partly",
        p["sekda"].pk: "unassessed",
    }


@pytest.mark.django_db
def test_class_map_query_count_does_not_grow_with_positions(world, django_assert_max_num_queries):
    unit = world.units["b"]
    for i in range(30):
        position = Position.objects.create(
            code=f"X-{i}", name=f"Analis {i}", kind="pelaksana", unit=unit
        )
        duties = add_duties(position, 100)
        assessment_save_draft(
            actor=None, position=position, answers=answers_for(duties, {0} if i % 2 else ())
        )
        assessment_approve(actor=None, assessment=assessment_propose(actor=None, position=position))
    many = list(Position.objects.values_list("id", flat=True))
    with django_assert_max_num_queries(1):
        classes = position_class_map(params=PARAMS, position_ids=many)
    assert sum(1 for c in classes.values() if c == "capable") == 15
    with django_assert_max_num_queries(1):
        shares = position_share_map(position_ids=many)
    assert sorted(set(shares.values())) == [Fraction(0), Fraction(1)]
    with django_assert_max_num_queries(6):
        rows = unit_mapping(unit, params=PARAMS)
    assert len(rows) == 32
    with django_assert_max_num_queries(5):
        regency_summary(params=PARAMS)


@pytest.mark.django_db
def test_share_map_is_exact(mapped):
    shares = position_share_map()
    assert shares == {
        mapped.positions["loket"].pk: Fraction(1, 10),
        mapped.positions["analis"].pk: Fraction(4, 5),
    }


@pytest.mark.django_db
def test_unit_mapping_shows_class_and_progress(mapped):
    w = mapped
    duties = add_duties(w.positions["head_seksi"], 100)
    assessment_save_draft(
        actor=None, position=w.positions["head_seksi"], answers=answers_for(duties)
    )
    rows = {r.code: r for r in unit_mapping(w.units["a"], params=PARAMS)}
    assert set(rows) == {"P-head_a", "P-head_bidang", "P-head_seksi", "P-loket"}
    assert (rows["P-loket"].position_class, rows["P-loket"].progress) == ("onsite", "approved")
    assert rows["P-loket"].holders == 2
    assert rows["P-loket"].duties == 2
    assert (rows["P-head_seksi"].position_class, rows["P-head_seksi"].progress) == (
        "unassessed",
        "draft",
    )
    assert rows["P-head_a"].progress == "none"
    counts = counts_of(rows.values())
    assert (counts.positions, counts.assessed, counts.percent_assessed) == (4, 1, 25)
    assert dict(counts.classes())["onsite"] == 1


@pytest.mark.django_db
def test_regency_summary_counts_per_perangkat_daerah(mapped):
    rows, total = regency_summary(params=PARAMS)
    by_name = {r.name: r.counts for r in rows}
    assert set(by_name) == {
        "Sekretariat Daerah",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Bappeda",
    }
    assert by_name["Bappeda"].positions == 2
    assert by_name["Bappeda"].by_class["capable"] == 1
    assert by_name["Dinas Kependudukan dan Pencatatan Sipil"].by_class["onsite"] == 1
    assert (total.positions, total.assessed) == (7, 2)


@pytest.mark.django_db
def test_an_exception_applies_from_its_first_to_its_last_day(mapped):
    w = mapped
    rina = w.people["staff_a1"]
    exc = exception_grant(
        actor=w.user("bkpsdm"),
        employee=rina,
        kind="special_circumstances",
        reason="Pemulihan pascaoperasi, surat dokter terlampir",
        start=date(2026, 12, 1),
        end=date(2026, 12, 31),
        override_class="capable",
    )
    assert exceptions_on(date(2026, 11, 30)) == {}
    first = exceptions_on(date(2026, 12, 1), employee_ids=[rina.pk])
    assert first[rina.pk].override_class == "capable"
    last = exceptions_on(date(2026, 12, 31))[rina.pk]
    assert (last.until, last.kind, last.waives_unit) == (
        date(2026, 12, 31),
        "special_circumstances",
        False,
    )
    assert exceptions_on(date(2027, 1, 1)) == {}
    # The position keeps its class; eligibility applies the override per person.
    assert position_class_map(params=PARAMS, position_ids=[rina.position_id]) == {
        rina.position_id: "onsite"
    }
    exception_end(actor=w.user("bkpsdm"), exception=exc, last_day=date(2026, 12, 10))
    assert rina.pk in exceptions_on(date(2026, 12, 10))
    assert exceptions_on(date(2026, 12, 11)) == {}


@pytest.mark.django_db
def test_exceptions_are_checked(world):
    rina = world.people["staff_a1"]
    base = {
        "actor": None,
        "employee": rina,
        "kind": "other",
        "reason": "Tugas khusus",
        "start": date(2026, 12, 1),
        "end": date(2026, 12, 31),
    }
    with pytest.raises(ValidationFailed) as err:
        exception_grant(**base)  # neither a class nor the unit exclusion
    assert "override_class" in err.value.params["errors"]
    with pytest.raises(ValidationFailed) as err:
        exception_grant(**{**base, "end": date(2026, 11, 30), "waives_unit_exclusion": True})
    assert "end" in err.value.params["errors"]
    exc = exception_grant(**{**base, "waives_unit_exclusion": True})
    with pytest.raises(Conflict) as err:
        exception_grant(
            **{
                **base,
                "start": date(2026, 12, 31),
                "end": date(2027, 1, 5),
                "override_class": "partly",
            }
        )
    assert err.value.code == "exception_overlap"
    assert exceptions_on(date(2026, 12, 5), employee_ids=[rina.pk])[rina.pk].waives_unit
    withdrawn = exception_end(actor=None, exception=exc, last_day=date(2026, 11, 15))
    assert withdrawn.withdrawn
    assert exceptions_on(date(2026, 12, 5)) == {}
    with pytest.raises(Conflict):
        exception_end(actor=None, exception=exc, last_day=date(2026, 12, 5))


@pytest.mark.django_db(transaction=True)
def test_two_approvers_cannot_both_approve(world):
    """Two BKPSDM admins press "approve" at the same moment: one wins, the other is told."""
    position = world.positions["analis"]
    duties = add_duties(position, 100)
    assessment_save_draft(actor=None, position=position, answers=answers_for(duties, {0}))
    proposed = assessment_propose(actor=None, position=position)
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def approve() -> None:
        try:
            barrier.wait(timeout=5)
            assessment_approve(actor=None, assessment=proposed)
            outcomes.append("approved")
        except Conflict as exc:
            outcomes.append(exc.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["approved", "assessment_not_proposed"]
    assert Assessment.objects.filter(position=position, status="approved").count() == 1


@pytest.mark.django_db
def test_unit_mapping_flags_duties_changed_since_approval(mapped):
    from fleksi.jobmap.services import duty_delete

    w = mapped
    rows = {r.code: r for r in unit_mapping(w.units["b"], params=PARAMS)}
    assert rows["P-analis"].stale is False
    duty_delete(actor=None, duty=w.positions["analis"].duties.order_by("order").last())
    rows = {r.code: r for r in unit_mapping(w.units["b"], params=PARAMS)}
    assert (rows["P-analis"].stale, rows["P-analis"].position_class) == (True, "capable")
