"""The agenda (ordre du jour) of a meeting: ordered items, with computed start times.

Positions are always 0..n-1 in display order; every change renumbers the whole agenda.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import AgendaItem, Person
from ...domain.enums import AgendaItemKind
from ...domain.labels import label
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, ValidationError
from .meetings import person_name_sql, require_meeting


@dataclass(frozen=True)
class AgendaItemData:
    title: str
    kind: str = AgendaItemKind.INFORMATION.value
    presenter_id: int | None = None
    planned_minutes: int | None = None
    minutes_text: str | None = None


@dataclass(frozen=True)
class AgendaItemRow:
    id: int
    position: int
    number: int  # 1-based, as printed
    title: str
    kind: str
    kind_label: str
    presenter_id: int | None
    presenter_name: str
    planned_minutes: int | None
    start_time: dt.time | None  # meeting start + minutes planned before this item
    minutes_text: str | None


def _validate(session: Session, data: AgendaItemData) -> AgendaItemData:
    title = (data.title or "").strip()
    if not title:
        raise ValidationError(_("Le titre du point est obligatoire."), "title")
    if len(title) > 300:
        raise ValidationError(_("Le titre est trop long (300 caractères au plus)."), "title")
    if data.kind not in {k.value for k in AgendaItemKind}:
        raise ValidationError(_("Type de point inconnu."), "kind")
    if data.planned_minutes is not None and not 0 <= data.planned_minutes <= 24 * 60:
        raise ValidationError(
            _("La durée prévue doit être entre 0 et 1440 minutes."), "planned_minutes"
        )
    if data.presenter_id is not None and session.get(Person, data.presenter_id) is None:
        raise ValidationError(_("Cette personne n'existe plus."), "presenter_id")
    text = (data.minutes_text or "").strip() or None
    return AgendaItemData(title, data.kind, data.presenter_id, data.planned_minutes, text)


def _items(session: Session, meeting_id: int) -> list[AgendaItem]:
    return list(
        session.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        )
    )


def _renumber(items: list[AgendaItem]) -> None:
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position


def _require_item(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFoundError(_("Ce point de l'ordre du jour n'existe plus."))
    return item


def list_agenda(db: Database, meeting_id: int) -> list[AgendaItemRow]:
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        rows = session.execute(
            select(AgendaItem, person_name_sql())
            .outerjoin(Person, Person.id == AgendaItem.presenter_id)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        ).all()
        start = (
            dt.datetime.combine(meeting.date, meeting.start_time) if meeting.start_time else None
        )
        elapsed = 0
        result = []
        for number, (item, presenter) in enumerate(rows, start=1):
            at = (start + dt.timedelta(minutes=elapsed)).time() if start else None
            elapsed += item.planned_minutes or 0
            result.append(
                AgendaItemRow(
                    id=item.id,
                    position=number - 1,
                    number=number,
                    title=item.title,
                    kind=item.kind,
                    kind_label=label(item.kind, AgendaItemKind),
                    presenter_id=item.presenter_id,
                    presenter_name=presenter or "",
                    planned_minutes=item.planned_minutes,
                    start_time=at,
                    minutes_text=item.minutes_text,
                )
            )
        return result


def add_agenda_item(
    db: Database, meeting_id: int, data: AgendaItemData, position: int | None = None
) -> int:
    """Insert an item at ``position`` (at the end when None); returns its id."""
    with db.session() as session:
        require_meeting(session, meeting_id)
        clean = _validate(session, data)
        items = _items(session, meeting_id)
        item = AgendaItem(
            meeting_id=meeting_id,
            title=clean.title,
            kind=clean.kind,
            presenter_id=clean.presenter_id,
            planned_minutes=clean.planned_minutes,
            minutes_text=clean.minutes_text,
            position=len(items),
        )
        session.add(item)
        index = len(items) if position is None else max(0, min(position, len(items)))
        items.insert(index, item)
        _renumber(items)
        session.flush()
        return item.id


def update_agenda_item(db: Database, item_id: int, data: AgendaItemData) -> None:
    with db.session() as session:
        item = _require_item(session, item_id)
        clean = _validate(session, data)
        item.title = clean.title
        item.kind = clean.kind
        item.presenter_id = clean.presenter_id
        item.planned_minutes = clean.planned_minutes
        item.minutes_text = clean.minutes_text


def delete_agenda_item(db: Database, item_id: int) -> None:
    with db.session() as session:
        item = _require_item(session, item_id)
        items = [other for other in _items(session, item.meeting_id) if other.id != item.id]
        session.delete(item)
        _renumber(items)


def move_agenda_item(db: Database, item_id: int, new_position: int) -> None:
    """Move an item to ``new_position`` (clamped to the agenda), shifting the others."""
    with db.session() as session:
        item = _require_item(session, item_id)
        items = [other for other in _items(session, item.meeting_id) if other.id != item.id]
        items.insert(max(0, min(new_position, len(items))), item)
        _renumber(items)
