"""The shift-swap page: a nurse asks to exchange a day with a colleague, the colleague sees it,
a third nurse does not, the head nurse approves (the shifts are exchanged) or is refused when
the exchange would leave a shift short; bad input comes back with the reason, in Indonesian,
and writes nothing. The ward's moment is 20 April 2026 (``ward``)."""

import re

import pytest
from django.urls import reverse

from fleksi.worktime.models import DutyShift, DutySwap
from fleksi.worktime.services import duty_roster_publish, duty_roster_save
from fleksi.worktime.tests.test_rosters import MAY, may, plan, ward  # noqa: F401

pytestmark = pytest.mark.django_db

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.fixture
def published(ward):  # noqa: F811
    w = ward
    roster = duty_roster_save(
        actor=w.user("layanan"),
        unit=w.unit,
        month=MAY,
        pattern_code="ward",
        shifts=plan(w),
        min_staff={"P": 1},
    )
    return duty_roster_publish(actor=w.user("layanan"), roster=roster)


def visible_text(response) -> str:
    html = response.content.decode()
    body = html.split("<main", 1)[-1]
    return re.sub(r"<[^>]+>", " ", re.sub(r'value="[^"]*"', "", body))


def page(client, w, who, roster):
    client.force_login(w.user(who))
    return client.get(reverse("worktime:roster_swaps", args=[roster.pk]))


def ask(client, w, roster, **data):
    client.force_login(w.user("staff_a1"))
    return client.post(reverse("worktime:roster_swaps", args=[roster.pk]), data)


def test_ask_see_and_approve_a_swap(client, ward, published):  # noqa: F811
    w, roster = ward, published
    rina, darto = w.people["staff_a1"], w.people["staff_a2"]

    form = page(client, w, "staff_a1", roster)
    text = visible_text(form)
    assert "Tukar shift" in text
    assert "Senin, 4 Mei — M (21.00–07.00)" in text  # her own night, in words
    assert darto.name in text
    assert rina.name not in text.split("Dengan", 1)[1]
    assert not ISO.search(text)

    sent = ask(client, w, roster, day="2026-05-04", other=darto.pk, reason="Acara keluarga")
    assert sent.status_code == 302
    swap = DutySwap.objects.get()
    assert (swap.requester, swap.other, swap.status) == (rina, darto, "pending")

    theirs = visible_text(page(client, w, "staff_a2", roster))
    assert "Acara keluarga" in theirs
    assert "Menunggu" in theirs
    assert f'id="swap-{swap.pk}"' not in page(client, w, "head_seksi", roster).content.decode()

    manager = page(client, w, "layanan", roster)
    assert f'action="{reverse("worktime:swap_decide", args=[swap.pk])}"' in manager.content.decode()
    assert "Setujui" in visible_text(manager)
    client.force_login(w.user("layanan"))
    done = client.post(
        reverse("worktime:swap_decide", args=[swap.pk]), {"decision": "approve"}, follow=True
    )
    assert "ditukar" in visible_text(done)
    codes = dict(
        DutyShift.objects.filter(day=may(4), employee__in=[rina, darto]).values_list(
            "employee_id", "shift_code"
        )
    )
    assert codes == {rina.pk: "S", darto.pk: "M"}
    # Decided once: no buttons any more, and a second decision is refused with a message.
    again = client.post(
        reverse("worktime:swap_decide", args=[swap.pk]), {"decision": "reject"}, follow=True
    )
    assert DutySwap.objects.get().status == "approved"
    assert "sudah diputuskan" in visible_text(again)


def test_a_swap_that_leaves_a_shift_short_is_refused_with_the_day_in_words(
    client,
    ward,  # noqa: F811
    published,
):
    w, roster = ward, published
    sari, darto = w.people["head_seksi"], w.people["staff_a2"]
    # An exchange keeps each shift's head count, so only a minimum raised after publishing
    # (nobody works afternoons on Sundays) can make the day short: the check still holds.
    roster.min_staff = {"P": 1, "S": 1}
    roster.save(update_fields=["min_staff"])
    client.force_login(w.user("head_seksi"))
    client.post(
        reverse("worktime:roster_swaps", args=[roster.pk]),
        {"day": "2026-05-10", "other": darto.pk},
    )
    swap = DutySwap.objects.get()
    client.force_login(w.user("layanan"))
    done = client.post(
        reverse("worktime:swap_decide", args=[swap.pk]), {"decision": "approve"}, follow=True
    )
    text = visible_text(done)
    assert "10 Mei 2026" in text
    assert not ISO.search(text)
    assert DutySwap.objects.get().status == "pending"
    assert DutyShift.objects.get(employee=sari, day=may(10)).shift_code == "P"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"day": "kemarin", "other": "1"}, "Pilih hari dan rekan"),
        ({"day": "2026-05-04", "other": "x"}, "Pilih hari dan rekan"),
        ({"day": "2026-04-01", "other": None}, "Pilih tanggal dalam jadwal dinas ini"),
        ({"day": "2026-05-04", "other": "staff_a1"}, "Kedua orang harus"),
    ],
)
def test_bad_input_comes_back_with_the_reason_and_writes_nothing(
    client,
    ward,  # noqa: F811
    published,
    data,
    message,
):
    w = ward
    people = {"staff_a1": w.people["staff_a1"].pk, None: w.people["staff_a2"].pk}
    data = {**data, "other": people.get(data["other"], data["other"])}
    response = ask(client, w, published, **data)
    assert response.status_code == 400
    assert message in visible_text(response)
    assert not DutySwap.objects.exists()


def test_the_api_lists_the_swaps_each_one_may_see(client, ward, published):  # noqa: F811
    w, roster = ward, published
    ask(client, w, roster, day="2026-05-04", other=w.people["staff_a2"].pk)
    url = reverse("api:worktime_swap_list", args=[roster.pk])
    seen = {}
    for who in ("staff_a1", "staff_a2", "head_seksi", "layanan", "bkpsdm"):
        client.force_login(w.user(who))
        seen[who] = [s["requester_id"] for s in client.get(url).json()]
    rina = w.people["staff_a1"].pk
    assert seen == {
        "staff_a1": [rina],
        "staff_a2": [rina],
        "head_seksi": [],  # on the roster, not part of this swap
        "layanan": [rina],  # the roster's manager
        "bkpsdm": [],  # sees the roster, not the people's swaps
    }
