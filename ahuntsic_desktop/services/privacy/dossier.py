"""Everything the file holds about one person, for an access request: identity and contact,
the records merged into theirs, representations, memberships and payments, attendance,
chantiers, resolutions moved or seconded, follow-ups, meetings chaired, consents, emails
sent, requests, audit entries about them or
naming them, and the passages of any text column that name them (the search erasure uses:
:mod:`.mentions`). The PDF and JSON exports lay out this one structure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ...domain import Person
from ...i18n import _
from ...store import Database
from ..core import NotFoundError
from ..core import settings as settings_service
from ..governance import personal as governance_personal
from ..planning import personal as planning_personal
from ..portrait import stories as portrait_stories
from . import sections as parts
from . import trail
from .mentions import find_mentions, identity_of
from .sections import Section

__all__ = ["PersonFile", "Section", "person_file"]


@dataclass(frozen=True)
class PersonFile:
    person_id: int
    full_name: str
    generated_at: dt.datetime
    table_name: str
    officer_name: str
    officer_contact: str
    paper_size: str
    identity: Section  # one row: the person's own record
    sections: tuple[Section, ...] = field(default=())
    table_in_sentence: str = ""  # « la Table de quartier d'Ahuntsic », for the letter

    @property
    def table_subject(self) -> str:
        return self.table_in_sentence or self.table_name

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


def person_file(db: Database, person_id: int, *, now: dt.datetime | None = None) -> PersonFile:
    """Everything the open file holds about ``person_id``."""
    settings = settings_service.load(db)
    with db.session() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError(_("Cette personne n'existe plus."))
        identity = identity_of(session, person_id)
        found = find_mentions(session, identity)
        naming = [m.record_id for m in found if m.table == "audit_entry"]
        sections = (
            parts.merged_records(session, identity),
            parts.representations(session, person_id),
            parts.memberships(session, person_id, settings),
            parts.attendance(session, person_id),
            parts.assignments(session, person_id),
            parts.resolutions(session, person_id),
            parts.follow_ups(session, person_id),
            parts.roles(session, person_id),
            *planning_personal.sections(session, person_id),
            portrait_stories.stories_section(session, person_id),
            parts.Section(*governance_personal.mandates_part(session, person_id)),
            parts.consents(session, person_id),
            parts.messages(session, person_id),
            parts.requests(session, person_id),
            trail.audit(session, identity.ids, naming),
            parts.mentions(found),
        )
        return PersonFile(
            person_id=person_id,
            full_name=person.full_name,
            generated_at=(now or dt.datetime.now()).replace(microsecond=0),
            table_name=settings.table_name,
            officer_name=settings.privacy_officer_name,
            officer_contact=settings.privacy_officer_contact,
            paper_size=settings.paper_size,
            identity=parts.identity(person),
            sections=sections,
            table_in_sentence=settings.name_in_sentence(),
        )
