"""receipt number counter

Receipt numbers were the highest existing one plus 1, so deleting (or merging away) the
membership holding the highest number gave its number to the next payment. The
``receipt_counter`` table keeps the highest number ever given per payment year, like
``resolution_counter``. It starts from the numbers in the file.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 07:10:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('receipt_counter',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_sequence', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_receipt_counter'))
    )
    # Numbers already printed ("2026-0042"): the counter starts at the highest of each year.
    # Same test on both engines: SQLite's GLOB, PostgreSQL's regular expression.
    if op.get_bind().dialect.name == "sqlite":
        shaped = (
            "receipt_number GLOB '[0-9][0-9][0-9][0-9]-[0-9]*' "
            "AND substr(receipt_number, 6) NOT GLOB '*[^0-9]*'"
        )
    else:
        shaped = "receipt_number ~ '^[0-9]{4}-[0-9]+$'"
    op.execute(
        "INSERT INTO receipt_counter (year, last_sequence) "
        "SELECT CAST(substr(receipt_number, 1, 4) AS INTEGER), "
        "MAX(CAST(substr(receipt_number, 6) AS INTEGER)) FROM membership "
        f"WHERE {shaped} "
        "GROUP BY substr(receipt_number, 1, 4)"
    )


def downgrade() -> None:
    op.drop_table('receipt_counter')
