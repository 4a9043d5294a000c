"""A chart (``domain/charts.py``) as an SVG element for a page: a ``<title>`` for screen
readers and a tooltip on every point and bar, links on bars, no script, no style attribute
(the strict content security policy allows presentation attributes only). Pure."""

from __future__ import annotations

from html import escape

from fleksi.insights.domain.charts import INK, Chart, legend_height, legend_layout, style_of


def _a(value: str) -> str:
    return escape(value, quote=True)


def _dash(dash: str) -> str:
    return f' stroke-dasharray="{dash}"' if dash else ""


def to_svg(chart: Chart, *, chart_id: str, empty_text: str = "") -> str:
    """The chart as ``<svg>`` markup (safe to put in a page: every text is escaped). An empty
    chart says ``empty_text`` in its middle."""
    title_id = f"{chart_id}-title"
    legend = legend_layout(chart)
    height = chart.height + legend_height(chart)
    out = [
        f'<svg class="chart" id="{_a(chart_id)}" viewBox="0 0 {chart.width} {height}" '
        f'width="{chart.width}" height="{height}" role="img" aria-labelledby="{title_id}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">',
        f'<title id="{title_id}">{escape(chart.title)}</title>',
    ]
    for ln in chart.lines:
        out.append(
            f'<line x1="{ln.x1}" y1="{ln.y1}" x2="{ln.x2}" y2="{ln.y2}" stroke="{ln.colour}" '
            f'stroke-width="{ln.width}"{_dash(ln.dash)}/>'
        )
    for bar in chart.bars:
        colour, _d = style_of(bar.series)
        rect = (
            f'<rect x="{bar.x}" y="{bar.y}" width="{bar.w}" height="{bar.h}" fill="{colour}">'
            f"<title>{escape(bar.title)}</title></rect>"
        )
        out.append(f'<a href="{_a(bar.href)}">{rect}</a>' if bar.href else rect)
    for pl in chart.polylines:
        colour, dash = style_of(pl.series)
        points = " ".join(f"{x},{y}" for x, y in pl.points)
        out.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"'
            f'{_dash(dash)} stroke-linejoin="round"/>'
        )
    for dot in chart.dots:
        colour, _d = style_of(dot.series)
        out.append(
            f'<circle cx="{dot.x}" cy="{dot.y}" r="3" fill="{colour}">'
            f"<title>{escape(dot.title)}</title></circle>"
        )
    for t in chart.texts:
        weight = ' font-weight="bold"' if t.bold else ""
        out.append(
            f'<text x="{t.x}" y="{t.y}" font-size="{t.size}" fill="{t.colour}" '
            f'text-anchor="{t.anchor}"{weight}>{escape(t.text)}</text>'
        )
    if chart.empty and empty_text:
        out.append(
            f'<text x="{chart.width / 2}" y="{chart.height / 2}" font-size="12" fill="{INK}" '
            f'text-anchor="middle">{escape(empty_text)}</text>'
        )
    for x, y, label, series in legend:
        colour, dash = style_of(series)
        out.append(
            f'<line x1="{x}" y1="{y}" x2="{x + 22}" y2="{y}" stroke="{colour}" '
            f'stroke-width="2"{_dash(dash)}/>'
        )
        out.append(
            f'<text x="{x + 26}" y="{y + 4}" font-size="10" fill="{INK}">{escape(label)}</text>'
        )
    out.append("</svg>")
    return "".join(out)
