"""The comparison of two versions of the Perbup as a document: which Pasal and ayat changed,
the old wording beside the new."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from fleksi.common.domain.document import Document, Table, Text
from fleksi.documents.domain.clauses import clause
from fleksi.documents.domain.perbup import layout
from fleksi.documents.domain.words import day_words
from fleksi.policy.domain.params import PolicyParams, param_keys


@dataclass(frozen=True)
class VersionFacts:
    label: str
    title: str
    effective_from: date
    params: PolicyParams
    labels: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Change:
    where: str  # in the newer version's draft ("Pasal 6 ayat (1)")
    where_before: str
    before: str
    after: str


def changes(old: VersionFacts, new: VersionFacts) -> list[Change]:
    """Every ayat whose wording or place differs, in the order of the newer draft."""
    before, after = layout(old.params), layout(new.params)
    found: list[Change] = []
    for key in param_keys():
        a, b = clause(key, old.params, old.labels), clause(key, new.params, new.labels)
        wa, wb = before.where[key], after.where[key]
        if a != b or wa != wb:
            found.append(Change(where=wb, where_before=wa, before=a, after=b))
    order = {p.number: i for i, p in enumerate(after.pasals)}

    def rank(c: Change) -> tuple[int, str]:
        number = int(c.where.split()[1])
        return order.get(number, 0), c.where

    return sorted(found, key=rank)


def diff_document(old: VersionFacts, new: VersionFacts) -> Document:
    found = changes(old, new)
    blocks: list[Text | Table] = [
        Text(
            "PERBANDINGAN RANCANGAN PERATURAN BUPATI KUTAI KARTANEGARA",
            align="center",
            bold=True,
            size=12,
            space_after=1,
        ),
        Text(f"TENTANG {new.title.upper()}", align="center", bold=True, space_after=5),
        Text(
            f"Versi lama: {old.label}, berlaku mulai {day_words(old.effective_from)}.",
            align="left",
            space_after=0.5,
        ),
        Text(
            f"Versi baru: {new.label}, berlaku mulai {day_words(new.effective_from)}.",
            align="left",
            space_after=4,
        ),
    ]
    if old.title != new.title:
        blocks.append(Text(f"Judul berubah: “{old.title}” menjadi “{new.title}”."))
    if not found:
        blocks.append(Text("Tidak ada pasal atau ayat yang berubah."))
    else:
        blocks.append(
            Text(f"Pasal dan ayat yang berubah: {len(found)}.", align="left", space_after=3)
        )
        blocks.append(
            Table(
                header=("No.", "Pasal / ayat", "Rumusan lama", "Rumusan baru"),
                rows=tuple(
                    (
                        str(i),
                        c.where
                        if c.where == c.where_before
                        else f"{c.where} (semula {c.where_before})",
                        c.before,
                        c.after,
                    )
                    for i, c in enumerate(found, start=1)
                ),
                widths=(0.06, 0.16, 0.39, 0.39),
                size=8.5,
            )
        )
    return Document(
        title=f"Perbandingan {old.label} dan {new.label}",
        blocks=tuple(blocks),
        footer=f"Perbandingan {old.label} → {new.label}",
    )
