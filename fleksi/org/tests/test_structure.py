import pytest

from fleksi.org.domain.structure import Person, build_paths, derive_supervisors

# 1 Setda, 2 Dinas (3 Bidang (4 Seksi)), 5 Bappeda
PARENT_OF = {1: None, 2: None, 3: 2, 4: 3, 5: None}


def test_paths_depths_and_roots():
    paths = build_paths(PARENT_OF)
    assert paths[4] == ("2.3.4.", 2, 2)
    assert paths[1] == ("1.", 0, 1)
    assert paths[3] == ("2.3.", 1, 2)


def test_cycles_and_unknown_parents_are_refused():
    with pytest.raises(ValueError, match="own ancestor"):
        build_paths({1: 2, 2: 1})
    with pytest.raises(ValueError, match="not known"):
        build_paths({1: 9})


@pytest.mark.parametrize(
    ("heads", "person", "expected"),
    [
        # staff of the seksi -> head of the seksi
        ({1: 100, 2: 200, 3: 300, 4: 400}, Person(10, 4, False), 400),
        # vacant seksi head -> head of the bidang above
        ({1: 100, 2: 200, 3: 300}, Person(10, 4, False), 300),
        # the head of the seksi -> head of the bidang
        ({1: 100, 2: 200, 3: 300, 4: 400}, Person(400, 4, True), 300),
        # head of a perangkat daerah -> the Sekda (head of the secretariat, unit 1)
        ({1: 100, 2: 200}, Person(200, 2, True), 100),
        # the Sekda has no supervisor in the agency
        ({1: 100, 2: 200}, Person(100, 1, True), None),
        # everything vacant up to the top -> the Sekda
        ({1: 100}, Person(10, 4, False), 100),
    ],
)
def test_derived_supervisor(heads, person, expected):
    result = derive_supervisors(
        parent_of=PARENT_OF, head_of_unit=heads, people=[person], secretariat_unit_id=1
    )
    assert result == {person.employee_id: expected}


def test_without_a_secretariat_heads_of_perangkat_daerah_have_no_supervisor():
    result = derive_supervisors(
        parent_of=PARENT_OF,
        head_of_unit={2: 200},
        people=[Person(200, 2, True)],
        secretariat_unit_id=None,
    )
    assert result == {200: None}
