"""A printable document as plain data: paragraphs (with a hanging label such as "(1)" or
"a."), tables and page breaks. The generated documents (the Perbup draft, the keputusan, the
application form, the monitoring report) are built as one of these in pure Python; one
renderer writes it as DOCX and another as PDF (``fleksi.common.documents``), so both files say
the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

# Paper sizes in millimetres: A4 and F4 (folio, 215 × 330 mm, the usual paper of Indonesian
# government documents).
PAPERS: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0), "f4": (215.0, 330.0)}


@dataclass(frozen=True)
class Text:
    """One paragraph. ``label`` hangs in the left margin of the text (``label_width`` mm),
    the whole paragraph indented by ``indent`` mm."""

    text: str
    align: str = "justify"  # left | center | right | justify
    bold: bool = False
    size: float = 11.0
    indent: float = 0.0
    label: str = ""
    label_width: float = 0.0
    space_before: float = 0.0
    space_after: float = 1.5
    keep_with_next: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # Share of the text width of each column (sums to 1).
    widths: tuple[float, ...]
    size: float = 9.0


@dataclass(frozen=True)
class PageBreak:
    pass


type Block = Text | Table | PageBreak


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...]
    # A line at the foot of every page ("" for none); page numbers are added to it.
    footer: str = ""
    # Margins in millimetres: top, right, bottom, left.
    margins: tuple[float, float, float, float] = (20.0, 20.0, 20.0, 25.0)


def plain_text(document: Document) -> str:
    """The words of ``document`` in reading order (for tests and search)."""
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Text):
            lines.append(f"{block.label} {block.text}".strip())
        elif isinstance(block, Table):
            lines.append(" | ".join(block.header))
            lines.extend(" | ".join(row) for row in block.rows)
    return "\n".join(lines)
