"""Reads of the output supervision: day plans, unreported days, measures, the inbox."""
