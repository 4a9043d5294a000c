from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def fleksi(request: HttpRequest) -> dict[str, Any]:
    return {"request_id": getattr(request, "request_id", "")}
