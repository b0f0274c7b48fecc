"""The seats page: a body (CC, ad hoc committees) with its seats, who holds them, in which
role and college, from when to when; a seat added, given, or its mandate ended; and the
history of who sat where."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QPushButton, QToolButton, QWidget

from ...i18n import _, format_date
from ...services.governance import seats, tables
from ..context import Context
from ..meetings.documents import save_pdf
from ..pages.base import ListTab, TabbedListPage
from ..widgets.files import document_name
from ..widgets.forms import fill_combo
from .seat_dialogs import EndMandateDialog, MandateDialog, SeatDialog


class SeatsPage(TabbedListPage):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Instances et sièges")
        super().__init__(context, parent)
        self.body_combo = QComboBox(self)
        self.body_combo.setObjectName("body")
        self.toolbar.addWidget(self.body_combo)
        self.new_seat_button = QPushButton(_("Nouveau siège…"), self)
        self.give_button = QPushButton(_("Attribuer le siège…"), self)
        self.end_button = QPushButton(_("Terminer le mandat…"), self)
        self.print_button = QToolButton(self)
        self.print_button.setText(_("Imprimer l'historique"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.print_button)
        self.print_body_action = menu.addAction(_("De l'instance…"), self.print_body_history)
        self.print_person_action = menu.addAction(
            _("Du ou de la titulaire du siège choisi…"), self.print_person_history
        )
        self.print_button.setMenu(menu)
        for button in (self.new_seat_button, self.give_button, self.end_button):
            self.toolbar.addWidget(button)
        self.toolbar.addWidget(self.print_button)
        self.summary = QLabel(self)
        self.summary.setObjectName("seatsSummary")
        self.summary.setWordWrap(True)
        self.layout_.insertWidget(1, self.summary)
        self.seats: ListTab = self.add_list(_("Sièges"), self._load_seats)
        self.history: ListTab = self.add_list(
            _("Historique"), lambda: tables.history_table(self.context.db, body=self.body())
        )
        self.dialog = None
        self.body_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_seat_button.clicked.connect(self.new_seat)
        self.give_button.clicked.connect(self.give_seat)
        self.end_button.clicked.connect(self.end_mandate)
        self.seats.activated.connect(lambda seat_id: self.give_seat(seat_id))

    def body(self) -> str:
        return self.body_combo.currentData() or "CC"

    def _load_seats(self):
        return tables.seats_table(self.context.db, self.body(), self.context.today())

    def refresh(self) -> None:
        current = self.body_combo.currentData()
        fill_combo(
            self.body_combo,
            [(c.value, c.text) for c in seats.body_choices(self.context.db)],
            current or "CC",
        )
        writable = not self.context.db.read_only
        for button in (self.new_seat_button, self.give_button, self.end_button):
            button.setEnabled(writable)
        super().refresh()
        rows = seats.list_seats(self.context.db, self.body(), self.context.today())
        held = sum(1 for r in rows if r.mandate_id)
        ending = seats.terms_ending(self.context.db, self.context.today())
        text = _("{held} sièges occupés sur {total}.").format(held=held, total=len(rows))
        mine = [m for m in ending if m.body == self.body()]
        if mine:
            text += " " + _("Mandats qui se terminent d'ici 90 jours : {names}.").format(
                names=", ".join(f"{m.holder} ({format_date(m.end_date)})" for m in mine)
            )
        self.summary.setText(text)

    def _selected_seat(self) -> int | None:
        ids = self.seats.selected_ids()
        return ids[0] if ids else None

    def new_seat(self) -> None:
        self.dialog = SeatDialog(self.context, self.body(), self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()

    def give_seat(self, seat_id: int | None = None) -> None:
        seat_id = seat_id if isinstance(seat_id, int) else self._selected_seat()
        self.dialog = MandateDialog(self.context, self.body(), seat_id, self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()

    def end_mandate(self) -> None:
        seat_id = self._selected_seat()
        rows = seats.list_seats(self.context.db, self.body(), self.context.today())
        row = next((r for r in rows if r.seat_id == seat_id and r.mandate_id), None)
        if row is None:
            self.summary.setText(_("Choisissez d'abord un siège occupé dans la liste."))
            return
        self.dialog = EndMandateDialog(self.context, row.mandate_id, row.holder, self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()

    def _print(self, name: str, **which) -> None:
        today = self.context.today()

        def write(path):
            from ...exports.pdf.seat_history import write_history

            return write_history(self.context.db, path, today=today, **which)

        file_name = document_name(["mandats", name, today.isoformat()], ".pdf")
        save_pdf(self, self.context, _("Enregistrer l'historique des mandats"), file_name, write)

    def print_body_history(self) -> None:
        self._print(self.body(), body=self.body())

    def print_person_history(self) -> None:
        seat_id = self._selected_seat()
        rows = seats.list_seats(self.context.db, self.body(), self.context.today())
        row = next((r for r in rows if r.seat_id == seat_id and r.person_id), None)
        if row is None:
            self.summary.setText(_("Choisissez d'abord un siège occupé dans la liste."))
            return
        self._print(row.holder, person_id=row.person_id)
