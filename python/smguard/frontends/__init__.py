"""Frontends: pure functions from one kind of source to the canonical document."""
