"""Québec's Law 25 built in: consent per purpose, access requests and their 30-day
deadline, the person's whole file, erasure by anonymisation, the retention rule and the
register of confidentiality incidents. Plain Python: no Qt."""

from ...domain import AccessRequest, PrivacyIncident
from ..core import audit
from .access import (
    complete_request,
    due_date,
    get_request,
    list_requests,
    open_request,
    overdue_requests,
    person_requests,
)
from .consents import (
    consent_states,
    consenting_ids,
    grant_consent,
    has_consent,
    list_consents,
    withdraw_consent,
)
from .dossier import PersonFile, Section, person_file
from .erasure import anonymize_person, erasure_preview
from .incidents import IncidentData, create_incident, list_incidents, update_incident
from .retention import anonymize_many, due_for_anonymisation, retention_rule

audit.track(AccessRequest)  # the journal follows requests and incidents too
audit.track(PrivacyIncident)

__all__ = [
    "IncidentData",
    "PersonFile",
    "Section",
    "anonymize_many",
    "anonymize_person",
    "complete_request",
    "consent_states",
    "consenting_ids",
    "create_incident",
    "due_date",
    "due_for_anonymisation",
    "erasure_preview",
    "get_request",
    "grant_consent",
    "has_consent",
    "list_consents",
    "list_incidents",
    "list_requests",
    "open_request",
    "overdue_requests",
    "person_file",
    "person_requests",
    "retention_rule",
    "update_incident",
    "withdraw_consent",
]
