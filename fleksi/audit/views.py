from __future__ import annotations

import json
from collections.abc import Iterator

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import require
from fleksi.audit.forms import AuditFilterForm
from fleksi.audit.models import AuditEntry
from fleksi.audit.selectors import audit_chain_verify, audit_entry_list
from fleksi.common.exports import csv_stream
from fleksi.common.pagination import paginate
from fleksi.common.replica import reads_from_replica


def _auditor(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    require(request.user, Perm.AUDIT_VIEW)
    return request.user


def _filtered(request: HttpRequest) -> tuple[AuditFilterForm, QuerySet[AuditEntry]]:
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, audit_entry_list(**{k: v for k, v in filters.items() if v})


@login_required
def entry_list(request: HttpRequest) -> HttpResponse:
    _auditor(request)
    form, qs = _filtered(request)
    return render(
        request,
        "audit/entry_list.html",
        {"form": form, "page": paginate(qs, request.GET, per_page=50)},
    )


@login_required
def entry_detail(request: HttpRequest, entry_id: int) -> HttpResponse:
    _auditor(request)
    entry = AuditEntry.objects.filter(pk=entry_id).first()
    if entry is None:
        raise Http404
    keys = sorted(set(entry.before or {}) | set(entry.after or {}))
    rows = [(k, (entry.before or {}).get(k), (entry.after or {}).get(k)) for k in keys]
    return render(
        request,
        "audit/entry_detail.html",
        {
            "entry": entry,
            "rows": rows,
            "context_json": json.dumps(entry.context, ensure_ascii=False, indent=1),
        },
    )


@login_required
@reads_from_replica
def entry_export(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered trail as CSV, with the chain fields so the file can be re-verified."""
    _auditor(request)
    _form, qs = _filtered(request)
    header = [
        "id",
        "stream",
        "seq",
        "at",
        "actor_id",
        "actor",
        "action",
        "object_type",
        "object_id",
        "object",
        "before",
        "after",
        "context",
        "request_id",
        "prev_hash",
        "hash",
    ]

    def rows() -> Iterator[list[object]]:
        for e in qs.iterator(chunk_size=2000):
            yield (
                [
                    e.pk,
                    e.stream,
                    e.seq,
                    e.at.isoformat(),
                    e.actor_id,
                    e.actor_label,
                    e.action,
                    e.object_type,
                    e.object_id,
                    e.object_repr,
                    json.dumps(e.before, ensure_ascii=False),
                    json.dumps(e.after, ensure_ascii=False),
                    json.dumps(e.context, ensure_ascii=False),
                    e.request_id,
                    e.prev_hash,
                    e.hash,
                ]
            )

    return csv_stream("fleksi-audit-trail.csv", header, rows(), delimiter=",")


@login_required
@require_POST
def verify(request: HttpRequest) -> HttpResponse:
    _auditor(request)
    checked, problem = audit_chain_verify()
    return render(
        request,
        "audit/verify.html",
        {"checked": checked, "problem": problem, "title": _("Verification of the audit trail")},
    )
