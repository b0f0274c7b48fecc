"""Fusionner deux fiches: what will move, what conflicts and which side wins; merge on
confirmation. The record merged away is archived, never deleted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import _, ngettext
from ..services.core.errors import ValidationError
from ..services.registry.merge import MergePreview, merge, merge_preview
from ..store import Database
from .widgets.unsaved import GuardedDialog

ERROR_STYLE = "color: #b00020; font-weight: 600;"


class MergeDialog(GuardedDialog):
    """``kind`` is "person" or "organization". After ``exec()``, ``merged`` holds what was
    done (a :class:`MergePreview`) when the user confirmed. Swapping the kept record is the
    one edit: Esc after a swap asks first (« Enregistrer » merges, after its own question)."""

    def __init__(
        self, db: Database, kind: str, keep_id: int, lose_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.kind = db, kind
        self.keep_id, self.lose_id = keep_id, lose_id
        self.preview: MergePreview | None = None
        self.merged: MergePreview | None = None
        self.setWindowTitle(_("Fusionner deux fiches"))
        self.resize(720, 560)

        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        swap = QPushButton(_("Inverser : garder l'autre fiche"), self)
        swap.setObjectName("swap")
        swap.clicked.connect(self.swap)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(swap, 0, Qt.AlignmentFlag.AlignTop)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("mergePreview")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton(
            _("Fusionner"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setObjectName("merge")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.load()

    def load(self) -> None:
        self.error.hide()
        try:
            self.preview = merge_preview(self.db, self.kind, self.keep_id, self.lose_id)
        except ValidationError as error:
            self.preview = None
            self.tree.clear()
            self._show_error(error.message)
            self.merge_button.setEnabled(False)
            return
        self.merge_button.setEnabled(True)
        self._fill(self.preview)

    def _fill(self, preview: MergePreview) -> None:
        self.heading.setText(
            _(
                "On garde la fiche « {keep} » (#{keep_id}).\nLa fiche « {lose} » (#{lose_id}) y sera fusionnée."
            ).format(
                keep=preview.keep_name,
                keep_id=preview.keep_id,
                lose=preview.lose_name,
                lose_id=preview.lose_id,
            )
        )
        self.tree.clear()
        moved = QTreeWidgetItem(
            [
                ngettext(
                    "Ce qui sera déplacé ({n} élément)",
                    "Ce qui sera déplacé ({n} éléments)",
                    preview.moved_count,
                ).format(n=preview.moved_count)
            ]
        )
        for item in preview.moves:
            child = QTreeWidgetItem([f"{item.what} ({item.count})"])
            for line in item.details:
                child.addChild(QTreeWidgetItem([line]))
            moved.addChild(child)
        if not preview.moves:
            moved.addChild(QTreeWidgetItem([_("Rien : aucune donnée ne renvoie à cette fiche.")]))
        self.tree.addTopLevelItem(moved)
        if preview.conflicts:
            conflicts = QTreeWidgetItem([_("À trancher ({n})").format(n=len(preview.conflicts))])
            for conflict in preview.conflicts:
                child = QTreeWidgetItem([conflict.what])
                child.addChild(QTreeWidgetItem([conflict.resolution]))
                conflicts.addChild(child)
            self.tree.addTopLevelItem(conflicts)
        if preview.filled:
            filled = QTreeWidgetItem([_("Champs vides de la fiche gardée, complétés")])
            for name, value in preview.filled:
                filled.addChild(QTreeWidgetItem([f"{name} : {value}"]))
            self.tree.addTopLevelItem(filled)
        self.tree.expandToDepth(1)
        self.note.setText(
            _(
                "La fiche « {lose} » sera archivée avec la mention « Fusionné dans "
                "#{keep_id} ». Rien n'est supprimé : ce qui est mis de côté est consigné "
                "dans le journal."
            ).format(lose=preview.lose_name, keep_id=preview.keep_id)
        )

    def mark_clean(self) -> None:
        super().mark_clean()
        self._clean_keep = self.keep_id

    def is_dirty(self) -> bool:
        return super().is_dirty() or (self._clean is not None and self.keep_id != self._clean_keep)

    def swap(self) -> None:
        self.keep_id, self.lose_id = self.lose_id, self.keep_id
        self.load()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def accept(self) -> None:
        if self.preview is None:
            return
        answer = QMessageBox.question(
            self,
            _("Fusionner"),
            _("Fusionner « {lose} » dans « {keep} » ? Cette opération ne s'annule pas.").format(
                lose=self.preview.lose_name, keep=self.preview.keep_name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.merged = merge(self.db, self.kind, self.keep_id, self.lose_id)
        except ValidationError as error:
            self._show_error(error.message)
            return
        super().accept()
