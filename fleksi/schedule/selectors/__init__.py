"""Reads of the schedule: who approves, who is where, and the facts for the request rules."""
