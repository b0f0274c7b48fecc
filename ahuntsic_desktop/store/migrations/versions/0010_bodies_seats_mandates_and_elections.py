"""bodies, seats, mandates and elections

The seats of a body (CC, ad hoc committees), the mandates of the people holding them, and
the elections an assembly holds to fill them, with their candidacies.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 12:15:30.673729
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('seat',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('body', sa.String(length=16), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('college', sa.String(length=32), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("college IS NULL OR college IN ('communautaire', 'institutionnel', 'residents')", name=op.f('ck_seat_college_valid')),
    sa.CheckConstraint("role IN ('presidence', 'secretariat', 'tresorerie', 'membre', 'observateur')", name=op.f('ck_seat_role_valid')),
    sa.CheckConstraint('length(trim(label)) > 0', name=op.f('ck_seat_label_not_blank')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_seat')),
    sa.UniqueConstraint('body', 'label', name=op.f('uq_seat_body_label'))
    )
    with op.batch_alter_table('seat', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_seat_body'), ['body'], unique=False)

    op.create_table('mandate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seat_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('origin', sa.String(length=32), nullable=False),
    sa.Column('elected_at_meeting_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("origin IN ('elu', 'coopte', 'nomme')", name=op.f('ck_mandate_origin_valid')),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_mandate_dates_ordered')),
    sa.ForeignKeyConstraint(['elected_at_meeting_id'], ['meeting.id'], name=op.f('fk_mandate_elected_at_meeting_id_meeting'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_mandate_organization_id_organization'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_mandate_person_id_person'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['seat_id'], ['seat.id'], name=op.f('fk_mandate_seat_id_seat'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mandate'))
    )
    with op.batch_alter_table('mandate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mandate_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mandate_seat_id'), ['seat_id'], unique=False)

    op.create_table('election',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.String(length=16), nullable=False),
    sa.Column('chair_id', sa.Integer(), nullable=True),
    sa.Column('secretary_id', sa.Integer(), nullable=True),
    sa.Column('method', sa.String(length=32), nullable=False),
    sa.Column('voters', sa.Integer(), nullable=False),
    sa.Column('mandate_years', sa.Integer(), nullable=False),
    sa.Column('resolution_id', sa.Integer(), nullable=True),
    sa.Column('closed', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("method IN ('acclamation', 'scrutin')", name=op.f('ck_election_method_valid')),
    sa.CheckConstraint('voters >= 0', name=op.f('ck_election_voters_positive')),
    sa.ForeignKeyConstraint(['chair_id'], ['person.id'], name=op.f('fk_election_chair_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_election_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resolution_id'], ['resolution.id'], name=op.f('fk_election_resolution_id_resolution'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['secretary_id'], ['person.id'], name=op.f('fk_election_secretary_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election')),
    sa.UniqueConstraint('meeting_id', 'body', name=op.f('uq_election_meeting_id_body'))
    )
    with op.batch_alter_table('election', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('candidacy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('seat_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('proposed_by_id', sa.Integer(), nullable=True),
    sa.Column('seconded_by_id', sa.Integer(), nullable=True),
    sa.Column('votes', sa.Integer(), nullable=False),
    sa.Column('elected', sa.Boolean(), nullable=False),
    sa.CheckConstraint('proposed_by_id IS NULL OR seconded_by_id IS NULL OR proposed_by_id <> seconded_by_id', name=op.f('ck_candidacy_proposer_not_seconder')),
    sa.CheckConstraint('votes >= 0', name=op.f('ck_candidacy_votes_positive')),
    sa.ForeignKeyConstraint(['election_id'], ['election.id'], name=op.f('fk_candidacy_election_id_election'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_candidacy_organization_id_organization'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_candidacy_person_id_person'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['proposed_by_id'], ['person.id'], name=op.f('fk_candidacy_proposed_by_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['seat_id'], ['seat.id'], name=op.f('fk_candidacy_seat_id_seat'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['seconded_by_id'], ['person.id'], name=op.f('fk_candidacy_seconded_by_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_candidacy')),
    sa.UniqueConstraint('election_id', 'person_id', name=op.f('uq_candidacy_election_id_person_id'))
    )
    with op.batch_alter_table('candidacy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_candidacy_election_id'), ['election_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('candidacy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_candidacy_election_id'))

    op.drop_table('candidacy')
    with op.batch_alter_table('election', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_meeting_id'))

    op.drop_table('election')
    with op.batch_alter_table('mandate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mandate_seat_id'))
        batch_op.drop_index(batch_op.f('ix_mandate_person_id'))

    op.drop_table('mandate')
    with op.batch_alter_table('seat', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_seat_body'))

    op.drop_table('seat')
