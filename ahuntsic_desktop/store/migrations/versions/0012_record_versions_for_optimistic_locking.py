"""record versions for optimistic locking

Persons, organisations, meetings and follow-ups carry a ``version`` raised by every save:
two users of a shared server editing the same record can no longer overwrite each other's
change without knowing (the second save is refused as a conflict). Existing rows start at 1.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 12:30:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

TABLES = ('organization', 'person', 'meeting', 'follow_up')


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column('version', sa.Integer(), server_default='1', nullable=False)
            )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
