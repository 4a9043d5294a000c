"""The pages through HTTP: the mapping workflow as the unit administrator and BKPSDM use it."""

import io

import pytest
from django.urls import reverse

from fleksi.jobmap.domain.criteria import PASAL_23_CODES
from fleksi.jobmap.models import Assessment, Duty, EmployeeException
from fleksi.jobmap.tests.conftest import add_duties

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"jobmap:{name}", args=args)


def form_answers(duties, yes=True, reason="Dikerjakan dengan aplikasi daring"):
    data = {}
    for d in duties:
        for code in PASAL_23_CODES:
            data[f"a_{d.pk}_{code}"] = "yes" if yes else "no"
            data[f"r_{d.pk}_{code}"] = reason
    return data


def test_unit_admin_proposes_and_bkpsdm_approves(client, world):
    position = world.positions["loket"]
    client.force_login(world.user("kepeg_a"))
    response = client.post(
        url("duty_create", position.pk),
        {
            "description": "Menginput data permohonan ke SIAK",
            "output": "Data terinput",
            "time_share": "100",
        },
    )
    assert response.status_code == 302
    duties = list(Duty.objects.filter(position=position))
    page = client.get(url("assessment_edit", position.pk))
    assert "Menginput data permohonan ke SIAK" in page.content.decode()
    response = client.post(
        url("assessment_edit", position.pk), {**form_answers(duties), "action": "propose"}
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get(position=position)
    assert assessment.status == "proposed"
    client.force_login(world.user("bkpsdm"))
    queue = client.get(url("queue")).content.decode()
    assert position.name in queue
    response = client.post(url("assessment_approve", assessment.pk), {"comment": ""})
    assert response.status_code == 302
    page = client.get(url("position", position.pk))
    assert page.context["position_class"] == "capable"
    assert 'class="badge ok"' in page.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == "approved"


def test_proposing_with_gaps_keeps_the_draft_and_names_the_duty(client, world):
    position = world.positions["loket"]
    duties = add_duties(position, 70, 30)
    data = form_answers(duties)
    data[f"r_{duties[1].pk}_ict"] = ""
    client.force_login(world.user("kepeg_a"))
    client.cookies["django_language"] = "en"
    response = client.post(url("assessment_edit", position.pk), {**data, "action": "propose"})
    assert response.status_code == 200
    assert "Duty 2: give a short reason" in response.content.decode()
    draft = Assessment.objects.get(position=position)
    assert draft.status == "draft"


def test_returning_needs_a_comment(client, world):
    position = world.positions["loket"]
    duties = add_duties(position, 100)
    client.force_login(world.user("kepeg_a"))
    client.post(url("assessment_edit", position.pk), {**form_answers(duties), "action": "propose"})
    assessment = Assessment.objects.get(position=position)
    client.force_login(world.user("bkpsdm"))
    response = client.post(url("assessment_return", assessment.pk), {"comment": " "})
    assert response.status_code == 302
    assert Assessment.objects.get(pk=assessment.pk).status == "proposed"
    client.post(url("assessment_return", assessment.pk), {"comment": "Uraikan alasan TIK"})
    assert Assessment.objects.get(pk=assessment.pk).status == "returned"
    client.force_login(world.user("kepeg_a"))
    page = client.get(url("assessment_edit", position.pk)).content.decode()
    assert "Uraikan alasan TIK" in page


def test_unit_page_counts_and_filters(client, world):
    client.force_login(world.user("head_a"))
    page = client.get(url("unit", world.units["a"].pk))
    assert page.status_code == 200
    assert page.context["counts"].positions == 4
    filtered = client.get(url("unit", world.units["a"].pk), {"progress": "none"})
    assert len(filtered.context["page"].object_list) == 4
    assert (
        client.get(url("unit", world.units["a"].pk), {"class": "capable"})
        .context["page"]
        .object_list
        == []
    )


def test_employee_sees_own_position_read_only(client, world):
    client.force_login(world.user("staff_a1"))
    page = client.get(url("position", world.positions["loket"].pk))
    assert page.status_code == 200
    assert page.context["can_edit"] is False
    assert client.get(url("position", world.positions["head_seksi"].pk)).status_code == 404


def test_import_page_checks_then_imports(client, world):
    client.force_login(world.user("kepeg_a"))
    body = (
        "KODE_JABATAN,NO_URUT,URAIAN_TUGAS,HASIL_KERJA,PERSEN_WAKTU\n"
        "P-loket,1,Melayani permohonan KTP-el di loket,Permohonan terlayani,100\n"
        "P-analis,1,Menyusun kajian,Dokumen kajian,100\n"
    )
    upload = io.BytesIO(body.encode())
    upload.name = "tugas.csv"
    client.cookies["django_language"] = "en"
    response = client.post(url("import"), {"file": upload, "dry_run": "on"})
    assert response.status_code == 200
    assert response.context["problems"][0][:2] == (3, "KODE_JABATAN")
    assert "not in a unit you administer" in response.content.decode()
    upload = io.BytesIO(body.encode().split(b"P-analis")[0])
    upload.name = "tugas.csv"
    response = client.post(url("import"), {"file": upload})
    assert response.context["report"].applied
    assert Duty.objects.filter(position=world.positions["loket"]).count() == 1


def test_grant_an_exception_by_nip(client, world):
    client.force_login(world.user("bkpsdm"))
    unit = world.units["a"]
    base = {
        "kind": "duty_in_public_service",
        "reason": "Bendahara, tugas administrasi",
        "start": "2026-12-01",
        "end": "2027-06-30",
        "override_class": "",
        "waives_unit_exclusion": "on",
    }
    outsider = {**base, "nip": world.people["staff_b1"].nip}
    response = client.post(url("exception_grant", unit.pk), outsider)
    assert response.status_code == 200
    assert not EmployeeException.objects.exists()
    response = client.post(
        url("exception_grant", unit.pk), {**base, "nip": world.people["staff_a1"].nip}
    )
    assert response.status_code == 302
    exc = EmployeeException.objects.get()
    assert (exc.employee, exc.waives_unit_exclusion) == (world.people["staff_a1"], True)
    page = client.get(url("exceptions", unit.pk)).content.decode()
    assert "Bendahara, tugas administrasi" in page
