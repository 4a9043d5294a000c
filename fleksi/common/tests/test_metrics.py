"""Prometheus metrics (fleksi/common/metrics.py) and JSON logs with request ids."""

from __future__ import annotations

import json
import logging

import pytest
from django.urls import reverse
from pythonjsonlogger.json import JsonFormatter

from fleksi.common.logging import RequestIdFilter
from fleksi.common.request_context import reset_request_id, set_request_id

pytestmark = pytest.mark.django_db

TOKEN = "metrics-token-for-tests"


def scrape(client, token: str | None = TOKEN):
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return client.get(reverse("metrics"), headers=headers)


def test_without_a_token_configured_there_is_no_endpoint(client, settings):
    settings.METRICS_TOKEN = ""
    assert scrape(client).status_code == 404


def test_the_metrics_need_the_token(client, settings):
    settings.METRICS_TOKEN = TOKEN
    assert scrape(client, token=None).status_code == 401
    assert scrape(client, token="guess").status_code == 401


def test_latency_per_route_queue_depth_check_ins_and_failures(client, settings):
    settings.METRICS_TOKEN = TOKEN
    assert client.get("/health/live").status_code == 200
    response = scrape(client)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert (
        'fleksi_http_request_duration_seconds_bucket{le="0.01",method="GET",route="/health/live"}'
        in body
    )
    assert 'fleksi_http_requests_total{method="GET",route="/health/live",status="200"}' in body
    assert "fleksi_task_queue_depth 0.0" in body
    assert "fleksi_tasks_failed 0.0" in body
    assert 'fleksi_checkins_today{kind="in"} 0.0' in body
    assert "# TYPE fleksi_checkins_total counter" in body
    assert "# TYPE fleksi_task_failures_total counter" in body


def test_an_unknown_address_is_one_label_not_one_per_address(client, settings):
    settings.METRICS_TOKEN = TOKEN
    client.get("/no-such-page-1")
    client.get("/no-such-page-2")
    body = scrape(client).content.decode()
    assert 'route="unmatched"' in body
    assert "no-such-page" not in body


def test_json_log_lines_carry_the_request_id():
    formatter = JsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
    )
    record = logging.LogRecord("fleksi.test", logging.INFO, __file__, 1, "hello %s", ("x",), None)
    token = set_request_id("req-12345678")
    try:
        RequestIdFilter().filter(record)
    finally:
        reset_request_id(token)
    line = json.loads(formatter.format(record))
    assert line["request_id"] == "req-12345678"
    assert line["message"] == "hello x"
    assert line["level"] == "INFO"
    assert line["logger"] == "fleksi.test"
