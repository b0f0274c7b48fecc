"""A tab of the registry: a row of buttons over a :class:`RegistryList`, and the everyday
actions every list shares: copy the selection's email addresses, export the list as shown,
archive, restore or delete the selection, and the hook to merge two records."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from ...i18n import _, format_number, ngettext
from ...services.core import BulkResult
from ...services.core.listing import Table
from ...services.registry.contacts import EmailSelection
from ..context import Context
from ..errors import show_error
from ..widgets.files import ask_save_path, document_name, offer_to_open, xlsx_filter
from ..widgets.flow_layout import FlowLayout
from ..widgets.worker import Task, run_task
from .common import confirm, inform, status
from .list_widget import RegistryList

Bulk = Callable[[list[int]], BulkResult]  # one service call, one transaction


def one(count: int) -> bool:
    return count == 1


def some(count: int) -> bool:
    return count > 0


def two(count: int) -> bool:
    return count == 2


class RegistryTab(QWidget):
    """Layout: buttons, then the list. Subclasses add buttons and wire them in ``_connect``."""

    changed = Signal()  # something was saved: the page reloads what shows it

    export_title = ""
    export_name = "liste"

    def __init__(self, context: Context, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: QDialog | None = None  # the dialog last opened (tests reach it here)
        self.buttons = FlowLayout()  # wraps on a narrow screen
        self.list = RegistryList(name, self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.buttons)
        layout.addWidget(self.list, 1)
        self._needs: list[tuple[QPushButton, Callable[[int], bool], bool]] = []
        self.export_task: Task | None = None  # the list export running, if any

    @property
    def db(self):
        return self.context.db

    def button(
        self,
        text: str,
        name: str,
        needs: Callable[[int], bool] | None = None,
        *,
        writes: bool = True,
    ) -> QPushButton:
        """A button of the row; ``needs`` says for how many selected rows it is enabled,
        ``writes`` that it changes the file (disabled when the file is read-only)."""
        button = QPushButton(self._mnemonic(text), self)
        button.setObjectName(name)
        self.buttons.addWidget(button)
        self._needs.append((button, needs or (lambda _count: True), writes))
        return button

    def end_buttons(self) -> None:
        self.buttons.addStretch(1)

    def update_buttons(self) -> None:
        count = len(self.list.selected_ids())
        for button, needs, writes in self._needs:
            button.setEnabled(needs(count) and not (writes and self.db.read_only))

    def load(self) -> Table:  # pragma: no cover - overridden
        raise NotImplementedError

    def refresh(self) -> None:
        self.list.set_table(self.load())
        self.update_buttons()

    def selected(self) -> list[int]:
        return self.list.selected_ids()

    def _mnemonic(self, text: str) -> str:
        """« &Nouvelle adhésion… », « &Modifier… », « Enregistrer un &paiement… »: each
        button of the row gets its own Alt+letter (a word's first letter when free)."""
        used = getattr(self, "_letters", set())
        self._letters = used
        words = text.split()
        starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
        for index in [*starts, *range(len(text))]:
            char = text[index]
            if char.isalpha() and char.lower() not in used:
                used.add(char.lower())
                return text[:index] + "&" + text[index:]
        return text

    def open_dialog(self, dialog: QDialog, on_saved: Callable[[], None] | None = None) -> QDialog:
        """Show ``dialog`` (window-modal, without a nested event loop); after a save the
        page reloads, then ``on_saved`` runs."""
        self.dialog = dialog

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self.changed.emit()
                if on_saved is not None:
                    on_saved()
            dialog.deleteLater()
            self.window().activateWindow()  # the keyboard goes back to the list's row
            self.list.view.setFocus(Qt.FocusReason.OtherFocusReason)

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    # -- shared actions -----------------------------------------------------------------
    def copy_emails(self, selection: EmailSelection) -> None:
        QGuiApplication.clipboard().setText(selection.text)
        copied = len(selection.addresses)
        message = ngettext(
            "{n} adresse copiée (à coller dans le champ Cci)",
            "{n} adresses copiées (à coller dans le champ Cci)",
            copied,
        ).format(n=format_number(copied))
        if selection.without_consent:
            message += ngettext(
                " ; {n} personne ignorée faute de consentement",
                " ; {n} personnes ignorées faute de consentement",
                selection.without_consent,
            ).format(n=selection.without_consent)
        if selection.without_email:
            message += ngettext(
                " ; {n} sans courriel", " ; {n} sans courriel", selection.without_email
            ).format(n=selection.without_email)
        status(self, message + ".")

    def whole_list(self) -> None:
        """Before an action on the whole list: the tab's rows all there (see
        :class:`.read_ahead.ReadsAhead`, whose first rows may show before the rest)."""

    def export_list(self) -> None:
        if self.export_task is not None:
            return
        name = document_name([self.export_name, self.context.today()], ".xlsx")
        path = ask_save_path(self, _("Exporter la liste"), name, xlsx_filter())
        if path is None:
            return
        self.whole_list()
        rows, columns = self.list.shown_rows(), self.list.shown_columns()
        table, title = self.list.model.table, self.export_title
        banner = self.confidential_banner(columns)

        def work(progress) -> Path:
            from ...exports.xlsx.list_view import write_list

            write_list(
                path, table, title=title, columns=columns, rows=rows, progress=progress,
                banner=banner,
            )  # fmt: skip
            return path

        def progressed(done: int, total: int) -> None:
            status(
                self,
                _("Exportation de la liste… {done} sur {total} lignes").format(
                    done=format_number(done), total=format_number(total)
                ),
            )

        button = getattr(self, "export_button", None)
        if button is not None:
            button.setEnabled(False)
        status(self, _("Exportation de la liste…"))
        self.export_task = run_task(
            self,
            work,
            lambda written: self._exported(Path(written), None, len(rows)),
            lambda error: self._exported(path, error, len(rows)),
            progressed,
        )

    def confidential_banner(self, columns):
        """The "Confidentiel : renseignements personnels" mark when the exported columns
        hold personal information; None otherwise (subclasses decide)."""
        return None

    def _exported(self, path: Path, error: BaseException | None, count: int) -> None:
        self.export_task = None
        button = getattr(self, "export_button", None)
        if button is not None:
            button.setEnabled(True)
        if error is not None:
            reason = getattr(error, "strerror", None) or getattr(error, "message", None) or error
            show_error(self, _("La liste n'a pas pu être exportée : {error}").format(error=reason))
            return
        message = ngettext(
            "Liste exportée : {path} ({n} ligne)", "Liste exportée : {path} ({n} lignes)", count
        ).format(path=path, n=format_number(count))
        offer_to_open(self, path, message)

    def tell_refusals(self, result: BulkResult, title: str) -> None:
        """Each record the service refused, and why (the others were done)."""
        if result.refusals:
            inform(self, "\n\n".join(result.messages), title=title)

    def archive_selection(self, archive: Bulk, question: str) -> None:
        ids = self.selected()
        if not ids or not confirm(self, question, title=_("Archiver"), yes=_("Archiver")):
            return
        result = archive(ids)
        done = len(result.done)
        if done:
            status(
                self,
                ngettext("{n} fiche archivée.", "{n} fiches archivées.", done).format(n=done),
            )
        self.tell_refusals(result, _("Archivage refusé"))
        self.changed.emit()

    def restore_selection(self, restore: Bulk) -> None:
        result = restore(self.selected())
        done = len(result.done)
        status(
            self,
            ngettext("{n} fiche restaurée.", "{n} fiches restaurées.", done).format(n=done),
        )
        self.tell_refusals(result, _("Restauration refusée"))
        self.changed.emit()

    def delete_selection(self, delete: Bulk, question: str) -> None:
        ids = self.selected()
        if not ids or not confirm(self, question, title=_("Supprimer"), yes=_("Supprimer")):
            return
        result = delete(ids)
        deleted = len(result.done)
        if deleted:
            status(
                self,
                ngettext("{n} fiche supprimée.", "{n} fiches supprimées.", deleted).format(
                    n=deleted
                ),
            )
            self.changed.emit()
        self.tell_refusals(result, _("Suppression refusée"))

    def merge_selection(self, kind: str) -> None:
        """Merge two selected records: the first selected is kept, the preview can swap."""
        from ..merge_dialog import MergeDialog

        ids = self.selected()
        if len(ids) != 2:
            inform(self, _("Sélectionnez exactement deux fiches à fusionner."))
            return
        dialog = MergeDialog(self.context.db, kind, ids[0], ids[1], self)
        dialog.exec()
        if dialog.merged is not None:
            self.changed.emit()
