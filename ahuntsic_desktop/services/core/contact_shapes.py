"""Quick answers for the common shapes of e-mail addresses and phone numbers.

Checking 10,000 imported rows spent most of its time in ``email_validator`` and
``phonenumbers`` (general code for every address and number in the world). Most values
are a plain ASCII address or a North-American number in a usual shape; for those, these
functions return exactly what the libraries return, found faster; for anything else they
return None and :mod:`.validation` asks the library. ``tests/services/core/
test_contact_shapes.py`` compares both on a corpus of values, value by value.

Both libraries (2.7 MB) are imported at the first address or number checked, not with
this module: the window builds its pages with it and may never check one (issue 16).
"""

from __future__ import annotations

import re
from functools import cache

# -- e-mail -------------------------------------------------------------------------------

_ATEXT = r"[A-Za-z0-9_!#$%&'*+\-/=?^`{|}~]+"
# A dot-atom local part; a domain of letter-digit-hyphen labels (no "--" anywhere, so no
# Punycode and no R-LDH label) ending with an alphabetic top-level label.
_PLAIN_EMAIL = re.compile(
    rf"({_ATEXT}(?:\.{_ATEXT})*)@"
    r"((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})"
)


@cache
def _reserved() -> tuple[tuple[str, ...], frozenset[str]]:
    """email_validator's special-use domains and case-insensitive mailbox names."""
    from email_validator import SPECIAL_USE_DOMAIN_NAMES
    from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES

    return tuple(SPECIAL_USE_DOMAIN_NAMES), frozenset(CASE_INSENSITIVE_MAILBOX_NAMES)


def plain_email(text: str) -> str | None:
    """``validate_email(text, check_deliverability=False).normalized`` for a plain ASCII
    address (the domain in lower case), or None when the library must decide."""
    if len(text) > 254 or not text.isascii():
        return None
    match = _PLAIN_EMAIL.fullmatch(text)
    if match is None:
        return None
    local, domain = match.groups()
    domain = domain.lower()
    special_use, mailbox_names = _reserved()
    if len(domain) > 253 or "--" in domain or local.lower() in mailbox_names:
        return None
    for special in special_use:
        if domain == special or domain.endswith("." + special):
            return None
    return f"{local}@{domain}"


# -- phone --------------------------------------------------------------------------------

# 514 555-1234, (514) 555-1234, 514.555.1234, 5145551234, 1 514 555 1234, +1-514-555-1234:
# ten digits (area code not starting with 0 or 1), optional +1 or 1, usual separators.
_NANP_SHAPE = re.compile(
    r"(?:\+?1[ .\-]?)?(?:\(([2-9]\d\d)\)|([2-9]\d\d))[ .\-]?(\d{3})[ .\-]?(\d{4})"
)
_TYPES = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
    "mobile",
)


def _pattern(desc, length: int):
    """The compiled national pattern of a number description, or None when a number of
    ``length`` digits can't match it (``_is_number_matching_desc`` of phonenumbers)."""
    if desc is None or not desc.national_number_pattern:
        return None
    if desc.possible_length and length not in desc.possible_length:
        return None
    return re.compile(desc.national_number_pattern)


@cache
def _nanp_regions() -> tuple:
    """Per region of country code 1, in the library's order: its leading-digits pattern
    (or None), its general pattern and the patterns of its number types, for ten digits."""
    import phonenumbers

    regions = []
    for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[1]:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(code, None)
        if metadata is None:
            continue
        leading = re.compile(metadata.leading_digits) if metadata.leading_digits else None
        types = [_pattern(getattr(metadata, name), 10) for name in _TYPES]
        regions.append((leading, _pattern(metadata.general_desc, 10), tuple(p for p in types if p)))
    return tuple(regions)


def _has_type(general, types, digits: str) -> bool:
    return (
        general is not None
        and general.fullmatch(digits) is not None
        and any(p.fullmatch(digits) for p in types)
    )


def _nanp_valid(digits: str) -> bool:
    """``phonenumbers.is_valid_number`` for +1 and these ten digits: the region found as
    ``region_code_for_number`` finds it, then the number's type in that region."""
    for leading, general, types in _nanp_regions():
        if leading is not None:
            if leading.match(digits):
                return _has_type(general, types, digits)
        elif _has_type(general, types, digits):
            return True
    return False


def plain_phone(text: str) -> tuple[str, bool] | None:
    """For a North-American number in a usual shape, its ten digits written
    ``514 555-1234`` and whether phonenumbers finds it valid; None when the library must
    parse it (extensions, other countries, other shapes)."""
    match = _NANP_SHAPE.fullmatch(text)
    if match is None:
        return None
    in_brackets, bare, exchange, line = match.groups()
    area = in_brackets or bare
    return f"{area} {exchange}-{line}", _nanp_valid(area + exchange + line)
