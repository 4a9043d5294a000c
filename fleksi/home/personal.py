"""Everything Fleksi holds about one person, for them to download (UU 27/2022 on personal data
protection, Pasal 7: the data subject's right of access to a copy of their personal data).

What counts as "about the person" is decided by the data model, not by a hand-kept list of
tables, so a new table cannot be forgotten:

- the rows of every Fleksi table with a foreign key to the person's employee record or user
  account in one of the **subject fields** (``employee``, ``user``, ``requester``, ``other``,
  ``recipient``): their requests, days, check-ins, outputs, ratings, exceptions, shifts...;
- the rows that belong to those rows (a request's work plan and approval steps, a report's
  verifications, an SKP's results and their indicators): a foreign key to an exported row;
- the audit entries the person made themself (the trail of what they did).

Foreign keys in other fields name someone else's act about a third person (``supervisor``,
``approver``, ``decided_by``...): those rows are that other person's data and are not copied;
:data:`NOT_ABOUT_THE_PERSON` says so for each, and a test fails on a new table that neither
rule covers. Secrets are never copied (the password hash, a token's digest, the calendar
feed's token); files appear by name and SHA-256, not by content.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone

from fleksi.accounts.models import User
from fleksi.audit.models import AuditEntry
from fleksi.org.models import Employee

SUBJECT_FIELDS = frozenset({"employee", "user", "requester", "other", "recipient"})
SECRET_FIELDS = frozenset({"password", "digest", "token"})
# Tables that point to a person only as someone who acted on another's record, or that are
# shared (not one person's): not copied, with the reason.
NOT_ABOUT_THE_PERSON: dict[str, str] = {
    "org.Employee": "supervisor: the people one supervises are their own data",
    "accounts.RoleAssignment": "granted_by / revoked_by: roles given to others",
    "policy.PolicyVersion": "author, approver, enacted_by, promulgated_by: the regency's rules",
    "policy.LegalStep": "actor: a step of the Perbup's legal path",
    "policy.HarmonisationNote": "author: a comment on the Perbup's draft",
    "policy.SignedDocument": "uploaded_by: the signed Perbup",
    "policy.NationalWfaWindow": "decided_by: the regency's decision",
    "worktime.DutyRoster": "created_by: a unit's roster (one's own shifts are copied)",
    "jobmap.Assessment": "created_by, proposed_by, decided_by: a position's duty mapping",
    "servicelevel.ServiceLevelConfig": "updated_by: a service's settings",
    "servicelevel.Complaint": "updated_by: a complaint by the public",
    "servicelevel.SatisfactionSurvey": "entered_by: a survey's figures",
    "servicelevel.ServiceDaily": "entered_by: a service's daily figures",
    "servicelevel.SafeguardAlert": "handled_by: a service's alert",
    "roster.Roster": "created_by, published_by: a unit's roster (one's own cells are copied)",
    "schedule.ApprovalStep": "approver, acted_by: decisions on others' requests "
    "(the steps of one's own requests are copied)",
    "outputs.Verification": "verifier, acted_by: checks of others' reports "
    "(the verifications of one's own reports are copied)",
    "insights.EvaluationReport": "created_by: a report on the regency",
    "documents.GeneratedDocument": "created_by: a generated draft Perbup, a unit's keputusan, "
    "a monitoring report or a request's form (the request itself is copied)",
    "demo.DemoAccount": "user: the demo's list of accounts, not personal data",
}
PEOPLE = (Employee, User)


def _value(field: models.Field[Any, Any], obj: models.Model) -> Any:
    value = getattr(obj, field.attname)
    if isinstance(field, models.FileField):
        if not value:
            return None
        return {"name": value.name.rsplit("/", 1)[-1], "sha256": _sha256(value)}
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return None
    return value


def _sha256(file: Any) -> str | None:
    try:
        digest = hashlib.sha256()
        with file.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 16), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except (OSError, ValueError):
        return None


def _rows(model: type[models.Model], qs: Iterable[models.Model]) -> list[dict[str, Any]]:
    fields = [f for f in model._meta.concrete_fields if f.name not in SECRET_FIELDS]
    return [{f.name: _value(f, obj) for f in fields} for obj in qs]


def _fleksi_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith("fleksi.")]


def subject_fields(model: type[models.Model]) -> list[str]:
    """The foreign keys of ``model`` that name the person the row is about."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model in PEOPLE and f.name in SUBJECT_FIELDS
    ]


def _children(model: type[models.Model], parents: set[type[models.Model]]) -> list[str]:
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model in parents and f.related_model not in PEOPLE
    ]


def _name(user: User) -> str:
    employee = Employee.objects.filter(pk=user.employee_id).first() if user.employee_id else None
    return employee.name if employee else (user.get_full_name() or user.username)


def personal_data(user: User) -> dict[str, Any]:
    """Everything about ``user`` (and their employee record), as JSON-ready data."""
    employee_id = user.employee_id
    tables: dict[str, dict[str, Any]] = {}
    exported: dict[type[models.Model], set[Any]] = {}

    def add(model: type[models.Model], qs: models.QuerySet[Any]) -> None:
        rows = list(qs.order_by("pk"))
        if not rows:
            return
        label = model._meta.label
        table = tables.setdefault(label, {"name": str(model._meta.verbose_name_plural), "rows": []})
        known = exported.setdefault(model, set())
        fresh = [r for r in rows if r.pk not in known]
        known.update(r.pk for r in fresh)
        table["rows"].extend(_rows(model, fresh))

    add(User, User.objects.filter(pk=user.pk))
    if employee_id is not None:
        add(Employee, Employee.objects.filter(pk=employee_id))
    for model in _fleksi_models():
        for name in subject_fields(model):
            target = model._meta.get_field(name).related_model
            if target is User:
                add(model, model._default_manager.filter(**{name: user.pk}))
            elif employee_id is not None:
                add(model, model._default_manager.filter(**{name: employee_id}))
    # Rows that belong to exported rows (two levels: an SKP's results and their indicators).
    for _level in range(2):
        parents = set(exported)
        for model in _fleksi_models():
            for name in _children(model, parents):
                target = model._meta.get_field(name).related_model
                ids = exported.get(target)  # type: ignore[arg-type]
                if ids:
                    add(model, model._default_manager.filter(**{f"{name}__in": list(ids)}))
    entries = AuditEntry.objects.filter(actor_id=user.pk).order_by("pk")
    if entries.exists():
        tables["audit.AuditEntry"] = {
            "name": str(AuditEntry._meta.verbose_name_plural),
            "rows": _rows(AuditEntry, entries),
        }
    return {
        "about": _name(user),
        "made_at": timezone.localtime().isoformat(),
        "time_zone": settings.TIME_ZONE,
        "basis": "UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 7",
        "not_copied": NOT_ABOUT_THE_PERSON,
        "tables": tables,
    }
