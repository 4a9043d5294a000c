"""The shared kit of the REST API: what every router uses so that hostile input gets a clear
4xx and never reaches the database as something it refuses with a 500.

- :class:`StrictParser` reads every JSON body, query string and form: a NUL character in any
  string (at any depth), a non-finite number or an integer beyond 64 bits is refused with a
  400 ``invalid_input`` before any view runs. NUL is the one character PostgreSQL text and
  ``jsonb`` cannot hold; so every text field and string query parameter rejects it in one place.
- :data:`Id`, :data:`Limit`, :data:`Offset`: path and query integers bounded to what a column
  or a page can hold.
- :func:`column`: the bounds of an input field taken from the model column it is stored in
  (integer range, decimal digits and places, text length), so a value that rounds to zero or
  overflows the column is refused by validation, not by a database check.
"""

from __future__ import annotations

import json
import math
from typing import Annotated, Any, cast

from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.parser import Parser
from pydantic import ConfigDict

from fleksi.common.errors import ValidationFailed

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
MAX_OFFSET = 1_000_000
MAX_PAGE = 10_000

Id = Annotated[int, Field(ge=1, le=INT64_MAX)]
"""A primary key in a path or query (``BigAutoField``)."""

Limit = Annotated[int, Field(ge=1, le=MAX_PAGE)]
"""A page size asked for; each list still clamps it to its own maximum."""

Offset = Annotated[int, Field(ge=0, le=MAX_OFFSET)]
"""How many items to skip; no list is that long, so a larger offset is a mistake."""


class InvalidInput(ValidationFailed):
    pass


def _refuse(message: str) -> InvalidInput:
    return InvalidInput("invalid_input", message)


def _check(value: Any) -> None:
    """Walk a parsed JSON value; refuse NUL in strings (keys too) and integers beyond 64 bits."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise _refuse(_("Text may not contain a NUL character."))
        elif isinstance(item, bool):
            continue
        elif isinstance(item, int):
            if not INT64_MIN <= item <= INT64_MAX:
                raise _refuse(_("A number is too large."))
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _no_constant(name: str) -> Any:
    raise _refuse(_("A number must be finite."))


def _float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise _refuse(_("A number must be finite."))
    return number


class StrictParser(Parser):
    """The default JSON/query parser of ninja, refusing input no column can hold."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = json.loads(request.body, parse_constant=_no_constant, parse_float=_float)
        _check(data)
        return cast(dict[str, Any], data)

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        for key, values in data.lists():
            if "\x00" in key or any(isinstance(v, str) and "\x00" in v for v in values):
                raise _refuse(_("Text may not contain a NUL character."))
        return super().parse_querydict(data, list_fields, request)


_RANGES = BaseDatabaseOperations.integer_field_ranges


def column(model: type[models.Model], name: str, **extra: Any) -> Any:
    """A pydantic ``Field`` bounded like the model column ``name`` (``extra`` overrides)."""
    field = model._meta.get_field(name)
    bounds: dict[str, Any] = {}
    internal = field.get_internal_type()
    if internal in _RANGES:
        low, high = _RANGES[internal]
        bounds.update(ge=low, le=high)
    elif internal in ("AutoField", "BigAutoField", "ForeignKey"):
        bounds.update(ge=1, le=INT64_MAX)
    if isinstance(field, models.DecimalField):
        bounds.update(max_digits=field.max_digits, decimal_places=field.decimal_places)
    max_length = getattr(field, "max_length", None)
    if isinstance(field, models.CharField | models.TextField) and max_length:
        bounds["max_length"] = max_length
    bounds.update(extra)
    return Field(**bounds)


class ErrorOut(Schema):
    """Every refusal: a stable ``code`` for programs, a ``message`` for people; some codes add
    parameters (for instance the rows of an import that failed)."""

    model_config = ConfigDict(extra="allow")

    code: str
    message: str


class ValidationErrorOut(Schema):
    """Input that does not match the documented shape: where and why (``loc``, ``msg``)."""

    detail: list[dict[str, Any]]


ERROR_RESPONSES: dict[int, tuple[str, type[Schema]]] = {
    400: ("Bad input: unreadable body, NUL in text, a value the database cannot hold", ErrorOut),
    401: ("Not signed in, or the token is unknown, expired or revoked", ErrorOut),
    403: ("The caller's role does not allow this", ErrorOut),
    404: ("Not found, or not visible to the caller", ErrorOut),
    409: ("Conflict: the state changed meanwhile, or a concurrent update (retry)", ErrorOut),
    422: ("The input does not match the schema, or a check-in is refused", ValidationErrorOut),
    503: ("The database is busy or unreachable for a moment (see Retry-After)", ErrorOut),
}


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the error answers every operation can give to an OpenAPI document, once."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for _status, (_text, model) in ERROR_RESPONSES.items():
        components[model.__name__] = model.model_json_schema()
    for methods in schema.get("paths", {}).values():
        for operation in methods.values():
            responses = operation.setdefault("responses", {})
            for status, (text, model) in ERROR_RESPONSES.items():
                if status == 401 and not operation.get("security"):
                    continue
                if status in responses or str(status) in responses:
                    continue
                body: dict[str, Any] = {"$ref": f"#/components/schemas/{model.__name__}"}
                if status == 422:  # a schema mismatch, or a rule of the service (check-ins)
                    body = {"anyOf": [body, {"$ref": "#/components/schemas/ErrorOut"}]}
                answer: dict[str, Any] = {
                    "description": text,
                    "content": {"application/json": {"schema": body}},
                }
                if status == 503:
                    answer["headers"] = {
                        "Retry-After": {"schema": {"type": "integer"}, "description": "Seconds"}
                    }
                responses[status] = answer
    return schema
