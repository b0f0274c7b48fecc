"""The two participant tabs of an activity: persons by name (picked, or typed as walk-ins
and created on the spot, as at a meeting's sign-in), and anonymous headcounts by sector and
population."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Sector
from ...domain.labels import choices
from ...i18n import _, ngettext
from ...services import planning
from ...services.core.errors import ValidationError
from ...services.planning import Headcount
from ..meetings.common import GOOD_STYLE, PersonPicker, clear_error
from ..registry.common import fill_combo
from ..widgets.forms import error_label
from ..widgets.unsaved import track
from .common import open_on_enter


class ParticipantsTab(QWidget):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.activity_id: int | None = None
        self.picker = PersonPicker(self)
        self.picker.setObjectName("person")
        self.picker.lineEdit().setPlaceholderText(
            _("Tapez un nom : une personne de la liste, ou une nouvelle (Prénom Nom), puis Entrée")
        )
        self.add_button = QPushButton(_("Ajouter"), self)
        self.add_button.setObjectName("addParticipant")
        self.remove_button = QPushButton(_("Retirer de la liste"), self)
        self.remove_button.setObjectName("removeParticipant")
        self.error = error_label(self, "participantError")
        self.info = QLabel(self)
        self.info.setObjectName("participantInfo")
        self.info.setStyleSheet(GOOD_STYLE)
        self.info.hide()
        self.list = QListWidget(self)
        self.list.setObjectName("participants")
        self.count = QLabel(self)
        self.count.setObjectName("participantCount")
        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.info)
        layout.addWidget(self.list, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.remove_button)
        layout.addLayout(bottom)
        open_on_enter(self.picker.lineEdit(), self.add_typed)  # not the dialog's Save
        self.picker.lineEdit().textEdited.connect(lambda _t: clear_error(self.error))
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)

    def set_activity(self, activity_id: int | None) -> None:
        self.activity_id = activity_id
        writable = activity_id is not None and not self.context.db.read_only
        for widget in (self.picker, self.add_button, self.remove_button):
            widget.setEnabled(writable)
        self.picker.set_choices(planning.participant_choices(self.context.db, self.context.today()))
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        lines = (
            planning.participant_lines(self.context.db, self.activity_id)
            if self.activity_id is not None
            else []
        )
        for line in lines:
            item = QListWidgetItem(line.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, line.person_id)
        self.count.setText(
            ngettext("{n} participant·e nommé·e", "{n} participant·es nommé·es", len(lines)).format(
                n=len(lines)
            )
        )

    def add_typed(self) -> None:
        """A name from the list adds that person; any other name adds a walk-in."""
        text = self.picker.currentText().strip()
        if self.activity_id is None or not text:
            return
        clear_error(self.error)
        db = self.context.db
        try:
            try:
                person_id = self.picker.person_id()
            except ValueError:
                added = planning.add_walk_in_participant(db, self.activity_id, text)
                message = (
                    _("{name} ajouté·e (nouvelle personne).")
                    if added.created_person
                    else _("{name} ajouté·e.")
                ).format(name=added.name)
                self.set_activity(self.activity_id)  # the new person joins the choices
            else:
                planning.add_participant(db, self.activity_id, person_id)
                message = _("{name} ajouté·e.").format(name=text)
                self.reload()
        except ValidationError as error:
            self.error.setText(error.message)
            self.error.show()
            self.picker.setFocus()
            self.picker.lineEdit().selectAll()
            return
        self.info.setText(message)
        self.info.show()
        self.picker.setCurrentIndex(0)
        self.picker.setEditText("")
        self.picker.setFocus()

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None or self.activity_id is None:
            return
        planning.remove_participant(
            self.context.db, self.activity_id, item.data(Qt.ItemDataRole.UserRole)
        )
        self.reload()


class HeadcountsTab(QWidget):
    SECTOR, POPULATION, COUNT = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("headcounts")
        track(self.table)  # a population typed in a cell is an edit of the activity
        self.table.setHorizontalHeaderLabels([_("Secteur"), _("Population"), _("Nombre")])
        self.table.horizontalHeader().setSectionResizeMode(
            self.POPULATION, QHeaderView.ResizeMode.Stretch
        )
        self.table.setColumnWidth(self.SECTOR, 230)
        self.table.setColumnWidth(self.POPULATION, 260)
        self.table.setColumnWidth(self.COUNT, 100)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(_("Ajouter une ligne"), self)
        self.add_button.setObjectName("addHeadcount")
        self.remove_button = QPushButton(_("Retirer la ligne"), self)
        self.remove_button.setObjectName("removeHeadcount")
        self.error = error_label(self, "headcountError")
        self.total = QLabel(self)
        self.total.setObjectName("headcountTotal")
        hint = QLabel(
            _("Les personnes venues sans donner leur nom, comptées par secteur et, au besoin, "
              "par population (aîné·es, familles, jeunes…)."),
            self,
        )  # fmt: skip
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_row)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)

    def add_row(self, row: Headcount | None = None) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        sector = QComboBox(self.table)
        fill_combo(sector, choices(Sector), str(row.sector) if row else None)
        self.table.setCellWidget(r, self.SECTOR, sector)
        self.table.setItem(r, self.POPULATION, QTableWidgetItem(row.population if row else ""))
        spin = QSpinBox(self.table)
        spin.setRange(0, 100_000)
        spin.setValue(int(row.count) if row else 0)
        spin.valueChanged.connect(lambda _v: self._show_total())
        self.table.setCellWidget(r, self.COUNT, spin)
        self.table.setCurrentCell(r, self.POPULATION)
        self._show_total()
        return r

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._show_total()

    def set_rows(self, rows: list[Headcount]) -> None:
        self.table.setRowCount(0)
        for row in rows:
            self.add_row(row)
        self._show_total()

    def rows(self) -> list[Headcount]:
        out = []
        for r in range(self.table.rowCount()):
            item = self.table.item(r, self.POPULATION)
            out.append(
                Headcount(
                    self.table.cellWidget(r, self.SECTOR).currentData(),
                    self.table.cellWidget(r, self.COUNT).value(),
                    item.text() if item is not None else "",
                )
            )
        return out

    def _show_total(self) -> None:
        total = sum(
            self.table.cellWidget(r, self.COUNT).value() for r in range(self.table.rowCount())
        )
        self.total.setText(_("Total sans nom : {n}").format(n=total))
