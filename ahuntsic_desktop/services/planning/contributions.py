"""Contributions: what was said or proposed at an activity, with its kind, themes,
population concerned and priority votes (dots). Anonymous by default: a contribution
carries a person's name only while that person consents to it
(:attr:`ConsentPurpose.NAMED_CONTRIBUTION`).

:func:`add_contributions` writes many rows typed in a grid, all or nothing, and says what
is wrong with each refused row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ...domain import Contribution, ContributionTheme, Person, ProcessActivity, Theme
from ...domain.enums import ConsentPurpose
from ...domain.labels import label
from ...domain.planning import ContributionKind
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import validation as v
from ..privacy.consents import has_consent
from .common import count, require_activity
from .vocabulary import theme_ids_by_name

NAME_PURPOSE = ConsentPurpose.NAMED_CONTRIBUTION
MAX_ROWS = 5000


@dataclass(frozen=True)
class ContributionData:
    text: str
    kind: ContributionKind | str = ContributionKind.IDEA
    themes: Sequence[int | str] = ()  # theme ids, or names
    population: str | None = None
    votes: int | str | None = 0
    person_id: int | None = None


@dataclass(frozen=True)
class RowError:
    index: int  # the row's place in the list given, from 0
    field: str | None
    message: str


@dataclass(frozen=True)
class FastEntryResult:
    ids: tuple[int, ...] = ()
    errors: tuple[RowError, ...] = ()
    new_themes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Themes:
    known: dict[str, int]
    create: bool
    new: dict[str, str] = field(default_factory=dict)  # folded -> name as typed


_KIND_WORDS = {
    v.name_sort_key(word): kind
    for kind, words in {
        ContributionKind.FINDING: ("constat", "constats", "finding"),
        ContributionKind.NEED: ("besoin", "besoins", "need"),
        ContributionKind.IDEA: ("idee", "idees", "idea"),
        ContributionKind.STRENGTH: ("force", "forces", "strength"),
        ContributionKind.CHALLENGE: ("defi", "defis", "challenge"),
        ContributionKind.PROPOSAL: ("proposition", "propositions", "proposal"),
    }.items()
    for word in words
}


def parse_kind(value: ContributionKind | str | None) -> str:
    """The kind's code from its code or its French or English name (accents ignored)."""
    if isinstance(value, ContributionKind):
        return value.value
    kind = _KIND_WORDS.get(v.name_sort_key((value or "").strip()))
    if kind is None:
        known = ", ".join(label(k) for k in ContributionKind)
        raise ValidationError(
            _("Nature inconnue « {value} » : choisissez parmi {known}.").format(
                value=value or "", known=known
            ),
            "kind",
        )
    return kind.value


def _theme_ids(session: Session, values: Iterable[int | str], themes: _Themes) -> list[int | str]:
    ids: list[int | str] = []
    for value in values:
        if isinstance(value, int):
            if session.get(Theme, value) is None:
                raise NotFoundError(_("Ce thème n'existe plus."), "themes")
            ids.append(value)
            continue
        name = v.optional_text(value, "themes", _("Thèmes"), max_length=120)
        if name is None:
            continue
        folded = v.name_sort_key(name)
        if folded in themes.known:
            ids.append(themes.known[folded])
        elif themes.create:
            themes.new.setdefault(folded, name)
            ids.append(folded)  # resolved once the theme is written
        else:
            raise ValidationError(_("Thème inconnu : « {name} ».").format(name=name), "themes")
    return list(dict.fromkeys(ids))


def _person(session: Session, person_id: int | None, today: dt.date) -> int | None:
    if person_id is None:
        return None
    if session.get(Person, person_id) is None:
        raise NotFoundError(_("Cette personne n'existe plus."), "person_id")
    if not has_consent(session, person_id, NAME_PURPOSE, today):
        raise ValidationError(
            _(
                "Une contribution ne porte un nom qu'avec le consentement de la personne "
                "(« {purpose} ») : laissez-la anonyme ou enregistrez d'abord ce consentement."
            ).format(purpose=label(NAME_PURPOSE)),
            "person_id",
        )
    return person_id


def _clean(session: Session, data: ContributionData, today: dt.date, themes: _Themes) -> dict:
    return {
        "text": v.required_text(
            data.text, "text", _("Contribution"), max_length=5000, multiline=True
        ),  # fmt: skip
        "kind": parse_kind(data.kind),
        "population": v.optional_text(data.population, "population", _("Population concernée")),
        "votes": count(data.votes, "votes", _("Votes")),
        "person_id": _person(session, data.person_id, today),
        "themes": _theme_ids(session, data.themes, themes),
    }


def _write(session: Session, activity_id: int, rows: list[dict], themes: _Themes) -> list[int]:
    created: dict[str, int] = {}
    last = session.scalar(select(func.max(Theme.position))) or 0
    for folded, name in themes.new.items():
        last += 1
        theme = Theme(name=name, position=last)
        session.add(theme)
        session.flush()
        created[folded] = theme.id
    position = (
        session.scalar(
            select(func.max(Contribution.position)).where(Contribution.activity_id == activity_id)
        )
        or 0
    )
    ids = []
    for row in rows:
        theme_ids = [created.get(t, t) if isinstance(t, str) else t for t in row.pop("themes")]
        position += 1
        contribution = Contribution(activity_id=activity_id, position=position, **row)
        session.add(contribution)
        session.flush()
        session.add_all(
            ContributionTheme(contribution_id=contribution.id, theme_id=t) for t in theme_ids
        )
        ids.append(contribution.id)
    return ids


def _check(
    session: Session, rows: Sequence[ContributionData], today: dt.date, themes: _Themes
) -> tuple[list[dict], list[RowError]]:
    if len(rows) > MAX_ROWS:
        raise ValidationError(
            _("Trop de lignes : {count} (au plus {max}).").format(count=len(rows), max=MAX_ROWS)
        )
    clean, errors = [], []
    for index, data in enumerate(rows):
        if not (data.text or "").strip() and not data.themes and not data.population:
            continue
        try:
            clean.append(_clean(session, data, today, themes))
        except ValidationError as error:
            errors.append(RowError(index, error.field, error.message))
    return clean, errors


def check_contributions(
    db: Database,
    activity_id: int,
    rows: Sequence[ContributionData],
    today: dt.date,
    *,
    create_themes: bool = False,
) -> FastEntryResult:
    """What :func:`add_contributions` would say, writing nothing (for a preview)."""
    with db.session() as session:
        require_activity(session, activity_id)
        themes = _Themes(theme_ids_by_name(session), create_themes)
        _clean_rows, errors = _check(session, rows, today, themes)
        return FastEntryResult((), tuple(errors), tuple(themes.new.values()))


def add_contributions(
    db: Database,
    activity_id: int,
    rows: Sequence[ContributionData],
    today: dt.date,
    *,
    create_themes: bool = False,
) -> FastEntryResult:
    """Write every row in one transaction, or none: with any refused row, nothing is
    written and each refused row's reason comes back. Blank rows are skipped.
    ``create_themes`` adds themes typed that the vocabulary does not have yet."""
    with db.session() as session:
        require_activity(session, activity_id)
        themes = _Themes(theme_ids_by_name(session), create_themes)
        clean, errors = _check(session, rows, today, themes)
        if errors:
            return FastEntryResult(errors=tuple(errors))
        ids = _write(session, activity_id, clean, themes)
        return FastEntryResult(tuple(ids), (), tuple(themes.new.values()))


def add_contribution(db: Database, activity_id: int, data: ContributionData, today: dt.date) -> int:
    """One contribution; raises :class:`ValidationError` when refused."""
    with db.session() as session:
        require_activity(session, activity_id)
        themes = _Themes(theme_ids_by_name(session), False)
        return _write(session, activity_id, [_clean(session, data, today, themes)], themes)[0]


def update_contribution(
    db: Database, contribution_id: int, data: ContributionData, today: dt.date
) -> None:
    with db.session() as session:
        contribution = session.get(Contribution, contribution_id)
        if contribution is None:
            raise NotFoundError(_("Cette contribution n'existe plus."))
        values = _clean(session, data, today, _Themes(theme_ids_by_name(session), False))
        theme_ids = values.pop("themes")
        for key, value in values.items():
            setattr(contribution, key, value)
        session.execute(
            delete(ContributionTheme).where(ContributionTheme.contribution_id == contribution_id)
        )
        session.add_all(
            ContributionTheme(contribution_id=contribution_id, theme_id=t) for t in theme_ids
        )


def delete_contribution(db: Database, contribution_id: int) -> None:
    with db.session() as session:
        contribution = session.get(Contribution, contribution_id)
        if contribution is None:
            raise NotFoundError(_("Cette contribution n'existe plus."))
        session.delete(contribution)


@dataclass(frozen=True)
class ContributionLine:
    id: int
    activity_id: int
    activity_title: str
    text: str
    kind: str
    kind_label: str
    themes: tuple[str, ...]
    population: str
    votes: int
    person_name: str  # "" when anonymous or when the consent is no longer in force


def list_contributions(
    db: Database,
    process_id: int,
    today: dt.date,
    *,
    activity_id: int | None = None,
) -> list[ContributionLine]:
    """The démarche's contributions (or one activity's), most votes first."""
    c = Contribution
    with db.session() as session:
        query = (
            select(c, ProcessActivity.title, Person.first_name, Person.last_name)
            .join(ProcessActivity, ProcessActivity.id == c.activity_id)
            .outerjoin(Person, Person.id == c.person_id)
            .where(ProcessActivity.process_id == process_id)
        )
        if activity_id is not None:
            query = query.where(c.activity_id == activity_id)
        rows = session.execute(query.order_by(c.votes.desc(), c.activity_id, c.position)).all()
        names: dict[int, list[str]] = {}
        for cid, name in session.execute(
            select(ContributionTheme.contribution_id, Theme.name)
            .join(Theme, Theme.id == ContributionTheme.theme_id)
            .order_by(Theme.position, Theme.name)
        ):
            names.setdefault(cid, []).append(name)
        named = {r[0].person_id for r in rows if r[0].person_id is not None}
        consenting = {p for p in named if has_consent(session, p, NAME_PURPOSE, today)}
        return [
            ContributionLine(
                x.id,
                x.activity_id,
                title,
                x.text,
                x.kind,
                label(x.kind, ContributionKind),
                tuple(names.get(x.id, ())),
                x.population or "",
                x.votes,
                f"{first} {last}".strip() if x.person_id in consenting else "",
            )
            for x, title, first, last in rows
        ]
