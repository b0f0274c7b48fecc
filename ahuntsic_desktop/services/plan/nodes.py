"""The nodes of an action plan as the editing services name them: a :class:`NodeRef`
(kind, id), the model behind each kind, where a node sits, and what one node holds."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import NamedTuple

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ...domain import ActionPlan, Chantier, Means, Orientation, Pillar, Target
from ...i18n import N_, _
from ...store import Database
from ..core import NotFoundError, ValidationError
from .chantiers import LinkedItem, means_links


class NodeRef(NamedTuple):
    kind: str  # plan, pillar, chantier, orientation, means, target
    id: int


MODELS = {
    "plan": ActionPlan,
    "pillar": Pillar,
    "chantier": Chantier,
    "orientation": Orientation,
    "means": Means,
    "target": Target,
}
CHILD_KINDS: dict[str, tuple[str, ...]] = {
    "plan": ("pillar", "chantier", "orientation"),
    "pillar": ("chantier", "orientation"),
    "chantier": ("orientation",),
    "orientation": ("means", "target"),
    "means": (),
    "target": (),
}
_KIND_LABELS = {
    "plan": N_("Plan d'action"),
    "pillar": N_("Pilier"),
    "chantier": N_("Chantier"),
    "orientation": N_("Orientation"),
    "means": N_("Moyen"),
    "target": N_("Cible"),
}


def kind_label(kind: str) -> str:
    return _(_KIND_LABELS.get(kind, kind))


@dataclass(frozen=True)
class NodeDetail:
    """What the side panel shows and edits for one node."""

    kind: str
    id: int
    plan_id: int
    title: str
    description: str | None = None  # the plan's vision, a chantier's mandate...
    start_year: int | None = None  # plans only
    end_year: int | None = None
    status: str | None = None  # means and targets
    evaluation: str | None = None
    comment: str | None = None
    status_date: dt.date | None = None
    indicator: str | None = None  # targets only
    target_value: Decimal | None = None
    actual_value: Decimal | None = None
    unit: str | None = None
    follow_ups: tuple[LinkedItem, ...] = ()  # means only
    resolutions: tuple[LinkedItem, ...] = ()

    @property
    def ref(self) -> NodeRef:
        return NodeRef(self.kind, self.id)


# -- helpers --------------------------------------------------------------------------------


def node_ref(node) -> NodeRef:
    return NodeRef(node.kind, node.id)


def require(session: Session, node: NodeRef):
    model = MODELS.get(node.kind)
    obj = session.get(model, node.id) if model is not None else None
    if obj is None:
        raise NotFoundError(_("Cet élément du plan d'action n'existe plus."))
    return obj


def plan_id_of(obj, kind: str, session: Session) -> int:
    if kind == "plan":
        return obj.id
    if kind in ("means", "target"):
        return session.get(Orientation, obj.orientation_id).plan_id
    return obj.plan_id


def parent_of(obj, kind: str) -> NodeRef:
    """The node ``obj`` shows under, as :func:`.plans.build_tree` places it."""
    if kind in ("means", "target"):
        return NodeRef("orientation", obj.orientation_id)
    if kind == "orientation" and obj.chantier_id is not None:
        return NodeRef("chantier", obj.chantier_id)
    if kind in ("chantier", "orientation") and obj.pillar_id is not None:
        return NodeRef("pillar", obj.pillar_id)
    return NodeRef("plan", obj.plan_id)


def siblings(session: Session, kind: str, parent: NodeRef) -> list:
    model = MODELS[kind]
    if kind in ("means", "target"):
        where = [model.orientation_id == parent.id]
    elif kind == "pillar":
        where = [model.plan_id == parent.id]
    elif kind == "chantier":
        pillar = parent.id if parent.kind == "pillar" else None
        where = [Chantier.pillar_id.is_(None) if pillar is None else Chantier.pillar_id == pillar]
        if pillar is None:
            where.append(Chantier.plan_id == parent.id)
    elif parent.kind == "chantier":
        where = [Orientation.chantier_id == parent.id]
    else:
        where = [Orientation.chantier_id.is_(None)]
        if parent.kind == "pillar":
            where.append(Orientation.pillar_id == parent.id)
        else:
            where += [Orientation.pillar_id.is_(None), Orientation.plan_id == parent.id]
    return list(session.scalars(select(model).where(*where).order_by(model.position, model.id)))


def subtree(session: Session, node: NodeRef) -> dict[str, list[int]]:
    """Ids of ``node`` and of every node beneath it, by kind."""
    ids: dict[str, list[int]] = {kind: [] for kind in MODELS}
    ids[node.kind].append(node.id)
    if node.kind == "plan":
        for kind in ("pillar", "chantier", "orientation"):
            model = MODELS[kind]
            ids[kind] = list(session.scalars(select(model.id).where(model.plan_id == node.id)))
    elif node.kind == "pillar":
        ids["chantier"] = list(
            session.scalars(select(Chantier.id).where(Chantier.pillar_id == node.id))
        )
    if node.kind in ("pillar", "chantier"):
        ids["orientation"] = list(
            session.scalars(
                select(Orientation.id).where(
                    or_(
                        Orientation.chantier_id.in_(ids["chantier"]),
                        Orientation.chantier_id.is_(None)
                        & Orientation.pillar_id.in_(ids["pillar"]),
                    )
                )
            )
        )
    for kind in ("means", "target"):
        model = MODELS[kind]
        ids[kind] += list(
            session.scalars(select(model.id).where(model.orientation_id.in_(ids["orientation"])))
        )
    return ids


def parse_quantity(value, field: str, label: str) -> Decimal | None:
    """A number for a target value: Decimal, int or text such as « 1 234,5 »; blank is None.
    Kept to two decimals."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):
        value = repr(value)
    text = re.sub(r"[\s\u00a0\u202f]", "", str(value)).replace(",", ".").rstrip("%")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError(
            _("« {value} » n'est pas un nombre ({label}).").format(value=value, label=label),
            field,
        ) from None
    if not number.is_finite() or abs(number) >= Decimal("1e12"):
        raise ValidationError(_("Le nombre « {label} » est trop grand.").format(label=label), field)
    return number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class MoveTarget:
    """A place a node may move to: the parent, its number and title, its depth."""

    ref: NodeRef
    number: str
    title: str
    depth: int


def move_targets(db: Database, node) -> list[MoveTarget]:
    """Where ``node`` may go, in plan order, its current parent included."""
    from .plans import build_tree

    node = node_ref(node)
    with db.session() as session:
        tree = build_tree(session, plan_id_of(require(session, node), node.kind, session))
    places: list[MoveTarget] = []

    def walk(item, depth: int) -> None:
        if (item.kind, item.id) == node:
            return  # never under itself
        if node.kind in CHILD_KINDS[item.kind]:
            title = item.title
            if item.kind == "plan":
                title = _("{title} (premier niveau)").format(title=item.title)
            places.append(MoveTarget(NodeRef(item.kind, item.id), item.number, title, depth))
        for child in item.children:
            walk(child, depth + 1)

    walk(tree, 0)
    return places


# -- reading one node -----------------------------------------------------------------------


def node_detail(db: Database, node) -> NodeDetail:
    node = node_ref(node)
    with db.session() as session:
        obj = require(session, node)
        common = {"kind": node.kind, "id": node.id, "plan_id": plan_id_of(obj, node.kind, session)}
        if node.kind == "plan":
            return NodeDetail(
                **common,
                title=obj.title,
                description=obj.vision,
                start_year=obj.start_year,
                end_year=obj.end_year,
            )
        if node.kind in ("pillar", "chantier"):
            text = obj.description if node.kind == "pillar" else obj.mandate
            return NodeDetail(**common, title=obj.name, description=text)
        if node.kind == "orientation":
            return NodeDetail(**common, title=obj.title, description=obj.description)
        common.update(
            title=obj.title,
            status=obj.status,
            evaluation=obj.evaluation,
            comment=obj.comment,
            status_date=obj.status_date,
        )
        if node.kind == "target":
            return NodeDetail(
                **common,
                indicator=obj.indicator,
                target_value=obj.target_value,
                actual_value=obj.actual_value,
                unit=obj.unit,
            )
        follow_ups, resolutions = means_links(session, node.id)
        return NodeDetail(**common, follow_ups=follow_ups, resolutions=resolutions)


def descriptions(db: Database, plan_id: int) -> dict[NodeRef, str]:
    """The vision, descriptions and mandates of a plan's nodes, for printed documents."""
    texts: dict[NodeRef, str] = {}
    with db.session() as session:
        plan = require(session, NodeRef("plan", plan_id))
        if plan.vision:
            texts[NodeRef("plan", plan_id)] = plan.vision
        for kind, column in (
            ("pillar", Pillar.description),
            ("chantier", Chantier.mandate),
            ("orientation", Orientation.description),
        ):
            model = MODELS[kind]
            query = select(model.id, column).where(model.plan_id == plan_id, column.is_not(None))
            texts.update({NodeRef(kind, i): text for i, text in session.execute(query) if text})
    return texts


def target_details(db: Database, plan_id: int) -> dict[int, NodeDetail]:
    """Every target of a plan with its indicator, values and comment, by target id."""
    with db.session() as session:
        require(session, NodeRef("plan", plan_id))
        targets = session.scalars(
            select(Target)
            .join(Orientation, Orientation.id == Target.orientation_id)
            .where(Orientation.plan_id == plan_id)
        )
        return {
            t.id: NodeDetail(
                kind="target",
                id=t.id,
                plan_id=plan_id,
                title=t.title,
                status=t.status,
                evaluation=t.evaluation,
                comment=t.comment,
                status_date=t.status_date,
                indicator=t.indicator,
                target_value=t.target_value,
                actual_value=t.actual_value,
                unit=t.unit,
            )
            for t in targets
        }
