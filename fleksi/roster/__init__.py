"""Roster optimisation (capability C6): a fair month of WFA days for a unit that never leaves
a service counter short. The pure core lives in ``fleksi.roster.domain``."""
