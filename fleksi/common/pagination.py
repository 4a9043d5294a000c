from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet


@dataclass(frozen=True)
class PageOf:
    page: Page[Any]
    query_without_page: str


def paginate(queryset: QuerySet[Any], params: Any, per_page: int = 50) -> PageOf:
    """Paginate a query set for a page; keeps the other query parameters for the links."""
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(params.get("page"))
    rest = params.copy()
    rest.pop("page", None)
    return PageOf(page=page, query_without_page=rest.urlencode())
