"""Schema fuzzing of the whole API (issue 13 §3): every operation, as three roles, with
examples drawn from the OpenAPI document (deterministic, bounded). A server error (5xx), an
answer that contradicts its documented schema, an undocumented status code or content type
fails the test. ``FUZZ_EXAMPLES`` sets the examples per operation and role (default 4).

The summary line (``fuzz: …``) is printed for CI."""

from __future__ import annotations

import os
import time
from collections import Counter

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection, transaction
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import checks

from fleksi.accounts.services import api_token_create
from fleksi.api.api import api

pytestmark = pytest.mark.django_db

ROLES = ("staff_a1", "head_a", "bkpsdm")
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "4"))
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


def _schema() -> schemathesis.schemas.BaseSchema:
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    schema.app = WSGIHandler()
    return schema


@pytest.fixture
def same_connection():
    """Requests run in the test's transaction, as Django's test client runs them."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _fuzz(operation, who: str, headers: dict[str, str], statuses: Counter[int]) -> list[str]:
    failures: list[str] = []

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case: schemathesis.Case) -> None:
        # Each request in a savepoint, as each has its own transaction in production: a
        # statement PostgreSQL refused must not abort the requests after it.
        with transaction.atomic():
            response = case.call(headers=headers)
        statuses[response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except (Exception, BaseExceptionGroup) as exc:  # collected, reported together below
            failures.append(f"{who} {operation.label}: {str(exc)[:600]}")

    run()
    return failures


def test_every_operation_as_three_roles_gives_no_server_error(world, same_connection, capsys):
    schema = _schema()
    tokens = {
        who: api_token_create(actor=world.user(who), name="fuzz", scope="full")[1] for who in ROLES
    }
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    started = time.perf_counter()
    for operation in operations:
        for who in ROLES:
            headers = {"Authorization": f"Bearer {tokens[who]}", "Accept-Encoding": "identity"}
            failures += _fuzz(operation, who, headers, statuses)
    seconds = time.perf_counter() - started
    requests = sum(statuses.values())
    server_errors = sum(n for code, n in statuses.items() if code >= 500)
    summary = (
        f"fuzz ({connection.vendor}): {len(operations)} operations x {len(ROLES)} roles, "
        f"{requests} requests in {seconds:.0f} s; statuses {dict(sorted(statuses.items()))}; "
        f"server errors {server_errors}; failed checks {len(failures)}"
    )
    with capsys.disabled():
        print("\n" + summary)
    # Under xdist a worker's output is not shown: .ci/run prints this file.
    out = django_settings.BASE_DIR / "var" / f"fuzz-summary-{connection.vendor}.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_text(summary + "\n")
    assert not failures, "\n".join(failures[:20])
