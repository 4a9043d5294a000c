"""The legal path on the version page: its timeline, and one form per step for the role
whose step it is (decision 0025)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.current import user_of
from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import require, scope_for
from fleksi.accounts.stepup import reauth_url, recently_authenticated
from fleksi.common.errors import ServiceError
from fleksi.common.formats import day_text
from fleksi.policy import services_legal as legal
from fleksi.policy.domain.legal import NEXT_STEPS, Stage, Step
from fleksi.policy.forms_legal import (
    EnactForm,
    LegalNoteForm,
    PromulgateForm,
    SignedDocumentForm,
    StartDateForm,
    StepNoteForm,
)
from fleksi.policy.messages import PARAM_LABELS
from fleksi.policy.models import PolicyVersion
from fleksi.policy.permissions import STEP_PERMS, access_version


def _who(user: Any) -> str:
    return str(user) if user is not None else ""


def timeline(version: PolicyVersion) -> list[dict[str, Any]]:
    """The version's legal history, oldest first: created, each step, and its coming into
    force (or the date it will), every date in words."""
    rows: list[dict[str, Any]] = [
        {
            "day": day_text(timezone.localdate(version.created_at)),
            "label": _("drafted"),
            "who": _who(version.author),
            "note": "",
            "detail": "",
        }
    ]
    for step in version.legal_steps.select_related("actor", "actor__employee"):
        detail = ""
        if step.step == Step.ENACT:
            detail = _("Number %(number)s, enacted on %(date)s") % {
                "number": step.data.get("number", ""),
                "date": day_text(version.enacted_on) if version.enacted_on else "",
            }
        elif step.step == Step.PROMULGATE and version.promulgated_on:
            detail = _("Berita Daerah %(year)s number %(number)s, promulgated on %(date)s") % {
                "year": step.data.get("gazette_year", ""),
                "number": step.data.get("gazette_number", ""),
                "date": day_text(version.promulgated_on),
            }
        elif step.step == Step.SUBMIT:
            detail = _("Harmonisation round %(n)d") % {"n": step.round}
        rows.append(
            {
                "day": day_text(timezone.localdate(step.at)),
                "label": legal.step_label(step.step),
                "who": _who(step.actor),
                "note": step.note,
                "detail": detail,
            }
        )
    if version.stage == Stage.PROMULGATED and not version.is_revocation:
        today = timezone.localdate()
        text = _("in force") if version.effective_from <= today else _("will be in force")
        rows.append(
            {
                "day": day_text(version.effective_from),
                "label": text,
                "who": "",
                "note": "",
                "detail": (
                    _("until %(date)s") % {"date": day_text(version.effective_to)}
                    if version.effective_to
                    else ""
                ),
            }
        )
    return rows


def legal_context(user: User, version: PolicyVersion) -> dict[str, Any]:
    """What the version page shows of the legal path, and the forms this user may use."""
    scope = scope_for(user)
    stage = Stage(version.stage)
    steps = {s.value for s in NEXT_STEPS[stage] if scope.has(STEP_PERMS[s])}
    notes = [
        {
            "round": n.round,
            "target": PARAM_LABELS.get(n.target, n.target) if n.target else _("the draft"),
            "text": n.text,
            "who": _who(n.author),
            "day": day_text(timezone.localdate(n.created_at)),
        }
        for n in version.harmonisation_notes.select_related("author", "author__employee")
    ]
    documents = list(version.signed_documents.select_related("uploaded_by"))
    can_draft = scope.has(Perm.POLICY_DRAFT)
    return {
        "timeline": timeline(version),
        "legal_notes": notes,
        "signed_documents": documents,
        "signed_current": documents[0] if documents else None,
        "legal_steps": steps,
        "can_comment": stage == Stage.HARMONISATION and scope.has(Perm.POLICY_HARMONISE),
        # The generated draft Perbup and comparisons (app documents): for draft readers.
        "can_read_documents": scope.has(Perm.POLICY_VIEW_DRAFTS) or can_draft,
        "can_upload": stage in (Stage.ENACTED, Stage.PROMULGATED)
        and scope.has(Perm.POLICY_SIGNED_UPLOAD),
        "can_amend": can_draft and not version.is_draft and not version.is_revocation,
        "can_revoke": can_draft
        and version.status == PolicyVersion.Status.PUBLISHED
        and not version.is_revocation,
        "note_form": StepNoteForm(),
        "comment_form": LegalNoteForm(),
        "enact_form": EnactForm(initial={"enacted_on": timezone.localdate()}),
        "promulgate_form": PromulgateForm(initial={"promulgated_on": timezone.localdate()}),
        "upload_form": SignedDocumentForm(),
        "start_form": StartDateForm(),
    }


def _back(version: PolicyVersion) -> HttpResponse:
    return redirect(reverse("policy:version_detail", args=[version.pk]) + "#legal")


def _act(
    request: HttpRequest,
    version_id: int,
    step: Step,
    form_class: type[Any],
    run: Callable[[User, PolicyVersion, dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    user = user_of(request)
    require(user, STEP_PERMS[step])
    version = access_version(user, version_id)
    if step in (Step.ENACT, Step.PROMULGATE) and not recently_authenticated(request):
        return redirect(reauth_url(reverse("policy:version_detail", args=[version.pk])))
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the form: %(errors)s") % {"errors": _errors(form)})
        return _back(version)
    try:
        run(user, version, form.cleaned_data)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return _back(version)


def _errors(form: Any) -> str:
    return "; ".join(
        f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}".lstrip(": ")
        for f, e in form.errors.items()
    )


@login_required
@require_POST
def legal_submit(request: HttpRequest, version_id: int) -> HttpResponse:
    return _act(
        request,
        version_id,
        Step.SUBMIT,
        StepNoteForm,
        lambda u, v, d: legal.legal_submit(actor=u, version=v, note=d["note"]),
        _("Sent to the Bagian Hukum for harmonisation."),
    )


@login_required
@require_POST
def legal_return(request: HttpRequest, version_id: int) -> HttpResponse:
    return _act(
        request,
        version_id,
        Step.RETURN,
        StepNoteForm,
        lambda u, v, d: legal.legal_return(actor=u, version=v, note=d["note"]),
        _("Returned to the drafters."),
    )


@login_required
@require_POST
def legal_clear(request: HttpRequest, version_id: int) -> HttpResponse:
    return _act(
        request,
        version_id,
        Step.CLEAR,
        StepNoteForm,
        lambda u, v, d: legal.legal_clear(actor=u, version=v, note=d["note"]),
        _("Harmonised: the draft goes to the Sekda for initials."),
    )


@login_required
@require_POST
def legal_initial(request: HttpRequest, version_id: int) -> HttpResponse:
    return _act(
        request,
        version_id,
        Step.INITIAL,
        StepNoteForm,
        lambda u, v, d: legal.legal_initial(actor=u, version=v, note=d["note"]),
        _("Initialled: the draft goes to the Bupati."),
    )


@login_required
@require_POST
def legal_enact(request: HttpRequest, version_id: int) -> HttpResponse:
    return _act(
        request,
        version_id,
        Step.ENACT,
        EnactForm,
        lambda u, v, d: legal.legal_enact(
            actor=u, version=v, number=d["number"], enacted_on=d["enacted_on"]
        ),
        _("Enacted (ditetapkan). The Sekda promulgates it next."),
    )


@login_required
@require_POST
def legal_promulgate(request: HttpRequest, version_id: int) -> HttpResponse:
    return _act(
        request,
        version_id,
        Step.PROMULGATE,
        PromulgateForm,
        lambda u, v, d: legal.legal_promulgate(
            actor=u,
            version=v,
            gazette_number=d["gazette_number"],
            promulgated_on=d["promulgated_on"],
            effective_from=d.get("effective_from"),
        ),
        _("Promulgated (diundangkan) in the Berita Daerah."),
    )


@login_required
@require_POST
def legal_comment(request: HttpRequest, version_id: int) -> HttpResponse:
    user = user_of(request)
    require(user, Perm.POLICY_HARMONISE)
    version = access_version(user, version_id)
    form = LegalNoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the form: %(errors)s") % {"errors": _errors(form)})
        return _back(version)
    try:
        legal.legal_note_add(
            actor=user,
            version=version,
            target_key=form.target_key(),
            text=form.cleaned_data["text"],
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The comment was saved."))
    return _back(version)


@login_required
@require_POST
def legal_document_upload(request: HttpRequest, version_id: int) -> HttpResponse:
    user = user_of(request)
    require(user, Perm.POLICY_SIGNED_UPLOAD)
    version = access_version(user, version_id)
    form = SignedDocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the signed PDF."))
        return _back(version)
    try:
        legal.legal_document_upload(actor=user, version=version, upload=form.cleaned_data["file"])
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The signed document was kept with its SHA-256."))
    return _back(version)


@login_required
def legal_document(request: HttpRequest, version_id: int, document_id: int) -> FileResponse:
    """The signed PDF, for whoever may read the version."""
    version = access_version(user_of(request), version_id)
    document = version.signed_documents.filter(pk=document_id).first()
    if document is None:
        raise Http404
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.name,
        content_type="application/pdf",
    )


def _start(
    request: HttpRequest,
    version_id: int,
    create: Callable[..., PolicyVersion],
    done: str,
) -> HttpResponse:
    user = user_of(request)
    require(user, Perm.POLICY_DRAFT)
    version = access_version(user, version_id)
    form = StartDateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the date it comes into force."))
        return _back(version)
    try:
        draft = create(actor=user, of=version, effective_from=form.cleaned_data["effective_from"])
    except ServiceError as exc:
        messages.error(request, exc.message)
        return _back(version)
    messages.success(request, done)
    return redirect("policy:version_detail", version_id=draft.pk)


@login_required
@require_POST
def amendment_create(request: HttpRequest, version_id: int) -> HttpResponse:
    return _start(
        request,
        version_id,
        legal.policy_amendment_create,
        _("Draft amendment created. Adjust its settings, then send it for harmonisation."),
    )


@login_required
@require_POST
def revocation_create(request: HttpRequest, version_id: int) -> HttpResponse:
    return _start(
        request,
        version_id,
        legal.policy_revocation_create,
        _("Draft revocation created. It goes through the same legal path."),
    )
