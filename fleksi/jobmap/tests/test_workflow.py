"""The assessment workflow and the duty edits, on a real database."""

from decimal import Decimal

import pytest
from django.utils import translation

from fleksi.audit.models import AuditEntry
from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.jobmap.models import Assessment, AssessmentAnswer, AssessmentDuty, Duty
from fleksi.jobmap.selectors import position_class_map
from fleksi.jobmap.services import (
    assessment_approve,
    assessment_propose,
    assessment_return,
    assessment_save_draft,
    duty_create,
    duty_delete,
    duty_move,
    duty_reorder,
    duty_update,
)
from fleksi.jobmap.tests.conftest import add_duties, answers_for
from fleksi.policy.domain.params import PolicyParams

pytestmark = pytest.mark.django_db
PARAMS = PolicyParams()


def test_propose_then_approve_makes_the_class(world):
    position = world.positions["analis"]
    kepeg = world.user("bkpsdm")
    duties = add_duties(position, 60, 40)
    draft = assessment_save_draft(
        actor=kepeg, position=position, answers=answers_for(duties, suitable={0})
    )
    assert (draft.status, draft.version) == ("draft", 1)
    assert position_class_map(params=PARAMS, position_ids=[position.pk]) == {
        position.pk: "unassessed"
    }
    proposed = assessment_propose(actor=kepeg, position=position)
    assert proposed.status == "proposed"
    assert proposed.proposed_by == kepeg
    assert proposed.proposed_at is not None
    assert list(proposed.duties.order_by("order").values_list("suitable", flat=True)) == [
        True,
        False,
    ]
    assert proposed.criteria == [
        "outside_office",
        "no_special_room",
        "ict",
        "little_contact",
        "no_continuous_supervision",
    ]
    # Proposed is not approved: the class waits for BKPSDM.
    assert position_class_map(params=PARAMS, position_ids=[position.pk])[position.pk] == (
        "unassessed"
    )
    approved = assessment_approve(actor=world.user("bkpsdm"), assessment=proposed)
    assert (approved.status, approved.is_current) == ("approved", True)
    assert position_class_map(params=PARAMS, position_ids=[position.pk])[position.pk] == "partly"
    actions = list(
        AuditEntry.objects.filter(action__startswith="jobmap.assessment")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "jobmap.assessment.save_draft",
        "jobmap.assessment.propose",
        "jobmap.assessment.approve",
    ]
    approve_entry = AuditEntry.objects.get(action="jobmap.assessment.approve")
    assert approve_entry.after["class"] == "partly"
    assert approve_entry.stream == f"pd:{world.units['b'].pk}"


def test_return_with_comment_then_repropose_keeps_history(world):
    position = world.positions["loket"]
    admin, approver = world.user("kepeg_a"), world.user("bkpsdm")
    duties = add_duties(position, 100)
    assessment_save_draft(actor=admin, position=position, answers=answers_for(duties))
    first = assessment_propose(actor=admin, position=position)
    with pytest.raises(ValidationFailed) as err:
        assessment_return(actor=approver, assessment=first, comment="  ")
    assert err.value.code == "assessment_comment_required"
    returned = assessment_return(
        actor=approver, assessment=first, comment="Alasan kriteria TIK kurang jelas."
    )
    assert (returned.status, returned.comment) == ("returned", "Alasan kriteria TIK kurang jelas.")
    # The next round is a new version that starts from the returned answers.
    answers = {(duties[0].pk, "ict"): (True, "Aplikasi SIAK daring dapat diakses dari rumah")}
    second = assessment_save_draft(actor=admin, position=position, answers=answers)
    assert (second.version, second.status) == (2, "draft")
    assert AssessmentAnswer.objects.filter(duty__assessment=second).count() == 5
    second = assessment_propose(actor=admin, position=position)
    assessment_approve(actor=approver, assessment=second)
    history = list(
        Assessment.objects.filter(position=position)
        .order_by("version")
        .values_list("version", "status", "is_current", "comment")
    )
    assert history == [
        (1, "returned", False, "Alasan kriteria TIK kurang jelas."),
        (2, "approved", True, ""),
    ]
    old_reason = AssessmentAnswer.objects.get(
        duty__assessment__version=1, duty__assessment__position=position, criterion="ict"
    )
    assert old_reason.reason == "alasan singkat"


def test_a_newer_approval_replaces_the_current_one(world):
    position = world.positions["analis"]
    approver = world.user("bkpsdm")
    duties = add_duties(position, 100)
    assessment_save_draft(actor=approver, position=position, answers=answers_for(duties, {0}))
    v1 = assessment_approve(
        actor=approver, assessment=assessment_propose(actor=approver, position=position)
    )
    assessment_save_draft(
        actor=approver,
        position=position,
        answers={(duties[0].pk, "ict"): (False, "butuh aplikasi di kantor")},
    )
    v2 = assessment_propose(actor=approver, position=position)
    # While v2 waits, v1 stays in force.
    assert position_class_map(params=PARAMS, position_ids=[position.pk])[position.pk] == "capable"
    assessment_approve(actor=approver, assessment=v2)
    v1.refresh_from_db()
    assert (v1.status, v1.is_current) == ("approved", False)
    assert position_class_map(params=PARAMS, position_ids=[position.pk])[position.pk] == "onsite"


def test_missing_answers_and_reasons_are_refused_per_duty(world):
    position = world.positions["analis"]
    kepeg = world.user("bkpsdm")
    d1, d2 = add_duties(position, 50, 50)
    answers = answers_for([d1, d2], {0})
    answers[(d1.pk, "ict")] = (True, "")
    del answers[(d2.pk, "little_contact")]
    assessment_save_draft(actor=kepeg, position=position, answers=answers)
    with translation.override("en"), pytest.raises(ValidationFailed) as err:
        assessment_propose(actor=kepeg, position=position)
    assert err.value.code == "assessment_incomplete"
    errors = err.value.params["errors"]
    assert set(errors) == {str(d1.pk), str(d2.pk)}
    assert errors[str(d1.pk)][0].startswith("Duty 1")
    assert len(errors[str(d2.pk)]) == 1
    assert Assessment.objects.get(position=position).status == "draft"


def test_shares_must_add_up_to_100_to_propose(world):
    position = world.positions["analis"]
    duties = add_duties(position, 60, 30)
    assessment_save_draft(actor=None, position=position, answers=answers_for(duties))
    with pytest.raises(ValidationFailed) as err:
        assessment_propose(actor=None, position=position)
    assert (err.value.code, err.value.params["total"]) == ("assessment_shares_not_100", "90.00")


def test_no_duties_no_proposal(world):
    with pytest.raises(ValidationFailed) as err:
        assessment_propose(actor=None, position=world.positions["analis"])
    assert err.value.code == "assessment_no_duties"
    assert not Assessment.objects.exists()


def test_duties_cannot_change_while_proposed(world):
    position = world.positions["analis"]
    duties = add_duties(position, 100)
    assessment_save_draft(actor=None, position=position, answers=answers_for(duties))
    proposed = assessment_propose(actor=None, position=position)
    attempts = [
        lambda: duty_create(
            actor=None, position=position, description="x", output="y", time_share=10
        ),
        lambda: duty_update(
            actor=None, duty=duties[0], description="x", output="y", time_share=100
        ),
        lambda: duty_delete(actor=None, duty=duties[0]),
        lambda: duty_reorder(actor=None, position=position, duty_ids=[duties[0].pk]),
        lambda: assessment_save_draft(actor=None, position=position, answers={}),
        lambda: assessment_propose(actor=None, position=position),
    ]
    for attempt in attempts:
        with pytest.raises(Conflict) as err:
            attempt()
        assert err.value.code == "assessment_proposed"
    assessment_return(actor=None, assessment=proposed, comment="Perbaiki")
    duty_update(
        actor=None,
        duty=duties[0],
        description="Menyusun kajian kebijakan",
        output="Dokumen kajian",
        time_share=100,
    )
    assert Duty.objects.get(pk=duties[0].pk).description == "Menyusun kajian kebijakan"


def test_deciding_twice_is_a_conflict(world):
    position = world.positions["analis"]
    duties = add_duties(position, 100)
    assessment_save_draft(actor=None, position=position, answers=answers_for(duties))
    proposed = assessment_propose(actor=None, position=position)
    assessment_approve(actor=None, assessment=proposed)
    with pytest.raises(Conflict) as err:
        assessment_approve(actor=None, assessment=proposed)
    assert err.value.code == "assessment_not_proposed"
    with pytest.raises(Conflict):
        assessment_return(actor=None, assessment=proposed, comment="terlambat")


def test_duty_edits_renumber_and_are_audited(world):
    position = world.positions["analis"]
    d1, d2, d3 = add_duties(position, 20, 30, 50)
    duty_move(actor=None, duty=d3, step=-1)
    assert list(Duty.objects.filter(position=position).values_list("id", flat=True)) == [
        d1.pk,
        d3.pk,
        d2.pk,
    ]
    duty_delete(actor=None, duty=d1)
    assert list(Duty.objects.filter(position=position).values_list("order", "id")) == [
        (1, d3.pk),
        (2, d2.pk),
    ]
    with pytest.raises(ValidationFailed):
        duty_reorder(actor=None, position=position, duty_ids=[d2.pk])
    with pytest.raises(ValidationFailed) as err:
        duty_create(actor=None, position=position, description="x", output="y", time_share=0)
    assert err.value.code == "duty_share_invalid"
    with pytest.raises(ValidationFailed) as err:
        duty_create(actor=None, position=position, description=" ", output="y", time_share=5)
    assert err.value.code == "duty_description_required"
    actions = list(
        AuditEntry.objects.filter(action__startswith="jobmap.duty")
        .values_list("action", flat=True)
        .order_by("id")
    )
    assert actions == ["jobmap.duty.create"] * 3 + ["jobmap.duty.reorder", "jobmap.duty.delete"]


def test_history_survives_deleting_a_duty(world):
    position = world.positions["analis"]
    d1, d2 = add_duties(position, 50, 50)
    assessment_save_draft(actor=None, position=position, answers=answers_for([d1, d2], {0}))
    approved = assessment_approve(
        actor=None, assessment=assessment_propose(actor=None, position=position)
    )
    duty_delete(actor=None, duty=d2)
    copies = list(
        AssessmentDuty.objects.filter(assessment=approved)
        .order_by("order")
        .values_list("description", "time_share", "suitable", "duty_id")
    )
    assert copies == [
        ("Tugas 1", Decimal("50.00"), True, d1.pk),
        ("Tugas 2", Decimal("50.00"), False, None),
    ]
    assert AssessmentAnswer.objects.filter(duty__assessment=approved).count() == 10
    # The approved mapping stands until a newer one is approved.
    assert position_class_map(params=PARAMS, position_ids=[position.pk])[position.pk] == "partly"


def test_a_draft_follows_the_live_duties(world):
    position = world.positions["analis"]
    d1, d2 = add_duties(position, 50, 50)
    draft = assessment_save_draft(
        actor=None, position=position, answers=answers_for([d1, d2], {0, 1})
    )
    duty_delete(actor=None, duty=d2)
    duty_update(actor=None, duty=d1, description="Tugas satu", output="Hasil", time_share=100)
    assessment_save_draft(actor=None, position=position, answers={})
    assert list(draft.duties.values_list("description", "time_share")) == [
        ("Tugas satu", Decimal("100.00"))
    ]
    proposed = assessment_propose(actor=None, position=position)
    assert proposed.pk == draft.pk


def test_unknown_criteria_and_duties_are_refused(world):
    position = world.positions["analis"]
    (d1,) = add_duties(position, 100)
    other = add_duties(world.positions["loket"], 100)[0]
    with pytest.raises(ValidationFailed) as err:
        assessment_save_draft(
            actor=None, position=position, answers={(d1.pk, "telepathy"): (True, "x")}
        )
    assert err.value.code == "answer_unknown_criterion"
    with pytest.raises(ValidationFailed) as err:
        assessment_save_draft(
            actor=None, position=position, answers={(other.pk, "ict"): (True, "x")}
        )
    assert err.value.code == "answer_unknown_duty"
