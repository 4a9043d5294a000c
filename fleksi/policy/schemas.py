from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Schema
from pydantic import ConfigDict, Field, create_model

from fleksi.common.apikit import Id
from fleksi.policy.domain.params import PolicyParams, basis_of, param_keys, spec_of


def _param_field(key: str) -> Any:
    basis = basis_of(key)
    kind = "ditetapkan PPK dalam Perbup" if basis.ppk else "ketentuan nasional"
    national = f"; dasar nasional: {basis.national}" if basis.national else ""
    default = getattr(PolicyParams(), key)
    if isinstance(default, frozenset):
        default = sorted(default)
    return (
        Any,
        Field(
            None,
            description=f"Dasar hukum: {kind}{national}. Bawaan: {default!r}. "
            f"Kelompok: {spec_of(key).group}.",
        ),
    )


# The parameters of a version, each documented with its legal basis (the OpenAPI document
# shows the basis of every parameter). "articles" holds the Perbup's own article per key.
class _ParamsBase(Schema):
    model_config = ConfigDict(extra="allow")


PolicyParamsOut = create_model(
    "PolicyParamsOut",
    __base__=_ParamsBase,
    **{key: _param_field(key) for key in param_keys()},
    articles=(
        dict[str, str],
        Field(
            default_factory=dict,
            description="Pasal Perbup yang menetapkan tiap parameter (kunci: nama parameter).",
        ),
    ),
)


class BasisOut(Schema):
    ppk: bool = Field(description="True: nilainya ditetapkan PPK dalam Perbup.")
    national: str = Field(description="Pasal nasional yang menjadi dasar (boleh kosong).")
    perbup: str = Field(description="Pasal Perbup yang menetapkannya (kosong bila belum diisi).")
    text: str


class ParameterOut(Schema):
    key: str
    label: str
    group: str
    value: Any
    basis: BasisOut


class VersionOut(Schema):
    id: int
    regulation_number: str
    title: str
    status: str
    kind: str = Field(
        "original", description="original, amendment (perubahan), revocation (pencabutan)"
    )
    stage: str = Field(
        "drafting",
        description="Tahap pembentukan: drafting, harmonisation, cleared, initialled, enacted, "
        "promulgated (lihat /versions/{id}/legal).",
    )
    effective_from: date
    effective_to: date | None
    based_on_id: int | None
    author: str
    approver: str | None
    published_at: datetime | None
    params: PolicyParamsOut  # type: ignore[valid-type]
    basis: list[ParameterOut] = []
    unit_overrides: list[dict[str, Any]]
    role_minimums: list[dict[str, Any]] = []


class VersionSummary(Schema):
    id: int
    regulation_number: str
    title: str
    status: str
    kind: str
    stage: str
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
