"""Data minimisation (UU 27/2022 PDP, issue 13): NIP (it encodes the birth date and sex), birth
date, domicile and disciplinary status go to the person, their approval chain, their unit's
personnel administrator and BKPSDM; the Sekda, the Bupati and the auditor see who the person
is and where they work, not these. A search by NIP digits finds only people whose NIP the
searcher may read (it would otherwise reveal birth dates)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

READERS = ("staff_a1", "head_a", "kepeg_a", "bkpsdm")
WITHHELD = ("sekda", "bupati", "auditor")


@pytest.mark.parametrize("who", READERS + WITHHELD)
def test_the_person_page_and_the_api_show_the_details_only_to_their_readers(client, world, who):
    rina = world.people["staff_a1"]
    client.force_login(world.user(who))
    page = client.get(reverse("org:employee_detail", args=[rina.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    api = client.get(reverse("api:employee_detail", args=[rina.pk])).json()
    listed = client.get(reverse("org:people"), {"q": rina.name}).content.decode()
    if who in READERS:
        assert rina.nip in html
        assert rina.nip in listed
        assert api["nip"] == rina.nip
        assert api["birth_date"] == rina.birth_date.isoformat()
        assert api["details_withheld"] is False
    else:
        assert rina.nip not in html
        assert rina.nip not in listed
        assert "tidak ditampilkan" in html
        assert rina.name in html
        assert {k: api[k] for k in ("nip", "birth_date", "domicile_code", "discipline_status")} == (
            dict.fromkeys(("nip", "birth_date", "domicile_code", "discipline_status"))
        )
        assert api["details_withheld"] is True


@pytest.mark.parametrize(("who", "found"), [("bkpsdm", True), ("bupati", False)])
def test_a_search_by_nip_digits_is_for_those_who_may_read_nips(client, world, who, found):
    rina = world.people["staff_a1"]
    client.force_login(world.user(who))
    birth = rina.nip[:8]  # the first eight digits are the birth date
    api = client.get(reverse("api:employee_list"), {"q": birth}).json()
    assert (rina.pk in {e["id"] for e in api["items"]}) == found
    page = client.get(reverse("org:people"), {"q": birth}).content.decode()
    assert (rina.name in page) == found
