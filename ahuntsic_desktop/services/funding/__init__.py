"""Funding: partners, funding agreements, reporting deadlines and the funder report's figures.

The public face: other services packages import only what is listed in ``__all__``
(the modules, and the few names other concepts build on)."""

from . import agreements, partners, report

__all__ = [
    "agreements",
    "partners",
    "report",
]
