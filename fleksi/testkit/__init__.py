"""Helpers for tests only: a small, fully linked organisation built through the services."""
