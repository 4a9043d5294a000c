"""The OpenAPI document is true: one component per schema, files in the body, errors listed."""

import ninja
import pytest
from django.urls import reverse

from fleksi.api.api import api
from fleksi.common.apikit import ERROR_RESPONSES


def _schema_classes():
    seen: dict[str, set[str]] = {}
    stack = list(ninja.Schema.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__module__.startswith("fleksi.") and ".tests" not in cls.__module__:
            seen.setdefault(cls.__name__, set()).add(f"{cls.__module__}.{cls.__qualname__}")
    return seen


def test_no_two_schemas_share_a_component_name():
    clashes = {name: where for name, where in _schema_classes().items() if len(where) > 1}
    assert clashes == {}


def test_every_operation_documents_its_error_answers():
    schema = api.get_openapi_schema()
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            codes = {int(c) for c in operation["responses"]}
            assert set(ERROR_RESPONSES) - {401} <= codes, (method, path)
            assert 401 in codes or not operation.get("security"), (method, path)
    assert "ErrorOut" in schema["components"]["schemas"]


def test_the_output_report_takes_its_evidence_file_in_the_multipart_body():
    operation = api.get_openapi_schema()["paths"]["/api/v1/outputs/reports"]["post"]
    assert not [p for p in operation.get("parameters", []) if p["name"] == "evidence"]
    body = operation["requestBody"]["content"]["multipart/form-data"]["schema"]
    evidence = body["properties"]["evidence"]
    assert {"type": "string", "format": "binary"} in evidence.get("anyOf", [evidence])


@pytest.mark.django_db
def test_a_404_from_the_api_has_a_code(client, world):
    client.force_login(world.user("bkpsdm"))
    response = client.get(reverse("api:unit_detail", args=[987654]))
    assert response.status_code == 404
    assert response.json()["code"]
