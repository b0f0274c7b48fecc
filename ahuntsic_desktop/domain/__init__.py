"""SQLAlchemy models of the round table's secretariat. No Qt, no I/O.

The models load on first use of a name of this face (``from ..domain import Person``),
all at once (:mod:`.models`); a submodule of plain values (``domain.enums``,
``domain.instants``) loads alone. The window's first paint (the settings, read with Core)
needs no model: importing them all cost about a third of the start-up."""


def __getattr__(name: str):  # noqa: ANN202 (a model class, or Base, or name_key)
    if name in __all__:
        from . import models

        globals().update({each: getattr(models, each) for each in __all__})
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
