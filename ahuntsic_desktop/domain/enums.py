"""Enumerations of the domain. Values are stable codes stored in the database;
French labels live in :mod:`ahuntsic_desktop.domain.labels`."""

from enum import StrEnum


class Sector(StrEnum):
    COMMUNITY = "communautaire"
    INSTITUTIONAL = "institutionnel"
    MUNICIPAL = "municipal"
    SCHOOL = "scolaire"
    HEALTH = "sante"
    PRIVATE = "prive"
    CITIZEN = "citoyen"
    OTHER = "autre"


class RepresentationRole(StrEnum):
    DELEGATE = "delegue"
    SUBSTITUTE = "substitut"
    STAFF = "employe"


class PartnerKind(StrEnum):
    FUNDER = "bailleur"
    INSTITUTIONAL = "institutionnel"
    COMMUNITY = "communautaire"


class PaymentMethod(StrEnum):
    CASH = "comptant"
    CHEQUE = "cheque"
    TRANSFER = "virement"
    CARD = "carte"
    OTHER = "autre"


class PlanStatus(StrEnum):
    TODO = "a_venir"
    IN_PROGRESS = "en_cours"
    DONE = "realise"
    ABANDONED = "abandonne"


class Evaluation(StrEnum):
    ACHIEVED = "atteinte"
    PARTIAL = "partielle"
    NOT_ACHIEVED = "non_atteinte"
    NOT_APPLICABLE = "sans_objet"


class AssignmentRole(StrEnum):
    LEAD = "porteur"
    CO_LEAD = "co_porteur"
    MEMBER = "membre"
    RESOURCE = "ressource"
    OBSERVER = "observateur"


class MeetingKind(StrEnum):
    AGA = "aga"
    AGE = "age"
    NEIGHBOURHOOD_ASSEMBLY = "assemblee_quartier"
    COORDINATION = "comite_coordination"
    CHANTIER = "chantier"
    AD_HOC = "comite_ad_hoc"
    PARTICIPATION = "participation"


class ParticipationFormat(StrEnum):
    MICRO_TROTTOIR = "micro_trottoir"
    FOCUS_GROUP = "groupe_discussion"
    IDEATION = "atelier_ideation"
    INTERVIEW = "entretien"
    WALK = "visite_quartier"
    CODESIGN = "conception_participative"


class MeetingStatus(StrEnum):
    PLANNED = "prevue"
    HELD = "tenue"
    CANCELLED = "annulee"


class AgendaItemKind(StrEnum):
    INFORMATION = "information"
    DISCUSSION = "discussion"
    DECISION = "decision"


class AttendanceStatus(StrEnum):
    INVITED = "invite"
    PRESENT = "present"
    EXCUSED = "excuse"
    ABSENT = "absent"


class ResolutionOutcome(StrEnum):
    ADOPTED = "adoptee"
    UNANIMOUS = "unanime"
    REJECTED = "rejetee"
    DEFERRED = "reportee"


class FollowUpStatus(StrEnum):
    OPEN = "a_faire"
    IN_PROGRESS = "en_cours"
    DONE = "fait"
    CANCELLED = "annule"


class ConsentPurpose(StrEnum):
    EMAIL_CONTACT = "contact_courriel"
    DIRECTORY = "bottin"
    PHOTOS = "photos"
    # A contribution to a démarche de planification shown with the person's name.
    NAMED_CONTRIBUTION = "nom_contributions"
    # Law 25: sharing contact details with a funder is a purpose of its own.
    FUNDER_SHARING = "bailleurs_de_fonds"
    # A resident's story printed (under a pseudonym) in the neighbourhood portrait.
    STORY_PUBLICATION = "histoire_portrait"


class AuditAction(StrEnum):
    CREATE = "creation"
    UPDATE = "modification"
    ARCHIVE = "archivage"
    RESTORE = "restauration"
    MERGE = "fusion"
    DELETE = "suppression"
    ANONYMIZE = "anonymisation"


class EvaluationSectionKey(StrEnum):
    METHOD = "methode"
    FINDINGS = "constats_apprentissages"
    STRENGTHS = "forces"
    CHALLENGES = "defis"
    RECOMMENDATIONS = "recommandations"


class TimelineCategory(StrEnum):
    FOUNDATION = "fondation"
    PLAN = "plan"
    PROJECT = "projet"
    ASSEMBLY = "assemblee"
    PROCESS = "demarche"
    OTHER = "autre"


class TerritoryLevel(StrEnum):
    NEIGHBOURHOOD = "quartier"
    BOROUGH = "arrondissement"
    CITY = "ville"
    SUB_SECTOR = "sous_secteur"
    OTHER = "autre"


class SeatRole(StrEnum):
    CHAIR = "presidence"
    SECRETARY = "secretariat"
    TREASURER = "tresorerie"
    MEMBER = "membre"
    OBSERVER = "observateur"  # sits without a vote


class SeatCollege(StrEnum):
    """The college a seat is reserved for by the by-laws (none: open to every member)."""

    COMMUNITY = "communautaire"
    INSTITUTIONAL = "institutionnel"
    RESIDENTS = "residents"


class MandateOrigin(StrEnum):
    ELECTED = "elu"
    COOPTED = "coopte"
    APPOINTED = "nomme"


class ElectionMethod(StrEnum):
    ACCLAMATION = "acclamation"
    BALLOT = "scrutin"
