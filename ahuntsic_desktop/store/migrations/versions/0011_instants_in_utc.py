"""instants in UTC

``created_at`` and ``updated_at`` come from SQLite's ``CURRENT_TIMESTAMP`` (UTC), while the
program stamped ``archived_at``, ``anonymized_at`` and the journal's ``at`` with the local
clock, without a zone: one action read « créé à 4 h 38 » and « archivé à 23 h 38 ». From
now on every instant is kept in UTC without a zone (see ``domain/instants.py``) and shown in
local time; this turns the local instants already in the file into UTC, with the computer's
time zone rules at each instant (summer time included). No schema change.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 12:40:00
"""

import datetime as dt

from alembic import op
import sqlalchemy as sa


revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# (table, column) of the instants the program stamped with the local clock
LOCAL_INSTANTS = (
    ("person", "archived_at"),
    ("person", "anonymized_at"),
    ("organization", "archived_at"),
    ("audit_entry", "at"),
)


def _shift(to_utc: bool) -> None:
    connection = op.get_bind()
    for table, column in LOCAL_INSTANTS:
        rows = connection.execute(
            sa.text(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL")
        ).all()
        changed = []
        for row_id, value in rows:
            try:
                moment = dt.datetime.fromisoformat(str(value))
            except ValueError:
                continue  # not an instant: left as it is
            if to_utc:
                moved = moment.astimezone(dt.UTC).replace(tzinfo=None)
            else:
                moved = moment.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
            changed.append({"id": row_id, "value": moved.strftime("%Y-%m-%d %H:%M:%S.%f")})
        if changed:
            connection.execute(
                sa.text(f"UPDATE {table} SET {column} = :value WHERE id = :id"), changed
            )


def upgrade() -> None:
    _shift(to_utc=True)


def downgrade() -> None:
    _shift(to_utc=False)
