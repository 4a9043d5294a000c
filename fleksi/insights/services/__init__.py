"""Writes of the evaluation: the monthly rows (``refresh``), the reports (``reports``), the
audit-trail check (``trail``), the periodic jobs (``jobs``) and the demo history
(``history``)."""
