"""Write a :class:`~fleksi.common.domain.document.Document` as DOCX (python-docx) or as PDF
(fpdf2 with the DejaVu Sans font embedded, so every Indonesian character prints), on A4 or F4.

The PDF pieces every generated file shares live here too: :func:`unicode_pdf` (an FPDF with
the embedded font, the paper size and a footer with page numbers).
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from fpdf import FPDF

from fleksi.common.domain.document import PAPERS, Document, PageBreak, Table, Text

FONTS = Path(__file__).resolve().parent / "fonts"
PDF_FONT = "DejaVu"
# The DOCX names a font every office suite has (LibreOffice maps it to Liberation Sans).
DOCX_FONT = "Arial"
LINE_MM = 0.45  # line height in mm per point of font size

_ALIGN_PDF = {"left": "L", "center": "C", "right": "R", "justify": "J"}
_ALIGN_DOCX = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def paper_size(paper: str) -> tuple[float, float]:
    try:
        return PAPERS[paper]
    except KeyError:
        raise ValueError(f"unknown paper {paper!r}") from None


class _Pdf(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(PDF_FONT, "", 7)
        self.set_text_color(91, 102, 117)
        text = f"{self.footer_text} · {self.page_no()}/{{nb}}" if self.footer_text else ""
        self.cell(0, 5, text or f"{self.page_no()}/{{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def unicode_pdf(
    *, paper: str = "a4", footer: str = "", margins: tuple[float, float, float, float] | None = None
) -> FPDF:
    """An FPDF on ``paper`` (``a4``/``f4``) with DejaVu Sans (regular and bold) embedded and
    ``footer`` with page numbers at the foot of every page."""
    width, height = paper_size(paper)
    pdf = _Pdf(orientation="P", unit="mm", format=(width, height))
    pdf.footer_text = footer
    pdf.add_font(PDF_FONT, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(PDF_FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    top, right, bottom, left = margins or (20.0, 20.0, 20.0, 25.0)
    pdf.set_margins(left=left, top=top, right=right)
    pdf.set_auto_page_break(True, margin=bottom)
    pdf.set_author("Fleksi")
    pdf.set_creator("Fleksi")
    return pdf


def document_pdf(document: Document, *, paper: str = "a4") -> bytes:
    pdf = unicode_pdf(paper=paper, footer=document.footer, margins=document.margins)
    pdf.set_title(document.title)
    pdf.add_page()
    usable = pdf.w - pdf.l_margin - pdf.r_margin
    for block in document.blocks:
        if isinstance(block, PageBreak):
            pdf.add_page()
        elif isinstance(block, Text):
            line = block.size * LINE_MM
            if block.keep_with_next and pdf.get_y() + 4 * line > pdf.h - pdf.b_margin:
                pdf.add_page()
            if block.space_before:
                pdf.ln(block.space_before)
            pdf.set_font(PDF_FONT, "B" if block.bold else "", block.size)
            pdf.set_x(pdf.l_margin + block.indent)
            if block.label:
                pdf.cell(block.label_width, line, block.label)
            pdf.set_x(pdf.l_margin + block.indent + block.label_width)
            pdf.multi_cell(
                usable - block.indent - block.label_width,
                line,
                block.text,
                align=_ALIGN_PDF[block.align],
                new_x="LMARGIN",
                new_y="NEXT",
            )
            if block.space_after:
                pdf.ln(block.space_after)
        elif isinstance(block, Table):
            pdf.set_font(PDF_FONT, "", block.size)
            with pdf.table(
                col_widths=[w * usable for w in block.widths],
                width=usable,
                line_height=block.size * LINE_MM,
                first_row_as_headings=True,
                text_align="LEFT",
            ) as table:
                table.row(list(block.header))
                for row in block.rows:
                    table.row(list(row))
            pdf.ln(2)
    return bytes(pdf.output())


def document_docx(document: Document, *, paper: str = "a4") -> bytes:
    width, height = paper_size(paper)
    doc = DocxDocument()
    top, right, bottom, left = document.margins
    for section in doc.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.top_margin, section.right_margin = Mm(top), Mm(right)
        section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
        if document.footer:
            section.footer.paragraphs[0].text = document.footer
            section.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    normal = doc.styles["Normal"]
    normal.font.name = DOCX_FONT
    normal.font.size = Pt(11)
    doc.core_properties.title = document.title
    doc.core_properties.author = "Fleksi"
    for block in document.blocks:
        if isinstance(block, PageBreak):
            doc.add_page_break()
        elif isinstance(block, Text):
            paragraph = doc.add_paragraph()
            fmt = paragraph.paragraph_format
            fmt.alignment = _ALIGN_DOCX[block.align]
            fmt.space_before = Mm(block.space_before)
            fmt.space_after = Mm(block.space_after)
            fmt.keep_with_next = block.keep_with_next
            text = block.text
            if block.label:
                fmt.left_indent = Mm(block.indent + block.label_width)
                fmt.first_line_indent = Mm(-block.label_width)
                fmt.tab_stops.add_tab_stop(Mm(block.indent + block.label_width))
                text = f"{block.label}\t{block.text}"
            elif block.indent:
                fmt.left_indent = Mm(block.indent)
            run = paragraph.add_run(text)
            run.bold = block.bold
            run.font.size = Pt(block.size)
        elif isinstance(block, Table):
            table = doc.add_table(rows=1, cols=len(block.header))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            usable = width - left - right
            widths = [Mm(share * usable) for share in block.widths]
            header = table.rows[0].cells
            for i, title in enumerate(block.header):
                header[i].width = widths[i]
                run = header[i].paragraphs[0].add_run(title)
                run.bold = True
                run.font.size = Pt(block.size)
            # Cells are filled from the row just added (reading table.rows again is
            # quadratic in python-docx).
            for row in block.rows:
                cells = table.add_row().cells
                for i, value in enumerate(row):
                    cells[i].width = widths[i]
                    cells[i].paragraphs[0].add_run(value).font.size = Pt(block.size)
            doc.add_paragraph()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def document_file(document: Document, *, fmt: str, paper: str = "a4") -> bytes:
    """``document`` as ``fmt`` (``docx`` or ``pdf``) on ``paper``."""
    if fmt == "pdf":
        return document_pdf(document, paper=paper)
    if fmt == "docx":
        return document_docx(document, paper=paper)
    raise ValueError(f"unknown format {fmt!r}")
