"""Engines that evaluate the canonical document against the bundle."""
