"""Governance: the bodies with seats (CC, ad hoc committees), the mandates of the people
holding them, terms ending, history, and the elections an assembly holds to fill them.

The public face: other services packages import only what is listed in ``__all__``."""

from ...domain import Candidacy, Election, Mandate, Seat
from ..core import audit
from . import elections, personal, seats, tables
from .seats import composition, terms_ending

# The journal follows seats, mandates, elections and candidacies.
for _model in (Seat, Mandate, Election, Candidacy):
    audit.track(_model)

__all__ = [
    "composition",
    "elections",
    "personal",
    "seats",
    "tables",
    "terms_ending",
]
