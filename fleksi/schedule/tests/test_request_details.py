"""A request's page names the employee for everyone who may open it, and gives their NIP (it
encodes the birth date) only to their approval chain, BKPSDM and the person — not to the
Sekda, the Bupati or the auditor (UU 27/2022 Pasal 16 ayat (2))."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from fleksi.schedule.services import PlanItemIn, request_submit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "shown"),
    [("staff_b1", True), ("head_b", True), ("bkpsdm", True), ("bupati", False), ("auditor", False)],
)
def test_the_request_page_gives_the_nip_only_to_its_readers(client, wfa, who, shown):
    yusuf = wfa.people["staff_b1"]
    day = wfa.monday + timedelta(days=1)
    request = request_submit(
        actor=wfa.user("staff_b1"),
        employee=yusuf,
        days=[day],
        plan=[PlanItemIn("Kajian", Decimal(1), "naskah", day)],
    )
    client.force_login(wfa.user(who))
    page = client.get(reverse("schedule:request_detail", args=[request.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert yusuf.name in html
    assert (yusuf.nip in html) == shown
