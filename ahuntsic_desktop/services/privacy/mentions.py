"""Where a person's name or email appears in free text: minutes, notes, follow-ups,
resolutions. An access request shows these passages; an erasure rewrites them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ...domain import (
    AccessRequest,
    AgendaItem,
    Contribution,
    FollowUp,
    FundingAgreement,
    Meeting,
    Membership,
    Organization,
    Person,
    PrivacyIncident,
    ProcessActivity,
    ReportingDeadline,
    Resolution,
    Synthesis,
)
from ...i18n import N_, _

# (column, what it is) searched for mentions
TEXT_COLUMNS: tuple[tuple[InstrumentedAttribute, str], ...] = (
    (AgendaItem.title, N_("Point à l'ordre du jour")),
    (AgendaItem.minutes_text, N_("Procès-verbal")),
    (Meeting.notes, N_("Notes de rencontre")),
    (Resolution.title, N_("Titre de résolution")),
    (Resolution.text, N_("Texte de résolution")),
    (FollowUp.description, N_("Suivi")),
    (Organization.notes, N_("Notes d'organisme")),
    (Person.notes, N_("Notes d'une autre personne")),
    (Membership.notes, N_("Notes d'adhésion")),
    (FundingAgreement.notes, N_("Notes d'entente de financement")),
    (FundingAgreement.conditions, N_("Conditions d'entente de financement")),
    (ReportingDeadline.notes, N_("Notes de reddition de comptes")),
    (AccessRequest.notes, N_("Notes de demande d'accès")),
    (PrivacyIncident.description, N_("Incident de confidentialité")),
    (PrivacyIncident.information_concerned, N_("Incident de confidentialité")),
    (PrivacyIncident.measures, N_("Incident de confidentialité")),
    (Contribution.text, N_("Contribution à la démarche")),
    (Synthesis.text, N_("Synthèse de la démarche")),
    (ProcessActivity.notes, N_("Notes d'activité de la démarche")),
)
EXCERPT = 60  # characters of context on each side


@dataclass(frozen=True)
class Mention:
    table: str
    column: str
    record_id: int
    where: str  # translated: « Procès-verbal »
    excerpt: str


def needles(first: str | None, last: str | None, email: str | None) -> list[str]:
    """What identifies a person in free text: the full name in both orders, the email.

    A first or last name alone is too common to be searched for."""
    first, last = (first or "").strip(), (last or "").strip()
    found = []
    if first and last:
        found += [f"{first} {last}", f"{last} {first}", f"{last}, {first}"]
    if email and email.strip():
        found.append(email.strip())
    return [n for n in dict.fromkeys(found) if len(n) >= 5]


def pattern(words: Iterable[str]) -> re.Pattern | None:
    words = sorted(set(words), key=len, reverse=True)
    if not words:
        return None
    spaced = (r"\s+".join(re.escape(part) for part in word.split()) for word in words)
    return re.compile("|".join(spaced), re.IGNORECASE)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _probe(word: str) -> str:
    """The longest run of ASCII letters and digits of ``word``: SQL LIKE folds the case of
    ASCII only, so every spelling of the word (« ÉLISE CÔTÉ ») contains this run."""
    runs = re.findall(r"[A-Za-z0-9@.\-]+", word)
    return max(runs, key=len) if runs else word


def _candidates(session: Session, column: InstrumentedAttribute, words: list[str]):
    key = column.class_.__mapper__.primary_key[0]
    # LIKE narrows the search; the regular expression decides.
    condition = or_(*(column.like(_like(_probe(w)), escape="\\") for w in words))
    return session.execute(select(key, column).where(column.is_not(None), condition))


def find_mentions(
    session: Session, words: list[str], *, exclude_person_id: int | None = None
) -> list[Mention]:
    """Passages of free text that contain one of ``words`` (see :func:`needles`)."""
    regex = pattern(words)
    if regex is None:
        return []
    mentions = []
    for column, where in TEXT_COLUMNS:
        table = column.class_.__tablename__
        for record_id, text in _candidates(session, column, words):
            if table == "person" and record_id == exclude_person_id:
                continue
            match = regex.search(text or "")
            if match is None:
                continue
            start, end = max(0, match.start() - EXCERPT), match.end() + EXCERPT
            excerpt = " ".join(text[start:end].split())
            prefix = "…" if start > 0 else ""
            suffix = "…" if end < len(text) else ""
            mentions.append(
                Mention(table, column.key, record_id, _(where), prefix + excerpt + suffix)
            )
    return mentions


def rewrite_mentions(session: Session, words: list[str], replacement: str, **kwargs) -> int:
    """Replace every occurrence of ``words`` by ``replacement``; returns the texts changed."""
    regex = pattern(words)
    if regex is None:
        return 0
    changed = 0
    for mention in find_mentions(session, words, **kwargs):
        model = next(c.class_ for c, _w in TEXT_COLUMNS if c.class_.__tablename__ == mention.table)
        record = session.get(model, mention.record_id)
        text = getattr(record, mention.column)
        new = regex.sub(replacement, text)
        if new != text:
            setattr(record, mention.column, new)
            changed += 1
    return changed
