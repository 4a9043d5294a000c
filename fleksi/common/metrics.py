"""Prometheus metrics (issue 19 §4; docs/operations.md, "Metrics and logs").

- ``fleksi_http_request_duration_seconds{route,method}`` — latency histogram per URL
  pattern (the route as written in urls.py, not the address: a bounded set of labels), and
  ``fleksi_http_requests_total{route,method,status}``;
- ``fleksi_checkins_total{kind,mode}`` — check-ins recorded (counted as they are saved);
- ``fleksi_task_failures_total{task}`` — background tasks that failed in this process;
- read from the database at each scrape (each app registers its own with
  :func:`register_gauge`): ``fleksi_task_queue_depth``, ``fleksi_tasks_failed``,
  ``fleksi_checkins_today{kind}`` …

``GET /metrics`` answers only with ``Authorization: Bearer $METRICS_TOKEN`` (404 when no
token is set: the endpoint does not exist). Under gunicorn with several workers set
``PROMETHEUS_MULTIPROC_DIR`` (an empty directory, emptied at each start): the counters of
every worker are summed.
"""

from __future__ import annotations

import hmac
import logging
import os
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

log = logging.getLogger(__name__)

REQUEST_LATENCY = Histogram(
    "fleksi_http_request_duration_seconds",
    "Time to answer a request, per URL pattern",
    ["route", "method"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
REQUESTS = Counter(
    "fleksi_http_requests",
    "Requests answered, per URL pattern and status",
    ["route", "method", "status"],
)
CHECKINS = Counter("fleksi_checkins", "Check-ins recorded", ["kind", "mode"])
TASK_FAILURES = Counter("fleksi_task_failures", "Background tasks that failed", ["task"])


@dataclass(frozen=True)
class Gauge:
    name: str
    help: str
    labels: tuple[str, ...]
    read: Callable[[], float | Mapping[tuple[str, ...], float]]


_GAUGES: dict[str, Gauge] = {}


def register_gauge(
    name: str,
    help_text: str,
    read: Callable[[], float | Mapping[tuple[str, ...], float]],
    labels: tuple[str, ...] = (),
) -> None:
    """A value read from the database at each scrape (from an app's ``ready()``). ``read``
    returns a number, or with ``labels`` a mapping of label values to numbers."""
    _GAUGES[name] = Gauge(name, help_text, labels, read)


class DataCollector(Collector):
    """The registered gauges; one that fails is left out of that scrape (and logged)."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        for gauge in _GAUGES.values():
            try:
                value = gauge.read()
            except Exception:
                log.warning("metric %s could not be read", gauge.name, exc_info=True)
                continue
            family = GaugeMetricFamily(gauge.name, gauge.help, labels=list(gauge.labels))
            if isinstance(value, Mapping):
                for label_values, number in value.items():
                    family.add_metric(list(label_values), float(number))
            else:
                family.add_metric([], float(value))
            yield family


_data = DataCollector()
REGISTRY.register(_data)


def _registry() -> Any:
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    from prometheus_client import multiprocess

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    registry.register(_data)
    return registry


def _authorised(request: HttpRequest) -> bool:
    token = str(getattr(settings, "METRICS_TOKEN", ""))
    if not token:
        raise Http404
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return hmac.compare_digest(given.encode(), token.encode())


@never_cache
def metrics_view(request: HttpRequest) -> HttpResponse:
    if not _authorised(request):
        response = HttpResponse("metrics need a token\n", status=401, content_type="text/plain")
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)


def route_of(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    return f"/{match.route}" if match is not None and match.route is not None else "unmatched"


class MetricsMiddleware:
    """Time every request and count it, labelled by its URL pattern."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        route = route_of(request)
        REQUEST_LATENCY.labels(route, request.method).observe(time.perf_counter() - started)
        REQUESTS.labels(route, request.method, str(response.status_code)).inc()
        return response


def task_failed(sender: Any, task_result: Any, **kwargs: Any) -> None:
    """django.tasks' ``task_finished`` signal: count a failed task."""
    if str(getattr(task_result, "status", "")) == "FAILED":
        TASK_FAILURES.labels(task_result.task.module_path).inc()
