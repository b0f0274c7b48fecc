"""The chantier lead (responsable de chantier) on a shared server: reads what the board
reads plus the members' contact details (they convene their chantier), and writes only
their chantiers' meetings (agenda, attendance, resolutions, follow-ups) and the progress
of their chantiers' means and targets (status, evaluation, comment, actual value).

Enforced by PostgreSQL: table and column grants say WHAT a lead may write, row-level
security policies say WHICH rows (those of the chantiers listed for their login in
``ahuntsic_chantier_lead``). Row security, once enabled on a table, applies to every role
but the tables' owner, so the other groups get policies that let them do what their grants
allow, as before.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text

from ..i18n import _

LEAD = "ahuntsic_chantier"
LEADS_TABLE = "ahuntsic_chantier_lead"
MINE = f"SELECT chantier_id FROM {LEADS_TABLE} WHERE login = session_user"
MY_MEETINGS = f"SELECT id FROM meeting WHERE chantier_id IN ({MINE})"
MY_ORIENTATIONS = f"SELECT id FROM orientation WHERE chantier_id IN ({MINE})"
# table -> which of its rows are the lead's
ROWS = {
    "meeting": f"chantier_id IN ({MINE})",
    "agenda_item": f"meeting_id IN ({MY_MEETINGS})",
    "attendance": f"meeting_id IN ({MY_MEETINGS})",
    "participant_count": f"meeting_id IN ({MY_MEETINGS})",
    "resolution": f"meeting_id IN ({MY_MEETINGS})",
    "follow_up": f"chantier_id IN ({MINE}) OR meeting_id IN ({MY_MEETINGS})",
    "means": f"orientation_id IN ({MY_ORIENTATIONS})",
    "target": f"orientation_id IN ({MY_ORIENTATIONS})",
}
PROGRESS_COLUMNS = {
    "means": ("status", "evaluation", "comment", "status_date"),
    "target": ("status", "evaluation", "comment", "status_date", "actual_value"),
}
# Written along with a meeting: the resolutions' numbering and the audit trail (whose
# INSERT … RETURNING reads back which record each entry is about, never what changed).
ALSO_WRITTEN = {
    "resolution_counter": "SELECT, INSERT, UPDATE",
    "audit_entry": "INSERT, SELECT (id, entity, entity_id)",
}


def create_leads_table(connection: Connection) -> None:
    connection.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {LEADS_TABLE} ("
        " login text NOT NULL,"
        " chantier_id integer NOT NULL REFERENCES chantier(id) ON DELETE CASCADE,"
        " PRIMARY KEY (login, chantier_id))"
    )


def statements(others: tuple[str, ...], readers: tuple[str, ...]) -> list[str]:
    """Grants and policies for the lead; ``others`` (the groups that write) and
    ``readers`` (the board) keep seeing and writing every row of the tables with row
    security."""
    sql = [
        f"REVOKE ALL ON {LEADS_TABLE} FROM {LEAD}",
        f"GRANT SELECT ON {LEADS_TABLE} TO {LEAD}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {LEAD}",
    ]
    sql += [f"GRANT {rights} ON {table} TO {LEAD}" for table, rights in ALSO_WRITTEN.items()]
    for table, mine in ROWS.items():
        columns = PROGRESS_COLUMNS.get(table)
        if columns is None:
            sql.append(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {LEAD}")
        else:
            sql.append(f"GRANT UPDATE ({', '.join(columns)}) ON {table} TO {LEAD}")
        sql.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for name in ("others", "readers", "lead_reads", "lead_writes"):
            sql.append(f"DROP POLICY IF EXISTS ahuntsic_{name} ON {table}")
        sql += [
            f"CREATE POLICY ahuntsic_others ON {table} TO {', '.join(others)} "
            "USING (true) WITH CHECK (true)",
            f"CREATE POLICY ahuntsic_readers ON {table} FOR SELECT TO {', '.join(readers)} "
            "USING (true)",
            f"CREATE POLICY ahuntsic_lead_reads ON {table} FOR SELECT TO {LEAD} USING (true)",
        ]
        # FOR ALL: INSERT checks the new row, UPDATE and DELETE see only the lead's rows.
        sql.append(
            f"CREATE POLICY ahuntsic_lead_writes ON {table} AS PERMISSIVE FOR ALL TO {LEAD} "
            f"USING ({mine}) WITH CHECK ({mine})"
        )
    return sql


def assign(engine: Engine, login: str, chantier_ids: list[int]) -> None:
    """Make ``login`` a lead of these chantiers (a member of the group, listed in the
    table); run by the database's owner. Raises ValueError (French) for an unknown login
    or chantier."""
    with engine.begin() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login}
        ).scalar()
        if not exists:
            raise ValueError(
                _("l'utilisateur « {login} » n'existe pas sur ce serveur.").format(login=login)
            )
        known = set(connection.execute(text("SELECT id FROM chantier")).scalars())
        missing = [str(i) for i in chantier_ids if i not in known]
        if missing:
            raise ValueError(
                _("aucun chantier n'a le numéro {ids}.").format(ids=", ".join(missing))
            )
        quoted = connection.exec_driver_sql(
            "SELECT quote_ident(%(login)s)", {"login": login}
        ).scalar()
        connection.exec_driver_sql(f"GRANT {LEAD} TO {quoted}")
        for chantier_id in chantier_ids:
            connection.execute(
                text(
                    f"INSERT INTO {LEADS_TABLE} (login, chantier_id) VALUES (:l, :c) "
                    "ON CONFLICT DO NOTHING"
                ),
                {"l": login, "c": chantier_id},
            )
