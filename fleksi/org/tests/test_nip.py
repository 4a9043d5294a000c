from datetime import date

import pytest

from fleksi.org.domain.nip import NipProblem, build_nip, check_employee_number, parse_nip

VALID = "198503122010012002"  # born 12 Mar 1985, TMT Jan 2010, female, sequence 002


def test_valid_nip_is_parsed_into_its_parts():
    parsed = parse_nip(VALID)
    assert not isinstance(parsed, NipProblem)
    assert parsed.birth_date == date(1985, 3, 12)
    assert (parsed.tmt_year, parsed.tmt_month) == (2010, 1)
    assert parsed.sex == "2"
    assert parsed.sequence == "002"


@pytest.mark.parametrize(
    ("number", "code", "part"),
    [
        ("19850312201001200", "nip_length", "whole"),  # 17 digits
        ("1985031220100120021", "nip_length", "whole"),  # 19 digits
        ("19850312201001200A", "nip_digits", "whole"),
        ("198502302010012002", "nip_birth_date", "birth_date"),  # 30 February
        ("198513122010012002", "nip_birth_date", "birth_date"),  # month 13
        ("198503122010132002", "nip_tmt", "tmt"),  # TMT month 13
        ("198503122010002002", "nip_tmt", "tmt"),  # TMT month 00
        ("198503122003022002", "nip_tmt_before_adult", "tmt"),  # Feb 2003: 17 years old
        ("198503122010013002", "nip_sex", "sex"),
        ("198503122010010002", "nip_sex", "sex"),
    ],
)
def test_each_broken_part_is_named(number, code, part):
    result = parse_nip(number)
    assert isinstance(result, NipProblem)
    assert (result.code, result.part) == (code, part)


def test_full_width_digits_are_not_digits():
    # 18 full-width digits: right length, but not ASCII digits.
    number = "".join(chr(ord("０") + int(d)) for d in VALID)
    result = parse_nip(number)
    assert isinstance(result, NipProblem)
    assert result.code == "nip_digits"


@pytest.mark.parametrize(
    ("tmt", "ok"),
    [("200303", True), ("200302", False)],  # the month of the 18th birthday is allowed
)
def test_tmt_boundary_is_the_month_of_the_18th_birthday(tmt, ok):
    number = f"19850312{tmt}2002"
    result = parse_nip(number)
    assert (not isinstance(result, NipProblem)) is ok


def test_nip_must_match_recorded_birth_date_and_sex():
    problems = check_employee_number(VALID, asn_type="pns", birth_date=date(1985, 3, 13), sex="1")
    assert [p.code for p in problems] == ["nip_birth_mismatch", "nip_sex_mismatch"]
    assert (
        check_employee_number(VALID, asn_type="cpns", birth_date=date(1985, 3, 12), sex="2") == []
    )


@pytest.mark.parametrize("asn_type", ["pppk", "pppk_pw"])
def test_pppk_numbers_are_never_parsed_as_nip(asn_type):
    # Digits 9-14 "202199" would be an invalid TMT month for a NIP.
    ni = "199001012021991001"
    assert check_employee_number(ni, asn_type=asn_type, birth_date=date(1970, 1, 1), sex="2") == []
    assert [
        p.code for p in check_employee_number("12345", asn_type=asn_type, birth_date=None, sex=None)
    ] == ["nip_length"]


def test_build_nip_round_trips():
    nip = build_nip(birth_date=date(1990, 4, 4), tmt_year=2015, tmt_month=2, sex="1", sequence=7)
    assert nip == "199004042015021007"
    parsed = parse_nip(nip)
    assert not isinstance(parsed, NipProblem)
    with pytest.raises(ValueError, match="three digits"):
        build_nip(birth_date=date(1990, 4, 4), tmt_year=2015, tmt_month=2, sex="1", sequence=1000)
