"""Where the file names a person: every text column of every table, found from the schema
(every ``String``, ``Text`` and ``JSON`` column of :data:`Base.metadata`, so a table added
later is searched too), for every form of the person's name, email and phone and those of
the records merged into them (see :mod:`.forms`). An access request shows these passages;
an erasure shows them first, then rewrites them.

SQL ``LIKE`` narrows the rows read (:meth:`.Identity.like_patterns`, a net wide enough for
any spelling); the regular expression on folded text decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import JSON, String, Text, cast, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import Column, Table

from ...domain import AuditEntry, Base, Person
from ...domain.enums import AuditAction
from ...i18n import N_, _
from .forms import Identity, Record

EXCERPT = 60  # characters of context on each side
SCRUBBED = "[anonymisé]"  # what replaces a mention inside a JSON value (audit changes)

# What a column is, for people; other columns read « table.colonne ».
LABELS = {
    ("agenda_item", "title"): N_("Point à l'ordre du jour"),
    ("agenda_item", "minutes_text"): N_("Procès-verbal"),
    ("meeting", "title"): N_("Titre de rencontre"),
    ("meeting", "place"): N_("Lieu de rencontre"),
    ("meeting", "notes"): N_("Notes de rencontre"),
    ("resolution", "title"): N_("Titre de résolution"),
    ("resolution", "text"): N_("Texte de résolution"),
    ("follow_up", "description"): N_("Suivi"),
    ("organization", "notes"): N_("Notes d'organisme"),
    ("person", "notes"): N_("Notes d'une autre personne"),
    ("membership", "notes"): N_("Notes d'adhésion"),
    ("means", "comment"): N_("Commentaire d'un moyen"),
    ("target", "comment"): N_("Commentaire d'une cible"),
    ("funding_agreement", "notes"): N_("Notes d'entente de financement"),
    ("funding_agreement", "conditions"): N_("Conditions d'entente de financement"),
    ("reporting_deadline", "notes"): N_("Notes de reddition de comptes"),
    ("access_request", "notes"): N_("Notes de demande d'accès"),
    ("consent", "source"): N_("Source d'un consentement"),
    ("privacy_incident", "description"): N_("Incident de confidentialité"),
    ("privacy_incident", "information_concerned"): N_("Incident de confidentialité"),
    ("privacy_incident", "measures"): N_("Incident de confidentialité"),
    ("contribution", "text"): N_("Contribution à la démarche"),
    ("synthesis", "text"): N_("Synthèse de la démarche"),
    ("process_activity", "notes"): N_("Notes d'activité de la démarche"),
    ("audit_entry", "changes"): N_("Journal des modifications"),
    ("audit_entry", "user"): N_("Journal des modifications (auteur)"),
    ("setting", "value"): N_("Paramètres"),
}
# A contact column holding nothing but the person's email or phone is emptied, not renamed.
_CONTACT_COLUMNS = frozenset({"email", "phone"})
# Another record's own contact details (a shared household phone, an organisation's
# switchboard) belong to that record: an erasure leaves them, an access report shows them.
OTHER_RECORDS_CONTACTS = frozenset(
    (table, column) for table in ("person", "organization") for column in _CONTACT_COLUMNS
)


@dataclass(frozen=True)
class Mention:
    table: str
    column: str
    record_id: object  # the row's primary key
    where: str  # translated: « Procès-verbal »
    excerpt: str


def searched_columns() -> list[tuple[Table, Column]]:
    """Every text or JSON column of every table, primary keys excepted."""
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, String | Text | JSON) and not column.primary_key:
                found.append((table, column))
    return found


def where_label(table: str, column: str) -> str:
    text = LABELS.get((table, column))
    return _(text) if text else f"{table}.{column}"


def merged_into(session: Session, person_id: int) -> list[int]:
    """The records merged into ``person_id``, and those merged into them, from the merge
    entries of the audit trail (a merged record is archived, never deleted)."""
    found: list[int] = []
    todo = [person_id]
    while todo:
        current = todo.pop()
        for changes in session.scalars(
            select(AuditEntry.changes).where(
                AuditEntry.entity == "person",
                AuditEntry.entity_id == current,
                AuditEntry.action == AuditAction.MERGE.value,
            )
        ):
            lost = changes.get("merged_id") if isinstance(changes, dict) else None
            if isinstance(lost, int) and lost != person_id and lost not in found:
                found.append(lost)
                todo.append(lost)
    return found


def identity_of(session: Session, person_id: int) -> Identity:
    """The person and every record merged into them, as :mod:`.forms` searches them."""
    ids = [person_id, *merged_into(session, person_id)]
    rows = {
        r.id: r
        for r in session.execute(
            select(
                Person.id, Person.first_name, Person.last_name, Person.email, Person.phone
            ).where(Person.id.in_(ids))
        )
    }
    return Identity(person_id, tuple(Record(*rows[i]) for i in ids if i in rows))


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _excerpt(text: str, start: int, end: int) -> str:
    first, last = max(0, start - EXCERPT), end + EXCERPT
    body = " ".join(text[first:last].split())
    return ("…" if first > 0 else "") + body + ("…" if last < len(text) else "")


def _key(row) -> object:
    return row[0] if len(row) == 2 else tuple(row[:-1])


def _rows(session: Session, table: Table, column: Column, identity: Identity):
    patterns = identity.like_patterns()
    if not patterns:
        return []
    target = cast(column, Text) if isinstance(column.type, JSON) else column
    # ILIKE: SQLite's LIKE ignores case (ASCII), PostgreSQL's does not.
    condition = or_(*(target.ilike(p, escape="\\") for p in patterns))
    keys = list(table.primary_key.columns)
    return session.execute(select(*keys, column).where(column.is_not(None), condition))


def find_mentions(
    session: Session,
    identity: Identity,
    *,
    own_records: bool = False,
    others_contacts: bool = True,
) -> list[Mention]:
    """Every passage of the file that names the person. The person's own records (theirs
    and those merged into them) are left out unless ``own_records``: they are shown, and
    erased, whole. Without ``others_contacts``, other records' own email and phone columns
    (:data:`OTHER_RECORDS_CONTACTS`) are left out too."""
    own = set(identity.ids)
    found = []
    for table, column in searched_columns():
        if not others_contacts and (table.name, column.name) in OTHER_RECORDS_CONTACTS:
            continue
        for row in _rows(session, table, column, identity):
            key, value = _key(row), row[-1]
            if table.name == "person" and key in own and not own_records:
                continue
            for text in _strings(value):
                spans = identity.spans(text)
                if spans:
                    where = where_label(table.name, column.name)
                    found.append(
                        Mention(table.name, column.name, key, where, _excerpt(text, *spans[0]))
                    )
                    break
    return found


def scrub_json(value, identity: Identity, replacement: str = SCRUBBED):
    """``value`` (JSON) with every mention of the person replaced, keys and structure kept."""
    if isinstance(value, str):
        return identity.replace(value, replacement)
    if isinstance(value, dict):
        return {k: scrub_json(v, identity, replacement) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub_json(v, identity, replacement) for v in value]
    return value


def _mapped(table: Table):
    for mapper in Base.registry.mappers:
        if mapper.local_table is table:
            return mapper
    return None


def rewrite_mentions(
    session: Session, identity: Identity, replacement: str, *, json_columns: bool = True
) -> dict[str, set]:
    """Replace every mention of the person (outside their own records) by ``replacement``
    (in JSON values by « [anonymisé] »). Text columns go through the ORM, so validators keep
    derived keys right and the audit trail records the change (scrub it after the flush);
    JSON columns are written directly. Returns the rows changed per table."""
    changed: dict[str, set] = {}
    tables = Base.metadata.tables
    for mention in find_mentions(session, identity, others_contacts=False):
        table = tables[mention.table]
        column = table.columns[mention.column]
        is_json = isinstance(column.type, JSON)
        if is_json and not json_columns:
            continue
        keys = list(table.primary_key.columns)
        ids = mention.record_id if len(keys) > 1 else (mention.record_id,)
        match = [k == v for k, v in zip(keys, ids, strict=True)]
        value = session.execute(select(column).where(*match)).scalar_one()
        if is_json:
            new = scrub_json(value, identity)
        else:
            new = identity.replace(value, replacement)
            if column.name in _CONTACT_COLUMNS and new.strip() == replacement:
                new = None
        if new == value:
            continue
        mapper = None if is_json else _mapped(table)
        if mapper is not None:
            record = session.get(mapper.class_, mention.record_id)
            setattr(record, mapper.get_property_by_column(column).key, new)
        else:
            session.execute(update(table).where(*match).values({column.name: new}))
        changed.setdefault(mention.table, set()).add(mention.record_id)
    return changed
