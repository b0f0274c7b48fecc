"""consent to share contact details with funders

Law 25: giving a funder a person's contact details is a purpose of its own, so the CHECK on
``consent.purpose`` accepts « bailleurs_de_fonds ».

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 05:15:00
"""

from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

OLD = "purpose IN ('contact_courriel', 'bottin', 'photos', 'nom_contributions')"
NEW = (
    "purpose IN ('contact_courriel', 'bottin', 'photos', 'nom_contributions', "
    "'bailleurs_de_fonds')"
)


def _check(condition: str) -> None:
    with op.batch_alter_table('consent', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint(op.f('ck_consent_purpose_valid'), type_='check')
        batch_op.create_check_constraint(op.f('ck_consent_purpose_valid'), condition)


def upgrade() -> None:
    _check(NEW)


def downgrade() -> None:
    op.execute("DELETE FROM consent WHERE purpose = 'bailleurs_de_fonds'")
    _check(OLD)
