"""The e-Kinerja realisation export adds up to the measures (same facts, same scope)."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from fleksi.outputs.domain.measures import DELIVERED_STATUSES
from fleksi.outputs.selectors.export import COLUMNS
from fleksi.outputs.services import (
    planned_output_create,
    report_submit,
    report_verify,
)
from fleksi.outputs.tests.conftest import approved_wfa, png, skp_with_results

pytestmark = pytest.mark.django_db


def month_data(w):
    today = timezone.localdate()
    start = today.replace(day=1)
    days = [start + timedelta(days=i) for i in range((today - start).days + 1)]
    day = days[0]
    _skp, (rhk,) = skp_with_results(w, "staff_b1", today.year, ["Kajian kebijakan"])
    approved_wfa(
        w,
        "staff_b1",
        [day],
        items=[("Draf kajian", 4, "halaman", day), ("Peta masalah", 1, "peta", day)],
    )
    planned = planned_output_create(
        actor=w.user("staff_b1"),
        employee=w.people["staff_b1"],
        day=today,
        description="Telaah staf",
        target_quantity=Decimal(2),
        unit="telaah",
        rhk=rhk,
    )
    r1 = report_submit(
        actor=w.user("staff_b1"),
        employee=w.people["staff_b1"],
        day=today,
        planned=planned,
        quantity=Decimal(3),
        description="Dua telaah, satu nota",
        evidence=png(),
    )
    report_verify(actor=w.user("head_b"), report=r1, decision="accepted", quality=88)
    r2 = report_submit(
        actor=w.user("staff_b2"),
        employee=w.people["staff_b2"],
        day=today,
        quantity=Decimal(1),
        description="Notulen",
        unit="dokumen",
        evidence_url="https://srikandi.arsip.go.id/naskah/5",
    )
    report_verify(actor=w.user("head_b"), report=r2, decision="returned", comment="Lengkapi")
    return today, rhk, r1


def test_export_rows_are_the_measures(client, wfa):
    today, _rhk, r1 = month_data(wfa)
    client.force_login(wfa.user("head_b"))
    month = today.strftime("%Y-%m")
    response = client.get(reverse("outputs:export"), {"month": month})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert list(rows[0]) == list(COLUMNS)
    measures = client.get(
        reverse("api:outputs_measures"), {"month": month, "unit_id": wfa.units["b"].pk}
    ).json()
    by_nip: dict[str, list[dict]] = {}
    for row in rows:
        by_nip.setdefault(row["NIP"], []).append(row)
    for item in measures["items"]:
        nip = next(p.nip for p in wfa.people.values() if p.pk == item["employee_id"])
        mine = by_nip.get(nip, [])
        planned = [r for r in mine if r["TARGET"]]
        ratios = [
            min(Decimal(r["REALISASI"] or 0) / Decimal(r["TARGET"]), Decimal(1))
            if STATUS[r["STATUS_VERIFIKASI"]] in DELIVERED_STATUSES
            else Decimal(0)
            for r in planned
        ]
        assert item["total"]["outputs"] == len(planned)
        assert item["total"]["reports"] == sum(1 for r in mine if r["REALISASI"])
        expected = round(float(100 * sum(ratios) / len(ratios)), 1) if ratios else None
        assert item["total"]["achievement_pct"] == expected
    # The reported output with its RHK and evidence link, for entry into e-Kinerja.
    row = next(r for r in rows if r["RENCANA_OUTPUT"] == "Telaah staf")
    assert (row["NO_RHK"], row["RENCANA_HASIL_KERJA"], row["TARGET"], row["REALISASI"]) == (
        "1",
        "Kajian kebijakan",
        "2",
        "3",
    )
    assert (row["STATUS_VERIFIKASI"], row["KUALITAS"], row["SATUAN"]) == (
        "diterima",
        "88",
        "telaah",
    )
    assert row["BUKTI_DUKUNG"].endswith(f"/outputs/reports/{r1.pk}/evidence/")
    assert any(r["BUKTI_DUKUNG"] == "https://srikandi.arsip.go.id/naskah/5" for r in rows)
    assert {r["STATUS_VERIFIKASI"] for r in rows} == {
        "diterima",
        "dikembalikan",
        "belum_dilaporkan",
    }


STATUS = {
    "belum_dilaporkan": "",
    "menunggu_verifikasi": "submitted",
    "diterima": "accepted",
    "dikembalikan": "returned",
    "ditolak": "rejected",
}


def test_xlsx_export_has_the_same_rows(client, wfa):
    today, _rhk, _r1 = month_data(wfa)
    client.force_login(wfa.user("staff_b1"))  # an employee exports their own month
    month = today.strftime("%Y-%m")
    csv_rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("outputs:export"), {"month": month}).content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    book = load_workbook(
        io.BytesIO(
            client.get(reverse("outputs:export"), {"month": month, "format": "xlsx"}).content
        )
    )
    xlsx_rows = [
        ["" if v is None else str(v) for v in row]
        for row in book.active.iter_rows(values_only=True)
    ]
    assert xlsx_rows == csv_rows
    assert {r[0] for r in csv_rows[1:]} == {wfa.people["staff_b1"].nip}
    assert len(csv_rows) == 4  # two request outputs and the own planned output


@pytest.mark.parametrize(("who", "shown"), [("head_b", True), ("bupati", False)])
def test_the_export_gives_nips_only_to_readers_of_personal_details(client, wfa, who, shown):
    today, _rhk, _r1 = month_data(wfa)
    client.force_login(wfa.user(who))
    response = client.get(reverse("outputs:export"), {"month": today.strftime("%Y-%m")})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    yusuf = wfa.people["staff_b1"]
    mine = [r for r in rows if r["NAMA"] == yusuf.name]
    assert mine
    assert {r["NIP"] for r in mine} == ({yusuf.nip} if shown else {""})
