"""SQLAlchemy models of the round table's secretariat. No Qt, no I/O."""

from .base import Base, name_key
from .communications import MessageStatus, MessageTemplate, OutboxMessage
from .evaluation import (
    ChantierEvaluation,
    FlagshipProject,
    IntegratedApproach,
    OrientationYearStatus,
    PlanEvaluationSection,
    Recommendation,
    TimelineEvent,
)
from .funding import FundingAgreement, ReportingDeadline
from .governance import Candidacy, Election, Mandate, Seat
from .grants import (
    AgreementAllocation,
    ApplicationStatus,
    FundingApplication,
    FundingDocument,
    FundingInstalment,
)
from .meetings import (
    AgendaItem,
    Attendance,
    FollowUp,
    Meeting,
    ParticipantCount,
    Resolution,
    ResolutionCounter,
)
from .membership import Membership, MembershipCategory, ReceiptCounter
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
from .portrait import Indicator
from .portrait_parts import PortraitImage, PortraitIssue, PortraitSection, ResidentStory
from .privacy import AccessRequest, PrivacyIncident
from .records import AuditEntry, Consent, Setting

__all__ = [
    "AgreementAllocation",
    "MessageStatus",
    "MessageTemplate",
    "OutboxMessage",
    "ApplicationStatus",
    "FundingDocument",
    "FundingApplication",
    "FundingInstalment",
    "Candidacy",
    "Election",
    "Mandate",
    "Seat",
    "PortraitImage",
    "PortraitIssue",
    "PortraitSection",
    "ResidentStory",
    "TimelineEvent",
    "Recommendation",
    "PlanEvaluationSection",
    "OrientationYearStatus",
    "IntegratedApproach",
    "Indicator",
    "FlagshipProject",
    "ChantierEvaluation",
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
    "ReceiptCounter",
    "ResolutionCounter",
    "Setting",
    "Synthesis",
    "SynthesisContribution",
    "Target",
    "Theme",
    "name_key",
]
