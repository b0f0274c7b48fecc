"""Every model of the domain, imported at once: what :mod:`ahuntsic_desktop.domain` hands
out on first use of one of its names (all mapped classes registered together, so the ORM's
relationships by name resolve)."""

# ruff: noqa: F401  (imported to be handed out by the package's face)

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
