"""Hostile input gets a clear 4xx, never a 5xx: one test per class of input (issue 13 §3)."""

import json
from datetime import date

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

pytestmark = pytest.mark.django_db


def post_json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_nul_in_a_json_text_field_is_400_with_a_code(client, world):
    client.force_login(world.user("staff_a1"))
    response = post_json(
        client,
        reverse("api:outputs_plan_create"),
        {"day": "2026-03-02", "description": "Laporan\x00", "target_quantity": "1", "unit": "dok"},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_input"


def test_nul_in_a_nested_key_or_value_is_400(client, world):
    client.force_login(world.user("staff_a1"))
    response = post_json(client, reverse("api:outputs_plan_create"), {"x": {"a\x00": ["b"]}})
    assert response.status_code == 400


def test_nul_in_a_query_parameter_is_400(client, world):
    client.force_login(world.user("head_a"))
    response = client.get(reverse("api:employee_list"), {"q": "ri\x00na"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_input"


def test_non_finite_numbers_and_huge_integers_in_json_are_400(client, world):
    client.force_login(world.user("staff_a1"))
    url = reverse("api:outputs_plan_create")
    body = '{"day": "2026-03-02", "description": "x", "target_quantity": NaN, "unit": "d"}'
    assert client.post(url, body, content_type="application/json").status_code == 400
    response = post_json(client, url, {"rhk_id": 2**64})
    assert response.status_code == 400


@pytest.mark.parametrize("offset", [2**63, 2**64 + 1, 1_000_001, -1])
def test_pagination_offset_is_bounded(client, world, offset):
    client.force_login(world.user("bkpsdm"))
    response = client.get(reverse("api:employee_list"), {"offset": offset})
    assert response.status_code == 422


def test_an_id_beyond_64_bits_in_the_path_is_422(client, world):
    client.force_login(world.user("bkpsdm"))
    response = client.get(reverse("api:unit_detail", args=[2**70]))
    assert response.status_code == 422


def test_a_decimal_that_rounds_to_zero_is_refused_before_the_database(client, world):
    client.force_login(world.user("staff_a1"))
    response = post_json(
        client,
        reverse("api:outputs_plan_create"),
        {"day": "2026-03-02", "description": "x", "target_quantity": "0.001", "unit": "dok"},
    )
    assert response.status_code == 422
    assert "target_quantity" in json.dumps(response.json())


def test_integers_are_bounded_by_their_column(client, world):
    client.force_login(world.user("layanan"))
    url = reverse("api:servicelevel_figure_put", args=[1, date(2026, 3, 2)])
    body = {"received": 2**40, "completed": 1}
    response = client.put(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    assert "received" in json.dumps(response.json())


def test_multipart_without_a_boundary_is_400(client, world):
    client.force_login(world.user("staff_a1"))
    response = client.post(
        reverse("api:outputs_report_create"), b"--x\r\n", content_type="multipart/form-data"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "unreadable_body"


def test_a_lost_database_connection_is_a_json_503_with_a_code(client, world):
    client.force_login(world.user("bkpsdm"))
    client.raise_request_exception = False

    def lost(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(lost):
        response = client.get(reverse("api:employee_list"))
    assert response.status_code == 503
    assert response.json()["code"] == "database_unavailable"
    assert response["Retry-After"]


def test_a_serialization_failure_is_a_409_the_client_may_retry(client, world):
    psycopg_errors = pytest.importorskip("psycopg.errors")
    client.force_login(world.user("bkpsdm"))
    client.raise_request_exception = False

    def conflict(execute, sql, params, many, context):
        raise OperationalError("could not serialize access") from (
            psycopg_errors.SerializationFailure("could not serialize access")
        )

    with connection.execute_wrapper(conflict):
        response = client.get(reverse("api:employee_list"))
    assert response.status_code == 409
    assert response.json()["code"] == "concurrent_update"


def test_a_database_failure_in_the_browser_is_a_friendly_page(client, world):
    client.force_login(world.user("bkpsdm"))
    client.raise_request_exception = False

    def lost(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(lost):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Silakan coba lagi" in page
    assert "Traceback" not in page
