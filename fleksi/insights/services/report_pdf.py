"""The PDF of a report (A4, fpdf2, vector charts drawn with the library's primitives from the
same geometry as the pages' SVG).

Readable on paper and on a phone (issue 16): the font is embedded (DejaVu Sans, the one the
shared documents use: ``fleksi/common/fonts``), so every reader shows the same letters;
table headings are dark text on a light fill (contrast well above WCAG's 4.5:1,
:data:`HEADING_TEXT` on :data:`HEADING_FILL`); columns are at least as wide as their longest
word, so lines break at spaces and never inside a word (:func:`column_widths`, smaller type
before narrower columns)."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from fpdf import FPDF, FontFace
from fpdf.enums import TableCellFillMode

from fleksi.common.documents import FONTS, PDF_FONT
from fleksi.common.formats import number_text
from fleksi.insights.domain.charts import Chart, legend_height, legend_layout, style_of
from fleksi.insights.services.report_content import ReportContent, Table

# fpdf2 subsets the embedded font with fontTools, which reports every step at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)
PT_PER_MM = 72 / 25.4
FONT = PDF_FONT
HEADING_TEXT = (28, 36, 48)  # #1c2430, the pages' text colour
HEADING_FILL = (225, 239, 233)  # #e1efe9, a light tint of Fleksi's green
STRIPE_FILL = (246, 247, 249)  # every other row
CELL_PADDING_MM = 1.0
SMALLEST_PT = 5.0


def pdf_text(value: Any) -> str:
    """Text as the PDF shows it (the embedded font has every character the texts use)."""
    text = "" if value is None else str(value)
    return unicodedata.normalize("NFC", text.replace("\u00a0", " "))


def contrast_ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio of two sRGB colours (1 to 21)."""

    def luminance(c: tuple[int, int, int]) -> float:
        def channel(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

        r, g, b_ = (channel(v) for v in c)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return pdf_text(value)
    if isinstance(value, float):
        return pdf_text(number_text(value, 1))
    if isinstance(value, int):
        return pdf_text(number_text(value))
    return pdf_text(value)


class _Pdf(FPDF):
    footer_text = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 7)
        self.set_text_color(91, 102, 117)
        self.cell(0, 5, pdf_text(f"{self.footer_text} - {self.page_no()}/{{nb}}"), align="C")


def _dash(pdf: FPDF, dash: str, scale: float) -> None:
    parts = [float(x) for x in dash.split()] if dash else []
    if parts:
        pdf.set_dash_pattern(dash=parts[0] * scale, gap=parts[1] * scale)
    else:
        pdf.set_dash_pattern()


def draw_chart(pdf: FPDF, chart: Chart, *, width_mm: float = 180.0) -> None:
    """Draw ``chart`` at the current position, ``width_mm`` wide, and move below it."""
    s = width_mm / chart.width
    height = (chart.height + legend_height(chart)) * s
    if pdf.get_y() + height > pdf.h - pdf.b_margin:
        pdf.add_page()
    x0, y0 = pdf.l_margin, pdf.get_y()

    def at(x: float, y: float) -> tuple[float, float]:
        return x0 + x * s, y0 + y * s

    for ln in chart.lines:
        pdf.set_draw_color(*_rgb(ln.colour))
        pdf.set_line_width(max(0.1, ln.width * s))
        _dash(pdf, ln.dash, s)
        pdf.line(*at(ln.x1, ln.y1), *at(ln.x2, ln.y2))
    for bar in chart.bars:
        colour, _d = style_of(bar.series)
        pdf.set_fill_color(*_rgb(colour))
        bx, by = at(bar.x, bar.y)
        pdf.rect(bx, by, max(0.1, bar.w * s), bar.h * s, style="F")
    for pl in chart.polylines:
        colour, dash = style_of(pl.series)
        pdf.set_draw_color(*_rgb(colour))
        pdf.set_line_width(0.5)
        _dash(pdf, dash, s)
        pdf.polyline([at(x, y) for x, y in pl.points])
    pdf.set_dash_pattern()
    for dot in chart.dots:
        colour, _d = style_of(dot.series)
        pdf.set_fill_color(*_rgb(colour))
        cx, cy = at(dot.x, dot.y)
        pdf.ellipse(cx - 0.6, cy - 0.6, 1.2, 1.2, style="F")
    for t in chart.texts:
        pdf.set_font(FONT, "B" if t.bold else "", t.size * s * PT_PER_MM)
        pdf.set_text_color(*_rgb(t.colour))
        text = pdf_text(t.text)
        w = pdf.get_string_width(text)
        x, y = at(t.x, t.y)
        x -= w / 2 if t.anchor == "middle" else (w if t.anchor == "end" else 0)
        pdf.text(x, y, text)
    for lx, ly, label, series in legend_layout(chart):
        colour, dash = style_of(series)
        pdf.set_draw_color(*_rgb(colour))
        pdf.set_line_width(0.5)
        _dash(pdf, dash, s)
        pdf.line(*at(lx, ly), *at(lx + 22, ly))
        pdf.set_dash_pattern()
        pdf.set_font(FONT, "", 10 * s * PT_PER_MM)
        pdf.set_text_color(28, 36, 48)
        pdf.text(*at(lx + 26, ly + 4), pdf_text(label))
    pdf.set_text_color(0, 0, 0)
    pdf.set_y(y0 + height + 4)


def _heading(pdf: FPDF, text: str) -> None:
    if pdf.get_y() > pdf.h - 40:
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font(FONT, "B", 12)
    pdf.set_text_color(11, 110, 79)
    pdf.cell(0, 7, pdf_text(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def _longest_word(pdf: FPDF, texts: Sequence[str], bold: bool) -> float:
    pdf.set_font(FONT, "B" if bold else "", pdf.font_size_pt)
    return max((pdf.get_string_width(w) for t in texts for w in t.split()), default=0.0)


def column_widths(
    pdf: FPDF, header: Sequence[str], rows: Sequence[Sequence[str]], *, usable: float, first: float
) -> list[float]:
    """Widths (mm) of a table's columns at the current font size: each at least its longest
    word (headings in bold) plus the cell padding, the first up to ``first`` for the names;
    what is left is shared equally. Raises ``ValueError`` when the longest words do not fit."""
    size = pdf.font_size_pt
    n = len(header)
    need = []
    for c in range(n):
        cells = [r[c] for r in rows if c < len(r)]
        word = max(_longest_word(pdf, [header[c]], True), _longest_word(pdf, cells, False))
        need.append(word + 2 * CELL_PADDING_MM + 0.5)
    pdf.set_font(FONT, "", size)
    if sum(need) > usable:
        raise ValueError("the longest words do not fit")
    widths = list(need)
    widths[0] = max(need[0], min(first, usable - sum(need[1:])))
    spare = usable - sum(widths)
    return [w + spare / n for w in widths]


def _fitting(
    pdf: FPDF, header: Sequence[str], rows: Sequence[Sequence[str]], font_size: float, first: float
) -> tuple[float, list[float]]:
    """The largest size from ``font_size`` down at which no word is broken, and its widths."""
    usable = pdf.w - pdf.l_margin - pdf.r_margin
    size = font_size
    while True:
        pdf.set_font(FONT, "", size)
        try:
            return size, column_widths(pdf, header, rows, usable=usable, first=first)
        except ValueError:
            if size <= SMALLEST_PT:  # a word wider than a page column: equal shares
                return size, [usable / len(header)] * len(header)
            size = max(SMALLEST_PT, size - 0.5)


def _table(pdf: FPDF, table: Table, *, font_size: float = 7.0, first_width: float = 48.0) -> None:
    _heading(pdf, table.title)
    header = [pdf_text(h) for h in table.header]
    rows = [[_cell(v) for v in row] for row in table.rows]
    size, widths = _fitting(pdf, header, rows, font_size, first_width)
    pdf.set_font(FONT, "", size)
    pdf.set_text_color(*HEADING_TEXT)
    with pdf.table(
        col_widths=widths,
        text_align=["LEFT", *(["RIGHT"] * (len(table.header) - 1))],
        line_height=size * 0.5,
        padding=CELL_PADDING_MM,
        first_row_as_headings=True,
        headings_style=FontFace(emphasis="BOLD", color=HEADING_TEXT, fill_color=HEADING_FILL),
        cell_fill_color=STRIPE_FILL,
        cell_fill_mode=TableCellFillMode.EVEN_ROWS,
    ) as t:
        t.row(header)
        for row in rows:
            t.row(row)
    pdf.set_text_color(0, 0, 0)


def report_pdf(c: ReportContent) -> bytes:
    pdf = _Pdf(orientation="P", unit="mm", format="A4")
    pdf.footer_text = f"Fleksi - {c.title} - {c.period_label}"
    pdf.set_title(pdf_text(f"{c.title} {c.period_label}"))
    pdf.set_author("Fleksi")
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, pdf_text(c.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 12)
    pdf.cell(0, 7, pdf_text(c.period_label), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 8)
    pdf.set_text_color(91, 102, 117)
    for line in [_("Generated %(at)s") % {"at": c.generated_at}, *c.basis]:
        pdf.multi_cell(0, 4, pdf_text(line), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    _heading(pdf, _("Headline figures"))
    pdf.set_font(FONT, "", 9)
    for label, value in c.headline:
        pdf.cell(110, 5, pdf_text(label))
        pdf.cell(0, 5, pdf_text(value), new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, _("Units of concern and recommendations"))
    pdf.set_font(FONT, "", 8.5)
    if not c.concerns:
        pdf.multi_cell(
            0,
            5,
            pdf_text(_("No unit breaks a rule in this period.")),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    for i, (unit, rule, reason, action) in enumerate(c.concerns, start=1):
        pdf.set_font(FONT, "B", 8.5)
        pdf.multi_cell(0, 4.5, pdf_text(f"{i}. {unit} - {rule}"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 8.5)
        pdf.multi_cell(0, 4.5, pdf_text(reason), new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(
            0,
            4.5,
            pdf_text(_("Recommendation: %(a)s") % {"a": action}),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.ln(1)
    _table(pdf, c.changes, font_size=8, first_width=70)
    _heading(pdf, _("Charts"))
    for chart in c.charts:
        draw_chart(pdf, chart)
    for table in c.tables:
        pdf.add_page(orientation="L")
        _table(pdf, table, font_size=6.5, first_width=52)
    return bytes(pdf.output())
