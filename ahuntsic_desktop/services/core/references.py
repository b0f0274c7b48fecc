"""Whether a record is still referred to: a record others point at is archived, not
deleted."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import Base


def is_referenced(session: Session, model: type[Base], record_id: int, *, owned=()) -> bool:
    """Whether any row of another table points at ``record_id`` through a foreign key.

    ``owned`` names tables whose rows belong to the record (deleted along with it)."""
    target = model.__table__
    for table in Base.metadata.sorted_tables:
        if table.name in owned:
            continue
        for foreign_key in table.foreign_keys:
            if foreign_key.column.table is target:
                column = foreign_key.parent
                found = session.execute(select(column).where(column == record_id).limit(1)).first()
                if found is not None:
                    return True
    return False
