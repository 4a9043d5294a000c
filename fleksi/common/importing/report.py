"""What an import returns: every problem (by line and column) and what it changed."""

from __future__ import annotations

from dataclasses import dataclass, field

from fleksi.common.domain.importing import RowProblem


@dataclass
class ImportReport:
    """The outcome of an all-or-nothing import: with any problem nothing is written.

    ``rows`` counts the rows read; ``created``/``updated``/``deleted``/``unchanged`` count
    the records the import adds, changes, removes or leaves (what it would do on a check
    only); ``applied`` says whether anything was written.
    """

    problems: list[RowProblem] = field(default_factory=list)
    rows: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
            "unchanged": self.unchanged,
        }
