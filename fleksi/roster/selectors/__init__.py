"""Reads of the roster: the problem built from the database, the page's figures, the
preferences, and a published roster's placement for the request rules."""
