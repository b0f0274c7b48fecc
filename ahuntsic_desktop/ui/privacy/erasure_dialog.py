"""Confirm an erasure: what is cleared (with the records merged into the person), each
passage of the file that will be rewritten (where, which record, an excerpt), what is kept
for the counts, and that nothing but restoring a backup brings the information back. The
button waits for a tick."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, ngettext
from ...services.privacy.erasure import ErasurePreview
from ..registry.common import ERROR_STYLE
from ..widgets.unsaved import GuardedDialog

WARNING = (
    "Cette opération est définitive : elle ne peut pas être annulée. Seule la "
    "restauration d'une sauvegarde antérieure ramènerait ces renseignements (les "
    "sauvegardes existantes les contiennent encore jusqu'à leur remplacement, tout comme "
    "les documents exportés auparavant)."
)


def _bullets(lines: list[str]) -> str:
    items = "".join(f"<li>{line}</li>" for line in lines)
    return f"<ul style='margin-top:2px'>{items}</ul>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def preview_html(preview: ErasurePreview) -> str:
    cleared = [_escape(text) for text in preview.cleared]
    for record in preview.merged:
        cleared.append(
            _escape(_("la fiche fusionnée dans la sienne : {record}").format(record=record))
        )
    if preview.consents:
        cleared.append(
            ngettext("{n} consentement", "{n} consentements", preview.consents).format(
                n=preview.consents
            )
        )
    if preview.audit_entries:
        cleared.append(
            ngettext(
                "les valeurs personnelles de {n} entrée du journal",
                "les valeurs personnelles de {n} entrées du journal",
                preview.audit_entries,
            ).format(n=preview.audit_entries)
        )
    if preview.mentions:
        cleared.append(
            ngettext(
                "son nom, son courriel ou son téléphone dans {n} texte (détail ci-dessous)",
                "son nom, son courriel ou son téléphone dans {n} textes (détail ci-dessous)",
                preview.mentions,
            ).format(n=preview.mentions)
        )
    kept = [f"{_escape(what)} : {n}" for what, n in preview.kept] or [_("rien à conserver")]
    return (
        "<p>"
        + _escape(
            _("« {name} » deviendra « {anonymous} » partout dans le fichier.").format(
                name=preview.full_name, anonymous=preview.anonymous_name
            )
        )
        + "</p><p><b>"
        + _escape(_("Effacé :"))
        + "</b></p>"
        + _bullets(cleared or [_("aucun renseignement")])
        + "<p><b>"
        + _escape(_("Conservé, rattaché à la fiche anonyme, pour les statistiques :"))
        + "</b></p>"
        + _bullets(kept)
    )


def changes_table(preview: ErasurePreview, parent: QWidget) -> QTableWidget:
    """One line per passage that will be rewritten: where, the record, an excerpt."""
    headers = [_("Où"), _("Table et colonne"), _("Fiche"), _("Extrait")]
    table = QTableWidget(len(preview.changes), len(headers), parent)
    table.setObjectName("changes")
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    for row, change in enumerate(preview.changes):
        values = (change.where, f"{change.table}.{change.column}", f"#{change.record_id}")
        for column, text in enumerate((*values, change.excerpt)):
            table.setItem(row, column, QTableWidgetItem(text))
    header = table.horizontalHeader()
    for column in range(3):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(160)
    return table


class ErasureDialog(GuardedDialog):
    """Accepted only after the user ticked that they understand it cannot be undone. Esc
    after the tick asks whether to abandon: never « Enregistrer », which would erase."""

    can_save = False

    def __init__(self, preview: ErasurePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Anonymiser la personne"))
        self.setMinimumWidth(720)
        self.summary = QLabel(preview_html(preview), self)
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.warning = QLabel(_(WARNING), self)
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(ERROR_STYLE)
        self.understood = QCheckBox(_("Je comprends que l'anonymisation est irréversible."), self)
        self.understood.setObjectName("understood")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.confirm_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm_button.setText(_("Anonymiser définitivement"))
        self.confirm_button.setObjectName("confirmErasure")
        self.confirm_button.setEnabled(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_("Annuler"))
        cancel.setDefault(True)
        self.understood.toggled.connect(self.confirm_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.changes = changes_table(preview, self)
        self.changes_title = QLabel(
            "<b>"
            + _escape(_("Passages réécrits (le nom devient « {anonymous} ») :")).format(
                anonymous=_escape(preview.anonymous_name)
            )
            + "</b>",
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes_title)
        layout.addWidget(self.changes)
        self.changes_title.setVisible(bool(preview.changes))
        self.changes.setVisible(bool(preview.changes))
        layout.addWidget(self.warning)
        layout.addWidget(self.understood, 0, Qt.AlignmentFlag.AlignLeft)  # no dead space
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if self.understood.isChecked():
            super().accept()
