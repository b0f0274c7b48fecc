"""Names, emails and phones that could pass for others (issue 11, item 9): right-to-left
override, other bidirectional controls and zero-width characters are refused with a
reason that names the problem, by the shared validators, so forms and imports agree."""

from __future__ import annotations

import pytest

from ahuntsic_desktop.services.core import validation as v
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.importing import values as cv
from ahuntsic_desktop.services.importing.model import Reason

BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
        "\u2069", "\u200e", "\u200f"]  # fmt: skip
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


def refusal(function, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        function(*args, **kwargs)
    return info.value


@pytest.mark.parametrize("char", BIDI)
def test_bidi_controls_refused_in_names(char):
    error = refusal(v.optional_text, f"Mar{char}ie", "first_name", "Prénom", max_length=100)
    assert error.field == "first_name"
    assert "direction du texte" in error.message
    assert f"U+{ord(char):04X}" in error.message
    assert "Prénom" in error.message


@pytest.mark.parametrize("char", ZERO_WIDTH)
def test_zero_width_characters_refused_in_names(char):
    error = refusal(v.required_text, f"Côté{char}", "last_name", "Nom", max_length=100)
    assert error.field == "last_name"
    assert "largeur nulle" in error.message
    assert f"U+{ord(char):04X}" in error.message
    # the old message blamed « caractères invisibles » without saying which
    assert "non permis" not in error.message


@pytest.mark.parametrize("char", BIDI + ZERO_WIDTH)
def test_emails_and_phones_with_hidden_characters_refused(char):
    email = refusal(v.email, f"marie{char}@exemple.org")
    assert email.field == "email" and f"U+{ord(char):04X}" in email.message
    # phonenumbers would otherwise drop the character and accept the number
    phone = refusal(v.phone, f"514 555{char}-1234")
    assert phone.field == "phone" and f"U+{ord(char):04X}" in phone.message


def test_right_to_left_override_in_an_organisation_name():
    error = refusal(v.required_text, "\u202eexe.fdp", "name", "Nom")
    assert "U+202E" in error.message and "direction du texte" in error.message


def test_plain_and_right_to_left_text_still_accepted():
    assert v.optional_text("Éloïse Côté-Lévesque", "last_name", "Nom") == "Éloïse Côté-Lévesque"
    assert v.optional_text("مرحبا", "last_name", "Nom") == "مرحبا"
    assert v.email("marie@exemple.org") == "marie@exemple.org"
    assert v.phone("514 555-1234") == "514 555-1234"
    # emoji joined by U+200D stay allowed outside the fields that identify someone
    assert v.optional_text("🏳️\u200d🌈 Fierté", "title", "Titre") == "🏳️\u200d🌈 Fierté"
    # notes are free text pasted from anywhere: left alone
    assert v.optional_text("a\u200bb", "notes", "Notes", multiline=True) == "a\u200bb"


def test_the_import_refuses_them_with_the_same_reason():
    with pytest.raises(cv.CellError) as info:
        cv.text("Ma\u202erie", "first_name", "Prénom", 100)
    assert info.value.reason is Reason.BAD_TEXT and "U+202E" in info.value.message
    with pytest.raises(cv.CellError) as info:
        cv.email("a\u200b@exemple.org")
    assert info.value.reason is Reason.BAD_EMAIL and "largeur nulle" in info.value.message
    with pytest.raises(cv.CellError) as info:
        cv.phone("514\u2066 555-1234")
    assert info.value.reason is Reason.BAD_PHONE and "U+2066" in info.value.message
