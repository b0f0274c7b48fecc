"""Funding: partners, applications, funding agreements and their instalments, reporting
deadlines and the funder report's figures.

The public face: other services packages import only what is listed in ``__all__``
(the modules, and the few names other concepts build on)."""

from ...domain import AgreementAllocation, FundingApplication, FundingDocument, FundingInstalment
from ..core import audit
from . import agreements, allocations, applications, instalments, money, overview, partners, report
from .money import ConfirmationNeeded

# The journal follows applications, their documents, instalments and allocations too.
for _model in (FundingApplication, FundingDocument, FundingInstalment, AgreementAllocation):
    audit.track(_model)

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
