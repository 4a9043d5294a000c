"""Charts as geometry (lines, polylines, bars, dots, texts in a box of ``width`` × ``height``
units), drawn by the server: as SVG for the pages (``domain/svg.py``) and with the PDF
library's primitives for the reports. No script; series differ by colour *and* dash
pattern, so a chart stays readable printed in black and white. Pure: the numbers it prints
are written by the ``figure`` function its caller passes (``fleksi.common.formats.figure_text``,
in the reader's language).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# Colour-blind-safe colours with a dash pattern each ("" = solid).
SERIES_STYLES: tuple[tuple[str, str], ...] = (
    ("#0b6e4f", ""),
    ("#1f5f8f", "6 3"),
    ("#b35806", "2 2"),
    ("#6a3d9a", "8 3 2 3"),
)
INK, MUTED, GRID, BAD = "#1c2430", "#5b6675", "#d9dee5", "#b3261e"


def style_of(series: int) -> tuple[str, str]:
    return SERIES_STYLES[series % len(SERIES_STYLES)]


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str = GRID
    dash: str = ""
    width: float = 1.0


@dataclass(frozen=True)
class Polyline:
    points: tuple[tuple[float, float], ...]
    series: int


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    series: int
    title: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    series: int
    title: str
    href: str = ""


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str = "start"  # start | middle | end
    size: float = 11.0
    colour: str = INK
    bold: bool = False


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    title: str
    lines: tuple[Line, ...] = ()
    polylines: tuple[Polyline, ...] = ()
    dots: tuple[Dot, ...] = ()
    bars: tuple[Bar, ...] = ()
    texts: tuple[Text, ...] = ()
    legend: tuple[tuple[str, int], ...] = ()  # (label, series)
    empty: bool = False


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | None]


@dataclass(frozen=True)
class BarRow:
    label: str
    value: float | None
    href: str = ""
    note: str = ""  # shown after the value (e.g. "3 alerts")


@dataclass
class _Parts:
    lines: list[Line] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)


# A value and its unit as text (``figure(12.5, "%")`` -> "12,5%" in Indonesian).
type FigureText = Callable[[float, str], str]


def nice_max(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^n at or above ``value`` (at least 1)."""
    if value <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value - 1e-9:
            return float(step * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


def line_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    figure: FigureText,
    unit: str = "%",
    y_max: float | None = None,
    marker_index: int | None = None,
    marker_label: str = "",
    width: int = 640,
    height: int = 240,
) -> Chart:
    """Months along x, one polyline per series (gaps where a value is unknown), a dot with
    its value on every point, horizontal grid lines with their values, and a dashed vertical
    marker before ``marker_index`` (the WFA start)."""
    left, right, top, bottom = 46.0, 24.0, 36.0, 24.0  # room for the marker's and last labels
    plot_w, plot_h = width - left - right, height - top - bottom
    known = [v for s in series for v in s.values if v is not None]
    high = y_max if y_max is not None else nice_max(max(known, default=1.0))
    n = len(labels)
    step = plot_w / (n - 1) if n > 1 else 0.0

    def x(i: int) -> float:
        return round(left + (i * step if n > 1 else plot_w / 2), 1)

    def y(v: float) -> float:
        return round(top + plot_h - min(max(v, 0.0), high) / high * plot_h, 1)

    parts = _Parts()
    parts.texts.append(Text(0, 14, title, size=13, bold=True))
    for k in range(5):
        value = high * k / 4
        yy = y(value)
        parts.lines.append(Line(left, yy, width - right, yy))
        parts.texts.append(Text(left - 4, yy + 4, figure(value, unit), "end", 10, MUTED))
    parts.lines.append(Line(left, top + plot_h, width - right, top + plot_h, INK))
    every = max(1, math.ceil(n / max(1, min(12, int(plot_w // 40)))))  # labels ~40 units apart
    for i, label in enumerate(labels):
        if i % every == 0 or i == n - 1:
            parts.texts.append(Text(x(i), top + plot_h + 14, label, "middle", 10, MUTED))
    if marker_index is not None and 0 <= marker_index < n:
        mx = round(x(marker_index) - (step / 2 if marker_index > 0 else 0), 1)
        parts.lines.append(Line(mx, top, mx, top + plot_h, MUTED, "4 3"))
        if marker_label:
            # Above the plot (clear of the lines), on the side of the marker with room.
            left_side = mx > width - right - 6 * len(marker_label)
            parts.texts.append(
                Text(
                    mx - 3 if left_side else mx + 3,
                    top - 6,
                    marker_label,
                    "end" if left_side else "start",
                    10,
                    MUTED,
                )
            )
    polylines: list[Polyline] = []
    dots: list[Dot] = []
    for si, s in enumerate(series):
        run: list[tuple[float, float]] = []
        for i, v in enumerate(s.values):
            if v is None:
                if run:
                    polylines.append(Polyline(tuple(run), si))
                run = []
                continue
            run.append((x(i), y(v)))
            label = labels[i] if i < n else ""
            dots.append(Dot(x(i), y(v), si, f"{s.label}, {label}: {figure(v, unit)}"))
        if run:
            polylines.append(Polyline(tuple(run), si))
    legend = tuple((s.label, i) for i, s in enumerate(series))
    return Chart(
        width=width,
        height=height,
        title=title,
        lines=tuple(parts.lines),
        polylines=tuple(polylines),
        dots=tuple(dots),
        texts=tuple(parts.texts),
        legend=legend,
        empty=not known,
    )


def bar_chart(
    title: str,
    rows: Sequence[BarRow],
    *,
    figure: FigureText,
    unit: str = "%",
    x_max: float | None = None,
    reference: float | None = None,
    reference_label: str = "",
    width: int = 640,
    row_height: int = 18,
) -> Chart:
    """Horizontal bars, one per row, with the row's label on the left and its value after
    the bar; an optional dashed reference line (a threshold). A row without a value shows
    "–" and no bar."""
    label_w, right, top, bottom = 222.0, 70.0, 30.0, 10.0  # label_w: 34 characters at 10
    plot_w = width - label_w - right
    height = int(top + bottom + row_height * max(1, len(rows)))
    known = [r.value for r in rows if r.value is not None]
    high = x_max if x_max is not None else nice_max(max([*known, reference or 0.0], default=1.0))
    parts = _Parts()
    parts.texts.append(Text(0, 14, title, size=13, bold=True))
    bars: list[Bar] = []
    for i, row in enumerate(rows):
        y0 = top + i * row_height
        label = row.label if len(row.label) <= 34 else row.label[:33] + "…"
        parts.texts.append(Text(label_w - 6, y0 + row_height * 0.7, label, "end", 10))
        if row.value is None:
            parts.texts.append(Text(label_w + 4, y0 + row_height * 0.7, "–", "start", 10, MUTED))
            continue
        w = round(min(max(row.value, 0.0), high) / high * plot_w, 1)
        title_text = f"{row.label}: {figure(row.value, unit)}" + (
            f" ({row.note})" if row.note else ""
        )
        bars.append(Bar(label_w, y0 + 3, w, row_height - 6, 0, title_text, row.href))
        value_text = figure(row.value, unit) + (f" · {row.note}" if row.note else "")
        parts.texts.append(Text(label_w + w + 4, y0 + row_height * 0.7, value_text, "start", 10))
    parts.lines.append(Line(label_w, top, label_w, top + row_height * len(rows), INK))
    if reference is not None:
        rx = round(label_w + min(reference, high) / high * plot_w, 1)
        parts.lines.append(Line(rx, top - 4, rx, top + row_height * len(rows), BAD, "4 3"))
        if reference_label:
            parts.texts.append(Text(rx, top - 7, reference_label, "middle", 9, BAD))
    return Chart(
        width=width,
        height=height,
        title=title,
        lines=tuple(parts.lines),
        bars=tuple(bars),
        texts=tuple(parts.texts),
        empty=not known,
    )


LEGEND_ROW = 18
LEGEND_LEFT = 46.0


def _legend_width(label: str) -> float:
    return 34 + 6.2 * len(label)


def legend_layout(chart: Chart) -> list[tuple[float, float, str, int]]:
    """(x, y, label, series) of each legend entry, in rows below the chart: an entry that
    would run past the right edge starts a new row (long Indonesian labels)."""
    out: list[tuple[float, float, str, int]] = []
    x, y = LEGEND_LEFT, float(chart.height + 8)
    for label, series in chart.legend:
        if x > LEGEND_LEFT and x + _legend_width(label) - 6 > chart.width:
            x, y = LEGEND_LEFT, y + LEGEND_ROW
        out.append((x, y, label, series))
        x += _legend_width(label)
    return out


def legend_height(chart: Chart) -> int:
    """The height the legend adds below the chart (0 without one)."""
    legend = legend_layout(chart)
    return int(legend[-1][1]) - chart.height + LEGEND_ROW - 8 if legend else 0
