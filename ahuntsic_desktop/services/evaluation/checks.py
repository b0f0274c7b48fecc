"""Checks shared by the evaluation services: the plan, years, evaluations, long texts."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ...domain import ActionPlan
from ...domain.enums import Evaluation
from ...i18n import _
from ..core import NotFoundError, ValidationError
from ..core import validation as v

LONG_TEXT = {"max_length": 20_000, "multiline": True}
FIRST_YEAR, LAST_YEAR = 1900, 2200


def require_plan(session: Session, plan_id: int) -> ActionPlan:
    plan = session.get(ActionPlan, plan_id)
    if plan is None:
        raise NotFoundError(_("Ce plan d'action n'existe plus."), "plan_id")
    return plan


def long_text(value: str | None, field: str, label: str) -> str | None:
    return v.optional_text(value, field, label, **LONG_TEXT)


def year(value: object, field: str, label: str, *, required: bool = False) -> int | None:
    """A year between 1900 and 2200 (given as a number or as text), or None when blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(
                _("Le champ « {label} » est obligatoire.").format(label=label), field
            )
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        number = None
    if number is None or not FIRST_YEAR <= number <= LAST_YEAR:
        raise ValidationError(
            _("« {value} » n'est pas une année valide pour « {label} ».").format(
                value=value, label=label
            ),
            field,
        )
    return number


def years(start: object, end: object) -> tuple[int | None, int | None]:
    first = year(start, "start_year", _("Première année"))
    last = year(end, "end_year", _("Dernière année"))
    if first is not None and last is not None and last < first:
        raise ValidationError(_("La dernière année précède la première."), "end_year")
    return first, last


def evaluation(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    return v.choice(value, Evaluation, "evaluation", _("Évaluation"))
