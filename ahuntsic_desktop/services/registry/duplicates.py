"""Similar persons and organisations, to warn before a duplicate is made.

Two records look alike when they have the same name once accents, case, hyphens,
punctuation and word order are ignored (« Côté-Lévesque Marie » and « marie cote levesque »),
the same email address (case ignored) or the same phone number (digits only).

:func:`similar_persons` and :func:`similar_organizations` answer one question fast (one
query that the database narrows down, then exact keys in Python): fine while typing in a
form, even with 100,000 persons. :class:`DuplicateIndex` loads every key once for many
questions (an import of 10,000 rows).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from sqlalchemy import and_, func, or_, select, true

from ...domain import Organization, Person
from ...i18n import N_, _
from ...store import Database
from ...text import fold_for_key
from ..core import name_sort_key


class Kind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"


class Reason(StrEnum):
    NAME = "name"
    EMAIL = "email"
    PHONE = "phone"


_REASON_LABELS = {
    Reason.NAME: N_("même nom"),
    Reason.EMAIL: N_("même courriel"),
    Reason.PHONE: N_("même téléphone"),
}


def reason_label(reason: Reason | str) -> str:
    return _(_REASON_LABELS[Reason(reason)])


@dataclass(frozen=True)
class Match:
    """An existing record that looks like the one being typed or imported."""

    kind: str
    id: int
    name: str
    email: str | None
    phone: str | None
    archived: bool
    reasons: tuple[str, ...]

    @property
    def reason_text(self) -> str:
        """« même nom, même courriel »"""
        return ", ".join(reason_label(r) for r in self.reasons)


# -- keys ---------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65_536)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold_for_key(text)))


def name_key(*parts: str | None) -> str:
    """The words of a name, folded and sorted: accents, case, hyphens, punctuation and word
    order are ignored. ``name_key("Côté-Lévesque", "Marie") == "cote levesque marie"``."""
    words: list[str] = []
    for part in parts:
        if part:
            words.extend(_words(part))
    return " ".join(sorted(words))


def email_key(email: str | None) -> str | None:
    text = (email or "").strip().casefold()
    return text or None


_EXTENSION = re.compile(r"[A-Za-z#]")
_NON_DIGIT = re.compile(r"\D+")


def phone_key(phone: str | None) -> str | None:
    """The digits of a phone number without its extension; North American numbers lose
    their leading 1. Fewer than 7 digits is no number (None)."""
    if not phone:
        return None
    digits = _NON_DIGIT.sub("", _EXTENSION.split(str(phone), maxsplit=1)[0])
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits if len(digits) >= 7 else None


# Letters that an accented or special letter may fold to: they become ``_`` (any one
# character) in the LIKE pattern that narrows the search in the database.
_LITERAL = frozenset("bfhjkmpqrtvwx0123456789")


def _like_pattern(word: str) -> str:
    return "%" + "".join(c if c in _LITERAL else "_" for c in word) + "%"


def _name_condition(columns, key: str):
    """A condition the database checks fast and every record with ``key`` passes: one of
    the name columns holds each of the two most telling words, accented letters standing
    for any letter (a word never spans two columns)."""
    words = [w for w in key.split() if not any(pair in w for pair in ("oe", "ae", "ss"))]
    words.sort(key=lambda w: -sum(c in _LITERAL for c in w))
    return and_(true(), *(or_(*(c.ilike(_like_pattern(w)) for c in columns)) for w in words[:2]))


# -- one question -------------------------------------------------------------------------


def _reasons(
    key: str, email: str | None, phone: str | None, row_key, row_email, row_phone
) -> tuple[str, ...]:
    reasons = []
    if key and key == row_key:
        reasons.append(Reason.NAME.value)
    if email and email == email_key(row_email):
        reasons.append(Reason.EMAIL.value)
    if phone and phone == phone_key(row_phone):
        reasons.append(Reason.PHONE.value)
    return tuple(reasons)


def _sorted(matches: list[Match], limit: int | None) -> list[Match]:
    matches.sort(key=lambda m: (-len(m.reasons), m.archived, name_sort_key(m.name), m.id))
    return matches if limit is None else matches[:limit]


def _search(db, kind: Kind, names, email, phone, exclude_id, include_archived, limit):
    model = Person if kind is Kind.PERSON else Organization
    name_columns = (
        (Person.first_name, Person.last_name) if kind is Kind.PERSON else (Organization.name,)
    )
    key, ekey, pkey = name_key(*names), email_key(email), phone_key(phone)
    conditions = []
    if key:
        conditions.append(_name_condition(name_columns, key))
    if ekey:
        conditions.append(func.lower(func.trim(model.email)) == ekey)
    if pkey:  # the digits in order, anything between them
        conditions.append(model.phone.like("%" + "%".join(pkey) + "%"))
    if not conditions:
        return []
    stmt = select(model.id, *name_columns, model.email, model.phone, model.archived_at).where(
        or_(*conditions)
    )
    if exclude_id is not None:
        stmt = stmt.where(model.id != exclude_id)
    if not include_archived:
        stmt = stmt.where(model.archived_at.is_(None))
    if kind is Kind.PERSON:
        stmt = stmt.where(Person.anonymized_at.is_(None))
    with db.session() as session:
        rows = session.connection().execute(stmt).all()
    matches = []
    for row in rows:
        row_names = row[1 : 1 + len(name_columns)]
        email_value, phone_value, archived_at = row[-3:]
        reasons = _reasons(key, ekey, pkey, name_key(*row_names), email_value, phone_value)
        if reasons:
            display = " ".join(n for n in row_names if n)
            matches.append(
                Match(
                    kind.value,
                    row.id,
                    display,
                    email_value,
                    phone_value,
                    archived_at is not None,
                    reasons,
                )
            )
    return _sorted(matches, limit)


def similar_persons(
    db: Database,
    first: str | None,
    last: str | None,
    email: str | None = None,
    phone: str | None = None,
    exclude_id: int | None = None,
    *,
    include_archived: bool = True,
    limit: int | None = 20,
) -> list[Match]:
    """Existing persons that look like the one described, best matches first. Archived
    persons are included (flagged) so they can be restored instead of typed again."""
    return _search(
        db, Kind.PERSON, (first, last), email, phone, exclude_id, include_archived, limit
    )


def similar_organizations(
    db: Database,
    name: str | None,
    email: str | None = None,
    phone: str | None = None,
    exclude_id: int | None = None,
    *,
    include_archived: bool = True,
    limit: int | None = 20,
) -> list[Match]:
    """Existing organisations that look like the one described, best matches first."""
    return _search(
        db, Kind.ORGANIZATION, (name,), email, phone, exclude_id, include_archived, limit
    )


# -- many questions -----------------------------------------------------------------------


class DuplicateIndex:
    """Every existing person (or organisation) by name key, email and phone, loaded in one
    query of plain tuples; each :meth:`find` is then a few dictionary look-ups."""

    def __init__(self, kind: Kind) -> None:
        self.kind = kind
        self._records: dict[int, tuple] = {}
        self._by_name: dict[str, list[int]] = defaultdict(list)
        self._by_email: dict[str, list[int]] = defaultdict(list)
        self._by_phone: dict[str, list[int]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self._records)

    def add(self, record_id: int, names, email: str | None, phone: str | None, archived=False):
        self._records[record_id] = (names, email, phone, archived)
        key = name_key(*names)
        if key:
            self._by_name[key].append(record_id)
        if email:
            self._by_email[email.strip().casefold()].append(record_id)
        if phone and (digits := phone_key(phone)):
            self._by_phone[digits].append(record_id)

    @classmethod
    def load(cls, db: Database, kind: Kind | str) -> DuplicateIndex:
        kind = Kind(kind)
        index = cls(kind)
        if kind is Kind.PERSON:
            p = Person
            stmt = select(p.id, p.first_name, p.last_name, p.email, p.phone, p.archived_at).where(
                p.anonymized_at.is_(None)
            )
        else:
            o = Organization
            stmt = select(o.id, o.name, o.email, o.phone, o.archived_at)
        with db.session() as session:
            rows = session.connection().execute(stmt).all()
        for row in rows:
            index.add(row[0], row[1:-3], row[-3], row[-2], row[-1] is not None)
        return index

    def find(
        self,
        names: tuple[str | None, ...],
        email: str | None = None,
        phone: str | None = None,
        *,
        reasons: Iterable[Reason | str] = tuple(Reason),
        exclude_id: int | None = None,
    ) -> list[Match]:
        """Records sharing the name key, email or phone (only the ``reasons`` asked)."""
        wanted = {Reason(r) for r in reasons}
        searches = (
            (Reason.NAME, self._by_name, name_key(*names)),
            (Reason.EMAIL, self._by_email, email_key(email)),
            (Reason.PHONE, self._by_phone, phone_key(phone)),
        )
        found: dict[int, list[str]] = defaultdict(list)
        for reason, table, key in searches:
            if reason in wanted and key:
                for record_id in table.get(key, ()):
                    if record_id != exclude_id:
                        found[record_id].append(reason.value)
        matches = []
        for record_id, why in found.items():
            record_names, email_value, phone_value, archived = self._records[record_id]
            display = " ".join(n for n in record_names if n)
            matches.append(
                Match(
                    self.kind.value,
                    record_id,
                    display,
                    email_value,
                    phone_value,
                    archived,
                    tuple(why),
                )
            )
        return _sorted(matches, None)
