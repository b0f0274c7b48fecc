"""The two vocabularies the table edits: activity types (seeded with the usual list) and
themes. A name is unique whatever its case and accents; a term in use cannot be deleted."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import ActivityType, ContributionTheme, ProcessActivity, Synthesis, Theme
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import validation as v


@dataclass(frozen=True)
class Term:
    id: int
    name: str
    position: int
    uses: int


def _uses(session: Session, model, term_id: int) -> int:
    if model is ActivityType:
        checks = ((ProcessActivity, ProcessActivity.type_id),)
    else:
        checks = ((ContributionTheme, ContributionTheme.theme_id), (Synthesis, Synthesis.theme_id))
    return sum(
        session.scalar(select(func.count()).select_from(m).where(c == term_id)) or 0
        for m, c in checks
    )


def _name(session: Session, model, name: str, term_id: int | None) -> str:
    clean = v.required_text(name, "name", _("Nom"), max_length=120)
    # accents and case ignored, as themes typed or imported are matched (theme_ids_by_name)
    wanted = v.name_sort_key(clean)
    taken = [
        i
        for i, name in session.execute(select(model.id, model.name))
        if i != term_id and v.name_sort_key(name) == wanted
    ]
    if taken:
        raise ValidationError(_("« {name} » existe déjà.").format(name=clean), "name")
    return clean


def _list(db: Database, model) -> list[Term]:
    with db.session() as session:
        terms = session.scalars(select(model).order_by(model.position, model.name)).all()
        return [Term(t.id, t.name, t.position, _uses(session, model, t.id)) for t in terms]


def _create(db: Database, model, name: str) -> int:
    with db.session() as session:
        clean = _name(session, model, name, None)
        last = session.scalar(select(func.max(model.position)))
        term = model(name=clean, position=(last or 0) + 1)
        session.add(term)
        session.flush()
        return term.id


def _rename(db: Database, model, term_id: int, name: str) -> None:
    with db.session() as session:
        term = session.get(model, term_id)
        if term is None:
            raise NotFoundError(_("Ce terme n'existe plus."))
        term.name = _name(session, model, name, term_id)


def _delete(db: Database, model, term_id: int) -> None:
    with db.session() as session:
        term = session.get(model, term_id)
        if term is None:
            raise NotFoundError(_("Ce terme n'existe plus."))
        if _uses(session, model, term_id):
            raise ValidationError(
                _("« {name} » est utilisé : il ne peut pas être supprimé.").format(name=term.name)
            )
        session.delete(term)


def list_activity_types(db: Database) -> list[Term]:
    return _list(db, ActivityType)


def create_activity_type(db: Database, name: str) -> int:
    return _create(db, ActivityType, name)


def rename_activity_type(db: Database, type_id: int, name: str) -> None:
    _rename(db, ActivityType, type_id, name)


def delete_activity_type(db: Database, type_id: int) -> None:
    _delete(db, ActivityType, type_id)


def list_themes(db: Database) -> list[Term]:
    return _list(db, Theme)


def create_theme(db: Database, name: str) -> int:
    return _create(db, Theme, name)


def rename_theme(db: Database, theme_id: int, name: str) -> None:
    _rename(db, Theme, theme_id, name)


def delete_theme(db: Database, theme_id: int) -> None:
    _delete(db, Theme, theme_id)


def theme_ids_by_name(session: Session) -> dict[str, int]:
    """Theme ids by folded name, to read themes typed or imported as text."""
    return {
        v.name_sort_key(name): theme_id
        for theme_id, name in session.execute(select(Theme.id, Theme.name))
    }
