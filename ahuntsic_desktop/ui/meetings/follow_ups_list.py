"""Suivis: every follow-up of the table, overdue ones first then by due date, filtered by
status, body and chantier (the search field finds an owner or a chantier by name), and
printed as the Liste des suivis."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from ...i18n import _
from ...services.core.listing import Table
from ...services.meetings import followups, pick_lists
from ..pages.base import ListTab
from .common import select_data
from .documents import print_follow_up_list

WIDTHS = {"description": 320, "owner": 220, "body": 70, "chantier": 170, "status": 90}


class FollowUpsList(ListTab):
    """The « Suivis » tab of the Rencontres page."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(self._load, parent)
        self.context = context
        self.search.setPlaceholderText(_("Rechercher un suivi, un responsable, un chantier…"))
        self.status = QComboBox(self)
        self.status.setObjectName("followUpStatus")
        self.status.addItem(_("À faire ou en cours"), "open")
        self.status.addItem(_("En retard"), "overdue")
        self.status.addItem(_("Tous les suivis"), "all")
        self.body = QComboBox(self)
        self.body.setObjectName("followUpBody")
        self.body.setToolTip(_("Instance"))
        self.chantier = QComboBox(self)
        self.chantier.setObjectName("followUpChantier")
        self.chantier.setToolTip(_("Chantier"))
        self.chantier.setMaximumWidth(260)
        self.print_button = QPushButton(_("Imprimer la liste des suivis…"), self)
        self.print_button.setObjectName("printFollowUps")
        self.print_button.setToolTip(
            _("La liste imprimée suit les filtres choisis : statut, instance et chantier.")
        )
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for widget in (self.status, self.body, self.chantier):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.print_button)
        self.layout().insertLayout(0, filters)
        for combo in (self.status, self.body, self.chantier):
            combo.currentIndexChanged.connect(self._on_filter)
        self.print_button.clicked.connect(self.print_list)

    # -- filters ---------------------------------------------------------------------------

    def open_only(self) -> bool:
        return self.status.currentData() in ("open", "overdue")

    def overdue_only(self) -> bool:
        return self.status.currentData() == "overdue"

    def show_filtered(self, status: str = "open", follow_up_id: int | None = None) -> None:
        """Show the follow-ups of ``status`` (open, overdue, all) of every body and chantier,
        ``follow_up_id`` selected (the dashboard leads here)."""
        for combo, value in ((self.body, None), (self.chantier, None), (self.status, status)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.search.clear()
        self._show()
        if follow_up_id is not None:
            self._select(follow_up_id)
        self.view.setFocus()

    def _select(self, follow_up_id: int) -> None:
        for row, record_id in enumerate(self.model.table.ids):
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if record_id == follow_up_id and index.isValid():
                self.view.selectRow(index.row())
                self.view.scrollTo(index)
                return

    def body_code(self) -> str | None:
        return self.body.currentData() or None

    def chantier_id(self) -> int | None:
        return self.chantier.currentData()

    def _load(self) -> Table:
        return followups.list_follow_ups(
            self.context.db,
            body=self.body_code(),
            chantier_id=self.chantier_id(),
            open_only=self.open_only(),
            overdue_only=self.overdue_only(),
            today=self.context.today(),
        )

    def _fill_choices(self) -> None:
        """Bodies that have follow-ups, and the chantiers; the current choices are kept."""
        everything = followups.list_follow_ups(self.context.db, today=self.context.today())
        bodies = sorted({body for body in everything.values("body") if body})
        body, chantier = self.body_code(), self.chantier_id()
        for combo in (self.body, self.chantier):
            combo.blockSignals(True)
            combo.clear()
        self.body.addItem(_("Toutes les instances"), None)
        for code in bodies:
            self.body.addItem(code, code)
        self.chantier.addItem(_("Tous les chantiers"), None)
        for chantier_id, name in pick_lists.chantier_choices(self.context.db):
            self.chantier.addItem(name, chantier_id)
        select_data(self.body, body)
        select_data(self.chantier, chantier)
        for combo in (self.body, self.chantier):
            combo.blockSignals(False)

    def refresh(self) -> None:
        self._fill_choices()
        self._show()

    def _on_filter(self, _index: int) -> None:
        self._show()

    def _show(self) -> None:
        self.set_table(self._load(), WIDTHS)

    # -- printing --------------------------------------------------------------------------

    def print_list(self) -> None:
        print_follow_up_list(
            self,
            self.context,
            body=self.body_code(),
            chantier_id=self.chantier_id(),
            open_only=self.open_only(),
        )
