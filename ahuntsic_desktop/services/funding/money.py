"""The checks every funding amount and date goes through, and the question asked when a
value is unusual but possible (a granted amount above the request, a late payment)."""

from __future__ import annotations

from ...i18n import _, format_money
from ..core import ValidationError
from ..core import validation as v

MAX_FUNDING_CENTS = 10_000_000_00  # 10 million dollars: anything larger is a typing error


class ConfirmationNeeded(ValidationError):
    """Input that is possible but unusual: saved only when the call repeats with
    ``confirm=True`` after the person agreed. ``message`` says why, as a question."""


def amount(value, field: str, label: str, *, required: bool = True) -> int | None:
    """Integer cents, from 0 to 10 million dollars, or a French ValidationError."""
    result = v.cents(value, field, label, required=required)
    if result is not None and result > MAX_FUNDING_CENTS:
        raise ValidationError(
            _("Le montant « {label} » dépasse {limit} : vérifiez la saisie.").format(
                label=label, limit=format_money(MAX_FUNDING_CENTS)
            ),
            field,
        )
    return result


def ask(confirm: bool, message: str, field: str) -> None:
    """Raise :class:`ConfirmationNeeded` unless the person already confirmed."""
    if not confirm:
        raise ConfirmationNeeded(message, field)
