"""Presence (C7) in pure Python: distances, slots, the timing of a check-in, the check-in rules
and the layout of the attendance export."""
