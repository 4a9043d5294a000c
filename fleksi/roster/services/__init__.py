"""Writes of the roster: preferences, generating (the background solve), editing cells and
publishing."""

from fleksi.roster.services.cells import roster_cell_set
from fleksi.roster.services.generate import roster_generate
from fleksi.roster.services.preferences import PreferenceDayIn, preference_save
from fleksi.roster.services.publish import roster_publish
from fleksi.roster.services.solving import roster_solve, roster_solve_run

__all__ = [
    "PreferenceDayIn",
    "preference_save",
    "roster_cell_set",
    "roster_generate",
    "roster_publish",
    "roster_solve",
    "roster_solve_run",
]
