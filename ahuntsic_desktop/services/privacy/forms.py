"""Every way the file may write one person: their name in any order, case and accents
(« Élise Côté-Lévesque », « CÔTÉ-LÉVESQUE, Élise », « Mme Côté-Lévesque (Élise) »,
« É. Côté-Lévesque »), their email, and their phone in any formatting (514-555-0199,
(514) 555 0199, 5145550199, +1 514 555 0199), for them and for every record merged into
them. Erasure and access requests search the file with one :class:`Identity`.

Text is compared *folded*: compatibility-decomposed, accents dropped, lower case, dashes,
apostrophes and spaces unified; a match is mapped back onto the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

_APOSTROPHES = "’‘`´ʼ"
_DASHES = "‐‑‒–—―−"
# Titles that may stand before a name: « M. », « Mme », « Dre »...
_TITLE = r"(?:(?:m|mme|mlle|mr|mrs|ms|dr|dre|me|madame|monsieur)\.?\s+)?"
_SEP = r"[\s\-]+"  # between the parts of a name: « Côté-Lévesque » = « Côté Lévesque »
_PHONE_SEP = r"[\s.\-()/]{0,3}"  # between the digits of a phone number


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """What ``char`` becomes in folded text: possibly nothing (an accent on its own) or
    several characters (« ﬁ »)."""
    if char in _APOSTROPHES:
        return "'"
    if char in _DASHES:
        return "-"
    if char.isspace():
        return " "
    parts = unicodedata.normalize("NFKD", char)
    return "".join(c for c in parts if not unicodedata.combining(c)).lower()


def fold(text: str) -> str:
    """``text`` folded (see the module's docstring)."""
    if text.isascii():
        return text.lower()
    return "".join(fold_char(c) for c in text)


def _folded_with_positions(text: str) -> tuple[str, list[int] | None]:
    """The folded text and, for each of its characters, where it comes from in ``text``
    (None when they line up one for one)."""
    if text.isascii():
        return text.lower(), None
    chars, positions = [], []
    for i, c in enumerate(text):
        for f in fold_char(c):
            chars.append(f)
            positions.append(i)
    return "".join(chars), positions


def _tokens(name: str | None) -> list[str]:
    return [t for t in re.split(r"[\s\-]+", fold(name or "")) if t]


def _name_forms(first: str | None, last: str | None) -> list[str]:
    """Regular expressions (on folded text) of the forms of one name."""
    given, family = _tokens(first), _tokens(last)
    if not given or not family or len("".join(given + family)) < 4:
        return []  # a first or last name alone is too common to be searched for
    f = _SEP.join(re.escape(t) for t in given)
    last_name = _SEP.join(re.escape(t) for t in family)
    initials = r"\.?[\s\-]*".join(re.escape(t[0]) for t in given)
    dotted = r"\.[\s\-]*".join(re.escape(t[0]) for t in given) + r"\."
    return [
        rf"{f}\s+{last_name}",  # Prénom Nom
        rf"{last_name}\s*,?\s+{f}",  # Nom Prénom, Nom, Prénom
        rf"{last_name}\s*\(\s*(?:{f}|{initials}\.?)\s*\)",  # M. Nom (Prénom), Nom (É.)
        rf"{initials}(?:\.\s*|\s+){last_name}",  # É. Nom, É Nom, M.-È. Nom
        rf"{last_name}\s*,\s*{dotted}",  # Nom, É.
    ]


def _email_form(email: str | None) -> str | None:
    email = fold((email or "").strip())
    if "@" not in email or len(email) < 5:
        return None
    return rf"(?<![\w.+\-]){re.escape(email)}(?![\w\-]|\.\w)"


def phone_digits(phone: str | None) -> tuple[str, str] | None:
    """(country code, national number) of a stored phone, or None if it has too few
    digits to be searched for."""
    if not phone or not phone.strip():
        return None
    import phonenumbers  # only when a phone is searched for (see core.contact_shapes)

    try:
        number = phonenumbers.parse(phone, "CA")
        country, national = str(number.country_code), str(number.national_number)
    except phonenumbers.NumberParseException:
        digits = re.sub(r"\D", "", phone)
        country, national = "1", digits[1:] if len(digits) == 11 and digits[0] == "1" else digits
    return (country, national) if len(national) >= 7 else None


def _phone_form(country: str, national: str) -> str:
    body = _PHONE_SEP.join(national)
    trunk = "" if country == "1" else "0?"  # 01 23 45 67 89 in France
    return rf"(?<![\d+])(?:(?:\+\s*)?{country}{_PHONE_SEP})?\(?{trunk}{body}(?!\d)"


def _ascii_run(text: str) -> str:
    """The longest run of ASCII letters and digits of ``text``: whatever the case or the
    accents, every spelling of ``text`` contains it (SQL LIKE folds ASCII case only)."""
    runs = re.findall(r"[A-Za-z0-9]+", text)
    return max(runs, key=len) if runs else ""


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class Record:
    """What identifies one record: its name, email and phone as stored."""

    id: int
    first_name: str | None
    last_name: str | None
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class Identity:
    """One person and the records merged into them, and how to find them in text."""

    person_id: int
    records: tuple[Record, ...]  # the person first, then the records merged into them

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(r.id for r in self.records)

    @property
    def merged_ids(self) -> tuple[int, ...]:
        return self.ids[1:]

    @cached_property
    def regex(self) -> re.Pattern | None:
        return _compile(self.records)

    def like_patterns(self) -> list[str]:
        """SQL LIKE patterns (escape ``\\``) that every text naming the person matches: a
        wide net the regular expression then sorts."""
        found = []
        for r in self.records:
            if _name_forms(r.first_name, r.last_name):
                found.append(_like(_ascii_run(r.last_name or "") or (r.last_name or "")))
            email = (r.email or "").strip()
            if _email_form(email):
                found.append(_like(_ascii_run(email.split("@")[0]) or email))
            digits = phone_digits(r.phone)
            if digits:
                found.append("%" + "%".join(digits[1][-4:]) + "%")
        return list(dict.fromkeys(found))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` names the person: (start, end) in ``text``."""
        regex = self.regex
        if regex is None or not text:
            return []
        folded, positions = _folded_with_positions(text)
        found = []
        for match in regex.finditer(folded):
            if match.end() == match.start():
                continue
            if positions is None:
                found.append((match.start(), match.end()))
                continue
            start, end = positions[match.start()], positions[match.end() - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1  # accents written apart belong to the letter before them
            found.append((start, end))
        return found

    def names_in(self, text: str | None) -> bool:
        return bool(text) and bool(self.spans(text))

    def replace(self, text: str, replacement: str) -> str:
        """``text`` with every mention of the person replaced by ``replacement``."""
        pieces, last = [], 0
        for start, end in self.spans(text):
            pieces += [text[last:start], replacement]
            last = end
        return "".join(pieces) + text[last:] if pieces else text

    def forms(self) -> list[str]:
        """The spellings of the person a reader would recognise, for tests and searches of
        files: names in both orders, email, phone digits."""
        found = []
        for r in self.records:
            if _name_forms(r.first_name, r.last_name):
                found += [f"{r.first_name} {r.last_name}", f"{r.last_name}, {r.first_name}"]
            if r.email:
                found.append(r.email)
            digits = phone_digits(r.phone)
            if digits:
                found.append(digits[1])
        return list(dict.fromkeys(found))


def _compile(records: Iterable[Record]) -> re.Pattern | None:
    forms: list[str] = []
    for r in records:
        names = _name_forms(r.first_name, r.last_name)
        if names:
            forms.append(rf"(?<!\w){_TITLE}(?:{'|'.join(names)})(?!\w)")
        email = _email_form(r.email)
        if email:
            forms.append(email)
        digits = phone_digits(r.phone)
        if digits:
            forms.append(_phone_form(*digits))
    if not forms:
        return None
    return re.compile("|".join(f"(?:{f})" for f in forms))
