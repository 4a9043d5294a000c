"""A schematic map of areas drawn from their centre points only. Pure.

There are no official boundary polygons in Fleksi, so each area is drawn as the set of points
nearer to its own centre than to any other (a Voronoi cell), cut off at a distance from the
centre (a circle of radius :data:`REACH_FACTOR` × the widest gap between neighbours). The
shapes show where an area lies and who its neighbours are; they are **not** boundaries.

Coordinates: an equirectangular projection around the mean latitude (good enough for a
regency near the equator), scaled to an SVG view box ``width`` wide, y growing southwards.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

KM_PER_DEGREE = 111.32
CIRCLE_SIDES = 36
REACH_FACTOR = 0.6
# Label metrics in view-box units (the template's font sizes: number 13, name 10).
NUMBER_LINE = 14.0
NAME_LINE = 11.0
CHAR_WIDTH = 5.6

type Point = tuple[float, float]


@dataclass(frozen=True)
class Site:
    key: int
    name: str
    number: str  # a short key drawn in every shape, e.g. "12" for kecamatan 64.02.12
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    kind: str  # "number" | "name"


@dataclass(frozen=True)
class Shape:
    key: int
    name: str
    points: tuple[Point, ...]
    centre: Point  # the site
    label: Point  # the centroid of the shape, where its number and name go
    texts: tuple[Text, ...]  # the number, then the name in one or two lines if it fits

    @property
    def svg_points(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in self.points)


@dataclass(frozen=True)
class SketchMap:
    width: int
    height: int
    shapes: tuple[Shape, ...]


def _clip(polygon: list[Point], a: Point, b: Point) -> list[Point]:
    """The part of a convex polygon nearer to ``a`` than to ``b`` (Sutherland–Hodgman)."""
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    dx, dy = b[0] - a[0], b[1] - a[1]

    def side(p: Point) -> float:  # ≤ 0 on a's side of the bisector
        return (p[0] - mx) * dx + (p[1] - my) * dy

    out: list[Point] = []
    for i, current in enumerate(polygon):
        previous = polygon[i - 1]
        sc, sp = side(current), side(previous)
        if sc <= 0:
            if sp > 0:
                out.append(_cross(previous, current, sp, sc))
            out.append(current)
        elif sp <= 0:
            out.append(_cross(previous, current, sp, sc))
    return out


def _cross(p: Point, q: Point, sp: float, sq: float) -> Point:
    t = sp / (sp - sq)
    return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))


def _circle(centre: Point, radius: float) -> list[Point]:
    return [
        (
            centre[0] + radius * math.cos(2 * math.pi * i / CIRCLE_SIDES),
            centre[1] + radius * math.sin(2 * math.pi * i / CIRCLE_SIDES),
        )
        for i in range(CIRCLE_SIDES)
    ]


def _centroid(points: Sequence[Point], fallback: Point) -> Point:
    area = cx = cy = 0.0
    for i, (x0, y0) in enumerate(points):
        x1, y1 = points[(i + 1) % len(points)]
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-9:
        return fallback
    return (cx / (3 * area), cy / (3 * area))


def _inside(polygon: Sequence[Point], p: Point) -> bool:
    """Whether ``p`` lies in a convex polygon (either orientation)."""
    sign = 0.0
    for i, (x0, y0) in enumerate(polygon):
        x1, y1 = polygon[(i + 1) % len(polygon)]
        cross = (x1 - x0) * (p[1] - y0) - (y1 - y0) * (p[0] - x0)
        if cross * sign < 0:
            return False
        sign = cross or sign
    return True


def _fits(polygon: Sequence[Point], at: Point, width: float, height: float) -> bool:
    x, y = at
    corners = [(x + dx * width / 2, y + dy * height / 2) for dx in (-1, 1) for dy in (-1, 1)]
    return all(_inside(polygon, c) for c in corners)


def _name_lines(name: str) -> list[tuple[str, ...]]:
    """The name on one line, then split in two at the space nearest its middle."""
    options: list[tuple[str, ...]] = [(name,)]
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    if spaces:
        cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
        options.append((name[:cut], name[cut + 1 :]))
    return options


def _texts(site: Site, polygon: Sequence[Point], at: Point) -> tuple[Text, ...]:
    number_width = len(site.number) * CHAR_WIDTH * 1.3
    for lines in _name_lines(site.name):
        height = NUMBER_LINE + NAME_LINE * len(lines)
        width = max(number_width, *(len(line) * CHAR_WIDTH for line in lines))
        if _fits(polygon, at, width, height):
            top = at[1] - height / 2
            texts = [Text(at[0], top + NUMBER_LINE * 0.8, site.number, "number")]
            texts += [
                Text(at[0], top + NUMBER_LINE + NAME_LINE * (n + 0.8), line, "name")
                for n, line in enumerate(lines)
            ]
            return tuple(texts)
    return (Text(at[0], at[1] + NUMBER_LINE * 0.3, site.number, "number"),)


def _reach(points: Sequence[Point]) -> float:
    """The radius of the circles: a share of the widest gap to a nearest neighbour."""
    if len(points) < 2:
        return 30.0
    widest = 0.0
    for i, p in enumerate(points):
        nearest = min(math.dist(p, q) for j, q in enumerate(points) if j != i)
        widest = max(widest, nearest)
    return max(widest * REACH_FACTOR, 1.0)


def sketch_map(sites: Sequence[Site], *, width: int = 560, margin: int = 12) -> SketchMap:
    """Shapes for ``sites`` (in their order) fitted into a view box ``width`` wide."""
    if not sites:
        return SketchMap(width=width, height=margin * 2, shapes=())
    mean_lat = sum(s.latitude for s in sites) / len(sites)
    kx = KM_PER_DEGREE * math.cos(math.radians(mean_lat))
    km = [(s.longitude * kx, -s.latitude * KM_PER_DEGREE) for s in sites]
    radius = _reach(km)
    cells: list[list[Point]] = []
    for i, p in enumerate(km):
        polygon = _circle(p, radius)
        for j, q in enumerate(km):
            if i != j and polygon and q != p:
                polygon = _clip(polygon, p, q)
        cells.append(polygon)
    xs = [x for cell in cells for x, _y in cell]
    ys = [y for cell in cells for _x, y in cell]
    min_x, min_y = min(xs), min(ys)
    span = max(max(xs) - min_x, max(ys) - min_y, 1e-9)
    scale = (width - 2 * margin) / max(max(xs) - min_x, 1e-9)
    if (max(ys) - min_y) * scale > 4 * width:  # a tall thin set of sites: fit the height
        scale = (4 * width - 2 * margin) / span
    height = round((max(ys) - min_y) * scale + 2 * margin)

    def to_box(p: Point) -> Point:
        return ((p[0] - min_x) * scale + margin, (p[1] - min_y) * scale + margin)

    shapes = []
    for site, centre, cell in zip(sites, km, cells, strict=True):
        box = tuple(to_box(p) for p in cell)
        at = to_box(centre)
        label = _centroid(box, at)
        shapes.append(Shape(site.key, site.name, box, at, label, _texts(site, box, label)))
    return SketchMap(width=width, height=height, shapes=tuple(shapes))
