"""People import, pure rules: the header and each column of a row (no database)."""

from datetime import date, datetime

import pytest

from fleksi.org.domain.people_import import Known, validate
from fleksi.org.domain.people_import.columns import (
    ASN_TYPES,
    DISCIPLINE,
    LEVELS,
    POSITION_KINDS,
    RATINGS,
    SEXES,
    UNIT_KINDS,
)
from fleksi.testkit.people_files import HEADER, nip, person, table

TODAY = date(2026, 6, 1)
KNOWN = Known(
    unit_parent={"DINKES": None},
    kecamatan_codes=frozenset({"64.02.06"}),
    desa_codes=frozenset({"64.02.06.1001"}),
)
NIP = nip(date(1985, 3, 12), "1", 1)


def problems(rows, known=KNOWN):
    result = validate(rows, known=known, today=TODAY)
    return [(p.line, p.column, p.code) for p in result.problems]


def one_row(**cells):
    return problems(table([person(**cells)]))


def test_a_valid_row_reads_into_a_typed_record():
    result = validate(table([person()]), known=KNOWN, today=TODAY)
    assert result.problems == []
    (r,) = result.records
    assert (r.line, r.nip, r.asn_type, r.sex, r.birth_date) == (
        2,
        NIP,
        "pns",
        "1",
        date(1985, 3, 12),
    )
    assert (r.unit.code, r.unit.kind, r.unit.parent_code, r.unit.is_public_service) == (
        "DINKES.BID1",
        "bidang",
        "DINKES",
        False,
    )
    assert (r.position.code, r.position.kind, r.position.level, r.position.is_head) == (
        "DINKES.BID1.PEL",
        "pelaksana",
        "",
        False,
    )
    assert r.tmt_appointment == date(2010, 3, 1)
    assert (r.discipline_status, r.last_rating, r.last_rating_year) == ("none", "baik", 2025)
    assert (r.domicile_code, r.supervisor_nip, r.email, r.is_active) == (
        "64.02.06.1001",
        None,
        "",
        True,
    )


ACCEPTED = [
    # column, cell, attribute of the record, value
    ("NIP", "19850312 201003 1 001", "nip", NIP),
    ("NIP", "'198503122010031001", "nip", NIP),
    ("NIP", 198503122010031001, "nip", NIP),
    ("JENIS_ASN", "pppk paruh waktu", "asn_type", "pppk_pw"),
    ("JENIS_KELAMIN", "laki-laki", "sex", "1"),
    ("JENIS_KELAMIN", "1", "sex", "1"),
    ("TANGGAL_LAHIR", "12/03/1985", "birth_date", date(1985, 3, 12)),
    ("TANGGAL_LAHIR", "12-03-1985", "birth_date", date(1985, 3, 12)),
    ("TANGGAL_LAHIR", "1985-03-12 00:00:00", "birth_date", date(1985, 3, 12)),
    ("TANGGAL_LAHIR", date(1985, 3, 12), "birth_date", date(1985, 3, 12)),
    ("TANGGAL_LAHIR", datetime(1985, 3, 12), "birth_date", date(1985, 3, 12)),
    ("TMT_MUTASI", "01/07/2020", "last_transfer_date", date(2020, 7, 1)),
    ("STATUS_DISIPLIN", "", "discipline_status", "none"),
    ("PREDIKAT_KINERJA", "Kurang/Misconduct", "last_rating", "kurang"),
    ("TAHUN_PREDIKAT", 2024.0, "last_rating_year", 2024),
    ("AKTIF", "tidak", "is_active", False),
    ("AKTIF", "", "is_active", True),
    ("EMAIL", " a.b@kukarkab.go.id ", "email", "a.b@kukarkab.go.id"),
    ("NIP_ATASAN", "19700105 199503 2 002", "supervisor_nip", "197001051995032002"),
]


@pytest.mark.parametrize(("column", "cell", "attribute", "value"), ACCEPTED)
def test_accepted_spellings(column, cell, attribute, value):
    known = Known(
        unit_parent={"DINKES": None},
        kecamatan_codes=frozenset({"64.02.06"}),
        desa_codes=frozenset({"64.02.06.1001"}),
        employee_nips=frozenset({"197001051995032002"}),
    )
    result = validate(table([person(**{column: cell})]), known=known, today=TODAY)
    assert result.problems == []
    assert getattr(result.records[0], attribute) == value


def test_unit_and_position_spellings():
    result = validate(
        table(
            [
                person(
                    JENIS_UNIT="subbag",
                    LAYANAN_PUBLIK="ya",
                    JENIS_JABATAN="JF",
                    JENJANG="ahli muda",
                )
            ]
        ),
        known=KNOWN,
        today=TODAY,
    )
    assert result.problems == []
    r = result.records[0]
    assert (r.unit.kind, r.unit.is_public_service) == ("subbagian", True)
    assert (r.position.kind, r.position.level) == ("fungsional", "ahli_muda")


REJECTED = [
    # cells changed, expected (column, code) problems on line 2
    ({"NIP": ""}, [("NIP", "required")]),
    ({"NIP": "12345"}, [("NIP", "nip_length")]),
    ({"NIP": "19850312201003100X"}, [("NIP", "nip_digits")]),
    ({"NIP": 1.9850312201003101e17}, [("NIP", "number_precision")]),
    ({"NIP": "198513122010031001"}, [("NIP", "nip_birth_date")]),
    ({"NIP": "198503122010131001"}, [("NIP", "nip_tmt")]),
    ({"NIP": "198503121990031001"}, [("NIP", "nip_tmt_before_adult")]),
    ({"NIP": "198503122010033001"}, [("NIP", "nip_sex")]),
    ({"TANGGAL_LAHIR": "1985-03-13"}, [("NIP", "nip_birth_mismatch")]),
    ({"JENIS_KELAMIN": "P"}, [("NIP", "nip_sex_mismatch")]),
    ({"NAMA": ""}, [("NAMA", "required")]),
    ({"NAMA": "x" * 151}, [("NAMA", "too_long")]),
    ({"JENIS_ASN": "HONORER"}, [("JENIS_ASN", "invalid_choice")]),
    ({"JENIS_ASN": ""}, [("JENIS_ASN", "required")]),
    ({"JENIS_KELAMIN": "X"}, [("JENIS_KELAMIN", "invalid_choice")]),
    ({"TANGGAL_LAHIR": ""}, [("TANGGAL_LAHIR", "required")]),
    ({"TANGGAL_LAHIR": "1985/03/12"}, [("TANGGAL_LAHIR", "invalid_date")]),
    ({"TANGGAL_LAHIR": "31-02-1985"}, [("TANGGAL_LAHIR", "invalid_date")]),
    ({"TANGGAL_LAHIR": "12-03-1885"}, [("TANGGAL_LAHIR", "invalid_date")]),
    ({"TANGGAL_LAHIR": "2010-03-12"}, [("TANGGAL_LAHIR", "too_young")]),
    ({"KODE_UNIT": ""}, [("KODE_UNIT", "required")]),
    ({"KODE_UNIT": "U" * 41}, [("KODE_UNIT", "too_long")]),
    ({"NAMA_UNIT": ""}, [("NAMA_UNIT", "required")]),
    ({"JENIS_UNIT": "DIREKTORAT"}, [("JENIS_UNIT", "invalid_choice")]),
    ({"KODE_UNIT_INDUK": ""}, [("KODE_UNIT_INDUK", "parent_required")]),
    ({"JENIS_UNIT": "OPD"}, [("KODE_UNIT_INDUK", "parent_not_allowed")]),
    ({"KODE_UNIT_INDUK": "DINKES.BID1"}, [("KODE_UNIT_INDUK", "unit_own_parent")]),
    ({"LAYANAN_PUBLIK": "MUNGKIN"}, [("LAYANAN_PUBLIK", "invalid_choice")]),
    ({"KODE_KECAMATAN": "64.02.99"}, [("KODE_KECAMATAN", "kecamatan_unknown")]),
    ({"KODE_JABATAN": ""}, [("KODE_JABATAN", "required")]),
    ({"NAMA_JABATAN": ""}, [("NAMA_JABATAN", "required")]),
    ({"JENIS_JABATAN": "STAF"}, [("JENIS_JABATAN", "invalid_choice")]),
    ({"JENIS_JABATAN": "FUNGSIONAL"}, [("JENJANG", "required_with")]),
    ({"JENJANG": "AHLI MUDA"}, [("JENJANG", "not_allowed_with")]),
    ({"JENIS_JABATAN": "FUNGSIONAL", "JENJANG": "AHLI"}, [("JENJANG", "invalid_choice")]),
    ({"KEPALA_UNIT": "Y"}, [("KEPALA_UNIT", "head_not_managerial")]),
    ({"KODE_DESA_DOMISILI": "64.02.06.9999"}, [("KODE_DESA_DOMISILI", "desa_unknown")]),
    ({"TMT_PENGANGKATAN": ""}, [("TMT_PENGANGKATAN", "required")]),
    ({"TMT_PENGANGKATAN": "2000-01-01"}, [("TMT_PENGANGKATAN", "before_adulthood")]),
    ({"TMT_PROMOSI": "2001-01-01"}, [("TMT_PROMOSI", "before_adulthood")]),
    ({"TMT_ROTASI": "kemarin"}, [("TMT_ROTASI", "invalid_date")]),
    ({"STATUS_DISIPLIN": "BERAT"}, [("STATUS_DISIPLIN", "invalid_choice")]),
    ({"STATUS_DISIPLIN": "MENJALANI HUKUMAN"}, [("DISIPLIN_MULAI", "required_with")]),
    (
        {
            "STATUS_DISIPLIN": "DALAM PEMERIKSAAN",
            "DISIPLIN_MULAI": "2025-05-01",
            "DISIPLIN_SELESAI": "2025-04-01",
        },
        [("DISIPLIN_SELESAI", "end_before_start")],
    ),
    ({"PREDIKAT_KINERJA": "LUAR BIASA"}, [("PREDIKAT_KINERJA", "invalid_choice")]),
    ({"TAHUN_PREDIKAT": ""}, [("TAHUN_PREDIKAT", "required_with")]),
    ({"PREDIKAT_KINERJA": ""}, [("TAHUN_PREDIKAT", "not_allowed_with")]),
    ({"TAHUN_PREDIKAT": "1999"}, [("TAHUN_PREDIKAT", "year_range")]),
    ({"TAHUN_PREDIKAT": "2027"}, [("TAHUN_PREDIKAT", "year_range")]),
    ({"NIP_ATASAN": NIP}, [("NIP_ATASAN", "supervisor_self")]),
    ({"NIP_ATASAN": "123"}, [("NIP_ATASAN", "nip_length")]),
    ({"EMAIL": "bukan-email"}, [("EMAIL", "invalid_email")]),
    ({"AKTIF": "MUNGKIN"}, [("AKTIF", "invalid_choice")]),
]


@pytest.mark.parametrize(("cells", "expected"), REJECTED)
def test_column_rules(cells, expected):
    assert one_row(**cells) == [(2, column, code) for column, code in expected]


def test_every_problem_of_a_row_is_reported_in_column_order():
    assert one_row(NAMA="", JENIS_ASN="X", EMAIL="x", AKTIF="?") == [
        (2, "NAMA", "required"),
        (2, "JENIS_ASN", "invalid_choice"),
        (2, "EMAIL", "invalid_email"),
        (2, "AKTIF", "invalid_choice"),
    ]


def test_problem_parameters_name_the_part_and_the_accepted_values():
    result = validate(
        table([person(JENIS_KELAMIN="X", NIP="198513122010031001")]), known=KNOWN, today=TODAY
    )
    by_column = {p.column: p for p in result.problems}
    assert by_column["NIP"].params == {"part": "birth_date", "value": "19851312"}
    assert by_column["JENIS_KELAMIN"].params == {"value": "X", "accepted": SEXES.shown}


def test_a_pppk_number_is_not_parsed_as_a_nip():
    assert one_row(NIP="198808082021212001", JENIS_ASN="PPPK", TANGGAL_LAHIR="1988-08-08") == []


# --- Header ---------------------------------------------------------------------------------


def test_a_missing_required_column_stops_the_whole_file():
    header = [c for c in HEADER if c != "NAMA"]
    result = validate(table([person()], header=header), known=KNOWN, today=TODAY)
    assert [(p.line, p.column, p.code) for p in result.problems] == [(1, "NAMA", "column_missing")]
    assert result.fatal
    assert result.records == []


def test_duplicate_column():
    header = [*HEADER, "nama"]
    assert problems(table([person()], header=header)) == [(1, "NAMA", "column_duplicate")]


def test_optional_columns_that_belong_together():
    header = [
        c for c in HEADER if c not in ("DISIPLIN_MULAI", "DISIPLIN_SELESAI", "TAHUN_PREDIKAT")
    ]
    assert problems(table([person()], header=header)) == [
        (1, "DISIPLIN_MULAI", "column_required_with"),
        (1, "DISIPLIN_SELESAI", "column_required_with"),
        (1, "TAHUN_PREDIKAT", "column_required_with"),
    ]


def test_optional_columns_may_be_left_out_and_unknown_ones_are_ignored():
    header = [c for c in HEADER if c not in ("EMAIL", "AKTIF", "NIP_ATASAN")]
    rows = table([person()], header=[*header, "GOLONGAN"])
    result = validate(rows, known=KNOWN, today=TODAY)
    assert result.problems == []
    assert result.ignored_columns == ("GOLONGAN",)
    assert "EMAIL" not in result.present


def test_header_names_are_normalised():
    header = [h.lower().replace("_", " ") for h in HEADER]
    header[0] = "\ufeff nip "
    result = validate([header, *table([person()])[1:]], known=KNOWN, today=TODAY)
    assert result.problems == []


def test_empty_file_and_header_only():
    assert problems([]) == [(1, "", "header_missing")]
    assert problems([HEADER]) == [(1, "", "no_rows")]


def test_blank_lines_are_skipped_and_line_numbers_stay_those_of_the_sheet():
    second = person(NAMA="", NIP=nip(date(1985, 3, 12), "1", 2))
    rows = [*table([person()]), ["", ""], [], table([second])[1]]
    result = validate(rows, known=KNOWN, today=TODAY)
    assert [(p.line, p.column, p.code) for p in result.problems] == [(5, "NAMA", "required")]
    assert result.rows_total == 2


def test_choice_tables_store_the_values_of_the_models():
    from fleksi.org.models import Employee, Position, Unit

    assert set(ASN_TYPES.values.values()) == set(Employee.AsnType.values)
    assert set(UNIT_KINDS.values.values()) == set(Unit.Kind.values)
    assert set(POSITION_KINDS.values.values()) == set(Position.Kind.values)
    assert set(LEVELS.values.values()) == set(Position.Level.values) - {""}
    assert set(DISCIPLINE.values.values()) == set(Employee.Discipline.values)
    assert set(RATINGS.values.values()) == set(Employee.Rating.values) - {""}
    assert set(SEXES.values.values()) == set(Employee.Sex.values)
