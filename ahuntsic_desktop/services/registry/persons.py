"""Persons (personnes) and the organisations they represent.

Saving the person form is one unit of work (:func:`save_person`): the person's fields and
the changes made to their representations in the same dialog (added, ended, removed).
Either everything is saved or nothing is, so a refused representation never leaves a
half-saved person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ...domain import Organization, Person, Representation
from ...domain.enums import RepresentationRole, Sector
from ...i18n import _
from ...store import Database
from ..core import (
    NotFoundError,
    Table,
    ValidationError,
    bulk,
    is_referenced,
    require_version,
)
from ..core import validation as v
from .organizations import is_current  # noqa: F401 (callers use it here)
from .person_list import person_table
from .representations import list_person_representations  # noqa: F401 (callers use it here)


@dataclass(frozen=True)
class PersonData:
    """The fields of the person form. ``archived`` is read-only (see archive/restore)."""

    first_name: str = ""
    last_name: str = ""
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    postal_code: str | None = None
    is_resident: bool = False
    sector: Sector | str | None = None
    is_elected: bool = False
    notes: str | None = None
    archived: bool = False
    # The version read (get_person): a save from an older read raises ConflictError.
    version: int | None = field(default=None, compare=False)


def _apply(person: Person, data: PersonData) -> None:
    first = v.optional_text(data.first_name, "first_name", _("Prénom"), max_length=100) or ""
    last = v.optional_text(data.last_name, "last_name", _("Nom"), max_length=100) or ""
    if not (first or last):
        raise ValidationError(_("Indiquez au moins le nom ou le prénom."), "last_name")
    values = {
        "email": v.email(data.email),
        "phone": v.phone(data.phone),
        "address": v.optional_text(data.address, "address", _("Adresse"), max_length=300),
        "postal_code": v.postal_code(data.postal_code),
        "sector": v.choice(data.sector, Sector, "sector", _("Secteur")) if data.sector else None,
        "notes": v.optional_text(
            data.notes, "notes", _("Notes"), max_length=10_000, multiline=True
        ),
    }
    person.first_name, person.last_name = first, last
    person.is_resident, person.is_elected = bool(data.is_resident), bool(data.is_elected)
    for key, value in values.items():
        setattr(person, key, value)


def _get(session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("Cette personne n'existe plus."))
    return person


def list_persons(
    db: Database, *, include_archived: bool = False, today: date | None = None
) -> Table:
    """All persons sorted by last then first name, with the organisations they represent
    today (see :mod:`person_list`)."""
    return person_table(db, include_archived=include_archived, today=today or date.today())


def get_person(db: Database, person_id: int) -> PersonData:
    with db.session() as session:
        p = _get(session, person_id)
        return PersonData(
            first_name=p.first_name,
            last_name=p.last_name,
            email=p.email,
            phone=p.phone,
            address=p.address,
            postal_code=p.postal_code,
            is_resident=p.is_resident,
            sector=p.sector,
            is_elected=p.is_elected,
            notes=p.notes,
            archived=p.archived_at is not None,
            version=p.version,
        )


@dataclass(frozen=True)
class RepresentationDraft:
    """A representation added in the dialog, not yet saved."""

    organization_id: int
    role: RepresentationRole | str
    start_date: dt.date | str | None = None
    end_date: dt.date | str | None = None


@dataclass(frozen=True)
class RepresentationChanges:
    added: tuple[RepresentationDraft, ...] = ()
    ended: Mapping[int, dt.date] = field(default_factory=dict)  # representation id -> end
    removed: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.ended or self.removed)


def _representation(session, person_id: int, representation_id: int) -> Representation:
    representation = session.get(Representation, representation_id)
    if representation is None or representation.person_id != person_id:
        raise NotFoundError(_("Cette représentation n'existe plus."))
    return representation


def save_person(
    db: Database,
    person_id: int | None,
    data: PersonData,
    changes: RepresentationChanges | None = None,
) -> int:
    """Create (``person_id`` None) or update a person and apply ``changes`` to their
    representations; returns the person's id. Nothing is saved when anything is refused,
    nor when someone else saved the person since ``data.version`` was read
    (:class:`~ahuntsic_desktop.store.ConflictError`)."""
    changes = changes or RepresentationChanges()
    with db.session() as session:
        if person_id is None:
            person = Person()
            _apply(person, data)
            session.add(person)
        else:
            person = _get(session, person_id)
            if person.anonymized_at is not None:
                raise ValidationError(
                    _("Cette personne a été anonymisée ; elle ne peut être modifiée.")
                )
            require_version(person, data.version)
            _apply(person, data)
        session.flush()
        for representation_id in changes.removed:
            session.delete(_representation(session, person.id, representation_id))
        for representation_id, end in changes.ended.items():
            representation = _representation(session, person.id, representation_id)
            end_date = v.parse_date(end, "end_date", _("Jusqu'au"), required=True)
            v.dates_ordered(representation.start_date, end_date)
            representation.end_date = end_date
        session.flush()
        for draft in changes.added:
            insert_representation(
                session, person, draft.organization_id, draft.role, draft.start_date, draft.end_date
            )
        return person.id


def check_draft(draft: RepresentationDraft) -> None:
    """The checks a draft can pass before saving (role, dates), for the dialog's « Ajouter »."""
    v.choice(draft.role, RepresentationRole, "role", _("Rôle"))
    start = v.parse_date(draft.start_date, "start_date", _("Depuis le"))
    end = v.parse_date(draft.end_date, "end_date", _("Jusqu'au"))
    v.dates_ordered(start, end)


def _delete(session: Session, person_id: int) -> None:
    person = _get(session, person_id)
    if is_referenced(session, Person, person_id, owned={"consent"}):
        raise ValidationError(
            _(
                "« {name} » est mentionné·e ailleurs (représentations, adhésions, rencontres, "
                "résolutions ou suivis) : archivez plutôt cette personne."
            ).format(name=person.full_name)
        )
    session.delete(person)


# Many at once in one transaction, each refusal reported; or one, its refusal raised.
# Deleting refuses what something refers to (consent records go along).
(archive_persons, restore_persons, delete_persons,
 archive_person, restore_person, delete_person) = bulk.Lifecycle(_get, _delete).functions()  # fmt: skip


def add_representation(
    db: Database,
    person_id: int,
    organization_id: int,
    role: RepresentationRole | str,
    start: date | str | None = None,
    end: date | str | None = None,
) -> int:
    with db.session() as session:
        person = _get(session, person_id)
        return insert_representation(session, person, organization_id, role, start, end).id


def insert_representation(
    session,
    person: Person,
    organization_id: int,
    role: RepresentationRole | str,
    start: date | str | None = None,
    end: date | str | None = None,
) -> Representation:
    """Validate and add a representation of ``person`` within the caller's unit of work."""
    role_code = v.choice(role, RepresentationRole, "role", _("Rôle"))
    start_date = v.parse_date(start, "start_date", _("Depuis le"))
    end_date = v.parse_date(end, "end_date", _("Jusqu'au"))
    v.dates_ordered(start_date, end_date)
    r = Representation
    person_id = person.id
    organization = session.get(Organization, organization_id)
    if organization is None:
        raise NotFoundError(_("Cet organisme n'existe plus."), "organization_id")
    if person.archived_at is not None or organization.archived_at is not None:
        raise ValidationError(
            _("La personne ou l'organisme est archivé : restaurez-le d'abord."),
            "organization_id",
        )
    same = [r.person_id == person_id, r.organization_id == organization_id, r.role == role_code]
    if end_date is not None:
        same.append(or_(r.start_date.is_(None), r.start_date <= end_date))
    if start_date is not None:
        same.append(or_(r.end_date.is_(None), r.end_date >= start_date))
    overlap = session.scalar(select(r.id).where(*same).limit(1))
    if overlap is not None:
        raise ValidationError(
            _("{person} représente déjà {organization} dans ce rôle pendant cette période.").format(
                person=person.full_name, organization=organization.name
            ),
            "role",
        )
    representation = Representation(
        person_id=person_id,
        organization_id=organization_id,
        role=role_code,
        start_date=start_date,
        end_date=end_date,
    )
    session.add(representation)
    session.flush()
    return representation


def end_representation(db: Database, representation_id: int, end: date | str | None = None) -> None:
    """Close a representation on ``end`` (today by default)."""
    end_date = v.parse_date(end, "end_date", _("Jusqu'au")) or date.today()
    with db.session() as session:
        representation = session.get(Representation, representation_id)
        if representation is None:
            raise NotFoundError(_("Cette représentation n'existe plus."))
        v.dates_ordered(representation.start_date, end_date)
        representation.end_date = end_date


def delete_representation(db: Database, representation_id: int) -> None:
    """Remove a representation entered by mistake (end it instead to keep the history)."""
    with db.session() as session:
        representation = session.get(Representation, representation_id)
        if representation is None:
            raise NotFoundError(_("Cette représentation n'existe plus."))
        session.delete(representation)
