"""Duty mapping (capability C2) as pure Python: the criteria of PermenPANRB 4/2025 Pasal 23,
the classification of positions, the facts of per-employee exceptions, and the checks of an
imported duty file. No Django import here."""
