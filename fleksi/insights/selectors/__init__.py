"""Reads of the evaluation: the records of the other apps collected per employee and unit
(``sources``), and the dashboards' figures from the monthly rows (``dashboards``)."""
