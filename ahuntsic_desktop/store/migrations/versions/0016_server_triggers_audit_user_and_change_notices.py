"""server triggers: the audit trail's user, and change notices

On a PostgreSQL server (nothing on a SQLite file):

* the audit trail names the database user who made the change: an entry written by a
  login that does not own the tables gets ``session_user`` whatever the client said, so a
  staff or chantier lead's connection cannot write someone else's name;
* every change to a table sends a notice (``NOTIFY ahuntsic_changes``, payload
  ``table application_name``) once its transaction commits: the other windows open on the
  same database refresh their lists.

Revision ID: 0016
Revises: 0013
Create Date: 2026-12-07 15:10:00
"""

from alembic import op


revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

AUDIT_USER = """
CREATE OR REPLACE FUNCTION ahuntsic_audit_user() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_has_role(session_user, (SELECT tableowner FROM pg_tables
                     WHERE schemaname = 'public' AND tablename = 'audit_entry'), 'MEMBER') THEN
    NEW."user" := session_user;
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS audit_entry_user ON audit_entry;
CREATE TRIGGER audit_entry_user BEFORE INSERT ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION ahuntsic_audit_user();
"""

NOTICES = """
CREATE OR REPLACE FUNCTION ahuntsic_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ahuntsic_changes',
                    TG_TABLE_NAME || ' ' || coalesce(current_setting('application_name', true), ''));
  RETURN NULL;
END $$;
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT tablename FROM pg_tables
           WHERE schemaname = 'public' AND tablename <> 'alembic_version' LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS ahuntsic_notice ON public.%I', r.tablename);
    EXECUTE format('CREATE TRIGGER ahuntsic_notice AFTER INSERT OR UPDATE OR DELETE '
                   'OR TRUNCATE ON public.%I FOR EACH STATEMENT '
                   'EXECUTE FUNCTION ahuntsic_notify_change()', r.tablename);
  END LOOP;
END $$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(AUDIT_USER)
    op.execute(NOTICES)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """
        DO $$
        DECLARE r record;
        BEGIN
          FOR r IN SELECT tablename FROM pg_tables
                   WHERE schemaname = 'public' AND tablename <> 'alembic_version' LOOP
            EXECUTE format('DROP TRIGGER IF EXISTS ahuntsic_notice ON public.%I', r.tablename);
          END LOOP;
        END $$;
        DROP TRIGGER IF EXISTS audit_entry_user ON audit_entry;
        DROP FUNCTION IF EXISTS ahuntsic_notify_change();
        DROP FUNCTION IF EXISTS ahuntsic_audit_user();
        """
    )
