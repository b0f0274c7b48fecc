"""A save that lost the race: someone else saved the same record since the form was opened.

The two versions are shown side by side, field by field (only the fields that differ), and
the user chooses: keep their own changes (saved over the other version, knowingly), take
the saved version into the form, or go back to the form. Nothing is overwritten silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, format_date, format_time

KEEP_MINE, TAKE_THEIRS = 1, 2  # exec() results besides Rejected (0): back to the form


def shown_value(value: object) -> str:
    if isinstance(value, bool):
        return _("Oui") if value else _("Non")
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, dt.time):
        return format_time(value)
    return "" if value is None else str(value)


def differences(mine, theirs, labels: dict[str, str]) -> list[tuple[str, str, str]]:
    """(label, mine, theirs) of each labelled field whose shown values differ."""
    rows = []
    for field in fields(mine):
        if field.name not in labels:
            continue
        a, b = shown_value(getattr(mine, field.name)), shown_value(getattr(theirs, field.name))
        if a != b:
            rows.append((labels[field.name], a, b))
    return rows


class ConflictDialog(QDialog):
    """``exec()`` returns :data:`KEEP_MINE`, :data:`TAKE_THEIRS` or 0 (back to the form)."""

    def __init__(self, mine, theirs, labels: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(_("Modifiée par quelqu'un d'autre"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                _(
                    "Quelqu'un d'autre a enregistré cette fiche pendant que vous la modifiiez. "
                    "Rien n'a encore été enregistré de votre côté. Comparez puis choisissez."
                ),
                self,
                wordWrap=True,
            )
        )
        rows = differences(mine, theirs, labels)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels(
            [_("Champ"), _("Vos modifications"), _("Version enregistrée")]
        )
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.keep = buttons.addButton(
            _("Garder mes modifications"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.take = buttons.addButton(
            _("Reprendre la version enregistrée"), QDialogButtonBox.ButtonRole.ActionRole
        )
        back = buttons.addButton(_("Revenir au formulaire"), QDialogButtonBox.ButtonRole.RejectRole)
        self.keep.clicked.connect(lambda: self.done(KEEP_MINE))
        self.take.clicked.connect(lambda: self.done(TAKE_THEIRS))
        back.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            tuple(self.table.item(r, c).text() for c in range(3))
            for r in range(self.table.rowCount())
        ]


def settle(parent: QWidget, mine, theirs, labels: dict[str, str], show_theirs) -> int | None:
    """Show both versions of a record whose save lost the race. Returns the saved
    version to save over (the user keeps theirs, knowingly), or None: either the saved
    version was put in the form (``show_theirs(theirs)``) or the user goes back to it."""
    choice = ConflictDialog(mine, theirs, labels, parent).exec()
    if choice == KEEP_MINE:
        return theirs.version
    if choice == TAKE_THEIRS:
        show_theirs(theirs)
    return None
