"""A small trend line drawn by the server as SVG coordinates (no script, prints well). Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Sparkline:
    width: int
    height: int
    segments: tuple[str, ...]  # "x,y x,y ..." of each run of known values (gaps between)
    reference_y: float | None  # the standard, as a horizontal line
    marker_x: float | None  # the WFA start, as a vertical line
    low: float
    high: float

    @property
    def empty(self) -> bool:
        return not self.segments


def sparkline(
    values: Sequence[float | None],
    *,
    width: int = 320,
    height: int = 60,
    reference: float | None = None,
    marker_index: int | None = None,
    pad: int = 3,
) -> Sparkline:
    """Coordinates for ``values`` spread evenly across ``width`` (``None`` leaves a gap).

    The vertical scale runs from 0 (or the lowest value if negative) to the highest of the
    values and ``reference``, so the standard line is always inside the picture."""
    known = [v for v in values if v is not None]
    tops = [*known, *([reference] if reference is not None else [])]
    low = min(0.0, *known) if known else 0.0
    high = max(tops) if tops else 1.0
    if high <= low:
        high = low + 1.0
    n = len(values)
    step = (width - 2 * pad) / (n - 1) if n > 1 else 0.0

    def x(i: int) -> float:
        return round(pad + i * step, 1)

    def y(v: float) -> float:
        return round(height - pad - (v - low) / (high - low) * (height - 2 * pad), 1)

    segments: list[str] = []
    run: list[str] = []
    for i, v in enumerate(values):
        if v is None:
            if run:
                segments.append(" ".join(run))
            run = []
            continue
        run.append(f"{x(i)},{y(v)}")
    if run:
        segments.append(" ".join(run))
    # A single point still shows: a run of one becomes a short flat stroke.
    segments = [s if " " in s else f"{s} {s}" for s in segments]
    return Sparkline(
        width=width,
        height=height,
        segments=tuple(segments),
        reference_y=y(reference) if reference is not None else None,
        marker_x=x(marker_index) if marker_index is not None and 0 <= marker_index < n else None,
        low=low,
        high=high,
    )
