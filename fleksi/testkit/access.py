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
)
EVERYONE = frozenset(WHO) - {"anon"}
REGENCY = frozenset({"sekda", "bkpsdm", "bupati", "auditor", "diskominfo"})


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

    def expected(self, who: str) -> int:
        if who in self.overrides:
            return self.overrides[who]
        if who == "anon":
            return self.anon
        return self.ok if who in self.allowed else self.denied

    def pairs(self) -> Iterator[tuple[Case, str]]:
        for who in WHO:
            yield self, who


def matrix(cases: list[Case]) -> list[Any]:
    import pytest

    return [
        pytest.param(case, who, id=f"{case.route}-{case.method}-{who}")
        for case in cases
        for who in WHO
    ]


def check(client: Any, world: World, case: Case, who: str) -> Any:
    if who != "anon":
        user = world.user(who)
        client.force_login(user)
    url = case.url(world)
    data = dict(case.data(world)) if case.data else None
    headers = {"HTTP_ACCEPT": "application/json"} if case.api else {}
    if case.method in ("post", "patch", "put", "delete") and case.api:
        # The API reads JSON bodies.
        send = getattr(client, case.method)
        response = send(url, json.dumps(data or {}), content_type="application/json", **headers)
    elif case.method == "post":
        response = client.post(url, data or {}, **headers)
    else:
        response = client.get(url, data or {}, **headers)
    expected = case.expected(who)
    assert response.status_code == expected, (
        f"{who} {case.method.upper()} {url}: {response.status_code} != {expected}"
    )
    return response
