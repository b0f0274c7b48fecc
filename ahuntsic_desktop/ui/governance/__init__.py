"""Governance screens: the seats page and the election dialog."""
