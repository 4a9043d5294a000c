"""The monthly recap names people for everyone who may read it, but gives their NIP (it
encodes the birth date) only to those who may read their personal details: the unit's head
and personnel administrator and BKPSDM get it, the Sekda and the Bupati see names only — on
the page, in the export and by API (UU 27/2022 Pasal 16 ayat (2))."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("who", "shown"), [("bkpsdm", True), ("head_a", True), ("bupati", False)])
def test_the_recap_gives_nips_only_to_their_readers(client, world, who, shown):
    rina = world.people["staff_a1"]
    unit = world.units["a"]
    client.force_login(world.user(who))
    page = client.get(reverse("presence:recap_unit", args=[unit.pk])).content.decode()
    export = client.get(reverse("presence:recap_export", args=[unit.pk, "csv"])).content.decode()
    api = client.get(reverse("api:presence_recap_unit", args=[unit.pk])).json()
    row = next(i for i in api["items"] if i["employee_id"] == rina.pk)
    assert rina.name in page
    assert rina.name in export
    assert (rina.nip in page) == shown
    assert (rina.nip in export) == shown
    assert (row["nip"] == rina.nip) == shown
    person = client.get(reverse("presence:recap_employee", args=[rina.pk])).content.decode()
    assert (rina.nip in person) == shown
