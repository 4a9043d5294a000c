"""The schematic map: one shape per site, nearer to its own centre than to any other (pure)."""

import math

from fleksi.demo.domain.kukar import KECAMATAN
from fleksi.places.domain.sketch_map import Site, sketch_map

SITES = [Site(i, k.name, k.code[-2:], k.latitude, k.longitude) for i, k in enumerate(KECAMATAN)]


def test_every_kecamatan_has_a_shape_that_holds_its_centre():
    m = sketch_map(SITES, width=560)
    assert len(m.shapes) == 20
    assert m.width == 560
    assert 500 < m.height < 800
    for shape in m.shapes:
        assert len(shape.points) >= 3
        xs = [x for x, _ in shape.points]
        ys = [y for _, y in shape.points]
        assert min(xs) <= shape.centre[0] <= max(xs)
        assert min(ys) <= shape.centre[1] <= max(ys)
        assert all(0 <= x <= m.width + 0.1 and 0 <= y <= m.height + 0.1 for x, y in shape.points)
        assert shape.texts[0].kind == "number"
        assert shape.texts[0].text == SITES[shape.key].number


def test_each_shape_is_the_part_nearest_its_own_centre():
    m = sketch_map(SITES)
    centres = [s.centre for s in m.shapes]
    for shape in m.shapes:
        for point in shape.points:
            own = math.dist(point, shape.centre)
            assert all(own <= math.dist(point, c) + 0.5 for c in centres)


def test_large_shapes_carry_their_name_small_ones_only_the_number():
    texts = {s.name: [t.text for t in s.texts] for s in sketch_map(SITES).shapes}
    assert texts["Tabang"] == ["12", "Tabang"]
    assert texts["Sanga-Sanga"] == ["15"]


def test_degenerate_inputs():
    assert sketch_map([]).shapes == ()
    one = sketch_map([Site(1, "Tenggarong", "06", -0.42, 116.99)])
    assert len(one.shapes) == 1
    assert one.shapes[0].texts[1].text == "Tenggarong"
    same = sketch_map([Site(1, "A", "01", 0, 116), Site(2, "B", "02", 0, 116)])
    assert len(same.shapes) == 2
