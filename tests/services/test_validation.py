from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal

import pytest

from ahuntsic_desktop.domain.enums import Sector
from ahuntsic_desktop.services.core import validation as v
from ahuntsic_desktop.services.core.errors import ValidationError


@contextmanager
def refused(field: str):
    """Expect a ValidationError on ``field`` with a message."""
    with pytest.raises(ValidationError) as info:
        yield info
    assert info.value.field == field
    assert info.value.message


# -- text ---------------------------------------------------------------------------------


def test_required_text_strips_and_refuses_blank():
    assert v.required_text("  CJE  ", "name", "Nom") == "CJE"
    for blank in ("", "   ", None, "\n\t"):
        with refused("name") as info:
            v.required_text(blank, "name", "Nom")
        assert "obligatoire" in info.value.message


def test_text_length_limit():
    assert v.required_text("a" * 10, "name", "Nom", max_length=10)
    with refused("name") as info:
        v.required_text("a" * 11, "name", "Nom", max_length=10)
    assert "10" in info.value.message


def test_control_characters_refused_except_newline_and_tab_in_notes():
    with refused("name"):
        v.required_text("CJE\x00Ahuntsic", "name", "Nom")
    with refused("name"):
        v.required_text("deux\nlignes", "name", "Nom")
    assert v.optional_text("a\r\nb\tc", "notes", "Notes", multiline=True) == "a\nb\tc"
    with refused("notes"):
        v.optional_text("bip\x07", "notes", "Notes", multiline=True)


def test_optional_text_blank_is_none():
    assert v.optional_text("  ", "acronym", "Sigle") is None
    assert v.optional_text(None, "acronym", "Sigle") is None


def test_name_sort_key_ignores_case_and_accents():
    names = ["Zèbre", "école Sainte-Odile", "Ecole Ahuntsic", "avion"]
    assert sorted(names, key=v.name_sort_key) == [
        "avion",
        "Ecole Ahuntsic",
        "école Sainte-Odile",
        "Zèbre",
    ]


# -- contact details ----------------------------------------------------------------------


def test_email_normalised():
    assert v.email("  marie@Exemple.QC.CA ") == "marie@exemple.qc.ca"
    assert v.email("") is None


@pytest.mark.parametrize("bad", ["marie", "marie@", "marie@exemple", "a@@b.ca", "a b@c.ca"])
def test_bad_email_refused(bad):
    with refused("email") as info:
        v.email(bad)
    assert "courriel" in info.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("514 555-1234", "514 555-1234"),
        ("(514) 555-1234", "514 555-1234"),
        ("5145551234", "514 555-1234"),
        ("+1 438 555 0101", "438 555-0101"),
        ("1-800-555-0199", "800 555-0199"),
        ("514-555-1234 poste 12", "514 555-1234 poste 12"),
        ("514 555 1234, p. 12", "514 555-1234 poste 12"),
        ("514.555.1234 ext. 7", "514 555-1234 poste 7"),
        ("514 555 1234 x 3", "514 555-1234 poste 3"),
        ("+33 1 42 68 53 00", "+33 1 42 68 53 00"),
    ],
)
def test_phone_formatted(text, expected):
    assert v.phone(text) == expected


@pytest.mark.parametrize("bad", ["555-1234", "123", "514 555-12345", "téléphone", "514 155-1234"])
def test_bad_phone_refused(bad):
    with refused("phone"):
        v.phone(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("h3l2l9", "H3L 2L9"), (" H3L 2L9 ", "H3L 2L9"), ("h3l-2l9", "H3L 2L9"), ("", None)],
)
def test_postal_code_normalised(text, expected):
    assert v.postal_code(text) == expected


@pytest.mark.parametrize("bad", ["H3L2L", "12345", "D3L 2L9", "W3L 2L9", "H3L 2O9", "H3L 2L99"])
def test_bad_postal_code_refused(bad):
    with refused("postal_code"):
        v.postal_code(bad)


def test_website():
    assert v.website("solidarite-ahuntsic.org") == "https://solidarite-ahuntsic.org"
    assert v.website("http://exemple.ca/page") == "http://exemple.ca/page"
    assert v.website(" ") is None
    for bad in ("localhost", "exemple", "ftp://exemple.org", "www.exem ple.org", "https://."):
        with refused("website"):
            v.website(bad)


# -- money --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("50", 5000),
        ("1 234,56", 123456),
        ("1\u00a0234,56 $", 123456),
        ("1\u202f234,5", 123450),
        ("1234.56 $", 123456),
        ("$1,234.56", 123456),
        ("1.234,56", 123456),
        ("0,05", 5),
        (",5", 50),
        ("12,", 1200),
        ("25 $ CAD", 2500),
        ("0", 0),
        ("0.1", 10),
    ],
)
def test_parse_money(text, cents):
    assert v.parse_money(text, "dues", "Cotisation") == cents


@pytest.mark.parametrize(
    "bad",
    ["-5", "-5,00 $", "(5,00)", "5-", "abc", "12,345", "1,2,3", "1.2.3", "12a", "1 2 3,4,5", "$"],
)
def test_bad_money_refused(bad):
    with refused("dues"):
        v.parse_money(bad, "dues", "Cotisation")


def test_money_never_float():
    assert v.cents(1250, "dues", "Cotisation") == 1250
    assert v.cents(Decimal("12.50"), "dues", "Cotisation") == 1250
    assert v.cents("12,50", "dues", "Cotisation") == 1250
    assert isinstance(v.cents("0.1", "dues", "Cotisation"), int)
    with pytest.raises(TypeError):
        v.cents(12.5, "dues", "Cotisation")
    with refused("dues"):
        v.cents(-1, "dues", "Cotisation")
    with refused("dues"):
        v.cents(Decimal("1.005"), "dues", "Cotisation")
    with refused("dues"):
        v.cents("", "dues", "Cotisation")
    assert v.cents("", "dues", "Cotisation", required=False) is None
    with refused("dues"):
        v.cents("9 999 999 999 999", "dues", "Cotisation")


# -- dates and choices --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-04-01", date(2026, 4, 1)),
        ("01/04/2026", date(2026, 4, 1)),
        ("1er avril 2026", date(2026, 4, 1)),
        ("26 novembre 2026", date(2026, 11, 26)),
        ("3 févr. 2027", date(2027, 2, 3)),
        (date(2026, 4, 1), date(2026, 4, 1)),
        (datetime(2026, 4, 1, 19, 30), date(2026, 4, 1)),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value, expected):
    assert v.parse_date(value, "start_date", "Début") == expected


@pytest.mark.parametrize(
    "bad", ["2026-02-30", "32/01/2026", "demain", "1 brumaire 2026", "1800-01-01"]
)
def test_bad_date_refused(bad):
    with refused("start_date"):
        v.parse_date(bad, "start_date", "Début")


def test_required_date_and_order():
    with refused("due_date"):
        v.parse_date(None, "due_date", "Échéance", required=True)
    v.dates_ordered(date(2026, 1, 1), date(2026, 1, 1))
    v.dates_ordered(None, date(2026, 1, 1))
    with refused("end_date"):
        v.dates_ordered(date(2026, 1, 2), date(2026, 1, 1))


def test_choice():
    assert v.choice("sante", Sector, "sector", "Secteur") == "sante"
    assert v.choice(Sector.HEALTH, Sector, "sector", "Secteur") == "sante"
    with refused("sector"):
        v.choice("health", Sector, "sector", "Secteur")


def test_amounts_beyond_decimal_precision_are_refused_not_crashed():
    from decimal import Decimal

    from ahuntsic_desktop.services.core import validation as v
    from ahuntsic_desktop.services.core.errors import ValidationError

    for huge in (Decimal("1e40"), Decimal("-1e40"), Decimal("123456789012345678901234567890.5")):
        with pytest.raises(ValidationError):
            v.cents(huge, "dues_cents", "Cotisation")


@pytest.mark.parametrize("multiline", [False, True])
def test_control_characters_refused_are_exactly_unicodes(multiline):
    """Every character of the Basic Multilingual Plane, inside a text: refused as invisible
    exactly when Unicode calls it a control (category Cc), newline and tab allowed in
    notes (a carriage return becomes a newline)."""
    import unicodedata

    allowed = {"\n", "\t", "\r"} if multiline else set()
    for code in range(0x10000):
        char = chr(code)
        control = unicodedata.category(char) == "Cc" and char not in allowed
        try:
            v.optional_text(f"a{char}b", "notes", "Notes", multiline=multiline)
            refused = False
        except ValidationError as error:
            refused = "invisibles non permis" in error.message
        assert refused == control, hex(code)
