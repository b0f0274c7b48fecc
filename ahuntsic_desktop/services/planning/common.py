"""Small helpers the planning services share: finding a record or saying it is gone,
whole numbers that cannot be negative, and the dates of a démarche."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy.orm import Session

from ...domain import PlanningProcess, ProcessActivity, ProcessPhase
from ...i18n import _
from ..core import NotFoundError, ValidationError


def require_process(session: Session, process_id: int) -> PlanningProcess:
    process = session.get(PlanningProcess, process_id)
    if process is None:
        raise NotFoundError(_("Cette démarche n'existe plus."))
    return process


def require_phase(session: Session, phase_id: int) -> ProcessPhase:
    phase = session.get(ProcessPhase, phase_id)
    if phase is None:
        raise NotFoundError(_("Cette phase n'existe plus."), "phase_id")
    return phase


def require_activity(session: Session, activity_id: int) -> ProcessActivity:
    activity = session.get(ProcessActivity, activity_id)
    if activity is None:
        raise NotFoundError(_("Cette activité n'existe plus."))
    return activity


def count(value: object, field: str, label: str, *, maximum: int = 1_000_000) -> int:
    """A whole number >= 0 from an int or text (« 12 »); blank gives 0."""
    if value is None:
        return 0
    not_whole = ValidationError(
        _("« {label} » doit être un nombre entier : « {value} ».").format(label=label, value=value),
        field,
    )
    if isinstance(value, bool):
        raise not_whole
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise not_whole
        number = int(value)
    else:
        text = re.sub(r"[\s\u00a0\u202f]", "", str(value)).replace("\u2212", "-")
        if not text:
            return 0
        if not re.fullmatch(r"-?\d{1,9}", text):
            raise not_whole
        number = int(text)
    if number < 0:
        raise ValidationError(_("« {label} » ne peut pas être négatif.").format(label=label), field)
    if number > maximum:
        raise ValidationError(_("« {label} » est trop grand.").format(label=label), field)
    return number


def within(
    day: dt.date | None,
    start: dt.date,
    end: dt.date | None,
    field: str,
    message: str,
) -> None:
    """Refuse ``day`` outside [start, end] (an open end accepts any later day)."""
    if day is None:
        return
    if day < start or (end is not None and day > end):
        raise ValidationError(message, field)
