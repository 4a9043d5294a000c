"""The assessment workflow: a draft is filled in (answers to every criterion for every duty,
each with a short reason), proposed by the unit's administrator or BKPSDM, then approved
or returned with a comment by BKPSDM. Each round is a new version; nothing is overwritten
once proposed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import Change, audit_record
from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.jobmap.domain.classify import classify_position, suitable_share
from fleksi.jobmap.domain.criteria import (
    REASON_MAX_LENGTH,
    AnswerProblem,
    Criterion,
    assessment_gaps,
    duty_suitable,
)
from fleksi.jobmap.messages import criterion_label
from fleksi.jobmap.models import Assessment, AssessmentAnswer, AssessmentDuty, Duty
from fleksi.jobmap.selectors import answers_by_live_duty, criteria_in_force, params_in_force
from fleksi.jobmap.services.common import position_lock, position_stream
from fleksi.org.models import Position

Answers = Mapping[tuple[int, str], tuple[bool | None, str]]
Status = Assessment.Status
TOTAL = Decimal(100)


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) is not None else None


def _audit(
    actor: Any, position: Position, assessment: Assessment, action: str, **values: Any
) -> None:
    audit_record(
        actor=actor,
        stream=position_stream(position),
        change=Change(
            action=f"jobmap.assessment.{action}",
            object_type="jobmap.assessment",
            object_id=str(assessment.pk),
            object_repr=f"{position.name} v{assessment.version}",
            context={"position": position.pk, "version": assessment.version},
            **values,
        ),
    )


def _open_draft(actor: Any, position: Position) -> tuple[Assessment, Answers]:
    """The position's draft, created (next version, answers of the latest round carried
    over) if there is none. Refused while a proposal waits for a decision."""
    open_ = (
        Assessment.objects.select_for_update()
        .filter(position=position, status__in=[Status.DRAFT, Status.PROPOSED])
        .first()
    )
    if open_ is not None and open_.status == Status.PROPOSED:
        raise Conflict(
            "assessment_proposed",
            _("This assessment is waiting for BKPSDM; it cannot change until it is decided."),
        )
    if open_ is not None:
        return open_, {}
    latest = Assessment.objects.filter(position=position).order_by("-version").first()
    draft = Assessment.objects.create(
        position=position,
        version=latest.version + 1 if latest else 1,
        status=Status.DRAFT,
        created_by=_user(actor),
    )
    return draft, answers_by_live_duty(latest) if latest is not None else {}


def _sync_duties(assessment: Assessment, duties: Sequence[Duty]) -> dict[int, AssessmentDuty]:
    """Make the draft's copy of the duties match the live duties; live duty id → copy."""
    live = {d.pk: d for d in duties}
    kept: dict[int, AssessmentDuty] = {}
    gone: list[int] = []
    for copy in AssessmentDuty.objects.filter(assessment=assessment):
        if copy.duty_id is None or copy.duty_id not in live or copy.duty_id in kept:
            gone.append(copy.pk)
        else:
            kept[copy.duty_id] = copy
    AssessmentDuty.objects.filter(pk__in=gone).delete()
    fields = ("order", "description", "output", "time_share")
    new: list[AssessmentDuty] = []
    changed: list[AssessmentDuty] = []
    for duty in duties:
        kept_copy = kept.get(duty.pk)
        if kept_copy is None:
            new.append(
                AssessmentDuty(
                    assessment=assessment, duty=duty, **{f: getattr(duty, f) for f in fields}
                )
            )
        elif any(getattr(kept_copy, f) != getattr(duty, f) for f in fields):
            for f in fields:
                setattr(kept_copy, f, getattr(duty, f))
            changed.append(kept_copy)
    AssessmentDuty.objects.bulk_create(new)
    AssessmentDuty.objects.bulk_update(changed, list(fields))
    return {c.duty_id: c for c in AssessmentDuty.objects.filter(assessment=assessment) if c.duty_id}


def _write_answers(
    copies: Mapping[int, AssessmentDuty], answers: Answers, codes: Sequence[str]
) -> int:
    existing = {
        (a.duty_id, a.criterion): a
        for a in AssessmentAnswer.objects.filter(duty__in=list(copies.values()))
    }
    new, changed = [], []
    for (duty_id, code), (answer, reason) in answers.items():
        if duty_id not in copies:
            raise ValidationFailed(
                "answer_unknown_duty", _("An answer refers to a duty this position does not have.")
            )
        if code not in codes:
            raise ValidationFailed(
                "answer_unknown_criterion",
                _("“%(code)s” is not a criterion of the policy in force.") % {"code": code},
            )
        reason = (reason or "").strip()
        if len(reason) > REASON_MAX_LENGTH:
            raise ValidationFailed(
                "answer_reason_too_long",
                _("A reason is longer than %(max)s characters.") % {"max": REASON_MAX_LENGTH},
            )
        row = existing.get((copies[duty_id].pk, code))
        if row is None:
            if answer is not None or reason:
                new.append(
                    AssessmentAnswer(
                        duty=copies[duty_id], criterion=code, answer=answer, reason=reason
                    )
                )
        elif (row.answer, row.reason) != (answer, reason):
            row.answer, row.reason = answer, reason
            changed.append(row)
    AssessmentAnswer.objects.bulk_create(new)
    AssessmentAnswer.objects.bulk_update(changed, ["answer", "reason"])
    return len(new) + len(changed)


def assessment_save_draft(*, actor: Any, position: Position, answers: Answers) -> Assessment:
    """Store answers (``(duty id, criterion) → (yes/no/None, reason)``) in the position's
    draft, creating the draft if needed. Gaps are allowed in a draft."""
    criteria = criteria_in_force()
    codes = [c.code for c in criteria]
    with transaction.atomic():
        position = position_lock(position.pk)
        draft, carried = _open_draft(actor, position)
        duties = list(Duty.objects.filter(position=position).order_by("order"))
        copies = _sync_duties(draft, duties)
        merged = {k: v for k, v in carried.items() if k[0] in copies and k[1] in codes}
        merged.update(answers)
        written = _write_answers(copies, merged, codes)
        draft.save(update_fields=["updated_at"])
        _audit(actor, position, draft, "save_draft", after={"answers_written": written})
    return draft


def gap_messages(
    problems: Sequence[AnswerProblem], criteria: Sequence[Criterion], order_of: Mapping[int, int]
) -> dict[str, list[str]]:
    by_code = {c.code: c for c in criteria}
    errors: dict[str, list[str]] = {}
    for p in problems:
        label = criterion_label(by_code.get(p.criterion, p.criterion))
        values = {"n": order_of[p.duty_id], "criterion": label}
        text = (
            _("Duty %(n)s: answer “%(criterion)s” with yes or no.") % values
            if p.code == "missing_answer"
            else _("Duty %(n)s: give a short reason for “%(criterion)s”.") % values
        )
        errors.setdefault(str(p.duty_id), []).append(text)
    return errors


def assessment_propose(*, actor: Any, position: Position) -> Assessment:
    """Send the draft to BKPSDM. Needs at least one duty, time shares adding up to exactly
    100 %, and a yes/no with a reason for every duty × criterion in force."""
    criteria = criteria_in_force()
    codes = [c.code for c in criteria]
    with transaction.atomic():
        position = position_lock(position.pk)
        draft, carried = _open_draft(actor, position)
        duties = list(Duty.objects.filter(position=position).order_by("order"))
        copies = _sync_duties(draft, duties)
        if carried:
            _write_answers(
                copies,
                {k: v for k, v in carried.items() if k[0] in copies and k[1] in codes},
                codes,
            )
        if not duties:
            raise ValidationFailed(
                "assessment_no_duties", _("The position has no duties yet; add them first.")
            )
        total = sum((d.time_share for d in duties), Decimal(0))
        if total != TOTAL:
            raise ValidationFailed(
                "assessment_shares_not_100",
                _(
                    "The time shares of the duties add up to %(total)s %%; "
                    "they must add up to exactly 100 %%."
                )
                % {"total": total},
                total=str(total),
            )
        answers = answers_by_live_duty(draft)
        gaps = assessment_gaps([d.pk for d in duties], criteria, answers)
        if gaps:
            raise ValidationFailed(
                "assessment_incomplete",
                _("Every duty needs a yes or no and a short reason for every criterion."),
                errors=gap_messages(gaps, criteria, {d.pk: d.order for d in duties}),
            )
        verdicts = []
        for duty in duties:
            copy = copies[duty.pk]
            copy.suitable = duty_suitable({c: answers[(duty.pk, c)][0] for c in codes}, codes)
            verdicts.append((copy.time_share, copy.suitable))
        AssessmentDuty.objects.bulk_update(list(copies.values()), ["suitable"])
        draft.status = Status.PROPOSED
        draft.criteria = codes
        draft.proposed_by = _user(actor)
        draft.proposed_at = timezone.now()
        draft.save()
        share = suitable_share(verdicts)
        _audit(
            actor,
            position,
            draft,
            "propose",
            after={"criteria": codes, "suitable_share": str(round(float(share or 0), 4))},
        )
    return draft


def _decide(assessment: Assessment) -> Assessment:
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if locked.status != Status.PROPOSED:
        raise Conflict(
            "assessment_not_proposed",
            _("This assessment is no longer waiting for a decision (it is now: %(status)s).")
            % {"status": locked.get_status_display()},
            status=locked.status,
        )
    return locked


def assessment_approve(*, actor: Any, assessment: Assessment, comment: str = "") -> Assessment:
    """Approve a proposed assessment: it becomes the position's current mapping."""
    with transaction.atomic():
        a = _decide(assessment)
        Assessment.objects.select_for_update().filter(
            position_id=a.position_id, status=Status.APPROVED, is_current=True
        ).update(is_current=False)
        a.status, a.is_current = Status.APPROVED, True
        a.decided_by, a.decided_at = _user(actor), timezone.now()
        a.comment = (comment or "").strip()
        a.save()
        params = params_in_force()
        verdicts = list(a.duties.values_list("time_share", "suitable"))
        cls = classify_position(
            verdicts, params.class_capable_min_share, params.class_partly_min_share
        )
        _audit(actor, a.position, a, "approve", after={"class": cls, "comment": a.comment})
    return a


def assessment_return(*, actor: Any, assessment: Assessment, comment: str) -> Assessment:
    """Send a proposed assessment back to the unit with a comment saying what to change."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationFailed(
            "assessment_comment_required",
            _("Say what must change before the assessment can be approved."),
            errors={"comment": [_("A comment is required when returning an assessment.")]},
        )
    with transaction.atomic():
        a = _decide(assessment)
        a.status = Status.RETURNED
        a.decided_by, a.decided_at = _user(actor), timezone.now()
        a.comment = comment
        a.save()
        _audit(actor, a.position, a, "return", after={"comment": comment})
    return a
