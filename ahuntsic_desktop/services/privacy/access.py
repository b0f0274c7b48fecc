"""Requests about personal information (access, rectification, erasure) and their 30-day
deadline. What the file holds about the person is gathered by :mod:`.dossier`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ...domain import AccessRequest, Person
from ...domain.instants import local
from ...domain.privacy import RESPONSE_DAYS, RequestKind
from ...i18n import N_, _, format_date, ngettext
from ...store import Database
from ..core import Column, NotFoundError, Table, ValidationError
from ..core import validation as v

KIND_LABELS = {
    RequestKind.ACCESS.value: N_("Accès"),
    RequestKind.RECTIFICATION.value: N_("Rectification"),
    RequestKind.ERASURE.value: N_("Effacement"),
}


def kind_label(kind: str) -> str:
    text = KIND_LABELS.get(kind)
    return _(text) if text else kind


def due_date(received_on: dt.date) -> dt.date:
    """The last day to answer a request received on ``received_on``."""
    return received_on + dt.timedelta(days=RESPONSE_DAYS)


@dataclass(frozen=True)
class RequestInfo:
    id: int
    person_id: int
    person_name: str
    kind: str
    received_on: dt.date
    due_on: dt.date
    completed_on: dt.date | None
    notes: str

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    def days_left(self, today: dt.date) -> int:
        return (self.due_on - today).days

    def state(self, today: dt.date) -> str:
        """« Traitée le 3 mars 2026 », « Reste 12 jours », « En retard de 2 jours »."""
        if self.completed_on is not None:
            return _("Traitée le {date}").format(date=format_date(self.completed_on))
        left = self.days_left(today)
        if left < 0:
            return ngettext("En retard de {n} jour", "En retard de {n} jours", -left).format(
                n=-left
            )
        if left == 0:
            return _("Échéance aujourd'hui")
        return ngettext("Reste {n} jour", "Reste {n} jours", left).format(n=left)

    def overdue(self, today: dt.date) -> bool:
        return self.completed_on is None and today > self.due_on


def _info(request: AccessRequest, first: str, last: str) -> RequestInfo:
    return RequestInfo(
        request.id,
        request.person_id,
        f"{first} {last}".strip(),
        request.kind,
        request.received_on,
        request.due_on,
        request.completed_on,
        request.notes or "",
    )


def open_request(
    db: Database,
    person_id: int,
    *,
    kind: RequestKind | str = RequestKind.ACCESS,
    received_on: dt.date | str | None = None,
    notes: str | None = None,
    today: dt.date | None = None,
) -> int:
    """Record a request received on ``received_on`` (today by default); due 30 days later."""
    today = today or dt.date.today()
    code = v.choice(kind, RequestKind, "kind", _("Type de demande"))
    received = v.parse_date(received_on, "received_on", _("Reçue le")) or today
    if received > today:
        raise ValidationError(_("La date de réception ne peut être dans le futur."), "received_on")
    text = v.optional_text(notes, "notes", _("Notes"), max_length=5000, multiline=True)
    with db.session() as session:
        if session.get(Person, person_id) is None:
            raise NotFoundError(_("Cette personne n'existe plus."), "person_id")
        request = AccessRequest(
            person_id=person_id,
            kind=code,
            received_on=received,
            due_on=due_date(received),
            notes=text,
        )
        session.add(request)
        session.flush()
        return request.id


def _require(session, request_id: int) -> AccessRequest:
    request = session.get(AccessRequest, request_id)
    if request is None:
        raise NotFoundError(_("Cette demande n'existe plus."))
    return request


def complete_request(
    db: Database, request_id: int, on: dt.date | str | None = None, notes: str | None = None
) -> None:
    """Mark a request answered on ``on`` (today by default)."""
    day = v.parse_date(on, "completed_on", _("Traitée le")) or dt.date.today()
    text = v.optional_text(notes, "notes", _("Notes"), max_length=5000, multiline=True)
    with db.session() as session:
        request = _require(session, request_id)
        if day < request.received_on:
            raise ValidationError(
                _("La demande ne peut être traitée avant d'avoir été reçue."), "completed_on"
            )
        request.completed_on = day
        if text is not None:
            request.notes = text


def reopen_request(db: Database, request_id: int) -> None:
    with db.session() as session:
        _require(session, request_id).completed_on = None


def delete_request(db: Database, request_id: int) -> None:
    """Remove a request entered by mistake."""
    with db.session() as session:
        session.delete(_require(session, request_id))


def _query(*conditions):
    return (
        select(AccessRequest, Person.first_name, Person.last_name)
        .join(Person, Person.id == AccessRequest.person_id)
        .where(*conditions)
        .order_by(AccessRequest.completed_on.is_not(None), AccessRequest.due_on, AccessRequest.id)
    )


def get_request(db: Database, request_id: int) -> RequestInfo:
    with db.session() as session:
        row = session.execute(_query(AccessRequest.id == request_id)).first()
        if row is None:
            raise NotFoundError(_("Cette demande n'existe plus."))
        return _info(*row)


def person_requests(db: Database, person_id: int) -> list[RequestInfo]:
    """A person's requests, open ones first by deadline."""
    with db.session() as session:
        return [
            _info(*row) for row in session.execute(_query(AccessRequest.person_id == person_id))
        ]


def open_request_of(db: Database, person_id: int, kind: str = RequestKind.ACCESS.value):
    """The person's oldest unanswered request of ``kind``, or None."""
    for request in person_requests(db, person_id):
        if request.completed_on is None and request.kind == kind:
            return request
    return None


def overdue_requests(db: Database, today: dt.date) -> list[RequestInfo]:
    with db.session() as session:
        rows = session.execute(
            _query(AccessRequest.completed_on.is_(None), AccessRequest.due_on < today)
        ).all()
        return [_info(*row) for row in rows]


def request_columns() -> list[Column]:
    return [
        Column("person", _("Personne")),
        Column("kind", _("Demande")),
        Column("received_on", _("Reçue le"), "date"),
        Column("due_on", _("Échéance (30 jours)"), "date"),
        Column("state", _("État")),
        Column("completed_on", _("Traitée le"), "date"),
        Column("notes", _("Notes")),
    ]


def list_requests(db: Database, today: dt.date, *, include_completed: bool = True) -> Table:
    """Every request, unanswered ones first by deadline, with the days left or overdue."""
    conditions = [] if include_completed else [AccessRequest.completed_on.is_(None)]
    with db.session() as session:
        infos = [_info(*row) for row in session.execute(_query(*conditions))]
    table = Table(request_columns())
    table.ids = [r.id for r in infos]
    table.rows = [
        (
            r.person_name,
            r.kind_label,
            r.received_on,
            r.due_on,
            r.state(today),
            r.completed_on,
            " ".join(r.notes.split()),
        )
        for r in infos
    ]
    return table


@dataclass(frozen=True)
class PersonSummary:
    id: int
    full_name: str
    email: str | None
    phone: str | None
    archived: bool
    anonymized_at: dt.datetime | None  # local time


def person_summary(db: Database, person_id: int) -> PersonSummary:
    """Who the privacy screen is about, in a few words."""
    with db.session() as session:
        p = session.get(Person, person_id)
        if p is None:
            raise NotFoundError(_("Cette personne n'existe plus."))
        return PersonSummary(
            p.id, p.full_name, p.email, p.phone, p.archived_at is not None, local(p.anonymized_at)
        )
