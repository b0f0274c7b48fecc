"""funding allocations, application contacts and documents

An agreement funds chantiers or projects, each with its amount (agreement_allocation); an
application names its contact person (a person of the registry) and records the paths of
the documents attached to it (funding_document).

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-07 15:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreement_allocation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("chantier_id", sa.Integer(), nullable=True),
        sa.Column("project", sa.String(length=200), nullable=True),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "amount_cents >= 0", name=op.f("ck_agreement_allocation_amount_positive")
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["funding_agreement.id"],
            name=op.f("fk_agreement_allocation_agreement_id_funding_agreement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["chantier_id"],
            ["chantier.id"],
            name=op.f("fk_agreement_allocation_chantier_id_chantier"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_allocation")),
    )
    op.create_index(
        op.f("ix_agreement_allocation_agreement_id"),
        "agreement_allocation",
        ["agreement_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_agreement_allocation_chantier_id"),
        "agreement_allocation",
        ["chantier_id"],
        unique=False,
    )
    op.create_table(
        "funding_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.CheckConstraint(
            "length(trim(path)) > 0", name=op.f("ck_funding_document_path_not_blank")
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["funding_application.id"],
            name=op.f("fk_funding_document_application_id_funding_application"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funding_document")),
    )
    op.create_index(
        op.f("ix_funding_document_application_id"),
        "funding_document",
        ["application_id"],
        unique=False,
    )
    with op.batch_alter_table("funding_application", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact_person_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_funding_application_contact_person_id"),
            ["contact_person_id"],
            unique=False,
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_funding_application_contact_person_id_person"),
            "person",
            ["contact_person_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("funding_application", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_funding_application_contact_person_id_person"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_funding_application_contact_person_id"))
        batch_op.drop_column("contact_person_id")
    op.drop_index(op.f("ix_funding_document_application_id"), table_name="funding_document")
    op.drop_table("funding_document")
    op.drop_index(op.f("ix_agreement_allocation_chantier_id"), table_name="agreement_allocation")
    op.drop_index(op.f("ix_agreement_allocation_agreement_id"), table_name="agreement_allocation")
    op.drop_table("agreement_allocation")
