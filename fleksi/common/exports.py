"""File answers of the views: CSV and XLSX attachments made from
:mod:`fleksi.common.domain.tables` (so no cell of any export runs as a formula)."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpResponse, StreamingHttpResponse

from fleksi.common.domain.tables import BOM, Row, Sheet, csv_lines, csv_text, xlsx_bytes

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment[R: HttpResponse | StreamingHttpResponse](response: R, filename: str) -> R:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(
    filename: str, header: Row, rows: Iterable[Row], *, delimiter: str = ";", bom: bool = True
) -> HttpResponse:
    """A CSV attachment (UTF-8, with a byte-order mark unless ``bom`` is False)."""
    body = csv_text(header, rows, delimiter=delimiter, bom=bom)
    return attachment(HttpResponse(body, content_type=CSV_TYPE), filename)


def csv_stream(
    filename: str, header: Row, rows: Iterable[Row], *, delimiter: str = ";"
) -> StreamingHttpResponse:
    """A CSV attachment written while it is sent (for tables too large to hold)."""

    def lines() -> Iterable[str]:
        yield BOM
        yield from csv_lines(header, rows, delimiter=delimiter)

    return attachment(StreamingHttpResponse(lines(), content_type=CSV_TYPE), filename)


def xlsx_response(filename: str, sheets: Iterable[Sheet]) -> HttpResponse:
    return attachment(HttpResponse(xlsx_bytes(sheets), content_type=XLSX_TYPE), filename)
