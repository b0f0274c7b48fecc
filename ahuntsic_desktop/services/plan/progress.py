"""Saving what the plan editor's side panel shows for one node, in one unit of work: its
title and text, and for means and targets their status, evaluation, comment, date and
values. Nothing is written unless every field is valid."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...i18n import _
from ...store import Database
from ..core import validation as v
from .editing import (
    check_plan_title,
    check_unique_name,
    clean_title,
    plan_values,
    status_values,
    target_values,
)
from .nodes import node_ref, plan_id_of, require


@dataclass(frozen=True)
class NodeForm:
    """The side panel's fields; those that do not apply to the node's kind are ignored."""

    title: str
    description: str | None = None  # the plan's vision, a chantier's mandate...
    start_year: int | None = None  # plans
    end_year: int | None = None
    status: str | None = None  # means and targets
    evaluation: str | None = None
    comment: str | None = None
    status_date: dt.date | str | None = None
    indicator: str | None = None  # targets
    target_value: object = None
    actual_value: object = None
    unit: str | None = None


def save_node(db: Database, node, form: NodeForm) -> None:
    """Check every field of ``form``, then write them all, or nothing."""
    node = node_ref(node)
    long_text = {"max_length": 10_000, "multiline": True}
    with db.session() as session:
        obj = require(session, node)
        if node.kind == "plan":
            values = plan_values(form.title, form.start_year, form.end_year, form.description)
            check_plan_title(session, values["title"], node.id)
        else:
            title = clean_title(node.kind, form.title)
            if node.kind in ("pillar", "chantier"):
                check_unique_name(
                    session, node.kind, plan_id_of(obj, node.kind, session), title, node.id
                )
                values = {"name": title}
            else:
                values = {"title": title}
            if node.kind in ("pillar", "chantier", "orientation"):
                text = v.optional_text(
                    form.description, "description", _("Description"), **long_text
                )
                values["mandate" if node.kind == "chantier" else "description"] = text
            else:
                values.update(
                    status_values(form.status, form.evaluation, form.comment, form.status_date)
                )
            if node.kind == "target":
                values.update(
                    target_values(form.indicator, form.target_value, form.actual_value, form.unit)
                )
        for key, value in values.items():
            setattr(obj, key, value)
