from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Schema

from fleksi.common.apikit import Id


class VersionOut(Schema):
    id: int
    regulation_number: str
    title: str
    status: str
    effective_from: date
    effective_to: date | None
    based_on_id: int | None
    author: str
    approver: str | None
    published_at: datetime | None
    params: dict[str, Any]
    unit_overrides: list[dict[str, Any]]
    role_minimums: list[dict[str, Any]] = []


class VersionSummary(Schema):
    id: int
    regulation_number: str
    title: str
    status: str
    effective_from: date
    effective_to: date | None


class DraftIn(Schema):
    regulation_number: str
    title: str
    effective_from: date
    based_on_id: Id | None = None


class DraftUpdateIn(Schema):
    regulation_number: str | None = None
    title: str | None = None
    effective_from: date | None = None
    notes: str | None = None
    params: dict[str, Any] | None = None


class ParamChangeOut(Schema):
    key: str
    before: Any
    after: Any
    direction: str


class DiffOut(Schema):
    a: int
    b: int
    changes: list[ParamChangeOut]
