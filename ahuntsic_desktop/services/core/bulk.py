"""One action on many records, in one transaction, each refusal reported.

``each(db, ids, act)`` runs ``act(session, id)`` for every id inside one unit of work; a
record the action refuses (:class:`ValidationError`) is rolled back to its savepoint and
named in :attr:`BulkResult.refusals`, the others are done together or not at all."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ...store import Database
from .errors import ValidationError


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
