"""French labels (translatable) of every enum value, for screens and documents."""

from __future__ import annotations

from enum import StrEnum

from ..i18n import N_, _
from .enums import (
    AgendaItemKind,
    AssignmentRole,
    AttendanceStatus,
    ConsentPurpose,
    ElectionMethod,
    Evaluation,
    EvaluationSectionKey,
    FollowUpStatus,
    MandateOrigin,
    MeetingKind,
    MeetingStatus,
    ParticipationFormat,
    PartnerKind,
    PaymentMethod,
    PlanStatus,
    RepresentationRole,
    ResolutionOutcome,
    SeatCollege,
    SeatRole,
    Sector,
    TerritoryLevel,
    TimelineCategory,
)
from .planning import ContributionKind, PhaseStatus
from .portrait_parts import IssueKind, PortraitSectionKey

_LABELS: list[tuple[StrEnum, str]] = [
    (Sector.COMMUNITY, N_("Communautaire")),
    (Sector.INSTITUTIONAL, N_("Institutionnel")),
    (Sector.MUNICIPAL, N_("Municipal et élu·es")),
    (Sector.SCHOOL, N_("Scolaire")),
    (Sector.HEALTH, N_("Santé et services sociaux")),
    (Sector.PRIVATE, N_("Privé")),
    (Sector.CITIZEN, N_("Citoyen")),
    (Sector.OTHER, N_("Autre")),
    (RepresentationRole.DELEGATE, N_("Délégué·e")),
    (RepresentationRole.SUBSTITUTE, N_("Substitut")),
    (RepresentationRole.STAFF, N_("Employé·e")),
    (PartnerKind.FUNDER, N_("Bailleur de fonds")),
    (PartnerKind.INSTITUTIONAL, N_("Partenaire institutionnel")),
    (PartnerKind.COMMUNITY, N_("Partenaire communautaire")),
    (PaymentMethod.CASH, N_("Comptant")),
    (PaymentMethod.CHEQUE, N_("Chèque")),
    (PaymentMethod.TRANSFER, N_("Virement")),
    (PaymentMethod.CARD, N_("Carte")),
    (PaymentMethod.OTHER, N_("Autre")),
    (PlanStatus.TODO, N_("À venir")),
    (PlanStatus.IN_PROGRESS, N_("En cours")),
    (PlanStatus.DONE, N_("Réalisé")),
    (PlanStatus.ABANDONED, N_("Abandonné")),
    (Evaluation.ACHIEVED, N_("Atteinte")),
    (Evaluation.PARTIAL, N_("Partiellement atteinte")),
    (Evaluation.NOT_ACHIEVED, N_("Non atteinte")),
    (Evaluation.NOT_APPLICABLE, N_("Sans objet")),
    (AssignmentRole.LEAD, N_("Porteur·e")),
    (AssignmentRole.CO_LEAD, N_("Co-porteur·e")),
    (AssignmentRole.MEMBER, N_("Membre")),
    (AssignmentRole.RESOURCE, N_("Personne-ressource")),
    (AssignmentRole.OBSERVER, N_("Observateur·trice")),
    (MeetingKind.AGA, N_("Assemblée générale annuelle")),
    (MeetingKind.AGE, N_("Assemblée générale extraordinaire")),
    (MeetingKind.NEIGHBOURHOOD_ASSEMBLY, N_("Assemblée de quartier")),
    (MeetingKind.COORDINATION, N_("Comité de coordination")),
    (MeetingKind.CHANTIER, N_("Rencontre de chantier")),
    (MeetingKind.AD_HOC, N_("Comité ad hoc")),
    (MeetingKind.PARTICIPATION, N_("Activité de participation")),
    (ParticipationFormat.MICRO_TROTTOIR, N_("Micro-trottoir")),
    (ParticipationFormat.FOCUS_GROUP, N_("Groupe de discussion")),
    (ParticipationFormat.IDEATION, N_("Atelier d'idéation")),
    (ParticipationFormat.INTERVIEW, N_("Entretien")),
    (ParticipationFormat.WALK, N_("Visite de quartier")),
    (ParticipationFormat.CODESIGN, N_("Conception participative")),
    (MeetingStatus.PLANNED, N_("Prévue")),
    (MeetingStatus.HELD, N_("Tenue")),
    (MeetingStatus.CANCELLED, N_("Annulée")),
    (AgendaItemKind.INFORMATION, N_("Information")),
    (AgendaItemKind.DISCUSSION, N_("Discussion")),
    (AgendaItemKind.DECISION, N_("Décision")),
    (AttendanceStatus.INVITED, N_("Invité·e")),
    (AttendanceStatus.PRESENT, N_("Présent·e")),
    (AttendanceStatus.EXCUSED, N_("Excusé·e")),
    (AttendanceStatus.ABSENT, N_("Absent·e")),
    (ResolutionOutcome.ADOPTED, N_("Adoptée")),
    (ResolutionOutcome.UNANIMOUS, N_("Adoptée à l'unanimité")),
    (ResolutionOutcome.REJECTED, N_("Rejetée")),
    (ResolutionOutcome.DEFERRED, N_("Reportée")),
    (FollowUpStatus.OPEN, N_("À faire")),
    (FollowUpStatus.IN_PROGRESS, N_("En cours")),
    (FollowUpStatus.DONE, N_("Fait")),
    (FollowUpStatus.CANCELLED, N_("Annulé")),
    (ConsentPurpose.EMAIL_CONTACT, N_("Contact par courriel")),
    (ConsentPurpose.DIRECTORY, N_("Parution au bottin")),
    (ConsentPurpose.PHOTOS, N_("Photos")),
    (
        ConsentPurpose.NAMED_CONTRIBUTION,
        N_("Mention de mon nom dans les contributions de la démarche"),
    ),
    (ConsentPurpose.FUNDER_SHARING, N_("Communication de mes coordonnées aux bailleurs de fonds")),
    (ConsentPurpose.STORY_PUBLICATION, N_("Publication de mon histoire dans le portrait")),
    (IssueKind.ISSUE, N_("Enjeu")),
    (IssueKind.DIAGNOSTIC, N_("Diagnostic")),
    (PortraitSectionKey.CONCERTATION, N_("Fonctionnement de la concertation locale")),
    (PortraitSectionKey.PARTNERSHIPS, N_("Partenariats dans le milieu")),
    (PortraitSectionKey.STRENGTHS, N_("Forces et bonnes pratiques")),
    (PortraitSectionKey.CONSTRAINTS, N_("Contraintes et défis")),
    (PortraitSectionKey.WORRIES, N_("Inquiétudes pour les prochaines années")),
    (PortraitSectionKey.WAYS_FORWARD, N_("Pistes de solution")),
    (PhaseStatus.PLANNED, N_("À venir")),
    (PhaseStatus.IN_PROGRESS, N_("En cours")),
    (PhaseStatus.DONE, N_("Terminée")),
    (ContributionKind.FINDING, N_("Constat")),
    (ContributionKind.NEED, N_("Besoin")),
    (ContributionKind.IDEA, N_("Idée")),
    (ContributionKind.STRENGTH, N_("Force")),
    (ContributionKind.CHALLENGE, N_("Défi")),
    (ContributionKind.PROPOSAL, N_("Proposition")),
    (EvaluationSectionKey.METHOD, N_("Évaluation de la méthodologie")),
    (EvaluationSectionKey.FINDINGS, N_("Constats et apprentissages")),
    (EvaluationSectionKey.STRENGTHS, N_("Forces")),
    (EvaluationSectionKey.CHALLENGES, N_("Défis")),
    (EvaluationSectionKey.RECOMMENDATIONS, N_("Recommandations")),
    (TimelineCategory.FOUNDATION, N_("Fondation")),
    (TimelineCategory.PLAN, N_("Plan")),
    (TimelineCategory.PROJECT, N_("Projet")),
    (TimelineCategory.ASSEMBLY, N_("Assemblée")),
    (TimelineCategory.PROCESS, N_("Démarche")),
    (TimelineCategory.OTHER, N_("Autre")),
    (TerritoryLevel.NEIGHBOURHOOD, N_("Quartier")),
    (TerritoryLevel.BOROUGH, N_("Arrondissement")),
    (TerritoryLevel.CITY, N_("Ville")),
    (TerritoryLevel.SUB_SECTOR, N_("Sous-secteur")),
    (TerritoryLevel.OTHER, N_("Autre territoire")),
    (SeatRole.CHAIR, N_("Présidence")),
    (SeatRole.SECRETARY, N_("Secrétariat")),
    (SeatRole.TREASURER, N_("Trésorerie")),
    (SeatRole.MEMBER, N_("Membre")),
    (SeatRole.OBSERVER, N_("Observateur·trice (sans droit de vote)")),
    (SeatCollege.COMMUNITY, N_("Collège communautaire")),
    (SeatCollege.INSTITUTIONAL, N_("Collège institutionnel")),
    (SeatCollege.RESIDENTS, N_("Collège des résident·es")),
    (MandateOrigin.ELECTED, N_("Élu·e")),
    (MandateOrigin.COOPTED, N_("Coopté·e")),
    (MandateOrigin.APPOINTED, N_("Nommé·e par son organisme")),
    (ElectionMethod.ACCLAMATION, N_("Par acclamation")),
    (ElectionMethod.BALLOT, N_("Par scrutin")),
]
# Keyed by (enum, value): StrEnum members of different enums with one value compare equal.
LABELS: dict[tuple[type, str], str] = {(type(m), m.value): text for m, text in _LABELS}


def label(value: StrEnum | str | None, enum: type[StrEnum] | None = None) -> str:
    """The translated label of an enum member (or of its stored value with ``enum``)."""
    if value is None:
        return ""
    if enum is not None and not isinstance(value, enum):
        try:
            value = enum(value)
        except ValueError:
            return str(value)
    text = LABELS.get((type(value), value.value)) if isinstance(value, StrEnum) else None
    return _(text) if text else str(value)


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """(stored value, translated label) pairs in declaration order, for combo boxes."""
    return [(member.value, label(member)) for member in enum]
