"""The English (Canada) catalogue: it compiles, loads, switches the interface to English and
keeps every placeholder of the French source strings.

Source strings keep changing, so this does not ask for an up-to-date catalogue (that is
``packaging/update_translations.py --check``); it asks for a catalogue that is safe to use
and nearly complete.
"""

from __future__ import annotations

import gettext
import re

import pytest
from babel.messages.pofile import read_po

from ahuntsic_desktop import i18n
from ahuntsic_desktop.domain.enums import (
    AttendanceStatus,
    MeetingKind,
    PartnerKind,
    ResolutionOutcome,
    Sector,
)
from ahuntsic_desktop.domain.labels import LABELS, label

CATALOGUE_DIR = i18n.locale_dir() / "en_CA" / "LC_MESSAGES"
PO = CATALOGUE_DIR / f"{i18n.DOMAIN}.po"
MO = CATALOGUE_DIR / f"{i18n.DOMAIN}.mo"
MINIMUM_TRANSLATED = 0.95
PLACEHOLDER = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")


def _messages():
    with PO.open("rb") as handle:
        catalogue = read_po(handle, locale="en_CA")
    return [message for message in catalogue if message.id]


def _pairs(message) -> list[tuple[str, str]]:
    """(source, translation) pairs of a message: one, or singular and plural forms."""
    if isinstance(message.id, str):
        return [(message.id, message.string or "")]
    singular, plural = message.id
    forms = tuple(message.string or ())
    forms += ("",) * (2 - len(forms))
    return [(singular, forms[0]), (plural, forms[1])]


def _translated(message) -> bool:
    return all(translation for _source, translation in _pairs(message))


def _placeholders(text: str) -> set[str]:
    """Field names of a ``str.format`` template: ``{m:02d}`` counts as ``m``."""
    return {re.split(r"[:!]", field, maxsplit=1)[0] for field in PLACEHOLDER.findall(text)}


def _accelerators(text: str) -> int:
    """Keyboard accelerators (``&Fichier``); ``&&`` is a literal ampersand."""
    return text.replace("&&", "").count("&")


def _markup(text: str) -> list[str]:
    return sorted(re.findall(r"</?\w+[^>]*>", text))


STRUCTURE = {"placeholders": _placeholders, "accelerators": _accelerators, "markup": _markup}


def _label(message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def test_compiled_catalogue_loads_with_gettext():
    with MO.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    assert translations.gettext("Tableau de bord") == "Dashboard"
    assert translations.ngettext("{n} adhésion", "{n} adhésions", 2) == "{n} memberships"
    assert translations.ngettext("{n} adhésion", "{n} adhésions", 1) == "{n} membership"
    assert translations.info().get("language") == "en_CA"


def test_set_locale_switches_the_interface_to_english():
    assert i18n.set_locale("en_CA") == "en_CA"
    assert i18n._("Tableau de bord") == "Dashboard"
    assert i18n.ngettext("{n} adhésion", "{n} adhésions", 0) == "{n} memberships"
    assert i18n.set_locale("fr_CA") == "fr_CA"
    assert i18n._("Tableau de bord") == "Tableau de bord"


def test_labels_come_out_in_english():
    i18n.set_locale("en_CA")
    assert label(Sector.COMMUNITY) == "Community"
    assert label(PartnerKind.FUNDER) == "Funder"
    assert label(MeetingKind.AGA) == "Annual general meeting"
    assert label(MeetingKind.COORDINATION) == "Coordination committee"
    assert label(AttendanceStatus.PRESENT) == "Present"
    assert label(AttendanceStatus.EXCUSED) == "Excused"
    assert label(ResolutionOutcome.UNANIMOUS) == "Carried unanimously"
    catalogue = {message.id: message.string for message in _messages()}
    untranslated = sorted({text for text in LABELS.values() if not catalogue.get(text)})
    assert not untranslated, f"labels without an English translation: {untranslated}"
    assert all(
        label(member) == catalogue[LABELS[(type(member), member.value)]] for member in Sector
    )


@pytest.mark.parametrize("check", sorted(STRUCTURE))
def test_translations_keep_the_source_structure(check):
    problems = []
    for message in _messages():
        for source, translation in _pairs(message):
            if not translation:
                continue
            same = STRUCTURE[check](source) == STRUCTURE[check](translation)
            if not same:
                problems.append(f"{source!r} -> {translation!r}")
    assert not problems, f"{len(problems)} translation(s) break the {check}:\n" + "\n".join(
        problems
    )


def test_nearly_every_message_is_translated():
    messages = _messages()
    missing = [_label(message) for message in messages if not _translated(message)]
    ratio = 1 - len(missing) / len(messages)
    assert ratio >= MINIMUM_TRANSLATED, (
        f"{ratio:.1%} of {len(messages)} messages translated "
        f"(at least {MINIMUM_TRANSLATED:.0%} wanted); untranslated:\n" + "\n".join(missing)
    )
