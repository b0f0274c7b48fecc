"""Editing an action plan: create plans; add, rename, reorder, move and delete nodes; record
the status, evaluation and values of means and targets.

A node is named by a :class:`NodeRef` (kind, id); a :class:`~.plan.PlanNode` works too.
Under one parent, children of one kind are ordered by ``position`` and shown kind by kind
(pillars, chantiers, orientations; means, then targets), as :func:`.plans.build_tree` numbers
them. A ``position`` argument counts among the siblings of the node's own kind, from 0.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ...domain import ActionPlan, Assignment, Chantier, FollowUp, Meeting, Orientation, Resolution
from ...domain.enums import Evaluation, PlanStatus
from ...i18n import N_, _, ngettext
from ...store import Database
from ..core import ValidationError
from ..core import validation as v
from .nodes import (
    CHILD_KINDS,
    MODELS,
    MoveTarget,
    NodeDetail,
    NodeRef,
    descriptions,
    kind_label,
    move_targets,
    node_detail,
    node_ref,
    parent_of,
    parse_quantity,
    plan_id_of,
    require,
    siblings,
    subtree,
)

__all__ = [
    "CHILD_KINDS",
    "MoveTarget",
    "NodeDetail",
    "NodeRef",
    "add_node",
    "create_plan",
    "delete",
    "descriptions",
    "kind_label",
    "move",
    "move_targets",
    "node_detail",
    "rename",
    "set_description",
    "set_status",
    "set_target_values",
    "update_plan",
]

_DEFAULT_TITLES = {
    "pillar": N_("Nouveau pilier"),
    "chantier": N_("Nouveau chantier"),
    "orientation": N_("Nouvelle orientation"),
    "means": N_("Nouveau moyen"),
    "target": N_("Nouvelle cible"),
}
_PLACEMENT = {
    "pillar": N_("Un pilier se place directement sous le plan d'action."),
    "chantier": N_("Un chantier se place sous un pilier ou directement sous le plan."),
    "orientation": N_("Une orientation se place sous un chantier, un pilier ou le plan."),
    "means": N_("Un moyen se place sous une orientation."),
    "target": N_("Une cible se place sous une orientation."),
}
_MAX_TITLE = {"plan": 200, "pillar": 200, "chantier": 200}


# -- helpers ---


def _renumber(session: Session, kind: str, parent: NodeRef, moving=None, position=None) -> None:
    """Positions 1..n for the ``kind`` children of ``parent``; ``moving`` goes to
    ``position`` (the end when None)."""
    others = [s for s in siblings(session, kind, parent) if s is not moving]
    if moving is not None:
        index = len(others) if position is None else max(0, min(int(position), len(others)))
        others.insert(index, moving)
    for number, sibling in enumerate(others, start=1):
        sibling.position = number


# -- plans ----------------------------------------------------------------------------------


def plan_values(title, start_year, end_year, vision) -> dict:
    """Checked and cleaned plan fields (used by the import too)."""
    title = v.required_text(title, "title", _("Titre"), max_length=200)
    years = []
    for field, value in (("start_year", start_year), ("end_year", end_year)):
        try:
            year = int(value)
        except (TypeError, ValueError):
            year = 0
        if not 1900 <= year <= 2200:
            raise ValidationError(_("Indiquez une année à quatre chiffres."), field)
        years.append(year)
    if years[1] < years[0]:
        raise ValidationError(_("L'année de fin doit suivre l'année de début."), "end_year")
    vision = v.optional_text(vision, "vision", _("Vision"), max_length=10_000, multiline=True)
    return {"title": title, "start_year": years[0], "end_year": years[1], "vision": vision}


def check_plan_title(session: Session, title: str, plan_id: int | None = None) -> None:
    query = select(ActionPlan.id, ActionPlan.title)
    key = v.name_sort_key(title)
    if any(i != plan_id and v.name_sort_key(t) == key for i, t in session.execute(query)):
        raise ValidationError(_("Un plan d'action porte déjà ce titre."), "title")


def create_plan(
    db: Database, title: str, start_year: int, end_year: int, vision: str | None = None
) -> int:
    values = plan_values(title, start_year, end_year, vision)
    with db.session() as session:
        check_plan_title(session, values["title"])
        plan = ActionPlan(**values)
        session.add(plan)
        session.flush()
        return plan.id


def update_plan(
    db: Database, plan_id: int, title: str, start_year: int, end_year: int, vision: str | None
) -> None:
    values = plan_values(title, start_year, end_year, vision)
    with db.session() as session:
        plan = require(session, NodeRef("plan", plan_id))
        check_plan_title(session, values["title"], plan_id)
        for key, value in values.items():
            setattr(plan, key, value)


# -- nodes ----------------------------------------------------------------------------------


def clean_title(kind: str, title: str | None) -> str:
    return v.required_text(title, "title", _("Titre"), max_length=_MAX_TITLE.get(kind, 300))


def check_unique_name(session: Session, kind: str, plan_id: int, name: str, own_id=None):
    """Pillar and chantier names are unique within a plan (case and accents ignored)."""
    if kind not in ("pillar", "chantier"):
        return
    model = MODELS[kind]
    key = v.name_sort_key(name)
    rows = session.execute(select(model.id, model.name).where(model.plan_id == plan_id))
    if any(i != own_id and v.name_sort_key(n) == key for i, n in rows):
        message = {
            "pillar": _("Ce plan a déjà un pilier nommé « {name} »."),
            "chantier": _("Ce plan a déjà un chantier nommé « {name} »."),
        }[kind]
        raise ValidationError(message.format(name=name), "title")


def _default_title(session: Session, kind: str, plan_id: int) -> str:
    base = _(_DEFAULT_TITLES[kind])
    if kind not in ("pillar", "chantier"):
        return base
    model = MODELS[kind]
    names = session.scalars(select(model.name).where(model.plan_id == plan_id))
    taken = {v.name_sort_key(n) for n in names}
    title, n = base, 1
    while v.name_sort_key(title) in taken:
        n += 1
        title = f"{base} {n}"
    return title


def _check_parent(session: Session, kind: str, parent: NodeRef) -> int:
    """The plan of ``parent``, once it is known to be a possible parent of a ``kind``."""
    if kind not in CHILD_KINDS.get(parent.kind, ()):
        raise ValidationError(_(_PLACEMENT[kind]))
    return plan_id_of(require(session, parent), parent.kind, session)


def _place(session: Session, obj, kind: str, parent: NodeRef) -> None:
    """Set the parent columns of ``obj`` so that it shows under ``parent``."""
    if kind in ("means", "target"):
        obj.orientation_id = parent.id
    elif kind == "chantier":
        obj.pillar_id = parent.id if parent.kind == "pillar" else None
        if obj.id is not None:
            query = select(Orientation).where(Orientation.chantier_id == obj.id)
            for orientation in session.scalars(query):
                orientation.pillar_id = obj.pillar_id
    elif kind == "orientation":
        obj.chantier_id = parent.id if parent.kind == "chantier" else None
        if parent.kind == "chantier":
            obj.pillar_id = session.get(Chantier, parent.id).pillar_id
        else:
            obj.pillar_id = parent.id if parent.kind == "pillar" else None


def add_node(
    db: Database, kind: str, parent, title: str | None = None, position: int | None = None
) -> NodeRef:
    """A new ``kind`` node under ``parent`` (last by default). A blank ``title`` gives
    « Nouveau chantier » and the like, numbered when the name is taken."""
    if kind not in _DEFAULT_TITLES:
        raise ValidationError(_("Type d'élément inconnu."))
    parent = node_ref(parent)
    with db.session() as session:
        plan_id = _check_parent(session, kind, parent)
        text = (title or "").strip()
        text = clean_title(kind, text) if text else _default_title(session, kind, plan_id)
        check_unique_name(session, kind, plan_id, text)
        obj = MODELS[kind]()
        if kind in ("pillar", "chantier"):
            obj.name, obj.plan_id = text, plan_id
        else:
            obj.title = text
        if kind == "orientation":
            obj.plan_id = plan_id
        _place(session, obj, kind, parent)
        session.add(obj)
        session.flush()
        _renumber(session, kind, parent, obj, position)
        return NodeRef(kind, obj.id)


def rename(db: Database, node, title: str) -> None:
    node = node_ref(node)
    title = clean_title(node.kind, title)
    with db.session() as session:
        obj = require(session, node)
        if node.kind == "plan":
            check_plan_title(session, title, node.id)
            obj.title = title
        elif node.kind in ("pillar", "chantier"):
            check_unique_name(session, node.kind, obj.plan_id, title, node.id)
            obj.name = title
        else:
            obj.title = title


def set_description(db: Database, node, text: str | None) -> None:
    """The plan's vision, a chantier's mandate, a pillar's or orientation's description."""
    node = node_ref(node)
    clean = v.optional_text(
        text, "description", _("Description"), max_length=10_000, multiline=True
    )
    attribute = {"plan": "vision", "chantier": "mandate"}.get(node.kind, "description")
    if node.kind in ("means", "target"):
        attribute = "comment"
    with db.session() as session:
        setattr(require(session, node), attribute, clean)


def move(db: Database, node, new_parent, position: int | None = None) -> None:
    """Put ``node`` under ``new_parent`` at ``position`` among its kind (last when None);
    also reorders within one parent. Numbers follow."""
    node, new_parent = node_ref(node), node_ref(new_parent)
    if node.kind == "plan":
        raise ValidationError(_("Un plan d'action ne se déplace pas."))
    with db.session() as session:
        obj = require(session, node)
        plan_id = _check_parent(session, node.kind, new_parent)
        if plan_id != plan_id_of(obj, node.kind, session):
            raise ValidationError(_("Un élément ne peut pas passer d'un plan d'action à un autre."))
        old_parent = parent_of(obj, node.kind)
        _place(session, obj, node.kind, new_parent)
        session.flush()
        if old_parent != new_parent:
            _renumber(session, node.kind, old_parent)
        _renumber(session, node.kind, new_parent, obj, position)


# -- means and targets ----------------------------------------------------------------------


def status_values(status, evaluation=None, comment=None, status_date=None) -> dict:
    """Checked status, evaluation, comment and date of a means or target."""
    status = status or PlanStatus.TODO.value
    if status not in {s.value for s in PlanStatus}:
        raise ValidationError(_("Statut inconnu."), "status")
    evaluation = evaluation or None
    if evaluation is not None and evaluation not in {e.value for e in Evaluation}:
        raise ValidationError(_("Évaluation inconnue."), "evaluation")
    long_text = {"max_length": 10_000, "multiline": True}
    return {
        "status": status,
        "evaluation": evaluation,
        "comment": v.optional_text(comment, "comment", _("Commentaire"), **long_text),
        "status_date": v.parse_date(status_date, "status_date", _("Date")),
    }


def target_values(indicator, target_value, actual_value, unit) -> dict:
    """Checked indicator, target and actual values (« 1 234,5 » accepted) and unit."""
    return {
        "indicator": v.optional_text(indicator, "indicator", _("Indicateur"), max_length=300),
        "target_value": parse_quantity(target_value, "target_value", _("Cible")),
        "actual_value": parse_quantity(actual_value, "actual_value", _("Réel")),
        "unit": v.optional_text(unit, "unit", _("Unité"), max_length=40),
    }


def set_status(
    db: Database,
    node,
    status: str | None,
    evaluation: str | None = None,
    comment: str | None = None,
    status_date: dt.date | str | None = None,
) -> None:
    """Status (à venir, en cours, réalisé, abandonné), evaluation (atteinte...), comment and
    date of a means or a target."""
    node = node_ref(node)
    if node.kind not in ("means", "target"):
        raise ValidationError(_("Seuls les moyens et les cibles ont un statut."))
    values = status_values(status, evaluation, comment, status_date)
    with db.session() as session:
        obj = require(session, node)
        for key, value in values.items():
            setattr(obj, key, value)


def set_target_values(
    db: Database, target_id: int, indicator: str | None, target_value, actual_value, unit
) -> None:
    """A target's indicator, target and actual values (« 1 234,5 » accepted) and unit."""
    values = target_values(indicator, target_value, actual_value, unit)
    with db.session() as session:
        obj = require(session, NodeRef("target", target_id))
        for key, value in values.items():
            setattr(obj, key, value)


# -- deleting -------------------------------------------------------------------------------


def _blockers(session: Session, ids: dict[str, list[int]]) -> list[str]:
    chantiers, means = ids["chantier"], ids["means"]

    def count(model, *columns_values) -> int:
        where = [column.in_(values) for column, values in columns_values if values]
        if not where:
            return 0
        return session.scalar(select(func.count(model.id)).where(or_(*where))) or 0

    counts = (
        (
            count(Meeting, (Meeting.chantier_id, chantiers)),
            N_("{n} rencontre"),
            N_("{n} rencontres"),
        ),
        (
            count(FollowUp, (FollowUp.chantier_id, chantiers), (FollowUp.means_id, means)),
            N_("{n} suivi"),
            N_("{n} suivis"),
        ),
        (
            count(Resolution, (Resolution.means_id, means)),
            N_("{n} résolution"),
            N_("{n} résolutions"),
        ),
        (
            count(Assignment, (Assignment.chantier_id, chantiers)),
            N_("{n} participation à un chantier"),
            N_("{n} participations à un chantier"),
        ),
    )
    return [ngettext(one, many, n).format(n=n) for n, one, many in counts if n]


def delete(db: Database, node) -> None:
    """Delete ``node`` and everything beneath it. Refused, with nothing deleted, while
    meetings, follow-ups, resolutions or chantier participations refer to any of it."""
    node = node_ref(node)
    with db.session() as session:
        obj = require(session, node)
        ids = subtree(session, node)
        blockers = _blockers(session, ids)
        if blockers:
            title = obj.name if node.kind in ("pillar", "chantier") else obj.title
            raise ValidationError(
                _(
                    "« {title} » ne peut pas être supprimé : {what} y renvoient. Ces liens "
                    "font partie de l'historique de la table ; modifiez-les d'abord."
                ).format(title=title, what=", ".join(blockers))
            )
        parent = parent_of(obj, node.kind) if node.kind != "plan" else None
        for kind in ("target", "means", "orientation", "chantier", "pillar", "plan"):
            for item_id in ids[kind]:
                session.delete(session.get(MODELS[kind], item_id))
            session.flush()
        if parent is not None:
            _renumber(session, node.kind, parent)
