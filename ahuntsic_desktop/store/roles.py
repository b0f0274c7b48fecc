"""Who may do what on a shared server, enforced by PostgreSQL itself (roles and grants),
not only by the window.

Four group roles (NOLOGIN); each person's login role is made a member of one:

- ``ahuntsic_coordination``: everything (the coordinator);
- ``ahuntsic_staff``: reads and writes the data, reads the settings, and never sees the
  privacy officer's registers (access requests, privacy incidents, consents);
- ``ahuntsic_board``: reads and prints, writes nothing, and never reads personal contact
  details (email, phone, address, postal code, notes: column grants) nor the privacy
  registers, the audit trail or the messages sent (the outbox);
- ``ahuntsic_chantier``: a chantier lead, who writes only their chantiers' meetings and
  progress (row-level security: :mod:`.chantier_roles`).

Applying them again (after a migration added tables) is harmless.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, Engine, text

from ..domain import Base
from . import chantier_roles

log = logging.getLogger(__name__)
COORDINATION, STAFF, BOARD = "ahuntsic_coordination", "ahuntsic_staff", "ahuntsic_board"
ROLES = (COORDINATION, STAFF, BOARD, chantier_roles.LEAD)
CONTACT_COLUMNS = frozenset({"email", "phone", "address", "postal_code", "notes"})
PRIVACY_TABLES = frozenset({"access_request", "privacy_incident", "consent"})
# The outbox holds addresses and the text sent to each person: not for the board.
BOARD_HIDDEN_TABLES = PRIVACY_TABLES | {"audit_entry", "outbox_message"}
SETTINGS_TABLES = frozenset({"setting"})


def _create_roles(connection: Connection) -> None:
    for role in ROLES:
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}
        ).scalar()
        if not exists:
            connection.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")


def _statements(database: str) -> list[str]:
    everyone = ", ".join(ROLES)
    sql = [
        f'GRANT CONNECT ON DATABASE "{database}" TO {everyone}',
        f"GRANT USAGE ON SCHEMA public TO {everyone}",
        f"GRANT SELECT ON alembic_version TO {everyone}",
        f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {COORDINATION}",
        f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {COORDINATION}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {STAFF}",
    ]
    lead = chantier_roles.LEAD
    for table in Base.metadata.sorted_tables:
        name = table.name
        sql.append(f'REVOKE ALL ON "{name}" FROM {STAFF}, {BOARD}, {lead}')
        if name not in BOARD_HIDDEN_TABLES:
            sql.append(f'GRANT SELECT ON "{name}" TO {lead}')
        if name in SETTINGS_TABLES:
            sql.append(f'GRANT SELECT ON "{name}" TO {STAFF}')
        elif name not in PRIVACY_TABLES:
            sql.append(f'GRANT SELECT, INSERT, UPDATE, DELETE ON "{name}" TO {STAFF}')
        if name in BOARD_HIDDEN_TABLES:
            continue
        shown = [f'"{c.name}"' for c in table.columns if c.name not in CONTACT_COLUMNS]
        sql.append(f'GRANT SELECT ({", ".join(shown)}) ON "{name}" TO {BOARD}')
    return sql + chantier_roles.statements((COORDINATION, STAFF), (BOARD,))


def apply_roles(engine: Engine) -> None:
    """Create the group roles if missing and set their grants on this database; the
    connection must belong to the database's owner (or a superuser)."""
    with engine.begin() as connection:
        _create_roles(connection)
        chantier_roles.create_leads_table(connection)
        database = connection.exec_driver_sql("SELECT current_database()").scalar()
        for statement in _statements(database):
            connection.exec_driver_sql(statement)
    log.info("Roles and grants applied")


def reapply_if_present(engine: Engine) -> bool:
    """Apply the grants again when the group roles exist on this server (after a restore,
    which brings back no grants); nothing when they don't. Whether they were applied."""
    with engine.connect() as connection:
        present = connection.execute(
            text("SELECT count(*) FROM pg_roles WHERE rolname = ANY(:r)"), {"r": list(ROLES)}
        ).scalar()
    if present != len(ROLES):
        return False
    apply_roles(engine)
    return True
