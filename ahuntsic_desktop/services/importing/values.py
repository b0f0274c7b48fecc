"""From a spreadsheet cell to the value stored, reusing the forms' validators.

Cells come typed from .xlsx files (numbers, dates) and as text from .csv files; each
converter accepts both and raises :class:`CellError` with a reason and a French message.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from ...domain.enums import PaymentMethod, Sector
from ...domain.labels import LABELS, label
from ...i18n import _
from ..core import ValidationError
from ..core import validation as v
from ..registry import name_key
from .model import Reason
from .readers import cell_text


class CellError(Exception):
    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def _wrap(reason: Reason, function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except ValidationError as error:
        raise CellError(reason, error.message) from None


def text(value, field: str, title: str, max_length: int = 200, *, multiline=False) -> str | None:
    return _wrap(
        Reason.BAD_TEXT,
        v.optional_text,
        cell_text(value),
        field,
        title,
        max_length=max_length,
        multiline=multiline,
    )


def email(value) -> str | None:
    return _wrap(Reason.BAD_EMAIL, v.email, cell_text(value))


def phone(value) -> str | None:
    return _wrap(Reason.BAD_PHONE, v.phone, cell_text(value))


def postal_code(value) -> str | None:
    return _wrap(Reason.BAD_POSTAL_CODE, v.postal_code, cell_text(value))


def website(value) -> str | None:
    return _wrap(Reason.BAD_WEBSITE, v.website, cell_text(value))


# -- choices ------------------------------------------------------------------------------


def _choices(enum: type[StrEnum], extra: dict[str, StrEnum]) -> dict[str, str]:
    """Folded code, French label, current label and English words -> stored code."""
    found = {}
    for member in enum:
        french = LABELS.get((enum, member.value), member.value)
        for word in (member.value, french, label(member)):
            found[name_key(word)] = member.value
    for word, member in extra.items():
        found[name_key(word)] = member.value
    return found


_SECTORS = _choices(
    Sector,
    {
        "community": Sector.COMMUNITY,
        "communautaires": Sector.COMMUNITY,
        "institutional": Sector.INSTITUTIONAL,
        "institution": Sector.INSTITUTIONAL,
        "municipal": Sector.MUNICIPAL,
        "municipalité": Sector.MUNICIPAL,
        "élu·es": Sector.MUNICIPAL,
        "élus": Sector.MUNICIPAL,
        "municipal et élus": Sector.MUNICIPAL,
        "elected officials": Sector.MUNICIPAL,
        "school": Sector.SCHOOL,
        "santé": Sector.HEALTH,
        "health": Sector.HEALTH,
        "santé et services sociaux": Sector.HEALTH,
        "privé": Sector.PRIVATE,
        "private": Sector.PRIVATE,
        "business": Sector.PRIVATE,
        "citizen": Sector.CITIZEN,
        "citoyenne": Sector.CITIZEN,
        "citoyen·ne": Sector.CITIZEN,
        "résident": Sector.CITIZEN,
        "other": Sector.OTHER,
    },
)
_METHODS = _choices(
    PaymentMethod,
    {
        "cash": PaymentMethod.CASH,
        "argent": PaymentMethod.CASH,
        "check": PaymentMethod.CHEQUE,
        "chèque": PaymentMethod.CHEQUE,
        "transfer": PaymentMethod.TRANSFER,
        "virement interac": PaymentMethod.TRANSFER,
        "interac": PaymentMethod.TRANSFER,
        "e-transfer": PaymentMethod.TRANSFER,
        "card": PaymentMethod.CARD,
        "carte de crédit": PaymentMethod.CARD,
        "carte de débit": PaymentMethod.CARD,
        "credit card": PaymentMethod.CARD,
        "débit": PaymentMethod.CARD,
        "other": PaymentMethod.OTHER,
    },
)


def sector(value, default: str | None) -> str | None:
    raw = cell_text(value)
    if raw is None:
        return default
    code = _SECTORS.get(name_key(raw))
    if code is None:
        raise CellError(
            Reason.UNKNOWN_SECTOR,
            _("Secteur inconnu : « {value} » (attendu : {choices}).").format(
                value=raw, choices=", ".join(label(s) for s in Sector)
            ),
        )
    return code


def payment_method(value) -> str | None:
    raw = cell_text(value)
    if raw is None:
        return None
    code = _METHODS.get(name_key(raw))
    if code is None:
        raise CellError(
            Reason.UNKNOWN_PAYMENT_METHOD,
            _("Mode de paiement inconnu : « {value} » (attendu : {choices}).").format(
                value=raw, choices=", ".join(label(m) for m in PaymentMethod)
            ),
        )
    return code


_YES = {"oui", "o", "yes", "y", "x", "1", "vrai", "true"}
_NO = {"non", "n", "no", "0", "faux", "false"}


def yes_no(value) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    raw = cell_text(value) or ""
    folded = name_key(raw)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise CellError(Reason.BAD_VALUE, _("Répondez Oui ou Non : « {value} ».").format(value=raw))


# -- numbers and dates --------------------------------------------------------------------


def cents(value, title: str) -> int | None:
    """Integer cents from a number of dollars (50, 12.5) or text (« 1 234,56 $ »)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError(
            Reason.BAD_AMOUNT, _("« {value} » n'est pas un montant valide.").format(value=value)
        )
    if isinstance(value, int | float):
        try:
            value = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            raise CellError(
                Reason.BAD_AMOUNT, _("« {value} » n'est pas un montant valide.").format(value=value)
            ) from None
    elif not isinstance(value, Decimal):
        value = cell_text(value)
    return _wrap(Reason.BAD_AMOUNT, v.cents, value, "dues", title, required=False)


_ENGLISH_MONTHS = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for m in names
}  # fmt: skip
_EXCEL_EPOCH = date(1899, 12, 30)


def _english_date(raw: str) -> str:
    """« April 1, 2026 » or « 1 April 2026 » -> ``2026-04-01``; other text unchanged."""
    m = re.fullmatch(r"(?i)([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", raw) or re.fullmatch(
        r"(?i)(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})", raw
    )
    if not m:
        return raw
    first, second, year = m.groups()
    month_name, day = (first, second) if not first.isdigit() else (second, first)
    month = _ENGLISH_MONTHS.get(month_name.casefold())
    return f"{year}-{month:02d}-{int(day):02d}" if month else raw


def day(value, title: str) -> date | None:
    """A date from a date cell, an Excel day number, ``2026-04-01``, ``2026/04/01``,
    ``01/04/2026`` (day first), ``1er avril 2026`` or ``April 1, 2026``."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value < 2_958_466:
            raise CellError(
                Reason.BAD_DATE, _("« {value} » n'est pas une date valide.").format(value=value)
            )
        value = _EXCEL_EPOCH + timedelta(days=int(value))
    elif not isinstance(value, date):
        raw = cell_text(value) or ""
        raw = re.sub(r"^(\d{4})/(\d{1,2})/(\d{1,2})$", r"\1-\2-\3", raw)
        raw = re.sub(r"^(\d{4}-\d{1,2}-\d{1,2})[ T]\d{1,2}:\d{2}(:\d{2})?$", r"\1", raw)
        value = _english_date(raw)
    return _wrap(Reason.BAD_DATE, v.parse_date, value, "paid_on", title)


def year(value, default: int) -> int:
    """2026, « 2026 », « 2026-2027 » or « 2026-27 »; blank gives ``default``."""
    if value is None:
        return default
    number: int | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = int(value) if float(value).is_integer() else None
    else:
        raw = cell_text(value) or ""
        m = re.fullmatch(r"(\d{4})(?:\s*[-/–]\s*(\d{2}|\d{4}))?", raw)
        if m:
            number = int(m.group(1))
            end = m.group(2)
            if end and int(end[-2:]) != (number + 1) % 100:
                number = None
    if number is None or not 1900 <= number <= 2200:
        raise CellError(
            Reason.BAD_YEAR,
            _("« {value} » n'est pas une année valide (par exemple 2026 ou 2026-2027).").format(
                value=cell_text(value)
            ),
        )
    return number
