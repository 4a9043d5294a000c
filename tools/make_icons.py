"""Draw Fleksi's home-screen icons (PNG) into fleksi/common/static/fleksi/icons/.

Run once after a change of the design: ``.venv/bin/python tools/make_icons.py``. The icons
are drawn from shapes (no font needed), so the same files come out on every machine: a white
"F" with a tick on Fleksi's green. ``icon-*.png`` have rounded corners; the ``maskable`` icon
fills its square and keeps the drawing inside the central safe zone (80 %), as Android's
masks expect.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

GREEN = (11, 110, 79, 255)  # #0b6e4f, the theme colour
WHITE = (255, 255, 255, 255)
OUT = Path(__file__).resolve().parent.parent / "fleksi" / "common" / "static" / "fleksi" / "icons"


def draw(size: int, *, maskable: bool) -> Image.Image:
    scale = 4  # drawn large, then reduced: smooth edges
    n = size * scale
    img = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    if maskable:
        d.rectangle((0, 0, n, n), fill=GREEN)
        box = 0.56  # the drawing within the safe zone
    else:
        d.rounded_rectangle((0, 0, n - 1, n - 1), radius=int(n * 0.2), fill=GREEN)
        box = 0.66
    left = n * (1 - box) / 2
    top = n * (1 - box) / 2
    u = n * box  # the drawing's square
    stem = u * 0.18
    # The "F": a stem, a top bar and a shorter middle bar.
    d.rectangle((left + u * 0.08, top, left + u * 0.08 + stem, top + u), fill=WHITE)
    d.rectangle((left + u * 0.08, top, left + u * 0.78, top + stem), fill=WHITE)
    d.rectangle(
        (left + u * 0.08, top + u * 0.41, left + u * 0.58, top + u * 0.41 + stem), fill=WHITE
    )
    # A tick at the lower right: the day done.
    w = int(u * 0.11)
    d.line(
        [
            (left + u * 0.50, top + u * 0.80),
            (left + u * 0.66, top + u * 0.95),
            (left + u * 1.00, top + u * 0.60),
        ],
        fill=WHITE,
        width=w,
        joint="curve",
    )
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main(out: Path = OUT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        draw(size, maskable=False).save(out / f"icon-{size}.png", optimize=True)
    draw(512, maskable=True).save(out / "icon-maskable-512.png", optimize=True)
    draw(180, maskable=True).convert("RGB").save(out / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
