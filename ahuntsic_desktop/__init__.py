"""Ahuntsic Desktop: the offline secretariat of a neighbourhood round table."""

__version__ = "0.1.0"
