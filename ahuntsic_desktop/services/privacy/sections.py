"""The sections of a person's file (see :mod:`.dossier`): one query per kind of record
that points at the person, each giving a titled table of plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ...domain import (
    AccessRequest,
    AgendaItem,
    Assignment,
    Attendance,
    Chantier,
    Consent,
    FollowUp,
    FundingAgreement,
    FundingApplication,
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    OutboxMessage,
    Person,
    Representation,
    Resolution,
)
from ...domain.enums import (
    AssignmentRole,
    AttendanceStatus,
    ConsentPurpose,
    FollowUpStatus,
    MeetingKind,
    PaymentMethod,
    RepresentationRole,
    Sector,
)
from ...domain.instants import local
from ...domain.labels import label
from ...i18n import _
from ..core import Column
from .access import kind_label
from .forms import Identity
from .mentions import Mention


@dataclass(frozen=True)
class Section:
    key: str  # stable, for the JSON file
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple, ...]


def col(key: str, title: str, kind: str = "text") -> Column:
    return Column(key, title, kind)


def identity_columns() -> tuple[Column, ...]:
    return (
        col("id", _("Numéro de dossier"), "int"),
        col("last_name", _("Nom")),
        col("first_name", _("Prénom")),
        col("email", _("Courriel")),
        col("phone", _("Téléphone")),
        col("address", _("Adresse")),
        col("postal_code", _("Code postal")),
        col("sector", _("Secteur")),
        col("is_resident", _("Résident·e du quartier"), "bool"),
        col("is_elected", _("Élu·e"), "bool"),
        col("notes", _("Notes")),
        col("created_at", _("Dossier créé le"), "datetime"),
        col("updated_at", _("Dernière modification"), "datetime"),
        col("archived_at", _("Archivé le"), "datetime"),
        col("anonymized_at", _("Anonymisé le"), "datetime"),
    )


def identity_row(person: Person) -> tuple:
    return (
        person.id,
        person.last_name,
        person.first_name,
        person.email,
        person.phone,
        person.address,
        person.postal_code,
        label(person.sector, Sector) if person.sector else None,
        person.is_resident,
        person.is_elected,
        person.notes,
        local(person.created_at),  # instants are UTC in the file, shown in local time
        local(person.updated_at),
        local(person.archived_at),
        local(person.anonymized_at),
    )


def identity(person: Person) -> Section:
    return Section(
        "identity", _("Identité et coordonnées"), identity_columns(), (identity_row(person),)
    )


def representations(session: Session, pid: int) -> Section:
    r = Representation
    rows = session.execute(
        select(Organization.name, r.role, r.start_date, r.end_date)
        .join(Organization, Organization.id == r.organization_id)
        .where(r.person_id == pid)
        .order_by(r.start_date, r.id)
    ).all()
    return Section(
        "representations",
        _("Organismes représentés"),
        (
            col("organization", _("Organisme")),
            col("role", _("Rôle")),
            col("start_date", _("Depuis le"), "date"),
            col("end_date", _("Jusqu'au"), "date"),
        ),
        tuple((o, label(role, RepresentationRole), s, e) for o, role, s, e in rows),
    )


def memberships(session: Session, pid: int, settings) -> Section:
    m = Membership
    rows = session.execute(
        select(
            m.year,
            MembershipCategory.name,
            m.dues_cents,
            m.paid_on,
            m.payment_method,
            m.receipt_number,
            m.notes,
        )
        .join(MembershipCategory, MembershipCategory.id == m.category_id)
        .where(m.person_id == pid)
        .order_by(m.year)
    ).all()
    return Section(
        "memberships",
        _("Adhésions et paiements"),
        (
            col("year", _("Année")),
            col("category", _("Catégorie")),
            col("dues", _("Cotisation"), "money"),
            col("paid_on", _("Payée le"), "date"),
            col("payment_method", _("Mode de paiement")),
            col("receipt_number", _("Reçu")),
            col("notes", _("Notes")),
        ),
        tuple(
            (
                settings.membership_year_label(year),
                category,
                dues,
                paid_on,
                label(method, PaymentMethod) if method else None,
                receipt,
                notes,
            )
            for year, category, dues, paid_on, method, receipt, notes in rows
        ),
    )


def attendance(session: Session, pid: int) -> Section:
    a = Attendance
    rows = session.execute(
        select(Meeting.date, Meeting.title, Meeting.kind, a.status, Organization.name, a.voting)
        .join(Meeting, Meeting.id == a.meeting_id)
        .outerjoin(Organization, Organization.id == a.organization_id)
        .where(a.person_id == pid)
        .order_by(Meeting.date, Meeting.id)
    ).all()
    return Section(
        "attendance",
        _("Présences aux rencontres"),
        (
            col("date", _("Date"), "date"),
            col("meeting", _("Rencontre")),
            col("kind", _("Type")),
            col("status", _("Présence")),
            col("organization", _("Pour l'organisme")),
            col("voting", _("Droit de vote"), "bool"),
        ),
        tuple(
            (d, t, label(k, MeetingKind), label(s, AttendanceStatus), o, bool(vote))
            for d, t, k, s, o, vote in rows
        ),
    )


def assignments(session: Session, pid: int) -> Section:
    a = Assignment
    rows = session.execute(
        select(Chantier.name, a.role, Organization.name, a.start_date, a.end_date)
        .join(Chantier, Chantier.id == a.chantier_id)
        .outerjoin(Organization, Organization.id == a.organization_id)
        .where(a.person_id == pid)
        .order_by(a.start_date, a.id)
    ).all()
    return Section(
        "assignments",
        _("Participation aux chantiers"),
        (
            col("chantier", _("Chantier")),
            col("role", _("Rôle")),
            col("organization", _("Pour l'organisme")),
            col("start_date", _("Depuis le"), "date"),
            col("end_date", _("Jusqu'au"), "date"),
        ),
        tuple((c, label(r, AssignmentRole), o, s, e) for c, r, o, s, e in rows),
    )


def resolutions(session: Session, pid: int) -> Section:
    r = Resolution
    rows = session.execute(
        select(r.number, r.title, Meeting.date, r.moved_by_id)
        .join(Meeting, Meeting.id == r.meeting_id)
        .where(or_(r.moved_by_id == pid, r.seconded_by_id == pid))
        .order_by(Meeting.date, r.number)
    ).all()
    return Section(
        "resolutions",
        _("Résolutions proposées ou appuyées"),
        (
            col("number", _("Numéro")),
            col("title", _("Titre")),
            col("date", _("Date"), "date"),
            col("role", _("Rôle")),
        ),
        tuple(
            (n, t, d, _("Proposée par") if mover == pid else _("Appuyée par"))
            for n, t, d, mover in rows
        ),
    )


def follow_ups(session: Session, pid: int) -> Section:
    f = FollowUp
    rows = session.execute(
        select(f.description, f.due_date, f.status, f.done_on, Meeting.title)
        .outerjoin(Meeting, Meeting.id == f.meeting_id)
        .where(f.owner_person_id == pid)
        .order_by(f.due_date, f.id)
    ).all()
    return Section(
        "follow_ups",
        _("Suivis sous sa responsabilité"),
        (
            col("description", _("Suivi")),
            col("due_date", _("Échéance"), "date"),
            col("status", _("Statut")),
            col("done_on", _("Fait le"), "date"),
            col("meeting", _("Rencontre")),
        ),
        tuple((desc, due, label(s, FollowUpStatus), done, t) for desc, due, s, done, t in rows),
    )


def roles(session: Session, pid: int) -> Section:
    """Meetings chaired or minuted, agenda items presented, funding agreements as contact."""
    lines = []
    for meeting_date, title, chair, _secretary in session.execute(
        select(Meeting.date, Meeting.title, Meeting.chair_id, Meeting.secretary_id).where(
            or_(Meeting.chair_id == pid, Meeting.secretary_id == pid)
        )
    ):
        role = _("Présidence") if chair == pid else _("Secrétariat")
        lines.append((meeting_date, title, role))
    for meeting_date, title, item in session.execute(
        select(Meeting.date, Meeting.title, AgendaItem.title)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(AgendaItem.presenter_id == pid)
    ):
        lines.append((meeting_date, f"{title} : {item}", _("Présentation d'un point")))
    for start, programme, funder in session.execute(
        select(FundingAgreement.start_date, FundingAgreement.programme, Organization.name)
        .join(Organization, Organization.id == FundingAgreement.funder_id)
        .where(FundingAgreement.contact_person_id == pid)
    ):
        lines.append((start, f"{funder} — {programme}", _("Personne-ressource d'une entente")))
    for day, programme, funder in session.execute(
        select(
            func.coalesce(FundingApplication.submitted_on, FundingApplication.deadline),
            FundingApplication.programme,
            Organization.name,
        )
        .join(Organization, Organization.id == FundingApplication.funder_id)
        .where(FundingApplication.contact_person_id == pid)
    ):
        lines.append(
            (day, f"{funder} — {programme}", _("Personne-ressource d'une demande de financement"))
        )
    lines.sort(key=lambda line: (line[0] or dt.date.min, line[1]))
    return Section(
        "roles",
        _("Présidences, secrétariats et autres rôles"),
        (col("date", _("Date"), "date"), col("what", _("Objet")), col("role", _("Rôle"))),
        tuple(lines),
    )


def consents(session: Session, pid: int) -> Section:
    c = Consent
    rows = session.execute(
        select(c.purpose, c.granted_on, c.source, c.withdrawn_on)
        .where(c.person_id == pid)
        .order_by(c.purpose, c.granted_on)
    ).all()
    return Section(
        "consents",
        _("Consentements"),
        (
            col("purpose", _("Finalité")),
            col("granted_on", _("Consenti le"), "date"),
            col("source", _("Source")),
            col("withdrawn_on", _("Retiré le"), "date"),
        ),
        tuple((label(p, ConsentPurpose), g, s, w) for p, g, s, w in rows),
    )


def messages(session: Session, pid: int) -> Section:
    """The emails sent (or waiting) to the person: when, to which address, about what."""
    m = OutboxMessage
    rows = session.execute(
        select(m.queued_at, m.sent_at, m.address, m.subject, m.status)
        .where(m.person_id == pid)
        .order_by(m.queued_at, m.id)
    ).all()
    states = {"en_attente": _("En attente"), "envoye": _("Envoyé"), "echec": _("Échec"),
              "annule": _("Annulé")}  # fmt: skip
    return Section(
        "messages",
        _("Courriels"),
        (
            col("queued_at", _("Préparé le"), "date"),
            col("sent_at", _("Envoyé le"), "date"),
            col("address", _("Adresse")),
            col("subject", _("Objet")),
            col("status", _("État")),
        ),
        tuple(
            (local(q).date(), local(t).date() if t else None, a, s, states.get(st, st))
            for q, t, a, s, st in rows
        ),
    )


def requests(session: Session, pid: int) -> Section:
    r = AccessRequest
    rows = session.execute(
        select(r.kind, r.received_on, r.due_on, r.completed_on, r.notes)
        .where(r.person_id == pid)
        .order_by(r.received_on, r.id)
    ).all()
    return Section(
        "requests",
        _("Demandes relatives aux renseignements personnels"),
        (
            col("kind", _("Demande")),
            col("received_on", _("Reçue le"), "date"),
            col("due_on", _("Échéance"), "date"),
            col("completed_on", _("Traitée le"), "date"),
            col("notes", _("Notes")),
        ),
        tuple((kind_label(k), rec, due, done, n) for k, rec, due, done, n in rows),
    )


def merged_records(session: Session, identity: Identity) -> Section:
    """The records merged into the person (archived duplicates), each as it stands."""
    rows = []
    for pid in identity.merged_ids:
        person = session.get(Person, pid)
        if person is not None:
            rows.append(identity_row(person))
    return Section(
        "merged", _("Fiches fusionnées dans ce dossier"), identity_columns(), tuple(rows)
    )


def mentions(found: list[Mention]) -> Section:
    """Passages of text that name the person, outside the audit trail (see ``audit``)."""
    return Section(
        "mentions",
        _("Mentions dans les textes (procès-verbaux, notes, suivis, lieux, commentaires)"),
        (col("where", _("Où")), col("excerpt", _("Extrait")), col("record", _("Fiche"))),
        tuple((m.where, m.excerpt, f"#{m.record_id}") for m in found if m.table != "audit_entry"),
    )
