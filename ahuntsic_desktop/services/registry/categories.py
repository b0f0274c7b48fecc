"""Membership categories: régulier, associé, observateur, citoyen...; each says who votes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...domain import MembershipCategory, name_key
from ...i18n import _
from ...store import Database
from ..core import Column, NotFoundError, Table, ValidationError, is_referenced
from ..core import validation as v


@dataclass(frozen=True)
class CategoryData:
    name: str
    voting: bool = True
    default_dues_cents: int | str = 0
    for_persons: bool = True
    for_organizations: bool = True
    position: int = 0


def _apply_category(session: Session, category: MembershipCategory, data: CategoryData) -> None:
    name = v.required_text(data.name, "name", _("Nom"), max_length=100)
    dues = v.cents(data.default_dues_cents, "default_dues_cents", _("Cotisation"))
    if not (data.for_persons or data.for_organizations):
        raise ValidationError(
            _("La catégorie doit s'appliquer aux personnes, aux organismes ou aux deux."),
            "for_persons",
        )
    duplicate = ValidationError(
        _("Une catégorie nommée « {name} » existe déjà.").format(name=name), "name"
    )
    c = MembershipCategory
    if session.scalar(select(c.id).where(c.name_key == name_key(name), c.id != category.id)):
        raise duplicate
    category.name, category.default_dues_cents, category.position = name, dues, int(data.position)
    for flag in ("voting", "for_persons", "for_organizations"):
        setattr(category, flag, bool(getattr(data, flag)))
    session.add(category)
    try:
        session.flush()
    except IntegrityError:
        raise duplicate from None


def find_category(session: Session, category_id: int) -> MembershipCategory:
    category = session.get(MembershipCategory, category_id)
    if category is None:
        raise NotFoundError(_("Cette catégorie de membre n'existe plus."))
    return category


def category_for_member(
    session: Session, category_id: int, is_organization: bool
) -> MembershipCategory:
    """The category, when it applies to this kind of member (organisation or person)."""
    category = find_category(session, category_id)
    if not (category.for_organizations if is_organization else category.for_persons):
        raise ValidationError(
            _("La catégorie « {name} » ne s'applique pas à ce type de membre.").format(
                name=category.name
            ),
            "category_id",
        )
    return category


def list_categories(db: Database) -> Table:
    table = Table(
        [
            Column("name", _("Catégorie")),
            Column("voting", _("Droit de vote"), "bool"),
            Column("default_dues", _("Cotisation"), "money"),
            Column("for_persons", _("Personnes"), "bool"),
            Column("for_organizations", _("Organismes"), "bool"),
        ]
    )
    c = MembershipCategory
    with db.session() as session:
        rows = session.execute(
            select(
                c.id, c.name, c.voting, c.default_dues_cents, c.for_persons, c.for_organizations
            ).order_by(c.position, c.name_key)
        ).all()
    table.ids, table.rows = [r[0] for r in rows], [tuple(r[1:]) for r in rows]
    return table


def get_category(db: Database, category_id: int) -> CategoryData:
    with db.session() as session:
        c = find_category(session, category_id)
        return CategoryData(
            c.name, c.voting, c.default_dues_cents, c.for_persons, c.for_organizations, c.position
        )


def create_category(db: Database, data: CategoryData) -> int:
    with db.session() as session:
        category = MembershipCategory()
        _apply_category(session, category, data)
        return category.id


def update_category(db: Database, category_id: int, data: CategoryData) -> None:
    with db.session() as session:
        _apply_category(session, find_category(session, category_id), data)


def delete_category(db: Database, category_id: int) -> None:
    with db.session() as session:
        category = find_category(session, category_id)
        if is_referenced(session, MembershipCategory, category_id):
            raise ValidationError(_("Des adhésions utilisent cette catégorie : gardez-la."))
        session.delete(category)
