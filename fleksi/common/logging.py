"""Log lines carry the id of the request they belong to (``X-Request-ID``; also in the audit
trail), so one request can be followed from nginx's access log through the application's
lines. With ``LOG_FORMAT=json`` each line is one JSON object (python-json-logger)."""

from __future__ import annotations

import logging

from fleksi.common.request_context import current_request_id


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id() or "-"
        return True
