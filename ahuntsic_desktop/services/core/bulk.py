"""One action on many records, in one transaction, each refusal reported.

``each(db, ids, act)`` runs ``act(session, id)`` for every id inside one unit of work; a
record the action refuses (:class:`ValidationError`) is rolled back to its savepoint and
named in :attr:`BulkResult.refusals`, the others are done together or not at all.

:class:`Lifecycle` archives, restores and deletes the records of one kind that way (the
persons, the organisations): written once, not once a kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...domain.instants import utc_now
from ...store import Database
from .errors import ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Refusal:
    id: int
    message: str


@dataclass(frozen=True)
class BulkResult:
    done: tuple[int, ...]
    refusals: tuple[Refusal, ...]
    errors: tuple[ValidationError, ...] = ()

    @property
    def messages(self) -> list[str]:
        return [refusal.message for refusal in self.refusals]

    def raise_first(self) -> None:
        """For one record: its refusal, raised as the error it was."""
        if self.refusals:
            raise self.errors[0]


def each(db: Database, ids: Iterable[int], act: Callable[[Session, int], object]) -> BulkResult:
    done: list[int] = []
    refusals: list[Refusal] = []
    errors: list[ValidationError] = []
    with db.session() as session:
        for record_id in ids:
            try:
                with session.begin_nested():
                    act(session, record_id)
            except ValidationError as error:
                refusals.append(Refusal(record_id, error.message))
                errors.append(error)
            else:
                done.append(record_id)
    return BulkResult(tuple(done), tuple(refusals), tuple(errors))


@dataclass(frozen=True)
class Lifecycle:
    """Archive, restore or delete records of one kind: many in one transaction, each
    refusal reported (``archive``...), or one, its refusal raised (``archive_one``...).

    ``get(session, id)`` returns the record (or raises NotFoundError); ``remove(session,
    id)`` deletes it or refuses (ValidationError) when something still refers to it."""

    get: Callable[[Session, int], Any]
    remove: Callable[[Session, int], None]

    def _archiving(self, when: dt.datetime | None) -> Callable[[Session, int], None]:
        """Archive (since ``when``, kept when already archived) or restore (None)."""

        def act(session: Session, record_id: int) -> None:
            record = self.get(session, record_id)
            record.archived_at = (record.archived_at or when) if when else None

        return act

    def archive(self, db: Database, ids: Iterable[int]) -> BulkResult:
        return each(db, ids, self._archiving(utc_now()))

    def restore(self, db: Database, ids: Iterable[int]) -> BulkResult:
        return each(db, ids, self._archiving(None))

    def delete(self, db: Database, ids: Iterable[int]) -> BulkResult:
        """Delete those nothing refers to, in one transaction; the others are refused."""
        return each(db, ids, self.remove)

    def archive_one(self, db: Database, record_id: int) -> None:
        self.archive(db, [record_id]).raise_first()

    def restore_one(self, db: Database, record_id: int) -> None:
        self.restore(db, [record_id]).raise_first()

    def delete_one(self, db: Database, record_id: int) -> None:
        self.delete(db, [record_id]).raise_first()

    def functions(self) -> tuple[Callable, ...]:
        """archive, restore, delete (many), then archive_one, restore_one, delete_one: the
        functions a records module offers under its own names."""
        return (self.archive, self.restore, self.delete,
                self.archive_one, self.restore_one, self.delete_one)  # fmt: skip
