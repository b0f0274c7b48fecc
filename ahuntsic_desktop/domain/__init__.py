"""SQLAlchemy models of the round table's secretariat. No Qt, no I/O."""

from .base import Base, name_key
from .funding import FundingAgreement, ReportingDeadline
from .meetings import (
    AgendaItem,
    Attendance,
    FollowUp,
    Meeting,
    ParticipantCount,
    Resolution,
    ResolutionCounter,
)
from .membership import Membership, MembershipCategory
from .people import Organization, PartnerRole, Person, Representation
from .plan import ActionPlan, Assignment, Chantier, Means, Orientation, Pillar, Target
from .planning import (
    ActivityHeadcount,
    ActivityParticipant,
    ActivityType,
    Contribution,
    ContributionTheme,
    PlanningProcess,
    ProcessActivity,
    ProcessPhase,
    ProcessSection,
    Synthesis,
    SynthesisContribution,
    Theme,
)
from .privacy import AccessRequest, PrivacyIncident
from .records import AuditEntry, Consent, Setting

__all__ = [
    "AccessRequest",
    "ActionPlan",
    "ActivityHeadcount",
    "ActivityParticipant",
    "ActivityType",
    "AgendaItem",
    "Assignment",
    "Attendance",
    "AuditEntry",
    "Base",
    "Chantier",
    "Consent",
    "Contribution",
    "ContributionTheme",
    "FollowUp",
    "FundingAgreement",
    "Means",
    "Meeting",
    "Membership",
    "MembershipCategory",
    "Organization",
    "Orientation",
    "ParticipantCount",
    "PartnerRole",
    "Person",
    "Pillar",
    "PlanningProcess",
    "PrivacyIncident",
    "ProcessActivity",
    "ProcessPhase",
    "ProcessSection",
    "ReportingDeadline",
    "Representation",
    "Resolution",
    "ResolutionCounter",
    "Setting",
    "Synthesis",
    "SynthesisContribution",
    "Target",
    "Theme",
    "name_key",
]
