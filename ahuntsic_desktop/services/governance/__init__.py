"""Governance: the bodies with seats (CC, ad hoc committees), the mandates of the people
holding them, terms ending, history, and the elections an assembly holds to fill them.

The public face: other services packages import only what is listed in ``__all__``."""

from . import elections, personal, seats, tables
from .seats import composition, terms_ending

__all__ = [
    "composition",
    "elections",
    "personal",
    "seats",
    "tables",
    "terms_ending",
]
