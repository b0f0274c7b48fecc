"""The journal of changes, as the access report prints it for the person who asked: what
changed, in words and with dates written out, not the file's internal names and codes
(``person_id``, ``kind : acces``, ``2026-11-26``). The JSON file beside the report keeps
every entry as stored."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from enum import StrEnum

from ...domain.labels import LABELS
from ...i18n import N_, _, format_date
from ...services.privacy.access import kind_label
from ...services.privacy.dossier import PersonFile, Section
from ..privacy_marks import printable

# Fields of the journal that no section of the file shows under a title of its own.
FIELD_LABELS = {
    "kind": N_("Type"),
    "received_on": N_("Reçue le"),
    "due_on": N_("Réponse due le"),
    "completed_on": N_("Traitée le"),
    "status": N_("Statut"),
    "purpose": N_("Objet"),
    "granted": N_("Accordé"),
    "granted_on": N_("Accordé le"),
    "withdrawn_on": N_("Retiré le"),
    "start_date": N_("Début"),
    "end_date": N_("Fin"),
    "role": N_("Rôle"),
    "notes": N_("Notes"),
    "year": N_("Année"),
    "paid_on": N_("Payée le"),
    "dues_cents": N_("Cotisation"),
    "payment_method": N_("Mode de paiement"),
    "voting": N_("Droit de vote"),
}
HIDDEN_COLUMNS = {"user"}  # the session's login name: nothing the person can use
CODE_LABELS = {value: text for (_enum, value), text in LABELS.items()}


def field_labels(person_file: PersonFile) -> dict[str, str]:
    """Field name -> its title, from the columns the file's sections already name."""
    labels = {key: _(text) for key, text in FIELD_LABELS.items()}
    for section in (person_file.identity, *person_file.sections):
        for column in section.columns:
            labels.setdefault(column.key, column.title)
    return labels


def _iso_date(text: str) -> dt.date | None:
    """The date of ``2026-11-26`` or ``2026-11-26T10:00:00``, None for other text."""
    if len(text) < 10 or text[4:5] != "-" or text[7:8] != "-":
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def value_text(key: str, value: object) -> str:
    """``26 novembre 2026`` for a date (stored as text in the journal), a label for a code."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Oui") if value else _("Non")
    if isinstance(value, str):
        day = _iso_date(value)
        if day is not None:
            return format_date(day)
        if key == "kind" and kind_label(value) != value:
            return kind_label(value)
        if value in CODE_LABELS:
            return _(CODE_LABELS[value])
    if isinstance(value, StrEnum):
        value = value.value
    return printable(value)


def changes_sentences(value: object, labels: dict[str, str]) -> str:
    """One change a line: « Reçue le : 26 novembre 2026 », « Courriel : a → b »; internal
    numbers (``person_id``) left out."""
    if not isinstance(value, dict):
        return printable(json.dumps(value, ensure_ascii=False, default=str))
    lines = []
    for key, change in value.items():
        if key == "id" or key.endswith("_id"):
            continue
        title = labels.get(key) or key.replace("_", " ").capitalize()
        if isinstance(change, list) and len(change) == 2:
            old, new = (value_text(key, v) for v in change)
            lines.append(f"{title} : {old} → {new}")
        else:
            lines.append(f"{title} : {value_text(key, change)}")
    return "\n".join(lines)


def readable_journal(section: Section, person_file: PersonFile) -> Section:
    """The journal section without its internal columns, changes written in words."""
    labels = field_labels(person_file)
    keep = [i for i, c in enumerate(section.columns) if c.key not in HIDDEN_COLUMNS]
    columns = tuple(section.columns[i] for i in keep)
    rows = tuple(
        tuple(
            changes_sentences(row[i], labels) if section.columns[i].kind == "json" else row[i]
            for i in keep
        )
        for row in section.rows
    )
    columns = tuple(c if c.kind != "json" else replace(c, kind="text") for c in columns)
    return Section(section.key, section.title, columns, rows)
