"""People import service, on a real database: what is written, matched, audited."""

from datetime import date

import pytest
from django.db.models import Q

from fleksi.audit.models import AuditEntry
from fleksi.org.importing.service import people_import
from fleksi.org.models import Employee, Position, Unit
from fleksi.testkit.people_files import HEADER, nip, person, row_of, small_agency, table

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)
AGENCY = small_agency()
KADIS, KABID, STAFF, ANALYST, NURSE = (r["NIP"] for r in AGENCY)


def run(rows, *, dry_run=False, accept_partial=False, header=None):
    return people_import(
        actor=None,
        rows=table(rows, header),
        dry_run=dry_run,
        accept_partial=accept_partial,
        today=TODAY,
    )


def counts():
    return (
        Unit.objects.count(),
        Position.objects.count(),
        Employee.objects.count(),
        AuditEntry.objects.count(),
    )


def by_nip(number):
    return Employee.objects.select_related("unit", "position", "supervisor", "domicile").get(
        nip=number
    )


def test_a_valid_file_creates_units_positions_people_and_supervisors(world):
    result = run(AGENCY)
    assert result.written
    assert result.summary() == {
        "rows_total": 5,
        "rows_valid": 5,
        "rows_rejected": 0,
        "problems": 0,
        "units_created": 3,
        "units_updated": 0,
        "positions_created": 5,
        "positions_updated": 0,
        "employees_created": 5,
        "employees_updated": 0,
        "employees_unchanged": 0,
        "supervisors_changed": 5,
    }
    dinkes = Unit.objects.get(code="DINKES")
    bidang = Unit.objects.get(code="DINKES.BID1")
    puskesmas = Unit.objects.get(code="DINKES.PKM1")
    assert (dinkes.kind, dinkes.parent, dinkes.root_id, dinkes.path) == (
        "opd",
        None,
        dinkes.pk,
        f"{dinkes.pk}.",
    )
    assert (bidang.parent_id, bidang.root_id, bidang.depth) == (dinkes.pk, dinkes.pk, 1)
    assert bidang.path == f"{dinkes.pk}.{bidang.pk}."
    assert (puskesmas.kind, puskesmas.is_public_service) == ("puskesmas", True)
    assert bidang.kecamatan == world.kecamatan["tgr"]

    head = Position.objects.get(code="DINKES.BID1.KABID")
    assert (head.unit, head.kind, head.is_head) == (bidang, "administrator", True)
    analyst_post = Position.objects.get(code="DINKES.BID1.ANALIS")
    assert (analyst_post.kind, analyst_post.level) == ("fungsional", "ahli_muda")

    kadis, kabid, staff, nurse = by_nip(KADIS), by_nip(KABID), by_nip(STAFF), by_nip(NURSE)
    assert kadis.supervisor == world.people["sekda"]  # head of a perangkat daerah -> Sekda
    assert kabid.supervisor == kadis
    assert staff.supervisor == kabid
    assert nurse.supervisor == kadis  # the puskesmas has no head: the next head above
    assert (nurse.asn_type, nurse.sex, nurse.domicile) == ("pppk", "2", world.desa["tabang"])
    assert (kabid.last_promotion_date, staff.last_rating, staff.last_rating_year) == (
        date(2019, 7, 1),
        "baik",
        2025,
    )
    assert result.created_employee_ids == sorted(result.created_employee_ids)
    assert set(result.created_employee_ids) == {
        e.pk for e in (kadis, kabid, staff, nurse, by_nip(ANALYST))
    }


def test_changes_are_audited_in_the_stream_of_the_perangkat_daerah(world):
    before = AuditEntry.objects.count()
    run(AGENCY)
    dinkes = Unit.objects.get(code="DINKES")
    stream = AuditEntry.objects.filter(stream=f"pd:{dinkes.pk}")
    assert stream.filter(action="org.unit.create").count() == 3
    assert stream.filter(action="org.position.create").count() == 5
    assert stream.filter(action="org.employee.create").count() == 5
    assert stream.filter(action="org.employee.supervisor_derived").count() == 5
    summary = AuditEntry.objects.get(action="org.people_import")
    assert (summary.stream, summary.after["employees_created"]) == ("agency", 5)
    assert AuditEntry.objects.count() - before == 3 + 5 + 5 + 5 + 1
    created = stream.get(action="org.employee.create", object_id=str(by_nip(STAFF).pk))
    assert created.after["nip"] == STAFF
    assert created.after["unit"] == Unit.objects.get(code="DINKES.BID1").pk


def test_importing_the_same_file_again_changes_nothing(world):
    run(AGENCY)
    stamps = dict(Employee.objects.values_list("nip", "updated_at"))
    before = counts()
    again = run(AGENCY)
    assert again.written
    assert (
        again.units_created,
        again.units_updated,
        again.positions_created,
        again.positions_updated,
        again.employees_created,
        again.employees_updated,
        again.employees_unchanged,
        again.supervisors_changed,
    ) == (0, 0, 0, 0, 0, 0, 5, 0)
    assert counts()[:3] == before[:3]
    new_entries = AuditEntry.objects.order_by("-id")[: counts()[3] - before[3]]
    assert [e.action for e in new_entries] == ["org.people_import"]  # no employee entries
    assert dict(Employee.objects.values_list("nip", "updated_at")) == stamps


def test_people_already_in_fleksi_are_matched_by_nip(world):
    rows = [
        row_of(e)
        for e in Employee.objects.select_related(
            "unit__parent", "unit__kecamatan", "position", "domicile"
        )
    ]
    result = run(rows)
    assert result.problems == []
    assert (
        result.units_created,
        result.units_updated,
        result.positions_created,
        result.positions_updated,
        result.employees_updated,
    ) == (0, 0, 0, 0, 0)
    assert result.employees_unchanged == 8


def test_a_changed_row_updates_only_what_changed(world):
    run(AGENCY)
    staff_before = by_nip(STAFF)
    rows = [
        *AGENCY[:2],
        AGENCY[2] | {"NAMA": "Ahmad Fauzi, S.Kom.", "EMAIL": "ahmad@example.org"},
        *AGENCY[3:],
    ]
    result = run(rows)
    assert (result.employees_updated, result.employees_unchanged) == (1, 4)
    staff = by_nip(STAFF)
    assert (staff.name, staff.email, staff.supervisor) == (
        "Ahmad Fauzi, S.Kom.",
        "ahmad@example.org",
        staff_before.supervisor,
    )
    assert staff.updated_at > staff_before.updated_at
    entry = AuditEntry.objects.get(action="org.employee.update")
    assert entry.before == {"name": "Ahmad Fauzi", "email": ""}
    assert entry.after == {"name": "Ahmad Fauzi, S.Kom.", "email": "ahmad@example.org"}


def test_moving_people_and_renaming_units(world):
    run(AGENCY)
    rows = [dict(r) for r in AGENCY]
    for r in rows:
        if r["KODE_UNIT"] == "DINKES":
            r["NAMA_UNIT"] = "Dinas Kesehatan Kab. Kukar"
    # The staff member moves to the puskesmas, into a new position there.
    rows[2] |= {
        "KODE_UNIT": "DINKES.PKM1",
        "NAMA_UNIT": "Puskesmas Tenggarong",
        "JENIS_UNIT": "PUSKESMAS",
        "LAYANAN_PUBLIK": "Y",
        "KODE_JABATAN": "DINKES.PKM1.ADM",
        "NAMA_JABATAN": "Admin Puskesmas",
        "TMT_MUTASI": "2026-01-02",
    }
    result = run(rows)
    assert (result.units_updated, result.positions_created, result.employees_updated) == (1, 1, 1)
    staff = by_nip(STAFF)
    assert (staff.unit.code, staff.position.code, staff.last_transfer_date) == (
        "DINKES.PKM1",
        "DINKES.PKM1.ADM",
        date(2026, 1, 2),
    )
    assert staff.supervisor == by_nip(KADIS)  # re-derived: the puskesmas has no head
    assert Unit.objects.get(code="DINKES").name == "Dinas Kesehatan Kab. Kukar"


def test_an_invalid_file_writes_nothing(world):
    before = counts()
    rows = [*AGENCY[:3], AGENCY[3] | {"EMAIL": "salah"}, AGENCY[4]]
    result = run(rows)
    assert not result.written
    assert [(p.line, p.column, p.code) for p in result.problems] == [(5, "EMAIL", "invalid_email")]
    assert counts() == before


def test_accept_partial_writes_only_the_valid_rows(world):
    rows = [*AGENCY[:3], AGENCY[3] | {"EMAIL": "salah"}, AGENCY[4]]
    result = run(rows, accept_partial=True)
    assert result.written
    assert (result.validation.rows_rejected, result.employees_created) == (1, 4)
    assert not Employee.objects.filter(nip=ANALYST).exists()
    assert not Position.objects.filter(code="DINKES.BID1.ANALIS").exists()
    assert Employee.objects.filter(nip__in=[KADIS, KABID, STAFF, NURSE]).count() == 4


def test_a_dry_run_says_what_would_change_and_writes_nothing(world):
    before = counts()
    result = run(AGENCY, dry_run=True)
    assert not result.written
    assert (result.units_created, result.positions_created, result.employees_created) == (3, 5, 5)
    assert counts() == before


def test_a_left_out_optional_column_leaves_its_fields_alone(world):
    run([AGENCY[0], AGENCY[1] | {"EMAIL": "budi@example.org"}])
    Employee.objects.filter(nip=KABID).update(is_active=False)
    header = [c for c in HEADER if c not in ("EMAIL", "AKTIF")]
    result = run([AGENCY[0], AGENCY[1]], header=header)
    assert result.employees_unchanged == 2
    kabid = by_nip(KABID)
    assert (kabid.email, kabid.is_active) == ("budi@example.org", False)


def test_supervisor_override_and_back_to_the_structure(world):
    rows = [*AGENCY[:2], AGENCY[2] | {"NIP_ATASAN": KADIS}, *AGENCY[3:]]
    run(rows)
    staff = by_nip(STAFF)
    assert (staff.supervisor.nip, staff.supervisor_overridden) == (KADIS, True)
    result = run(AGENCY)  # NIP_ATASAN present but empty: the structure decides again
    staff = by_nip(STAFF)
    assert (staff.supervisor.nip, staff.supervisor_overridden) == (KABID, False)
    assert (result.employees_updated, result.supervisors_changed) == (1, 1)


def test_override_pointing_to_a_person_created_by_the_same_file(world):
    newcomer = person(
        NIP=nip(date(1995, 5, 5), "1", 7, (2020, 1)),
        TANGGAL_LAHIR="1995-05-05",
        TMT_PENGANGKATAN="2020-01-01",
        NIP_ATASAN=ANALYST,
    )
    run([*AGENCY, newcomer])
    assert by_nip(newcomer["NIP"]).supervisor == by_nip(ANALYST)


def test_the_head_position_of_a_unit_moves_to_another_position(world):
    """Head flags change in an order that never leaves a unit with two head positions."""
    people = {k: world.people[k] for k in ("head_seksi", "staff_a1", "staff_a2")}
    rows = [row_of(e) for e in people.values()]
    rows[0] |= {
        "KODE_JABATAN": "P-loket",
        "NAMA_JABATAN": "Kepala Seksi Loket",
        "JENIS_JABATAN": "PENGAWAS",
        "KEPALA_UNIT": "Y",
    }
    for r in rows[1:]:
        r |= {
            "KODE_JABATAN": "P-head_seksi",
            "NAMA_JABATAN": "Petugas Loket",
            "JENIS_JABATAN": "PELAKSANA",
            "KEPALA_UNIT": "N",
        }
    result = run(rows)
    assert result.problems == []
    assert result.positions_updated == 2
    assert Position.objects.get(code="P-loket").is_head
    assert not Position.objects.get(code="P-head_seksi").is_head
    assert by_nip(people["staff_a1"].nip).supervisor == people["head_seksi"]


def test_new_head_of_a_unit_is_the_supervisor_of_people_not_in_the_file(world):
    """Derived supervisors are refreshed for everyone, not only the imported rows."""
    Employee.objects.filter(pk=world.people["head_b"].pk).update(is_active=False)
    b = world.units["b"]
    rows = [
        person(
            NIP=nip(date(1980, 2, 2), "1", 9, (2005, 1)),
            TANGGAL_LAHIR="1980-02-02",
            TMT_PENGANGKATAN="2005-01-01",
            KODE_UNIT=b.code,
            NAMA_UNIT=b.name,
            KODE_UNIT_INDUK="",
            JENIS_UNIT="OPD",
            KODE_JABATAN="P-head_b",
            NAMA_JABATAN="Kepala Bappeda",
            JENIS_JABATAN="JPT PRATAMA",
            KEPALA_UNIT="Y",
        )
    ]
    result = run(rows)
    assert result.problems == []
    staff_b1 = by_nip(world.people["staff_b1"].nip)
    assert staff_b1.supervisor.nip == rows[0]["NIP"]


def test_only_queries_in_bulk(world, django_assert_max_num_queries):
    """The number of queries does not grow with the number of rows."""
    many = [
        person(
            NIP=nip(date(1980, 1, 1 + i % 28), "1", i, (2005, 1)),
            NAMA=f"Pegawai {i}",
            TANGGAL_LAHIR=date(1980, 1, 1 + i % 28).isoformat(),
            TMT_PENGANGKATAN="2005-01-01",
        )
        for i in range(1, 301)
    ]
    with django_assert_max_num_queries(60):
        result = run([*AGENCY[:2], *many])
    assert result.employees_created == 302
    assert (
        Employee.objects.filter(Q(nip__in=[r["NIP"] for r in many]), supervisor__nip=KABID).count()
        == 300
    )


def test_the_head_flag_moves_to_an_older_position(world):
    """The new head position was created before the old one: updated in id order, it would
    become head while the old one still is, unless the old one loses its flag first."""
    run([AGENCY[0], AGENCY[2], AGENCY[1]])  # the staff position gets the lower id
    assert (
        Position.objects.get(code="DINKES.BID1.PEL").pk
        < Position.objects.get(code="DINKES.BID1.KABID").pk
    )
    rows = [
        AGENCY[0],
        AGENCY[2] | {"JENIS_JABATAN": "ADMINISTRATOR", "KEPALA_UNIT": "Y"},
        AGENCY[1] | {"KEPALA_UNIT": "N"},
    ]
    result = run(rows)
    assert result.problems == []
    assert result.positions_updated == 2
    assert Position.objects.get(code="DINKES.BID1.PEL").is_head
    assert by_nip(KABID).supervisor == by_nip(STAFF)
