"""Saving the person form in one unit of work: the person's fields and the changes made to
their representations in the same dialog (added, ended, removed). Either everything is
saved or nothing is, so a refused representation never leaves a half-saved person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from ...domain import Person, Representation
from ...domain.enums import RepresentationRole
from ...i18n import _
from ...store import Database
from ..core import validation as v
from ..core.errors import NotFoundError, ValidationError
from .persons import PersonData, _apply, _get, insert_representation


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
    representations; returns the person's id. Nothing is saved when anything is refused."""
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
