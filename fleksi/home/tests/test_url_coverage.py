"""Every route of the project appears in some access matrix (``tests/test_access.py``)."""

import importlib
import pkgutil

from django.urls import URLPattern, URLResolver, get_resolver

import fleksi

# Routes that are not ours to scope: the API's own documents.
EXEMPT = {"api:api-root", "api:openapi-json", "api:openapi-view"}


def route_names(patterns, namespace=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from route_names(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}"


def covered_routes():
    covered = set()
    for app in pkgutil.iter_modules(fleksi.__path__):
        try:
            module = importlib.import_module(f"fleksi.{app.name}.tests.test_access")
        except ModuleNotFoundError:
            continue
        covered |= module.COVERED
    return covered


def test_every_route_has_an_access_matrix():
    missing = set(route_names(get_resolver().url_patterns)) - covered_routes() - EXEMPT
    assert missing == set(), f"routes without an access matrix: {sorted(missing)}"
