"""The outbox (boîte d'envoi): every message with its state and the server's answer;
« Envoyer maintenant » sends the waiting ones through the table's server."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.instants import local
from ...i18n import _, format_date, format_time, ngettext
from ...services import communications as com
from ...services.communications import outbox
from ..context import Context
from ..widgets.messages import show_error
from ..widgets.worker import Task, run_task
from .server_dialog import ServerDialog

COLUMNS = (
    lambda: _("Destinataire"),
    lambda: _("Objet"),
    lambda: _("État"),
    lambda: _("Réponse du serveur"),
    lambda: _("Essais"),
    lambda: _("Envoyé le"),
)


def when(at) -> str:
    shown = local(at)
    return "" if shown is None else f"{format_date(shown)}, {format_time(shown.time())}"


def message_table(parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(0, len(COLUMNS), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels([title() for title in COLUMNS])
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)  # one line a message; the whole text is in the tool tip
    header = table.horizontalHeader()
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    for column, width in ((0, 260), (2, 90), (3, 170), (4, 55), (5, 170)):
        table.setColumnWidth(column, width)
    return table


def fill_messages(table: QTableWidget, lines: list[com.OutboxLine]) -> None:
    table.setRowCount(len(lines))
    for row, line in enumerate(lines):
        values = (
            line.address,
            line.subject,
            line.status_label,
            line.server_answer,
            str(line.attempts),
            when(line.sent_at),
        )
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            item.setData(Qt.ItemDataRole.UserRole, line.id)
            table.setItem(row, column, item)


class OutboxDialog(QDialog):
    """``sent`` is emitted after a sending, with its report."""

    sent = Signal(object)

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: QDialog | None = None
        self.last_report: com.SendReport | None = None
        self.task: Task | None = None
        self.setWindowTitle(_("Boîte d'envoi"))
        self.resize(900, 480)
        self.summary = QLabel(self)
        self.summary.setObjectName("outboxSummary")
        self.summary.setWordWrap(True)
        self.table = message_table(self, "outboxTable")
        self.send_button = QPushButton(_("&Envoyer maintenant"), self)
        self.send_button.setObjectName("sendNow")
        self.retry_button = QPushButton(_("&Remettre les échecs en attente"), self)
        self.retry_button.setObjectName("retryFailed")
        self.cancel_button = QPushButton(_("Re&tirer de la boîte d'envoi"), self)
        self.cancel_button.setObjectName("cancelMessages")
        self.server_button = QPushButton(_("&Serveur d'envoi…"), self)
        self.server_button.setObjectName("serverSettings")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Fermer"))
        for button in (self.server_button, self.cancel_button, self.retry_button, self.send_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.send_button.clicked.connect(self.send_now)
        self.retry_button.clicked.connect(self.retry_failed)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.server_button.clicked.connect(self.edit_server)
        self.refresh()

    def refresh(self) -> None:
        fill_messages(self.table, outbox.list_outbox(self.context.db))
        counts = outbox.counts(self.context.db)
        waiting = counts.get("en_attente", 0)
        self.summary.setText(
            _("En attente : {waiting} · Envoyés : {sent} · Échecs : {failed}").format(
                waiting=waiting, sent=counts.get("envoye", 0), failed=counts.get("echec", 0)
            )
        )
        writable = not self.context.db.read_only
        self.send_button.setEnabled(writable and waiting > 0)
        self.retry_button.setEnabled(writable and counts.get("echec", 0) > 0)
        self.cancel_button.setEnabled(writable)

    def _password(self, settings: com.ServerSettings) -> str | None:
        if not settings.user:
            return None
        kept = com.server_password(settings)
        if kept:
            return kept
        text, ok = QInputDialog.getText(
            self,
            _("Mot de passe du serveur d'envoi"),
            _("Mot de passe de {user} sur {host} :").format(user=settings.user, host=settings.host),
            QLineEdit.EchoMode.Password,
        )
        return text if ok else None

    def send_now(self) -> None:
        """Send in the background (the window keeps answering); see :meth:`_sent`."""
        settings = com.load_server(self.context.db)
        if not settings.configured:
            self.edit_server()
            settings = com.load_server(self.context.db)
            if not settings.configured:
                return
        password = self._password(settings)
        db, now, today = self.context.db, self.context.now(), self.context.today()

        def work(progress):
            return com.send_outbox(db, settings, password, now=now, today=today, progress=progress)

        self.send_button.setEnabled(False)
        self.summary.setText(_("Envoi en cours…"))
        self.task = run_task(self, work, self._sent, self._failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.summary.setText(_("Envoi en cours… {done} sur {total}").format(done=done, total=total))

    def _failed(self, error: Exception) -> None:
        self.task = None
        self.refresh()
        show_error(self, getattr(error, "message", None) or str(error))

    def _sent(self, report: com.SendReport) -> None:
        self.task = None
        self.last_report = report
        self.refresh()
        text = ngettext("{n} message envoyé", "{n} messages envoyés", report.sent).format(
            n=report.sent
        )
        if report.failed:
            text += " · " + ngettext("{n} échec", "{n} échecs", report.failed).format(
                n=report.failed
            )
        if report.waiting:
            text += " · " + _("{n} toujours en attente").format(n=report.waiting)
        if report.problem:
            text += "\n" + report.problem
        self.summary.setText(self.summary.text() + "\n" + text)
        self.sent.emit(report)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if self.task is not None:  # the messages already accepted are recorded; the rest wait
            self.task.cancel()
            self.task.wait()
        super().closeEvent(event)

    def _selected_ids(self) -> list[int]:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in sorted(rows)]

    def retry_failed(self) -> None:
        failed = [line.id for line in outbox.list_outbox(self.context.db, ["echec"])]
        outbox.retry(self.context.db, failed)
        self.refresh()

    def cancel_selected(self) -> None:
        outbox.cancel(self.context.db, self._selected_ids())
        self.refresh()

    def edit_server(self) -> None:
        self.dialog = ServerDialog(self.context, self)
        self.dialog.exec()
