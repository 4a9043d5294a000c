"""Reads of presence: the rules of a day, the facts of a check-in, today's slots, the recap."""
