"""People import, pure rules: checks across rows and against what Fleksi holds."""

from datetime import date

import pytest

from fleksi.org.domain.people_import import Known, validate
from fleksi.testkit.people_files import nip, person, small_agency, table

TODAY = date(2026, 6, 1)
PLACES = {
    "kecamatan_codes": frozenset({"64.02.06"}),
    "desa_codes": frozenset({"64.02.06.1001", "64.02.12.2001"}),
}
EMPTY = Known(**PLACES)


def found(rows, known=EMPTY):
    result = validate(table(rows), known=known, today=TODAY)
    return [(p.line, p.column, p.code, dict(p.params)) for p in result.problems], result


def staff(seq, **cells):
    """Another valid staff member of the bidang (distinct NIP)."""
    return person(NIP=nip(date(1985, 3, 12), "1", seq), **cells)


AGENCY = small_agency()  # lines 2-6: head of dinas, head of bidang, staff, analyst, PPPK nurse
HEAD_DINAS, HEAD_BIDANG = AGENCY[0]["NIP"], AGENCY[1]["NIP"]


def test_the_small_agency_is_valid():
    problems, result = found(AGENCY)
    assert problems == []
    assert [r.line for r in result.records] == [2, 3, 4, 5, 6]


def test_duplicate_nip_rejects_every_copy():
    problems, result = found([*AGENCY, person(NAMA="Ahmad F.")])
    assert problems == [
        (4, "NIP", "nip_duplicate", {"other_line": 7}),
        (7, "NIP", "nip_duplicate", {"other_line": 4}),
    ]
    assert [r.line for r in result.records] == [2, 3, 5, 6]


def test_duplicate_nip_is_reported_even_when_the_other_copy_has_problems():
    problems, result = found([*AGENCY, person(NAMA="")])
    assert [(p[0], p[1], p[2]) for p in problems] == [
        (4, "NIP", "nip_duplicate"),
        (7, "NIP", "nip_duplicate"),
        (7, "NAMA", "required"),
    ]
    assert [r.line for r in result.records] == [2, 3, 5, 6]


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        ({"NAMA_UNIT": "Bidang Yankes"}, "NAMA_UNIT"),
        ({"JENIS_UNIT": "SEKSI"}, "JENIS_UNIT"),
        ({"LAYANAN_PUBLIK": "Y"}, "LAYANAN_PUBLIK"),
        ({"KODE_KECAMATAN": ""}, "KODE_KECAMATAN"),
    ],
)
def test_a_unit_described_differently_on_two_lines(cells, column):
    problems, _ = found([*AGENCY, staff(9, **cells)])
    assert problems == [(7, column, "unit_conflict", {"code": "DINKES.BID1", "other_line": 3})]


def test_a_unit_moved_under_another_parent_on_a_later_line():
    problems, _ = found([*AGENCY, staff(9, KODE_UNIT_INDUK="DINKES.PKM1")])
    assert problems == [
        (7, "KODE_UNIT_INDUK", "unit_conflict", {"code": "DINKES.BID1", "other_line": 3})
    ]


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        ({"NAMA_JABATAN": "Pengadministrasi"}, "NAMA_JABATAN"),
        ({"JENIS_JABATAN": "FUNGSIONAL", "JENJANG": "PEMULA"}, "JENIS_JABATAN"),
        (
            {
                "KODE_UNIT": "DINKES.PKM1",
                **{
                    "NAMA_UNIT": "Puskesmas Tenggarong",
                    "JENIS_UNIT": "PUSKESMAS",
                    "LAYANAN_PUBLIK": "Y",
                },
            },
            "KODE_UNIT",
        ),
    ],
)
def test_a_position_described_differently_on_two_lines(cells, column):
    problems, _ = found([*AGENCY, staff(9, **cells)])
    assert problems == [
        (7, column, "position_conflict", {"code": "DINKES.BID1.PEL", "other_line": 4})
    ]


def test_parent_unit_neither_in_the_file_nor_in_fleksi():
    problems, _ = found(AGENCY[1:])  # the dinas itself (line 2 of the agency) is left out
    assert {(p[0], p[1], p[2]) for p in problems} == {
        (line, "KODE_UNIT_INDUK", "parent_unit_unknown") for line in (2, 3, 4, 5)
    }


def test_parent_unit_already_in_fleksi():
    problems, _ = found(AGENCY[1:], Known(unit_parent={"DINKES": None}, **PLACES))
    assert problems == []


def test_a_unit_defined_only_on_a_rejected_line_takes_its_sub_units_along():
    rows = [AGENCY[0] | {"NIP": "1"}, *AGENCY[1:]]
    problems, result = found(rows)
    assert problems[0][:3] == (2, "NIP", "nip_length")
    assert {(p[0], p[2]) for p in problems[1:]} == {
        (line, "parent_unit_rejected") for line in (3, 4, 5, 6)
    }
    assert result.records == []


def test_cycle_inside_the_file():
    rows = [
        *AGENCY,
        staff(9, KODE_UNIT="X", NAMA_UNIT="X", KODE_UNIT_INDUK="Y", KODE_JABATAN="X.P"),
        staff(10, KODE_UNIT="Y", NAMA_UNIT="Y", KODE_UNIT_INDUK="X", KODE_JABATAN="Y.P"),
    ]
    problems, result = found(rows)
    assert problems == [
        (7, "KODE_UNIT_INDUK", "unit_cycle", {"code": "Y"}),
        (8, "KODE_UNIT_INDUK", "unit_cycle", {"code": "X"}),
    ]
    assert len(result.records) == 5


def test_cycle_through_units_in_fleksi():
    # In Fleksi, SUB sits under DINKES.BID1; the file puts DINKES.BID1 under SUB.
    known = Known(
        unit_parent={"DINKES": None, "SUB": "DINKES.BID1", "DINKES.BID1": "DINKES"}, **PLACES
    )
    problems, _ = found([staff(9, KODE_UNIT_INDUK="SUB")], known)
    assert problems == [(2, "KODE_UNIT_INDUK", "unit_cycle", {"code": "SUB"})]


def test_two_people_in_one_head_position():
    second = AGENCY[1] | {"NIP": nip(date(1977, 1, 1), "1", 8), "TANGGAL_LAHIR": "1977-01-01"}
    problems, _ = found([*AGENCY, second])
    assert problems == [
        (
            7,
            "KODE_JABATAN",
            "head_position_taken",
            {"code": "DINKES.BID1.KABID", "nip": HEAD_BIDANG},
        )
    ]


def test_an_inactive_former_head_does_not_count():
    second = AGENCY[1] | {
        "NIP": nip(date(1977, 1, 1), "1", 8),
        "TANGGAL_LAHIR": "1977-01-01",
        "AKTIF": "N",
    }
    assert found([*AGENCY, second])[0] == []


def test_head_position_held_in_fleksi_by_someone_not_in_the_file():
    holder = nip(date(1960, 1, 1), "1", 5, (1985, 1))
    known = Known(position_holders={"DINKES.BID1.KABID": {holder: True}}, **PLACES)
    problems, _ = found(AGENCY, known)
    assert problems == [
        (3, "KODE_JABATAN", "head_position_taken", {"code": "DINKES.BID1.KABID", "nip": holder})
    ]
    # ... unless that holder is inactive, or is in the file (moved to another position).
    assert (
        found(AGENCY, Known(position_holders={"DINKES.BID1.KABID": {holder: False}}, **PLACES))[0]
        == []
    )
    known = Known(position_holders={"DINKES.BID1.KABID": {AGENCY[2]["NIP"]: True}}, **PLACES)
    assert found(AGENCY, known)[0] == []


def test_two_head_positions_in_one_unit():
    other_head = staff(
        9,
        KODE_JABATAN="DINKES.BID1.KABID2",
        NAMA_JABATAN="Kabid II",
        JENIS_JABATAN="ADMINISTRATOR",
        KEPALA_UNIT="Y",
    )
    problems, _ = found([*AGENCY, other_head])
    assert problems == [
        (7, "KEPALA_UNIT", "unit_two_heads", {"unit": "DINKES.BID1", "other": "DINKES.BID1.KABID"})
    ]


def test_the_unit_already_has_another_head_position_in_fleksi():
    known = Known(unit_head_position={"DINKES.BID1": "OLD.KABID"}, **PLACES)
    problems, _ = found(AGENCY, known)
    assert problems == [
        (3, "KEPALA_UNIT", "unit_two_heads", {"unit": "DINKES.BID1", "other": "OLD.KABID"})
    ]
    # Redefined in the file (no longer the head position): fine.
    rows = [*AGENCY, staff(9, KODE_JABATAN="OLD.KABID", NAMA_JABATAN="Staf", AKTIF="N")]
    assert found(rows, known)[0] == []


def test_supervisor_override():
    in_file = staff(9, NIP_ATASAN=HEAD_DINAS)
    assert found([*AGENCY, in_file])[0] == []
    outside = nip(date(1960, 1, 1), "1", 5, (1985, 1))
    known = Known(employee_nips=frozenset({outside}), **PLACES)
    assert found([*AGENCY, staff(9, NIP_ATASAN=outside)], known)[0] == []
    problems, _ = found([*AGENCY, staff(9, NIP_ATASAN=outside)])
    assert problems == [(7, "NIP_ATASAN", "supervisor_unknown", {"nip": outside})]


def test_supervisor_on_a_rejected_line():
    rows = [*AGENCY, staff(9, NIP_ATASAN=HEAD_BIDANG)]
    rows[1] = rows[1] | {"EMAIL": "salah"}
    problems, result = found(rows)
    assert [(p[0], p[1], p[2]) for p in problems] == [
        (3, "EMAIL", "invalid_email"),
        (7, "NIP_ATASAN", "supervisor_rejected"),
    ]
    assert [r.line for r in result.records] == [2, 4, 5, 6]


def test_a_position_moved_to_another_unit_must_take_its_holders():
    left_behind = nip(date(1960, 1, 1), "1", 5, (1985, 1))
    known = Known(
        position_unit={"DINKES.BID1.PEL": "DINKES.PKM1"},
        position_holders={"DINKES.BID1.PEL": {left_behind: True, AGENCY[2]["NIP"]: True}},
        **PLACES,
    )
    problems, _ = found(AGENCY, known)
    assert problems == [
        (
            4,
            "KODE_UNIT",
            "position_moved",
            {"code": "DINKES.BID1.PEL", "unit": "DINKES.PKM1", "count": 1},
        )
    ]
    known = Known(
        position_unit={"DINKES.BID1.PEL": "DINKES.PKM1"},
        position_holders={"DINKES.BID1.PEL": {AGENCY[2]["NIP"]: True}},
        **PLACES,
    )
    assert found(AGENCY, known)[0] == []


def test_valid_rows_are_consistent_on_their_own():
    """What is left after rejections never refers to a rejected row."""
    rows = [
        AGENCY[0],
        AGENCY[1] | {"JENIS_ASN": "?"},
        *AGENCY[2:],
        staff(9, NIP_ATASAN=HEAD_BIDANG),
    ]
    _problems, result = found(rows)
    nips = {r.nip for r in result.records}
    units = {r.unit.code for r in result.records}
    assert all(r.supervisor_nip is None or r.supervisor_nip in nips for r in result.records)
    assert all(r.unit.parent_code is None or r.unit.parent_code in units for r in result.records)
    assert result.rows_rejected == 2
