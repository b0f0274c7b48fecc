"""Issues and diagnostics of the portrait (enjeux, diagnostics), each resting on the
indicators and the démarche's contributions that support it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from ...domain import Contribution, Indicator, PortraitIssue
from ...domain.portrait_parts import IssueKind, issue_contribution, issue_indicator
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import validation as v


@dataclass(frozen=True)
class IssueForm:
    title: str
    kind: IssueKind | str = IssueKind.ISSUE
    text: str | None = None
    theme: str | None = None
    population: str | None = None


@dataclass(frozen=True)
class IssueRow:
    id: int
    kind: str
    title: str
    text: str | None
    theme: str
    population: str
    indicators: tuple[str, ...]  # « Ménages locataires — Ahuntsic, 2021 : 61,2 % »
    contributions: tuple[str, ...]
    indicator_ids: tuple[int, ...] = ()
    contribution_ids: tuple[int, ...] = ()


def _clean(form: IssueForm) -> dict:
    return {
        "title": v.required_text(form.title, "title", _("Titre"), max_length=300),
        "kind": v.choice(form.kind, IssueKind, "kind", _("Nature")),
        "text": v.optional_text(
            form.text, "text", _("Description"), max_length=20000, multiline=True
        ),
        "theme": v.optional_text(form.theme, "theme", _("Thème"), max_length=120) or "",
        "population": v.optional_text(form.population, "population", _("Population concernée"))
        or "",
    }


def save_issue(db: Database, form: IssueForm, issue_id: int | None = None) -> int:
    values = _clean(form)
    with db.session() as session:
        if issue_id is None:
            record = PortraitIssue(**values)
            last = session.scalar(select(PortraitIssue.position).order_by(
                PortraitIssue.position.desc()).limit(1))  # fmt: skip
            record.position = (last or 0) + 1
            session.add(record)
        else:
            record = session.get(PortraitIssue, issue_id)
            if record is None:
                raise NotFoundError(_("Cet enjeu n'existe plus."), "id")
            for key, value in values.items():
                setattr(record, key, value)
        session.flush()
        return record.id


def delete_issue(db: Database, issue_id: int) -> None:
    with db.session() as session:
        record = session.get(PortraitIssue, issue_id)
        if record is None:
            raise NotFoundError(_("Cet enjeu n'existe plus."), "id")
        session.delete(record)


def set_supports(
    db: Database,
    issue_id: int,
    *,
    indicator_ids: Iterable[int] | None = None,
    contribution_ids: Iterable[int] | None = None,
) -> None:
    """Replace what the issue rests on (a None list is left as it is)."""
    with db.session() as session:
        if session.get(PortraitIssue, issue_id) is None:
            raise NotFoundError(_("Cet enjeu n'existe plus."), "id")
        for table, model, ids, field, message in (
            (issue_indicator, Indicator, indicator_ids, "indicators",
             _("Un des indicateurs choisis n'existe plus.")),
            (issue_contribution, Contribution, contribution_ids, "contributions",
             _("Une des contributions choisies n'existe plus.")),
        ):  # fmt: skip
            if ids is None:
                continue
            wanted = sorted(set(ids))
            found = set(session.scalars(select(model.id).where(model.id.in_(wanted))))
            if len(found) != len(wanted):
                raise ValidationError(message, field)
            other = table.c[f"{model.__tablename__}_id"]
            session.execute(delete(table).where(table.c.portrait_issue_id == issue_id))
            if wanted:
                session.execute(
                    insert(table),
                    [{"portrait_issue_id": issue_id, other.key: i} for i in wanted],
                )


def indicator_label(name: str, group: str, territory: str, year: int, value, unit: str) -> str:
    figure = format(value.normalize(), "f").replace(".", ",")
    who = f"{name} ({group})" if group else name
    return f"{who} — {territory}, {year} : {figure}{' ' + unit if unit else ''}"


def list_issues(db: Database) -> list[IssueRow]:
    i = Indicator
    with db.session() as session:
        issues = session.scalars(
            select(PortraitIssue).order_by(PortraitIssue.position, PortraitIssue.id)
        ).all()
        indicators: dict[int, list[tuple[int, str]]] = {}
        for issue_id, *row in session.execute(
            select(issue_indicator.c.portrait_issue_id, i.id, i.name, i.population_group,
                   i.territory, i.year, i.value, i.unit)
            .join(i, i.id == issue_indicator.c.indicator_id)
            .order_by(i.name, i.year)
        ):  # fmt: skip
            indicators.setdefault(issue_id, []).append((row[0], indicator_label(*row[1:])))
        contributions: dict[int, list[tuple[int, str]]] = {}
        for issue_id, cid, text in session.execute(
            select(issue_contribution.c.portrait_issue_id, Contribution.id, Contribution.text)
            .join(Contribution, Contribution.id == issue_contribution.c.contribution_id)
            .order_by(Contribution.id)
        ):
            contributions.setdefault(issue_id, []).append((cid, text))
        return [
            IssueRow(
                x.id,
                x.kind,
                x.title,
                x.text,
                x.theme,
                x.population,
                tuple(t for _i, t in indicators.get(x.id, [])),
                tuple(t for _i, t in contributions.get(x.id, [])),
                tuple(i for i, _t in indicators.get(x.id, [])),
                tuple(i for i, _t in contributions.get(x.id, [])),
            )  # fmt: skip
            for x in issues
        ]


def indicator_choices(db: Database) -> list[tuple[int, str]]:
    """(id, label) of every indicator value, for choosing an issue's supports."""
    i = Indicator
    with db.session() as session:
        rows = session.execute(
            select(i.id, i.name, i.population_group, i.territory, i.year, i.value, i.unit)
        ).all()
    found = [(row[0], indicator_label(*row[1:])) for row in rows]
    return sorted(found, key=lambda pair: v.name_sort_key(pair[1]))


def contribution_choices(db: Database) -> list[tuple[int, str]]:
    """(id, text) of every contribution of the démarches, for choosing an issue's supports."""
    with db.session() as session:
        return [
            (cid, text)
            for cid, text in session.execute(
                select(Contribution.id, Contribution.text).order_by(Contribution.id)
            )
        ]
