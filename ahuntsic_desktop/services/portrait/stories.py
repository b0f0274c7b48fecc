"""Residents' stories (histoires de résident·es). A story prints in the portrait under its
pseudonym only, and only while the resident it comes from has a recorded consent to its
publication (:attr:`ConsentPurpose.STORY_PUBLICATION`); a story tied to nobody has no
consent and is never printed.

Law 25: :func:`stories_section` gives a person's stories for an access request and
:func:`erase` deletes them when that person's information is erased."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ...domain import Person, ResidentStory
from ...domain.enums import ConsentPurpose
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import validation as v
from ..privacy.consents import has_consent
from ..privacy.sections import Section, col

PURPOSE = ConsentPurpose.STORY_PUBLICATION


@dataclass(frozen=True)
class StoryForm:
    pseudonym: str
    text: str
    theme: str | None = None
    person_id: int | None = None


@dataclass(frozen=True)
class StoryRow:
    id: int
    pseudonym: str
    text: str
    theme: str
    person_id: int | None
    consented: bool  # printable in the portrait


def _clean(session: Session, form: StoryForm) -> dict:
    values = {
        "pseudonym": v.required_text(form.pseudonym, "pseudonym", _("Pseudonyme"), max_length=120),
        "text": v.required_text(form.text, "text", _("Histoire"), max_length=20000, multiline=True),
        "theme": v.optional_text(form.theme, "theme", _("Thème"), max_length=120) or "",
        "person_id": form.person_id,
    }
    if form.person_id is not None:
        person = session.get(Person, form.person_id)
        if person is None:
            raise ValidationError(_("Cette personne n'existe plus."), "person")
        name_words = {v.name_sort_key(w) for w in (person.first_name, person.last_name) if w}
        pseudo_words = set(v.name_sort_key(values["pseudonym"]).split())
        if name_words & pseudo_words:
            raise ValidationError(
                _("Le pseudonyme ne doit pas reprendre le nom de la personne."), "pseudonym"
            )
    return values


def save_story(db: Database, form: StoryForm, story_id: int | None = None) -> int:
    with db.session() as session:
        values = _clean(session, form)
        if story_id is None:
            record = ResidentStory(**values)
            session.add(record)
        else:
            record = session.get(ResidentStory, story_id)
            if record is None:
                raise NotFoundError(_("Cette histoire n'existe plus."), "id")
            for key, value in values.items():
                setattr(record, key, value)
        session.flush()
        return record.id


def delete_story(db: Database, story_id: int) -> None:
    with db.session() as session:
        record = session.get(ResidentStory, story_id)
        if record is None:
            raise NotFoundError(_("Cette histoire n'existe plus."), "id")
        session.delete(record)


def list_stories(db: Database, today: dt.date) -> list[StoryRow]:
    """Every story, each saying whether it may be printed on ``today``."""
    with db.session() as session:
        stories = session.scalars(
            select(ResidentStory).order_by(ResidentStory.position, ResidentStory.id)
        ).all()
        return [
            StoryRow(
                s.id,
                s.pseudonym,
                s.text,
                s.theme,
                s.person_id,
                s.person_id is not None and has_consent(session, s.person_id, PURPOSE, today),
            )  # fmt: skip
            for s in stories
        ]


def printable_stories(db: Database, today: dt.date) -> list[StoryRow]:
    """The stories the portrait may print on ``today``: those with a recorded consent."""
    return [s for s in list_stories(db, today) if s.consented]


def stories_section(session: Session, pid: int) -> Section:
    """For an access request: the stories that come from the person."""
    rows = session.execute(
        select(ResidentStory.pseudonym, ResidentStory.theme, ResidentStory.text)
        .where(ResidentStory.person_id == pid)
        .order_by(ResidentStory.id)
    ).all()
    return Section(
        "portrait_stories",
        _("Histoires confiées pour le portrait de quartier"),
        (col("pseudonym", _("Pseudonyme")), col("theme", _("Thème")), col("text", _("Histoire"))),
        tuple(tuple(row) for row in rows),
    )


def erase(session: Session, pid: int) -> int:
    """Delete the person's stories (their own words about their life); returns how many."""
    result = session.execute(delete(ResidentStory).where(ResidentStory.person_id == pid))
    return result.rowcount or 0
