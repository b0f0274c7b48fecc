"""The quick paths for e-mail addresses and phone numbers give exactly what the libraries
give, value by value, on a corpus: the demo's values, the messy import files' values and
hand-picked edge cases (and the validators built on them answer as before)."""

from __future__ import annotations

import importlib.util
import random
import re
import sqlite3
from pathlib import Path

import phonenumbers
import pytest
from email_validator import EmailNotValidError, validate_email

from ahuntsic_desktop.services.core import validation as v
from ahuntsic_desktop.services.core.contact_shapes import plain_email, plain_phone
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.demo import write_demo_file
from tests.dates import DEMO_TODAY

MESSY = Path(__file__).parent.parent / "fixtures" / "import" / "make_messy_files.py"

EMAIL_EDGES = [
    "marie.cote@exemple.org", "Marie.Cote@EXEMPLE.ORG", "PAUL@exemple.org", "a@b.co",
    "chloe@exemple.org ", " chloe@exemple.org", "jean@@exemple", "jean@exemple", "@exemple.org",
    "jean@", "jean", "jean.@exemple.org", ".jean@exemple.org", "je..an@exemple.org",
    "jean@exemple..org", "jean@.exemple.org", "jean@exemple.org.", "jean@-exemple.org",
    "jean@exemple-.org", "jean@ex--emple.org", "jean@xn--bcher-kva.example",
    "jean@ab--cd.org", "jean@exemple.123", "jean@exemple.o", "jean@exemple.c0m",
    "jean@exemple.local", "jean@mail.localhost", "jean@exemple.test", "jean@a.b.invalid",
    "jean@abc.onion", "jean@in-addr.arpa", "jean@exemple.example", "jean@example.com",
    "INFO@exemple.org", "Info@Exemple.org", "postmaster@exemple.org", "WebMaster@exemple.org",
    "jean+liste@exemple.org", "o'neil@exemple.org", "a!#$%&'*+-/=?^_`{|}~@exemple.org",
    '"jean dupont"@exemple.org', '"jean"@exemple.org', "Jean <jean@exemple.org>",
    "jean@[192.0.2.1]", "jean@bücher.example", "jean@BÜCHER.example", "josé@exemple.org",
    "jean@exemple.ORG", "jean dupont@exemple.org", "jean,dupont@exemple.org",
    "jean@exemple_org.org", "jean@exemple.org\u200b", "jean\u202e@exemple.org",
    "jean@ｅｘｅｍｐｌｅ.org", "jean＠exemple.org", "x" * 64 + "@exemple.org",
    "x" * 65 + "@exemple.org", "x@" + "a" * 63 + ".org", "x@" + "a" * 64 + ".org",
    "x@" + ".".join(["a" * 60] * 4) + ".org", "x" * 200 + "@" + "b" * 49 + ".org",
    "x" * 200 + "@" + "b" * 50 + ".org", "x" * 240 + "@exemple.org",
]  # fmt: skip
PHONE_EDGES = [
    "514 555-1234", "(514) 555-1234", "514.555.1234", "514-555-1234", "5145551234",
    "1 514 555 1234", "1-514-555-1234", "+1 514 555 1234", "+1-514-555-1234", "+15145551234",
    "1(514)555-1234", "+1 (514) 555-1234", "(514)555-1234", "514 5551234", "514555 1234",
    "514 555-0101", "514 555-0199", "514 555-0100", "438 555 0110", "514 555-5555",
    "555 555-5555", "800 555-1234", "1-800-555-1234", "1 800 363 1234", "888 555-0000",
    "877 123-4567", "900 555-1234", "976 555-1234", "456 555-1234", "411 555-1234",
    "211 555-1234", "911 555-1234", "555 123-4567", "999 999-9999", "200 200-2000",
    "514 055-1234", "514 155-1234", "514 911-1234", "514 555-123", "514 555-12345",
    "014 555-1234", "114 555-1234", "11 514 555 1234", "+2 514 555 1234", "+44 20 7946 0958",
    "+33 1 23 45 67 89", "1-514-555-0111 poste 22", "514 555-1234 ext. 5", "514 555-1234 x5",
    "514 555-1234, poste 12", "514-555-CHAT", "(514 555-1234", "514) 555-1234",
    "514--555-1234", "514  555-1234", "+1  514 555 1234", "268 464 1234", "268 555 1234",
    "876 927 1234", "787 555 1234", "809 555 1234", "441 292 1234", "345 949 1234",
    "284 494 1234", "340 773 1234", "670 234 1234", "671 555 1234", "684 633 1234",
    "721 542 1234", "649 946 1234", "869 465 1234", "758 452 1234", "784 456 1234",
    "473 440 1234", "767 445 1234", "664 491 1234", "246 555 1234", "242 322 1234",
    "264 497 1234", "868 555 1234", "600 555-1234", "622 555-1234", "700 555-1234",
    "710 555-1234", "880 555-1234", "500 555-1234", "521 555-1234", "533 555-1234",
    "١٢٣ ٤٥٦ ٧٨٩٠", "５１４ ５５５ １２３４", "514\u00a0555-1234", "514 555-1234\u202e",
]  # fmt: skip


def _messy():
    spec = importlib.util.spec_from_file_location("make_messy_files", MESSY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[list[str], list[str]]:
    """(emails, phones): the demo file's, the messy files', the edge cases above, and a
    sweep of North-American area codes (every one from 200 to 999, random exchanges)."""
    path = tmp_path_factory.mktemp("shapes") / "demo.sqlite"
    write_demo_file(path, today=DEMO_TODAY)
    with sqlite3.connect(path) as connection:
        stored = connection.execute(
            "SELECT email, phone FROM person UNION ALL SELECT email, phone FROM organization"
        ).fetchall()
    messy = _messy()
    rows = [list(r) for r in messy.ROWS] + messy.big_rows(2_000)
    emails = [e for e, _p in stored if e] + [str(r[2]) for r in rows if r[2]] + EMAIL_EDGES
    phones = [p for _e, p in stored if p] + [str(r[3]) for r in rows if r[3]] + PHONE_EDGES
    rng = random.Random(16)
    for area in range(200, 1000):
        exchange = rng.choice((rng.randint(200, 999), rng.randint(0, 999), 555))
        phones.append(f"{area} {exchange:03d}-{rng.randint(0, 9999):04d}")
    phones += [f"514 555-{n:04d}" for n in range(0, 10_000, 37)]
    return emails, phones


def library_email(text: str) -> str | None:
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def library_phone(text: str) -> tuple[str, bool] | None:
    """(formatted ten digits, valid) as phonenumbers says, for a +1 number without an
    extension; None for anything else (what the quick path must leave to the library)."""
    try:
        number = phonenumbers.parse(text, "CA")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 1 or number.extension:
        return None
    digits = f"{number.national_number:010d}"
    return f"{digits[:3]} {digits[3:6]}-{digits[6:]}", phonenumbers.is_valid_number(number)


def test_plain_email_is_the_library_answer_for_every_value(corpus):
    emails, _phones = corpus
    quick = 0
    for text in emails:
        found = plain_email(text.strip())
        if found is not None:
            quick += 1
            assert found == library_email(text.strip()), text
    assert quick >= len(emails) * 0.8  # the demo's and the files' addresses take the quick path
    assert plain_email("Marie.Cote@EXEMPLE.ORG") == "Marie.Cote@exemple.org"
    for left_to_library in ('"jean"@exemple.org', "jean@bücher.example", "INFO@exemple.org",
                            "jean@exemple.test", "jean@xn--bcher-kva.example"):  # fmt: skip
        assert plain_email(left_to_library) is None


def test_plain_phone_is_the_library_answer_for_every_value(corpus):
    _emails, phones = corpus
    quick = valid = 0
    for text in phones:
        found = plain_phone(text.strip())
        if found is not None:
            quick += 1
            valid += found[1]
            assert found == library_phone(text.strip()), text
    assert quick >= len(phones) * 0.8
    assert 0 < valid < quick  # both answers are met in the corpus
    assert plain_phone("(514) 555-1234") == ("514 555-1234", True)
    for left_to_library in ("514 555-1234 poste 12", "+44 20 7946 0958", "514-555-CHAT"):
        assert plain_phone(left_to_library) is None


def old_email(text: str | None) -> str:
    """The validator before the quick path: the library for every address."""
    text = (text or "").strip()
    if not text:
        return "None"
    v.refuse_disguise(text, "email", "Courriel")
    normalized = library_email(text)
    if normalized is None:
        raise ValidationError("invalid", "email")
    if len(normalized) > 254:
        raise ValidationError("long", "email")
    return normalized


EXTENSION_WORDS = re.compile(r"(?i)\s*(?:,\s*)?\b(?:poste|post\.|p\.|extension|ext\.?)\s*")


def old_phone(text: str | None) -> str:
    """The validator before the quick path: phonenumbers for every number."""
    text = (text or "").strip()
    if not text:
        return "None"
    v.refuse_disguise(text, "phone", "Téléphone")
    try:
        number = phonenumbers.parse(EXTENSION_WORDS.sub(" ext. ", text), "CA")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError("invalid", "phone")
    if number.country_code == 1:
        digits = f"{number.national_number:010d}"
        formatted = f"{digits[:3]} {digits[3:6]}-{digits[6:]}"
    else:
        bare = phonenumbers.PhoneNumber(
            country_code=number.country_code, national_number=number.national_number
        )
        formatted = phonenumbers.format_number(bare, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return formatted + (f" poste {number.extension}" if number.extension else "")


def outcome(function, text):
    try:
        return str(function(text))
    except ValidationError as error:
        return f"refused ({error.field})"


def test_the_validators_answer_as_before(corpus):
    emails, phones = corpus
    for text in emails:
        assert outcome(v.email, text) == outcome(old_email, text), text
    for text in phones:
        assert outcome(v.phone, text) == outcome(old_phone, text), text
