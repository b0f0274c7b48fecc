"""Reading the values of an indicator: numbers typed the Québec way (« 1 234,5 »,
« 21,4 % »), territories and their level."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ...domain.enums import TerritoryLevel
from ...i18n import _
from ..core import ValidationError
from ..importing.fields import normalize_header

MAX_DIGITS = 14  # before the decimal point: Numeric(18, 4)
_SPACES = re.compile(r"[\s\u00a0\u202f]")
# Territories ordered from the smallest to the largest, for tables and charts.
LEVEL_ORDER = (
    TerritoryLevel.SUB_SECTOR.value,
    TerritoryLevel.NEIGHBOURHOOD.value,
    TerritoryLevel.BOROUGH.value,
    TerritoryLevel.CITY.value,
    TerritoryLevel.OTHER.value,
)


def parse_value(value: object, field: str = "value") -> Decimal:
    """An exact Decimal from a number or from text such as ``1 234,5`` or ``21,4 %``."""
    if isinstance(value, bool) or value is None:
        raise ValidationError(_("Indiquez une valeur numérique."), field)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))  # the shortest text that reads back the same
    else:
        text = _SPACES.sub("", str(value)).rstrip("%").replace("$", "")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValidationError(
                _("« {value} » n'est pas un nombre.").format(value=value), field
            ) from None
    if not number.is_finite() or abs(number) >= Decimal(10) ** MAX_DIGITS:
        raise ValidationError(_("« {value} » est hors limites.").format(value=value), field)
    return number.quantize(Decimal("0.0001")).normalize() if number % 1 else number.quantize(1)


def guess_level(territory: str, default: str = TerritoryLevel.NEIGHBOURHOOD.value) -> str:
    """The level a territory's name suggests: Montréal is the city, « arrondissement » a
    borough, « secteur » a sub-sector; otherwise ``default``."""
    key = normalize_header(territory)
    if key in ("montreal", "ville de montreal", "montreal v"):
        return TerritoryLevel.CITY.value
    if key.startswith("arrondissement") or key.endswith("cartierville"):
        return TerritoryLevel.BOROUGH.value
    if "secteur" in key.split():
        return TerritoryLevel.SUB_SECTOR.value
    return default


def level_rank(level: str) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)
