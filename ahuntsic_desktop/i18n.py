"""Language and Québec formats: translations (gettext, French source strings) and Babel
formatting of dates, times, numbers and money."""

from __future__ import annotations

import gettext as _gettext
import re
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import format_time as _format_time
from babel.dates import get_date_format
from babel.numbers import format_currency, format_decimal
from babel.numbers import format_percent as _format_percent

from .paths import resources_dir

DOMAIN = "ahuntsic"
DEFAULT_LOCALE = "fr_CA"
SUPPORTED = ("fr_CA", "en_CA")

_locale = DEFAULT_LOCALE
_translations: _gettext.NullTranslations = _gettext.NullTranslations()


def locale_dir() -> Path:
    return resources_dir() / "translations"


def set_locale(name: str | None) -> str:
    """Switch the language; French (Canada) when ``name`` is unknown. Returns the locale."""
    global _locale, _translations
    name = name if name in SUPPORTED else DEFAULT_LOCALE
    _locale = name
    if name == DEFAULT_LOCALE:
        _translations = _gettext.NullTranslations()
    else:
        _translations = _gettext.translation(
            DOMAIN, localedir=locale_dir(), languages=[name, name.split("_")[0]], fallback=True
        )
    return name


def current_locale() -> str:
    return _locale


def _(message: str) -> str:
    """Translate a user-visible string (source strings are French)."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Plural forms; French puts 0 and 1 in the singular ("0 membre votant")."""
    if _locale.startswith("fr"):
        return singular if abs(n) < 2 else plural
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for translation without translating it now."""
    return message


_FIRST_DAY = re.compile(r"(?<![d'])d(?![d'])")


def format_date(value: date | datetime | None, style: str = "long") -> str:
    """``26 novembre 2026`` (long), ``2026-11-26`` (short); in French the first day of a
    month is written ``1er`` (``1er juillet 2025``), as the OQLF asks."""
    if value is None:
        return ""
    if style == "short":
        return value.strftime("%Y-%m-%d")
    if isinstance(value, datetime):
        value = value.date()
    if value.day == 1 and _locale.startswith("fr"):
        pattern = (
            get_date_format(style, locale=_locale).pattern
            if style in ("medium", "long", "full")
            else style  # a pattern of its own, e.g. "MMM yy"
        )
        return _format_date(value, format=_FIRST_DAY.sub("d'er'", pattern, count=1), locale=_locale)
    return _format_date(value, format=style, locale=_locale)


def format_time(value: time | None) -> str:
    """``19 h 30`` and ``12 h`` in French (no ``h 00``), ``7:30 p.m.`` in English."""
    if value is None:
        return ""
    if _locale.startswith("fr"):
        return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"
    return _format_time(value, format="short", locale=_locale)


_THIN_BEFORE = re.compile(r"[ \u00a0]([;!?])")  # « quoi ? » -> narrow no-break space
_COLON = re.compile(r" :(?=\s|$)")
_OPENING = re.compile(r"« +")
_CLOSING = re.compile(r" +»")


def french_spacing(text: str) -> str:
    """French punctuation spaces that never break a line: U+202F (narrow no-break space)
    before ; ! ?, U+00A0 (no-break space) before : and inside « », as the OQLF asks. A line
    of a document then never starts with ``:`` or ``»,``. Other languages: unchanged."""
    if not text or not _locale.startswith("fr"):
        return text
    text = _THIN_BEFORE.sub("\u202f\\1", text)
    text = _COLON.sub("\u00a0:", text)
    text = _OPENING.sub("«\u00a0", text)
    return _CLOSING.sub("\u00a0»", text)


def format_money(cents: int | None) -> str:
    """``1 234,56 $`` from integer cents (never a float)."""
    if cents is None:
        return ""
    return format_currency(Decimal(cents) / 100, "CAD", locale=_locale)


def format_money_rounded(cents: int | None) -> str:
    """``148 500 $``: whole dollars, for a chart's labels (the locale's pattern without
    its decimals, from Babel)."""
    if cents is None:
        return ""
    pattern = Locale.parse(_locale).currency_formats["standard"].pattern
    whole = pattern.replace(".00", "").replace(",00", "")
    dollars = (Decimal(cents) / 100).quantize(Decimal(1))
    return format_currency(dollars, "CAD", locale=_locale, format=whole, currency_digits=False)


def format_number(value: int | Decimal | float | None, digits: int = 0) -> str:
    if value is None:
        return ""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=_locale)


def format_percent(ratio: float | None) -> str:
    if ratio is None:
        return ""
    if _locale.startswith("fr"):
        return f"{format_number(round(ratio * 100))} %"
    return _format_percent(round(ratio, 2), locale=_locale)  # "34%" in English
