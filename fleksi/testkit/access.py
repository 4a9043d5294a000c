"""Access matrices: for a page or endpoint, the answer each role must get.

Every app's ``tests/test_access.py`` lists :class:`Case` objects in ``CASES``; the URL
coverage test makes sure that every route of the project appears in some matrix.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from fleksi.testkit.world import World

WHO = (
    "anon",
    "staff_a1",
    "head_seksi",
    "head_a",
    "sekda",
    "head_b",
    "staff_b1",
    "bkpsdm",
    "bupati",
    "auditor",
    "diskominfo",
    "layanan",
    "kepeg_a",
    "organisasi",  # the Bagian Organisasi: drafts the Perbup, reads the duty mapping
)
EVERYONE = frozenset(WHO) - {"anon"}
REGENCY = frozenset({"sekda", "bkpsdm", "bupati", "auditor", "diskominfo"})
# The accounts of the world without an employee record (they cannot check in, have no
# recap of their own...).
NO_EMPLOYEE = frozenset(
    {"bkpsdm", "bupati", "auditor", "diskominfo", "layanan", "kepeg_a", "organisasi"}
)
EMPLOYEES = EVERYONE - NO_EMPLOYEE


@dataclass(frozen=True)
class Case:
    route: str
    url: Callable[[World], str]
    allowed: frozenset[str]
    ok: int = 200
    denied: int = 404
    anon: int = 302
    method: str = "get"
    data: Callable[[World], Mapping[str, Any]] | None = None
    overrides: Mapping[str, int] = field(default_factory=dict)
    api: bool = False
    multipart: bool = False  # an API write sent as a form (with files), not as JSON

    def expected(self, who: str) -> int:
        if who in self.overrides:
            return self.overrides[who]
        if who == "anon":
            return self.anon
        return self.ok if who in self.allowed else self.denied

    def pairs(self) -> Iterator[tuple[Case, str]]:
        for who in WHO:
            yield self, who


def reversers(pages: str, api_prefix: str = "") -> tuple[Callable[..., str], Callable[..., str]]:
    """``url(name, *args)`` for the pages of the ``pages`` namespace and ``api(name, *args)``
    for the API routes named ``api:<api_prefix><name>``."""
    from django.urls import reverse

    def url(name: str, *args: object) -> str:
        return reverse(f"{pages}:{name}", args=args)

    def api(name: str, *args: object) -> str:
        return reverse(f"api:{api_prefix}{name}", args=args)

    return url, api


# Asked only by the matrices that name them (``matrix(cases, extra=LEGAL)``).
LEGAL = ("hukum",)


def matrix(cases: list[Case], extra: tuple[str, ...] = ()) -> list[Any]:
    import pytest

    return [
        pytest.param(case, who, id=f"{case.route}-{case.method}-{who}")
        for case in cases
        for who in WHO + extra
    ]


def gated(
    route: str,
    url: Callable[[World], str],
    viewers: frozenset[str],
    doers: frozenset[str],
    **kw: Any,
) -> Case:
    """Allowed for ``doers``; 403 for those who see the object but may not act; else 404."""
    return Case(route, url, doers, overrides=dict.fromkeys(viewers - doers, 403), **kw)


def api_case(
    route: str,
    url: Callable[[World], str],
    allowed: frozenset[str],
    viewers: frozenset[str] = frozenset(),
    **kw: Any,
) -> Case:
    """An API endpoint: 401 without a session, 403 for ``viewers`` who may not act."""
    overrides = {**dict.fromkeys(viewers - allowed, 403), **kw.pop("overrides", {})}
    return Case(route, url, allowed, anon=401, api=True, overrides=overrides, **kw)


@dataclass(frozen=True)
class Secret:
    """Sensitive per-person text (a reason, a name next to it, an evidence link) that a page
    or endpoint answering 200 must show to ``readers`` only; the others who may open it get
    the page without it."""

    case: Case
    text: Callable[[World], str]
    readers: frozenset[str]

    @property
    def route(self) -> str:
        return self.case.route


def secrets_test(secrets: list[Secret]) -> Callable[..., None]:
    """A test over every secret × every role (``test_secrets = secrets_test(SECRETS)`` in a
    module that uses the ``module_world``)."""
    import pytest

    params = [
        pytest.param(s, who, id=f"{s.route}-secret{i}-{who}")
        for i, s in enumerate(secrets)
        for who in WHO
    ]

    @pytest.mark.django_db
    @pytest.mark.parametrize(("secret", "who"), params)
    def test(client: Any, module_world: World, secret: Secret, who: str) -> None:
        check_secret(client, module_world, secret, who)

    return test


def check_secret(client: Any, world: World, secret: Secret, who: str) -> None:
    """:func:`check` the status, then that the secret shows exactly to its readers."""
    response = check(client, world, secret.case, who)
    if response.status_code != secret.case.ok:
        assert who not in secret.readers, f"{who} may read the secret but got no page"
        return
    text = secret.text(world)
    content = response.content.decode()
    shown = text in content or json.dumps(text)[1:-1] in content
    assert shown == (who in secret.readers), (
        f"{who} {response.request['PATH_INFO']}: {text!r} {'shown' if shown else 'not shown'}"
    )


def check(client: Any, world: World, case: Case, who: str) -> Any:
    """Ask as ``who`` and compare the status with the case's expectation. Pages get forms;
    the API gets JSON bodies (or a form, for ``multipart`` cases) and the PUT, PATCH and
    DELETE methods."""
    if who != "anon":
        user = world.user(who)
        client.force_login(user)
    url = case.url(world)
    data = dict(case.data(world)) if case.data else None
    headers = {"HTTP_ACCEPT": "application/json"} if case.api else {}
    if case.api and case.method != "get" and not case.multipart:
        send = getattr(client, case.method)
        response = send(url, json.dumps(data or {}), content_type="application/json", **headers)
    elif case.method == "post":
        response = client.post(url, data or {}, **headers)
    else:
        response = client.get(url, data or {}, **headers)
    expected = case.expected(who)
    assert response.status_code == expected, (
        f"{who} {case.method.upper()} {url}: {response.status_code} != {expected}"
        f" {response.content[:300]!r}"
    )
    return response
