"""One chantier's page: its mandate and key figures, its orientations and their progress,
who sits on it (with buttons to seat, change a role, record a departure), its meetings with
attendance rates and its open follow-ups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Evaluation, PlanStatus
from ...domain.labels import label
from ...i18n import _, format_date, format_money, format_percent, ngettext
from ...services.core.errors import ValidationError
from ...services.funding.allocations import chantier_funding
from ...services.plan import chantiers
from ...services.plan.editing import NodeRef
from ..errors import show_error
from ..widgets.files import document_name
from ..widgets.list_view import ListView
from .documents import PDF_FILTER, save_file
from .progress_delegate import ProgressDelegate
from .roster_dialog import JoinDialog, RoleDialog
from .tree_model import NODE_ROLE, PROGRESS_ROLE


def fill_table(table: QTableWidget, rows: list[list[str]], bold: set[int] = frozenset()) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if r in bold:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(r, c, item)


def make_table(parent: QWidget, name: str, headers: list[str], widths: list[int]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table


class ChantierViewLayout(QWidget):
    """Layout only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("chantierHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.where = QLabel(self)
        self.figures = QLabel(self)
        self.figures.setObjectName("chantierFigures")
        self.figures.setWordWrap(True)
        self.mandate = QLabel(self)
        self.mandate.setWordWrap(True)
        self.mandate.setTextFormat(Qt.TextFormat.PlainText)
        self.sheet_button = QPushButton(_("Fiche chantier (PDF)…"), self)
        self.sheet_button.setObjectName("chantierSheet")
        self.tabs = QTabWidget(self)
        self.orientation_model = QStandardItemModel(self)
        self.orientations = QTreeView(self)
        self.orientations.setObjectName("chantierOrientations")
        self.orientations.setModel(self.orientation_model)
        self.orientations.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orientations.setUniformRowHeights(True)
        self.orientations.setItemDelegateForColumn(2, ProgressDelegate(self.orientations))
        self.roster = make_table(
            self,
            "roster",
            [_("Personne"), _("Organisme représenté"), _("Rôle"), _("Depuis le"), _("Jusqu'au")],
            [180, 220, 140, 120],
        )
        self.history = QCheckBox(_("Afficher aussi les départs"), self)
        self.join_button = QPushButton(_("Ajouter…"), self)
        self.join_button.setObjectName("joinChantier")
        self.role_button = QPushButton(_("Changer le rôle…"), self)
        self.leave_button = QPushButton(_("Départ…"), self)
        self.remove_button = QPushButton(_("Retirer (erreur de saisie)"), self)
        roster_tab = QWidget(self)
        buttons = QHBoxLayout()
        for widget in (self.join_button, self.role_button, self.leave_button, self.remove_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.history)
        roster_layout = QVBoxLayout(roster_tab)
        roster_layout.addLayout(buttons)
        roster_layout.addWidget(self.roster, 1)
        self.meetings = make_table(
            self,
            "chantierMeetings",
            [_("Date"), _("Rencontre"), _("Statut"), _("Présences"), _("Taux")],
            [130, 280, 90, 90],
        )
        self.follow_ups = ListView(self)
        self.follow_ups.setObjectName("chantierFollowUps")
        self.funding = make_table(
            self,
            "chantierFunding",
            [_("Bailleur de fonds"), _("Entente"), _("Période"), _("Projet"), _("Montant")],
            [200, 200, 190, 140],
        )
        self.tabs.addTab(self.orientations, _("Orientations"))
        self.tabs.addTab(roster_tab, _("Participant·es"))
        self.tabs.addTab(self.meetings, _("Rencontres"))
        self.tabs.addTab(self.follow_ups, _("Suivis ouverts"))
        self.tabs.addTab(self.funding, _("Financement"))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.sheet_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.where)
        layout.addWidget(self.figures)
        layout.addWidget(self.mandate)
        layout.addWidget(self.tabs, 1)


class ChantierView(ChantierViewLayout):
    changed = Signal()  # the roster changed: the lists and the matrix may reload

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.chantier_id: int | None = None
        self.detail: chantiers.ChantierDetail | None = None
        self.entries: list[chantiers.RosterEntry] = []
        self.join_button.clicked.connect(self.join)
        self.role_button.clicked.connect(lambda: self.change(leaving=False))
        self.leave_button.clicked.connect(lambda: self.change(leaving=True))
        self.remove_button.clicked.connect(self.remove)
        self.history.toggled.connect(lambda _on: self._show_roster())
        self.sheet_button.clicked.connect(self.print_sheet)
        self.roster.itemSelectionChanged.connect(self._update_buttons)
        self.show_chantier(None)

    def show_chantier(self, chantier_id: int | None) -> None:
        self.chantier_id = chantier_id
        self.detail = None
        if chantier_id is not None:
            self.detail = chantiers.chantier_detail(
                self.context.db, chantier_id, today=self.context.today()
            )
        detail = self.detail
        self.setEnabled(detail is not None)
        if detail is None:
            self.heading.setText(_("Choisissez un chantier dans la liste."))
            for widget in (self.where, self.figures, self.mandate):
                widget.clear()
            self.orientation_model.clear()
            self.roster.setRowCount(0)
            self.meetings.setRowCount(0)
            self.funding.setRowCount(0)
            return
        writable = not self.context.db.read_only
        for button in (self.join_button, self.role_button, self.leave_button, self.remove_button):
            button.setVisible(writable)
        self.heading.setText(f"{detail.number}  {detail.name}")
        self.where.setText(" · ".join(t for t in (detail.plan_title, detail.pillar_name) if t))
        leads = ", ".join(e.person_name for e in detail.leads)
        people = len({e.person_id for e in detail.roster})
        parts = [
            ngettext("{n} participant·e", "{n} participant·es", people).format(n=people),
            _("porteur·euses : {names}").format(names=leads)
            if leads
            else "<span style='color:#b00020; font-weight:600'>"
            + _("aucun·e porteur·euse")
            + "</span>",
            _("avancement : {p}").format(p=format_percent(detail.node.progress) or "—"),
            _("présence aux rencontres : {p}").format(
                p=format_percent(detail.attendance_rate) or "—"
            ),
        ]
        self.figures.setText(" · ".join(parts))
        self.mandate.setText(detail.mandate or _("Mandat à préciser (dans le plan d'action)."))
        self._show_orientations()
        self._show_roster()
        rows = [
            [format_date(m.date), m.title, m.status_label,
             f"{m.present} / {m.recorded}" if m.recorded else "—", format_percent(m.rate) or "—"]
            for m in detail.meetings
        ]  # fmt: skip
        fill_table(self.meetings, rows)
        self.follow_ups.set_table(detail.follow_ups, {"description": 320, "owner": 200})
        self._show_funding(chantier_id)

    def _show_funding(self, chantier_id: int) -> None:
        lines = chantier_funding(self.context.db, chantier_id)
        rows = [
            [f.funder, f.programme,
             f"{format_date(f.start_date)} – {format_date(f.end_date) if f.end_date else '…'}",
             f.project, format_money(f.amount_cents)]
            for f in lines
        ]  # fmt: skip
        if len(lines) > 1:
            total = format_money(sum(f.amount_cents for f in lines))
            rows.append([_("Total"), "", "", "", total])
        fill_table(self.funding, rows, bold={len(lines)} if len(lines) > 1 else set())

    def _show_orientations(self) -> None:
        model = self.orientation_model
        model.clear()
        model.setHorizontalHeaderLabels([_("Orientation ou moyen"), _("Statut"), _("Avancement")])
        for orientation in self.detail.node.children:
            title = QStandardItem(f"{orientation.number}  {orientation.title}")
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            progress = QStandardItem()
            progress.setData(NodeRef("orientation", orientation.id), NODE_ROLE)
            progress.setData(orientation.progress, PROGRESS_ROLE)
            for leaf in orientation.children:
                state = [label(leaf.status, PlanStatus)] if leaf.status else []
                if leaf.evaluation:
                    state.append(label(leaf.evaluation, Evaluation))
                title.appendRow(
                    [
                        QStandardItem(f"{leaf.number}  {leaf.title}"),
                        QStandardItem(" · ".join(state)),
                        QStandardItem(),
                    ]
                )
            model.appendRow([title, QStandardItem(), progress])
        header = self.orientations.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.orientations.setColumnWidth(1, 150)
        self.orientations.setColumnWidth(2, 130)
        self.orientations.expandAll()

    def _show_roster(self) -> None:
        if self.chantier_id is None:
            return
        self.entries = chantiers.roster(
            self.context.db,
            self.chantier_id,
            today=self.context.today(),
            include_past=self.history.isChecked(),
        )
        rows = [
            [e.person_name, e.organization_name or _("À titre personnel"), e.role_label,
             format_date(e.start_date, "medium"), format_date(e.end_date, "medium")]
            for e in self.entries
        ]  # fmt: skip
        leads = {
            i
            for i, e in enumerate(self.entries)
            if e.active and e.role in ("porteur", "co_porteur")
        }
        fill_table(self.roster, rows, bold=leads)
        self._update_buttons()

    def selected_entry(self) -> chantiers.RosterEntry | None:
        row = self.roster.currentRow()
        return (
            self.entries[row]
            if 0 <= row < len(self.entries) and self.roster.selectedItems()
            else None
        )

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        for button in (self.role_button, self.leave_button):
            button.setEnabled(entry is not None and entry.active)
        self.remove_button.setEnabled(entry is not None)

    # -- roster changes ---------------------------------------------------------------------
    def _changed(self) -> None:
        self.show_chantier(self.chantier_id)
        self.changed.emit()

    def join(self) -> JoinDialog | None:
        if self.detail is None:
            return None
        dialog = JoinDialog(self.context, self.chantier_id, self.detail.name, self)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def change(self, *, leaving: bool) -> RoleDialog | None:
        entry = self.selected_entry()
        if entry is None:
            return None
        dialog = RoleDialog(self.context, entry, leaving=leaving, parent=self)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def remove(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        question = _(
            "Retirer la ligne de {name} ? Utilisez plutôt « Départ… » si la personne a "
            "participé : l'historique garde sa trace."
        ).format(name=entry.person_name)
        if QMessageBox.question(self, _("Retirer"), question) != QMessageBox.StandardButton.Yes:
            return
        try:
            chantiers.remove_assignment(self.context.db, entry.assignment_id)
        except ValidationError as error:
            show_error(self, error.message)
            return
        self._changed()

    def print_sheet(self) -> Path | None:
        if self.detail is None:
            return None
        chantier_id = self.chantier_id

        def write(path: Path) -> Path:
            from ...exports.pdf.chantier_sheet import write_chantier_sheet

            return write_chantier_sheet(
                self.context.db, chantier_id, path, today=self.context.today()
            )

        name = document_name([_("fiche-chantier"), self.detail.name, self.context.today()], ".pdf")
        return save_file(self, self.context, _("Fiche chantier (PDF)"), name, PDF_FILTER, write)
