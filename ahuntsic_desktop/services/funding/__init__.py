"""Funding: partners, applications, funding agreements and their instalments, reporting
deadlines and the funder report's figures.

The public face: other services packages import only what is listed in ``__all__``
(the modules, and the few names other concepts build on)."""

from . import agreements, allocations, applications, instalments, money, overview, partners, report
from .money import ConfirmationNeeded

__all__ = [
    "agreements",
    "allocations",
    "applications",
    "ConfirmationNeeded",
    "instalments",
    "money",
    "overview",
    "partners",
    "report",
]
