"""funding applications and instalments

A funding application (demande de financement) follows a programme from preparation to the
funder's decision; an accepted one becomes an agreement. An agreement's instalments
(versements) are expected on a date and received with a reference.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 13:30:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "funding_instalment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("expected_cents", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("received_cents", sa.Integer(), nullable=True),
        sa.Column("reference", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "expected_cents >= 0", name=op.f("ck_funding_instalment_expected_positive")
        ),
        sa.CheckConstraint(
            "received_cents IS NULL OR received_cents >= 0",
            name=op.f("ck_funding_instalment_received_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["funding_agreement.id"],
            name=op.f("fk_funding_instalment_agreement_id_funding_agreement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funding_instalment")),
    )
    op.create_index(
        op.f("ix_funding_instalment_agreement_id"),
        "funding_instalment",
        ["agreement_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_funding_instalment_due_date"), "funding_instalment", ["due_date"], unique=False
    )
    op.create_table(
        "funding_application",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("funder_id", sa.Integer(), nullable=False),
        sa.Column("programme", sa.String(length=200), nullable=False),
        sa.Column("chantier_id", sa.Integer(), nullable=True),
        sa.Column("project", sa.String(length=200), nullable=True),
        sa.Column("amount_requested_cents", sa.Integer(), nullable=False),
        sa.Column("amount_granted_cents", sa.Integer(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("conditions", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "status IN ('en_preparation', 'deposee', 'acceptee', 'acceptee_en_partie', 'refusee', 'retiree')",
            name=op.f("ck_funding_application_status_valid"),
        ),
        sa.CheckConstraint(
            "amount_granted_cents IS NULL OR amount_granted_cents >= 0",
            name=op.f("ck_funding_application_granted_positive"),
        ),
        sa.CheckConstraint(
            "amount_requested_cents >= 0", name=op.f("ck_funding_application_requested_positive")
        ),
        sa.CheckConstraint(
            "length(trim(programme)) > 0", name=op.f("ck_funding_application_programme_not_blank")
        ),
        sa.CheckConstraint(
            "period_end IS NULL OR period_start IS NULL OR period_end >= period_start",
            name=op.f("ck_funding_application_period_ordered"),
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["funding_agreement.id"],
            name=op.f("fk_funding_application_agreement_id_funding_agreement"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["chantier_id"],
            ["chantier.id"],
            name=op.f("fk_funding_application_chantier_id_chantier"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["funder_id"],
            ["organization.id"],
            name=op.f("fk_funding_application_funder_id_organization"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funding_application")),
    )
    op.create_index(
        op.f("ix_funding_application_agreement_id"),
        "funding_application",
        ["agreement_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_funding_application_chantier_id"),
        "funding_application",
        ["chantier_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_funding_application_funder_id"), "funding_application", ["funder_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_funding_application_funder_id"), table_name="funding_application")
    op.drop_index(op.f("ix_funding_application_chantier_id"), table_name="funding_application")
    op.drop_index(op.f("ix_funding_application_agreement_id"), table_name="funding_application")
    op.drop_table("funding_application")
    op.drop_index(op.f("ix_funding_instalment_due_date"), table_name="funding_instalment")
    op.drop_index(op.f("ix_funding_instalment_agreement_id"), table_name="funding_instalment")
    op.drop_table("funding_instalment")
