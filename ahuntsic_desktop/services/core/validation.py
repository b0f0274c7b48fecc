"""Field validators shared by the services.

Each validator takes the raw value a form gives (text, or an already typed value), returns
the clean value to store, and raises :class:`ValidationError` with a French message and the
name of the field at fault. Blank optional values come back as ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from urllib.parse import urlsplit

from ...i18n import _
from ...text import fold_for_key
from .contact_shapes import plain_email, plain_phone
from .errors import ValidationError

MAX_CENTS = 99_999_999_999  # 999 999 999,99 $: anything larger is a typing error
# Unicode's control characters (category Cc: U+0000-U+001F, U+007F-U+009F); notes may
# hold newlines and tabs.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_NOTES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional controls (U+202E « right-to-left override » shows « Marie\u202eetôC » as
# « MarieCôte ») and zero-width characters make two different texts look the same.
BIDI_CONTROLS = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200e", "\u200f", "\u061c"]
)  # fmt: skip
ZERO_WIDTH = frozenset(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
# Fields that identify someone: zero-width characters are refused there too (elsewhere they
# may join emoji, as in a « 🏳️‍🌈 » meeting title).
IDENTITY_FIELDS = frozenset({"name", "first_name", "last_name", "acronym", "email", "phone"})


# -- text ---------------------------------------------------------------------------------


def refuse_disguise(text: str, field: str, label: str, *, zero_width: bool = True) -> None:
    """Refuse the characters that make a text look like another (see ``BIDI_CONTROLS``)."""
    if text.isascii():  # all of them are outside ASCII
        return
    for char in text:
        if char in BIDI_CONTROLS:
            message = _(
                "Le champ « {label} » contient un caractère de contrôle de direction du texte "
                "({code}) qui peut faire paraître le texte autrement qu'il n'est écrit : "
                "retirez-le."
            )
        elif zero_width and char in ZERO_WIDTH:
            message = _(
                "Le champ « {label} » contient un caractère invisible de largeur nulle ({code}) "
                "qui peut faire passer un nom pour un autre : retirez-le."
            )
        else:
            continue
        raise ValidationError(message.format(label=label, code=f"U+{ord(char):04X}"), field)


def _clean(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"text expected, got {type(value).__name__}")
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def optional_text(
    value: str | None, field: str, label: str, *, max_length: int = 200, multiline: bool = False
) -> str | None:
    """Stripped text, or None when blank. Control characters are refused (newlines and
    tabs are allowed in ``multiline`` fields such as notes)."""
    text = _clean(value)
    if not text:
        return None
    if (_CONTROL_IN_NOTES if multiline else _CONTROL).search(text):
        raise ValidationError(
            _("Le champ « {label} » contient des caractères invisibles non permis.").format(
                label=label
            ),
            field,
        )
    if not multiline:
        refuse_disguise(text, field, label, zero_width=field in IDENTITY_FIELDS)
    if len(text) > max_length:
        raise ValidationError(
            _("Le champ « {label} » est trop long ({max} caractères au plus).").format(
                label=label, max=max_length
            ),
            field,
        )
    return text


def required_text(
    value: str | None, field: str, label: str, *, max_length: int = 200, multiline: bool = False
) -> str:
    text = optional_text(value, field, label, max_length=max_length, multiline=multiline)
    if text is None:
        raise ValidationError(_("Le champ « {label} » est obligatoire.").format(label=label), field)
    return text


def name_sort_key(text: str | None) -> str:
    """A sort key that ignores case and accents, so « École » sorts with « Ecole »."""
    return fold_for_key(text)


# -- contact details ----------------------------------------------------------------------


def email(value: str | None, field: str = "email") -> str | None:
    """A normalised email address (domain in lower case), or None when blank."""
    text = _clean(value)
    if not text:
        return None
    if quick := plain_email(text):  # the library's answer for a plain ASCII address
        return quick
    refuse_disguise(text, field, _("Courriel"))
    from email_validator import EmailNotValidError, validate_email  # see .contact_shapes

    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        raise ValidationError(
            _("« {value} » n'est pas une adresse courriel valide.").format(value=text), field
        ) from None
    if len(result.normalized) > 254:
        raise ValidationError(_("L'adresse courriel est trop longue."), field)
    return result.normalized


_EXTENSION_WORDS = re.compile(r"(?i)\s*(?:,\s*)?\b(?:poste|post\.|p\.|extension|ext\.?)\s*")


def phone(value: str | None, field: str = "phone") -> str | None:
    """A phone number formatted ``514 555-1234`` (``514 555-1234 poste 12`` with an
    extension); numbers outside North America keep their international form."""
    text = _clean(value)
    if not text:
        return None
    refuse_disguise(text, field, _("Téléphone"))
    quick = plain_phone(text)  # the library's answer for 514 555-1234 and its like
    if quick is not None and quick[1]:
        return quick[0]
    prepared = _EXTENSION_WORDS.sub(" ext. ", text)
    import phonenumbers  # at the first number the quick shapes leave to it: .contact_shapes

    try:
        number = None if quick else phonenumbers.parse(prepared, "CA")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _(
                "« {value} » n'est pas un numéro de téléphone valide "
                "(par exemple 514 555-1234, avec l'indicatif régional)."
            ).format(value=text),
            field,
        )
    if number.country_code == 1:
        digits = f"{number.national_number:010d}"
        formatted = f"{digits[:3]} {digits[3:6]}-{digits[6:]}"
    else:
        number_only = phonenumbers.PhoneNumber(
            country_code=number.country_code, national_number=number.national_number
        )
        formatted = phonenumbers.format_number(
            number_only, phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
    if number.extension:
        formatted += _(" poste {extension}").format(extension=number.extension)
    return formatted


_POSTAL_CODE = re.compile(r"[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][0-9][ABCEGHJ-NPRSTV-Z][0-9]")


def postal_code(value: str | None, field: str = "postal_code") -> str | None:
    """A Canadian postal code written ``H3L 2L9``, or None when blank."""
    text = _clean(value)
    if not text:
        return None
    compact = re.sub(r"[\s\-]", "", text).upper()
    if not _POSTAL_CODE.fullmatch(compact):
        raise ValidationError(
            _("« {value} » n'est pas un code postal canadien valide (par exemple H3L 2L9).").format(
                value=text
            ),
            field,
        )
    return f"{compact[:3]} {compact[3:]}"


def website(value: str | None, field: str = "website") -> str | None:
    """A web address with its scheme (``https://`` added when missing)."""
    text = _clean(value)
    if not text:
        return None
    if not re.match(r"(?i)^[a-z][a-z0-9+.-]*://", text):
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.hostname or ""
    if (
        parts.scheme.lower() not in ("http", "https")
        or "." not in host
        or host.startswith(".")
        or host.endswith(".")
        or any(c.isspace() for c in text)
        or len(text) > 300
    ):
        raise ValidationError(
            _("« {value} » n'est pas une adresse Web valide (par exemple www.exemple.org).").format(
                value=_clean(value)
            ),
            field,
        )
    return text


# -- money --------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_CURRENCY = re.compile(r"(?i)\$|\bcad\b|\bca\b")


def parse_money(text: str | None, field: str, label: str) -> int | None:
    """Integer cents from French or English text: ``1 234,56``, ``1234.56 $``, ``50``.

    Blank gives None. Negative amounts, more than two decimals and garbage are refused.
    """
    raw = _clean(text)
    if not raw:
        return None

    def refuse(message: str):
        return ValidationError(message.format(label=label, value=raw), field)

    s = _SPACES.sub("", _CURRENCY.sub("", raw))
    if s.startswith(("-", "−", "(")) or s.endswith("-"):
        raise refuse(_("Le montant « {label} » ne peut pas être négatif."))
    s = s.lstrip("+")
    if "," in s and "." in s:
        decimal_mark = "," if s.rfind(",") > s.rfind(".") else "."
        grouping = "." if decimal_mark == "," else ","
        pattern = (
            rf"\d{{1,3}}(?:{re.escape(grouping)}\d{{3}})+(?:{re.escape(decimal_mark)}\d{{1,2}})?"
        )
        if not re.fullmatch(pattern, s):
            raise refuse(_("« {value} » n'est pas un montant valide (par exemple 1 234,56)."))
        s = s.replace(grouping, "").replace(decimal_mark, ".")
    else:
        s = s.replace(",", ".")
        if re.fullmatch(r"\d+\.\d{3,}", s):
            raise refuse(_("Un montant a au plus deux décimales : « {value} »."))
        if not re.fullmatch(r"\d+(?:\.\d{0,2})?|\.\d{1,2}", s):
            raise refuse(_("« {value} » n'est pas un montant valide (par exemple 1 234,56)."))
    try:
        cents = Decimal(s) * 100
    except InvalidOperation:
        raise refuse(_("« {value} » n'est pas un montant valide (par exemple 1 234,56).")) from None
    if cents > MAX_CENTS:
        raise refuse(_("Le montant « {label} » est trop grand."))
    return int(cents)


def cents(value: int | str | Decimal | None, field: str, label: str, *, required: bool = True):
    """Integer cents from cents (int), dollars (Decimal) or text; never from a float."""
    if isinstance(value, (bool, float)):
        raise TypeError("money must be integer cents, Decimal dollars or text, never float")
    if isinstance(value, str) or value is None:
        result = parse_money(value, field, label)
    elif isinstance(value, Decimal):
        if value.is_finite() and abs(value) * 100 > MAX_CENTS:
            # Checked first: quantize() fails on numbers longer than the decimal precision.
            message = (
                _("Le montant « {label} » ne peut pas être négatif.")
                if value < 0
                else _("Le montant « {label} » est trop grand.")
            )
            raise ValidationError(message.format(label=label), field)
        if not value.is_finite() or value != value.quantize(Decimal("0.01")):
            raise ValidationError(
                _("Un montant a au plus deux décimales : « {value} ».").format(value=value), field
            )
        result = int(value * 100)
    else:
        result = int(value)
    if result is None:
        if required:
            raise ValidationError(
                _("Le champ « {label} » est obligatoire.").format(label=label), field
            )
        return None
    if result < 0:
        raise ValidationError(
            _("Le montant « {label} » ne peut pas être négatif.").format(label=label), field
        )
    if result > MAX_CENTS:
        raise ValidationError(
            _("Le montant « {label} » est trop grand.").format(label=label), field
        )
    return result


# -- dates and choices --------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("janvier", "janv"),
            ("février", "fevrier", "févr", "fevr"),
            ("mars",),
            ("avril", "avr"),
            ("mai",),
            ("juin",),
            ("juillet", "juil"),
            ("août", "aout"),
            ("septembre", "sept"),
            ("octobre", "oct"),
            ("novembre", "nov"),
            ("décembre", "decembre", "déc", "dec"),
        ],
        start=1,
    )
    for name in names
}


def _parse_date_text(text: str) -> date | None:
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        year, month, day = (int(g) for g in m.groups())
    elif m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text):
        day, month, year = (int(g) for g in m.groups())
    elif m := re.fullmatch(r"(?i)(\d{1,2})(?:er)?\s+([a-zéèûô]+)\.?\s+(\d{4})", text):
        month = _MONTHS.get(m.group(2).casefold())
        if month is None:
            return None
        day, year = int(m.group(1)), int(m.group(3))
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(
    value: date | str | None, field: str, label: str, *, required: bool = False
) -> date | None:
    """A date from a date, ``2026-04-01``, ``01/04/2026`` or ``1er avril 2026``."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        text = _clean(value)
        value = _parse_date_text(text) if text else None
        if text and value is None:
            raise ValidationError(
                _("« {value} » n'est pas une date valide (par exemple 2026-04-01).").format(
                    value=text
                ),
                field,
            )
    if value is None:
        if required:
            raise ValidationError(
                _("Le champ « {label} » est obligatoire.").format(label=label), field
            )
        return None
    if not 1900 <= value.year <= 2200:
        raise ValidationError(
            _("La date « {label} » est hors des limites permises.").format(label=label), field
        )
    return value


def dates_ordered(start: date | None, end: date | None, field: str = "end_date") -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(_("La date de fin précède la date de début."), field)


def choice(value: StrEnum | str | None, enum: type[StrEnum], field: str, label: str) -> str:
    """The stored code of an enum member; unknown values are refused."""
    try:
        return enum(value).value
    except ValueError:
        raise ValidationError(
            _("Valeur inconnue pour « {label} » : {value}.").format(label=label, value=value),
            field,
        ) from None
