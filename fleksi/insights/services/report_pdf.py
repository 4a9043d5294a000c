"""The PDF of a report (A4, fpdf2, vector charts drawn with the library's primitives from the
same geometry as the pages' SVG). The core PDF fonts cover Latin-1 only, so the few other
characters the texts use are spelled out (``pdf_text``)."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.utils.translation import gettext as _
from fpdf import FPDF

from fleksi.common.formats import number_text
from fleksi.insights.domain.charts import Chart, legend_height, legend_layout, style_of
from fleksi.insights.services.report_content import ReportContent, Table

REPLACE = {"–": "-", "—": "-", "≥": ">=", "≤": "<=", "…": "...", "‰": "/1000", "’": "'",
           "‘": "'", "“": '"', "”": '"', "›": ">", "→": "->", "←": "<-", "\u00a0": " "}  # fmt: skip
PT_PER_MM = 72 / 25.4
FONT = "Helvetica"


def pdf_text(value: Any) -> str:
    text = "" if value is None else str(value)
    for a, b in REPLACE.items():
        text = text.replace(a, b)
    text = unicodedata.normalize("NFC", text)
    return text.encode("latin-1", "replace").decode("latin-1")


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


def _table(pdf: FPDF, table: Table, *, font_size: float = 7.0, first_width: float = 48.0) -> None:
    _heading(pdf, table.title)
    pdf.set_font(FONT, "", font_size)
    usable = pdf.w - pdf.l_margin - pdf.r_margin
    rest = (usable - first_width) / max(1, len(table.header) - 1)
    widths = [first_width, *([rest] * (len(table.header) - 1))]
    with pdf.table(
        col_widths=widths,
        text_align=["LEFT", *(["RIGHT"] * (len(table.header) - 1))],
        line_height=font_size * 0.5,
        first_row_as_headings=True,
    ) as t:
        t.row([pdf_text(h) for h in table.header])
        for row in table.rows:
            t.row([_cell(v) for v in row])


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
