"""Extract every translatable string and refresh the English catalogue.

    .venv/bin/python packaging/update_translations.py          # extract, merge, compile
    .venv/bin/python packaging/update_translations.py --check  # fail if out of date

Source strings are French (the default language); resources/translations/en_CA holds the
English catalogue (.po, edited by people) and its compiled form (.mo, read at run time).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ahuntsic_desktop"
CATALOGUE = ROOT / "resources" / "translations" / "en_CA" / "LC_MESSAGES" / "ahuntsic.po"
STAMP = datetime(2026, 1, 1, tzinfo=UTC)  # fixed, so --check is stable
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def extract() -> Catalog:
    template = Catalog(project="Ahuntsic Desktop", locale="fr_CA")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if "migrations" in filename:
            continue
        template.add(
            message,
            None,
            [(f"ahuntsic_desktop/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def merged() -> Catalog:
    template = extract()
    if CATALOGUE.exists():
        with CATALOGUE.open("rb") as handle:
            catalogue = read_po(handle, locale="en_CA")
    else:
        catalogue = Catalog(locale="en_CA", project="Ahuntsic Desktop")
    catalogue.update(template, no_fuzzy_matching=True)
    catalogue.obsolete.clear()
    catalogue.fuzzy = False
    catalogue.creation_date = catalogue.revision_date = STAMP
    catalogue.last_translator = "Ahuntsic Desktop"
    catalogue.language_team = "Ahuntsic Desktop"
    catalogue.copyright_holder = "Ahuntsic Desktop"
    catalogue.msgid_bugs_address = ""
    return catalogue


def serialise(catalogue: Catalog) -> tuple[bytes, bytes]:
    po, mo = BytesIO(), BytesIO()
    write_po(po, catalogue, width=100, omit_header=False, sort_output=True, include_lineno=False)
    write_mo(mo, catalogue)
    return po.getvalue(), mo.getvalue()


def main(argv: list[str]) -> int:
    catalogue = merged()
    po, mo = serialise(catalogue)
    # A plural entry's string is a tuple: untranslated while any of its forms is empty.
    untranslated = [
        m.id
        for m in catalogue
        if m.id and (not all(m.string) if isinstance(m.string, tuple) else not m.string)
    ]
    if "--check" in argv:
        current = CATALOGUE.read_bytes() if CATALOGUE.exists() else b""
        if current != po:
            print("The English catalogue is out of date: run packaging/update_translations.py")
            return 1
        return 0
    CATALOGUE.parent.mkdir(parents=True, exist_ok=True)
    CATALOGUE.write_bytes(po)
    CATALOGUE.with_suffix(".mo").write_bytes(mo)
    print(f"{len(catalogue)} messages, {len(untranslated)} without an English translation")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
