"""Journal: the audit trail, newest first, filtered by period, record type and action.

The model holds only the ids of the matching entries and loads the rows shown a block at
a time, so 100,000 entries open in a fraction of a second.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from ...i18n import N_, _, ngettext
from ...services.core import audit, journal, journal_names
from ...services.core import settings as settings_service
from ..context import Context
from ..record_history import moment
from .base import Page

BLOCK = 200
NO_DATE = QDate(2000, 1, 1)  # the minimum of the date fields: shown as « — », no bound
COLUMNS = (N_("Date"), N_("Par"), N_("Type de fiche"), N_("Fiche"), N_("Action"), N_("Détails"))


class JournalModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.ids: list[int] = []
        self._blocks: dict[int, list[journal.JournalRow]] = {}
        self._loader = None
        self._namer = None
        self.names: dict[int, str] = {}  # entry id -> its record's name at that entry

    def set_ids(self, ids: list[int], loader, namer=None) -> None:
        """``loader`` reads a block of entries, ``namer`` their records' names."""
        self.beginResetModel()
        self.ids, self._loader, self._namer, self._blocks = ids, loader, namer, {}
        self.names = {}
        self.endResetModel()

    def record_text(self, entry: journal.JournalRow) -> str:
        """The record's name as it was (its number when it has none)."""
        if entry.entity_id == journal.BULK_ID:
            return ""
        return self.names.get(entry.id) or _("n° {id}").format(id=entry.entity_id)

    def entry(self, row: int) -> journal.JournalRow | None:
        if not 0 <= row < len(self.ids):
            return None
        block = row // BLOCK
        if block not in self._blocks:
            self._blocks[block] = self._loader(self.ids[block * BLOCK : (block + 1) * BLOCK])
            if self._namer is not None:
                self.names.update(self._namer(self._blocks[block]))
        rows = self._blocks[block]
        offset = row - block * BLOCK
        return rows[offset] if offset < len(rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        entry = self.entry(index.row())
        if entry is None:
            return None
        column = index.column()
        if column == 0:
            return moment(entry.at)
        if column == 1:
            return entry.user
        if column == 2:
            return journal.entity_label(entry.entity)
        if column == 3:
            if role == Qt.ItemDataRole.ToolTipRole and entry.entity_id != journal.BULK_ID:
                return _("Fiche n° {id}").format(id=entry.entity_id)
            return self.record_text(entry)
        if column == 4:
            return journal.action_label(entry.action)
        return entry.summary


def _date_field(parent: QWidget) -> QDateEdit:
    field = QDateEdit(parent)
    field.setCalendarPopup(True)
    field.setDisplayFormat("yyyy-MM-dd")
    field.setMinimumDate(NO_DATE)
    field.setSpecialValueText("—")
    field.setDate(NO_DATE)
    return field


class JournalPage(Page):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Journal")
        super().__init__(context, parent)
        filters = QHBoxLayout()
        self.start = _date_field(self)
        self.end = _date_field(self)
        self.entity = QComboBox(self)
        self.action = QComboBox(self)
        self.action.addItem(_("Toutes les actions"), None)
        for code in journal.ACTION_LABELS:
            self.action.addItem(journal.action_label(code), code)
        self.clear_button = QPushButton(_("Tout afficher"), self)
        self.count_label = QLabel(self)
        for label, widget in (
            (_("Du"), self.start),
            (_("au"), self.end),
            (_("Fiches"), self.entity),
            (_("Action"), self.action),
        ):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        self.layout_.addLayout(filters)
        self.who_hint = QLabel(self)
        self.who_hint.setObjectName("journalWho")
        self.who_hint.setWordWrap(True)
        self.who_button = QPushButton(_("Indiquer votre nom…"), self)
        self.who_button.setObjectName("journalWhoButton")
        who = QHBoxLayout()
        who.addWidget(self.who_hint, 1)
        who.addWidget(self.who_button)
        self.layout_.addLayout(who)

        self.model = JournalModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("journalDetails")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(_("Choisissez une entrée pour en voir le détail."))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        self.layout_.addWidget(splitter, 1)

        for field in (self.start, self.end):
            field.dateChanged.connect(self.reload)
        self.entity.currentIndexChanged.connect(self.reload)
        self.action.currentIndexChanged.connect(self.reload)
        self.clear_button.clicked.connect(self.clear_filters)
        self.who_button.clicked.connect(self._edit_settings)
        self.view.selectionModel().currentRowChanged.connect(self._show_details)
        self._loading = False

    # -- filters ---------------------------------------------------------------------------
    def current_filter(self) -> journal.JournalFilter:
        def day(field: QDateEdit) -> dt.date | None:
            return None if field.date() == NO_DATE else field.date().toPython()

        return journal.JournalFilter(
            start=day(self.start),
            end=day(self.end),
            entity=self.entity.currentData(),
            action=self.action.currentData(),
        )

    def clear_filters(self) -> None:
        self._loading = True
        self.start.setDate(NO_DATE)
        self.end.setDate(NO_DATE)
        self.entity.setCurrentIndex(0)
        self.action.setCurrentIndex(0)
        self._loading = False
        self.reload()

    def _fill_entities(self) -> None:
        chosen = self.entity.currentData()
        self._loading = True
        self.entity.clear()
        self.entity.addItem(_("Tous les types"), None)
        for code, label in journal.entities_in_use(self.context.db):
            self.entity.addItem(label, code)
        index = self.entity.findData(chosen)
        self.entity.setCurrentIndex(max(0, index))
        self._loading = False

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._fill_entities()
        self._show_who()
        self.reload()

    def _show_who(self) -> None:
        """Entries name who wrote them: the name given in Paramètres, else the computer
        account's (« root »), which says little; invite to give one."""
        named = bool(settings_service.load(self.context.db).user_name.strip())
        self.who_hint.setText(
            _(
                "Le journal inscrit le nom du compte de l'ordinateur (« {account} ») : "
                "indiquez votre nom dans les paramètres pour qu'il l'inscrive à sa place."
            ).format(account=audit.os_user())
        )
        for widget in (self.who_hint, self.who_button):
            widget.setVisible(not named and not self.context.db.read_only)

    def _edit_settings(self) -> None:
        window = self.window()
        if hasattr(window, "edit_settings"):
            window.edit_settings()

    def reload(self, *_args) -> None:
        if self._loading:
            return
        db = self.context.db
        ids = journal.entry_ids(db, self.current_filter())
        self.model.set_ids(
            ids,
            lambda chunk: journal.load_entries(db, chunk),
            lambda rows: journal_names.names_as_they_were(db, rows),
        )
        for column, width in enumerate((170, 120, 160, 220, 120)):
            self.view.setColumnWidth(column, width)
        self.count_label.setText(ngettext("{n} entrée", "{n} entrées", len(ids)).format(n=len(ids)))
        self.details.clear()

    def _show_details(self, current: QModelIndex, _previous=None) -> None:
        entry = self.model.entry(current.row()) if current.isValid() else None
        if entry is None:
            self.details.clear()
            return
        record = (
            journal.entity_label(entry.entity)
            if entry.entity_id == journal.BULK_ID
            else _("{type} « {name} » (n° {id})").format(
                type=journal.entity_label(entry.entity),
                name=self.model.record_text(entry),
                id=entry.entity_id,
            )
            if entry.id in self.model.names
            else f"{journal.entity_label(entry.entity)} n° {entry.entity_id}"
        )
        self.details.setPlainText(
            f"{moment(entry.at)} — " + _("Par : {user}").format(user=entry.user) + "\n"
            f"{journal.action_label(entry.action)} : {record}\n\n" + entry.details
        )
