"""The Perbup's legal path: each step is one role's action on a locked version, recorded on
its timeline and in the audit trail (decision 0025).

The edges check the actor's permission for the step (``fleksi.policy.permissions``); these
services refuse a step that does not follow from the version's stage, and take the version's
row lock first, so two people acting at once never both succeed (the second one finds the
stage moved on). Which version is in force changes only in ``policy_publish`` (called by the
promulgation), whose writes move the policy generation token: the cached selectors stay true.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.common.formats import day_text
from fleksi.policy.domain.legal import (
    ARTICLE,
    MAX_SIGNED_BYTES,
    NEXT_STEPS,
    PDF_MAGIC,
    REGULATION_NUMBER,
    Stage,
    Step,
    allowed,
    target,
)
from fleksi.policy.domain.params import param_keys
from fleksi.policy.models import HarmonisationNote, LegalStep, PolicyVersion, SignedDocument
from fleksi.policy.services import _audit, policy_draft_create, policy_publish, validate_params


def step_label(step: str) -> str:
    labels = {
        Step.SUBMIT: _("sent to the Bagian Hukum for harmonisation"),
        Step.RETURN: _("returned to the drafters"),
        Step.CLEAR: _("harmonised (cleared by the Bagian Hukum)"),
        Step.INITIAL: _("initialled by the Sekda"),
        Step.ENACT: _("enacted (ditetapkan) by the Bupati"),
        Step.PROMULGATE: _("promulgated (diundangkan) in the Berita Daerah by the Sekda"),
    }
    return str(labels.get(Step(step), step))


def _locked(version: PolicyVersion, step: Step) -> PolicyVersion:
    """The version's row, locked, if ``step`` may follow its stage; else a clear refusal."""
    locked = PolicyVersion.objects.select_for_update().get(pk=version.pk)
    stage = Stage(locked.stage)
    if not allowed(step, stage):
        following = NEXT_STEPS[stage]
        raise Conflict(
            "legal_out_of_order",
            _("This cannot be done now: the version is at the stage “%(stage)s”. %(next)s")
            % {
                "stage": locked.get_stage_display(),
                "next": (
                    _("Next: %(steps)s.") % {"steps": ", ".join(step_label(s) for s in following)}
                    if following
                    else _("Its legal path is complete.")
                ),
            },
        )
    return locked


def _record(
    actor: Any, version: PolicyVersion, step: Step, *, note: str = "", **data: Any
) -> LegalStep:
    entry = LegalStep.objects.create(
        version=version,
        step=step,
        round=version.harmonisation_round,
        actor=actor,
        at=timezone.now(),
        note=note,
        data=data,
    )
    _audit(
        actor,
        version,
        f"legal.{step}",
        after={"stage": version.stage, "round": version.harmonisation_round, "note": note, **data},
    )
    return entry


def _advance(
    actor: Any,
    version: PolicyVersion,
    step: Step,
    *,
    note: str = "",
    fields: tuple[str, ...] = (),
    **data: Any,
) -> PolicyVersion:
    version.stage = target(step)
    version.save(update_fields=["stage", "updated_at", *fields])
    _record(actor, version, step, note=note.strip(), **data)
    return version


def legal_submit(*, actor: Any, version: PolicyVersion, note: str = "") -> PolicyVersion:
    """The drafters send the draft to the Bagian Hukum (a new round of harmonisation)."""
    with transaction.atomic():
        version = _locked(version, Step.SUBMIT)
        validate_params(version.params)
        version.harmonisation_round += 1
        return _advance(actor, version, Step.SUBMIT, note=note, fields=("harmonisation_round",))


def legal_note_add(
    *, actor: Any, version: PolicyVersion, target_key: str, text: str
) -> HarmonisationNote:
    """A comment of the Bagian Hukum during harmonisation, on the whole draft (empty
    ``target_key``), one parameter (its key) or one article ("Pasal 5 ayat (2)")."""
    target_key, text = target_key.strip(), text.strip()
    if not text:
        raise ValidationFailed(
            "legal_note_empty",
            _("Write the comment."),
            errors={"text": [_("Write the comment.")]},
        )
    if target_key and target_key not in param_keys() and not ARTICLE.fullmatch(target_key):
        message = _("Choose a setting of the draft or write an article, e.g. Pasal 5 ayat (2).")
        raise ValidationFailed("legal_note_target", message, errors={"target": [message]})
    with transaction.atomic():
        version = PolicyVersion.objects.select_for_update().get(pk=version.pk)
        if version.stage != Stage.HARMONISATION:
            raise Conflict(
                "legal_not_in_harmonisation",
                _("Comments are written while the draft is in harmonisation."),
            )
        note = HarmonisationNote.objects.create(
            version=version,
            round=version.harmonisation_round,
            target=target_key,
            text=text,
            author=actor,
        )
        _audit(
            actor,
            version,
            "legal.comment",
            after={"round": note.round, "target": target_key, "text": text},
        )
    return note


def legal_return(*, actor: Any, version: PolicyVersion, note: str = "") -> PolicyVersion:
    """The Bagian Hukum returns the draft to the drafters: with a reason or comments."""
    with transaction.atomic():
        version = _locked(version, Step.RETURN)
        commented = HarmonisationNote.objects.filter(
            version=version, round=version.harmonisation_round
        ).exists()
        if not note.strip() and not commented:
            message = _("Say why the draft is returned, or write comments on it first.")
            raise ValidationFailed("legal_return_reason", message, errors={"note": [message]})
        return _advance(actor, version, Step.RETURN, note=note)


def legal_clear(*, actor: Any, version: PolicyVersion, note: str = "") -> PolicyVersion:
    """The Bagian Hukum clears the draft: harmonised, ready for the Sekda's initials."""
    with transaction.atomic():
        return _advance(actor, _locked(version, Step.CLEAR), Step.CLEAR, note=note)


def legal_initial(*, actor: Any, version: PolicyVersion, note: str = "") -> PolicyVersion:
    """The Sekda initials (paraf) the harmonised draft for the Bupati."""
    with transaction.atomic():
        return _advance(actor, _locked(version, Step.INITIAL), Step.INITIAL, note=note)


def _step_day(version: PolicyVersion, step: Step) -> date | None:
    at = (
        LegalStep.objects.filter(version=version, step=step)
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    return timezone.localdate(at) if at else None


def _check_number(number: str, field: str) -> str:
    number = number.strip().upper()
    if not REGULATION_NUMBER.fullmatch(number):
        message = _("A number is 1 to 4 digits, optionally followed by a letter (e.g. 18 or 18A).")
        raise ValidationFailed("legal_number", message, errors={field: [message]})
    return number


def _check_day(day: date, *, after: date | None, field: str) -> None:
    today = timezone.localdate()
    if day > today:
        message = _("This date is in the future; record it on the day it happens.")
        raise ValidationFailed("legal_date_future", message, errors={field: [message]})
    if after is not None and day < after:
        message = _("This date is before the previous step (%(date)s).") % {"date": day_text(after)}
        raise ValidationFailed("legal_date_order", message, errors={field: [message]})


def legal_enact(
    *, actor: Any, version: PolicyVersion, number: str, enacted_on: date
) -> PolicyVersion:
    """The Bupati enacts (ditetapkan) the initialled draft: its number and date."""
    number = _check_number(number, "number")
    with transaction.atomic():
        version = _locked(version, Step.ENACT)
        _check_day(enacted_on, after=_step_day(version, Step.INITIAL), field="enacted_on")
        taken = PolicyVersion.objects.filter(
            enacted_number=number, enacted_on__year=enacted_on.year
        ).exclude(pk=version.pk)
        if taken.exists():
            message = _("Perbup number %(number)s of %(year)d is already taken.") % {
                "number": number,
                "year": enacted_on.year,
            }
            raise Conflict("legal_number_taken", message, errors={"number": [message]})
        version.enacted_number = number
        version.enacted_on = enacted_on
        version.enacted_by = actor
        # The regulation's own name, in Indonesian whatever the reader's language.
        version.regulation_number = f"Peraturan Bupati Nomor {number} Tahun {enacted_on.year}"
        try:
            with transaction.atomic():
                return _advance(
                    actor,
                    version,
                    Step.ENACT,
                    fields=("enacted_number", "enacted_on", "enacted_by", "regulation_number"),
                    number=number,
                    enacted_on=enacted_on.isoformat(),
                )
        except IntegrityError as exc:  # the same number given at the same instant
            raise Conflict(
                "legal_number_taken",
                _("Perbup number %(number)s of %(year)d is already taken.")
                % {"number": number, "year": enacted_on.year},
            ) from exc


def legal_promulgate(
    *,
    actor: Any,
    version: PolicyVersion,
    gazette_number: str,
    promulgated_on: date,
    effective_from: date | None = None,
) -> PolicyVersion:
    """The Sekda promulgates (diundangkan) the enacted version in the Berita Daerah (number;
    the year is the promulgation's). It comes into force on its date (``effective_from``,
    as the text states it, by default the draft's), never before the promulgation."""
    gazette_number = _check_number(gazette_number, "gazette_number")
    with transaction.atomic():
        version = _locked(version, Step.PROMULGATE)
        _check_day(promulgated_on, after=version.enacted_on, field="promulgated_on")
        start = effective_from or version.effective_from
        if start < promulgated_on:
            message = _("A regulation cannot be in force before it is promulgated (%(date)s).") % {
                "date": day_text(promulgated_on)
            }
            raise ValidationFailed("legal_effective_early", message)
        if (
            PolicyVersion.objects.filter(
                gazette_year=promulgated_on.year, gazette_number=gazette_number
            )
            .exclude(pk=version.pk)
            .exists()
        ):
            message = _("Berita Daerah number %(number)s of %(year)d is already taken.") % {
                "number": gazette_number,
                "year": promulgated_on.year,
            }
            raise Conflict("legal_gazette_taken", message, errors={"gazette_number": [message]})
        version.gazette_number = gazette_number
        version.gazette_year = promulgated_on.year
        version.promulgated_on = promulgated_on
        version.promulgated_by = actor
        version.effective_from = start
        version.save(
            update_fields=[
                "gazette_number",
                "gazette_year",
                "promulgated_on",
                "promulgated_by",
                "effective_from",
                "updated_at",
            ]
        )
        # Comes into force (and supersedes the version in force) through the one service
        # that changes which version is in force.
        version = policy_publish(actor=actor, version=version)
        _record(
            actor,
            version,
            Step.PROMULGATE,
            gazette_number=gazette_number,
            gazette_year=promulgated_on.year,
            promulgated_on=promulgated_on.isoformat(),
            effective_from=start.isoformat(),
        )
    return version


def legal_document_upload(
    *, actor: Any, version: PolicyVersion, upload: UploadedFile
) -> SignedDocument:
    """Keep the signed PDF of an enacted version (from SRIKANDI, BSrE e-signature) with
    its SHA-256. Only a PDF, at most ``MAX_SIGNED_BYTES``."""
    size = upload.size or 0
    if size <= 0 or size > MAX_SIGNED_BYTES:
        message = _("The signed document may be at most %(mb)d MB.") % {
            "mb": MAX_SIGNED_BYTES // 2**20
        }
        raise ValidationFailed("legal_document_size", message, errors={"file": [message]})
    upload.seek(0)
    if not upload.read(len(PDF_MAGIC)).startswith(PDF_MAGIC):
        message = _("The signed document must be a PDF file.")
        raise ValidationFailed("legal_document_type", message, errors={"file": [message]})
    upload.seek(0)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    with transaction.atomic():
        version = PolicyVersion.objects.select_for_update().get(pk=version.pk)
        if version.stage not in (Stage.ENACTED, Stage.PROMULGATED):
            raise Conflict(
                "legal_not_enacted",
                _("The signed document is kept once the Bupati has enacted the version."),
            )
        name = (upload.name or "perbup.pdf").rsplit("/", 1)[-1][:150]
        document = SignedDocument(
            version=version,
            name=name,
            size=size,
            sha256=digest.hexdigest(),
            uploaded_by=actor,
            uploaded_at=timezone.now(),
        )
        document.file.save(f"{uuid.uuid4().hex}.pdf", upload, save=False)
        document.save()
        _audit(
            actor,
            version,
            "legal.signed_document",
            after={"name": name, "size": size, "sha256": document.sha256},
        )
    return document


def _derived_draft(
    *, actor: Any, of: PolicyVersion, effective_from: date, kind: str, words: str
) -> PolicyVersion:
    """A draft that amends or revokes the promulgated ``of``, named in Indonesian whatever
    the reader's language (“Perubahan atas …”, “Pencabutan …”), starting from its values."""
    if of.is_draft or of.is_revocation:
        raise Conflict(
            "legal_not_promulgated",
            _("Only a promulgated regulation can be amended or revoked."),
        )
    return policy_draft_create(
        actor=actor,
        regulation_number=f"Rancangan {words} {of.regulation_number}"[:120],
        title=f"{words} {of.regulation_number} tentang {of.title}"[:255],
        effective_from=effective_from,
        based_on=of,
        kind=kind,
        revokes=of if kind == PolicyVersion.Kind.REVOCATION else None,
    )


def policy_amendment_create(
    *, actor: Any, of: PolicyVersion, effective_from: date
) -> PolicyVersion:
    """A draft amendment (“Perubahan atas …”) of a promulgated regulation: a new version
    starting from its values, through the same legal path."""
    return _derived_draft(
        actor=actor,
        of=of,
        effective_from=effective_from,
        kind=PolicyVersion.Kind.AMENDMENT,
        words="Perubahan atas",
    )


def policy_revocation_create(
    *, actor: Any, of: PolicyVersion, effective_from: date
) -> PolicyVersion:
    """A draft revocation (pencabutan) of the regulation in force: a version too, through
    the same legal path; from its date no version is in force (nobody may use WFA)."""
    if of.status != PolicyVersion.Status.PUBLISHED and not of.is_draft:
        raise Conflict(
            "legal_not_current",
            _("Only the regulation in force (or about to be) can be revoked."),
        )
    return _derived_draft(
        actor=actor,
        of=of,
        effective_from=effective_from,
        kind=PolicyVersion.Kind.REVOCATION,
        words="Pencabutan",
    )
