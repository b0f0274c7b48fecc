"""The attendance list as a Qt table model: one row per person, one column per status
(a click or the P, E, A keys set it), the organisation represented and the vote."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from ...domain.enums import AttendanceStatus
from ...i18n import _
from ...services.meetings.attendance import AttendanceRow
from ..widgets.forms import MUTED_COLOUR

NAME, PRESENT, EXCUSED, ABSENT, ORGANIZATION, VOTING, INVITED = range(7)
STATUS_COLUMNS = {
    PRESENT: AttendanceStatus.PRESENT.value,
    EXCUSED: AttendanceStatus.EXCUSED.value,
    ABSENT: AttendanceStatus.ABSENT.value,
}
TINTS = {
    AttendanceStatus.PRESENT.value: QColor("#d7f0d8"),
    AttendanceStatus.EXCUSED.value: QColor("#fff1c7"),
    AttendanceStatus.ABSENT.value: QColor("#f6d5d5"),
}
ORG_ROLE = Qt.ItemDataRole.UserRole + 1


class AttendanceModel(QAbstractTableModel):
    organization_requested = Signal(int, object)  # row, organisation id or None

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[AttendanceRow] = []
        self.headers = [
            _("Personne"),
            _("Présent·e (P)"),
            _("Excusé·e (E)"),
            _("Absent·e (A)"),
            _("Organisme représenté"),
            _("Vote"),
            _("Convoqué·e"),
        ]

    def set_rows(self, rows: list[AttendanceRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> AttendanceRow | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def row_of(self, attendance_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == attendance_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ORGANIZATION:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        status = STATUS_COLUMNS.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return row.person_name
            if column == ORGANIZATION:
                return row.organization_name or _("(à titre personnel)")
            if column == VOTING:
                if row.voting:
                    return _("Oui")
                if row.vote_carried_by:  # one vote per organisation, carried by one person
                    return _("Non (porté par {name})").format(name=row.vote_carried_by)
                return _("Non")
            if column == INVITED:
                return _("Oui") if row.invited else _("Sans convocation")
            return None
        if role == Qt.ItemDataRole.CheckStateRole and status is not None:
            return Qt.CheckState.Checked if row.status == status else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and status is not None and row.status == status:
            return QBrush(TINTS[status])
        if role == Qt.ItemDataRole.ForegroundRole and column == ORGANIZATION:
            return None if row.organization_name else QBrush(QColor(MUTED_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (VOTING, INVITED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == VOTING and row.vote_carried_by:
            return _("Un vote par organisme membre : celui de {org} est porté par {name}.").format(
                org=row.organization_name, name=row.vote_carried_by
            )
        if role == Qt.ItemDataRole.ToolTipRole and status is not None:
            return _("Cliquez ou appuyez sur P, E ou A")
        if role == ORG_ROLE:
            return row.organization_id
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Editing the organisation asks the tab to save it (the model never writes)."""
        if index.isValid() and index.column() == ORGANIZATION and role == Qt.ItemDataRole.EditRole:
            self.organization_requested.emit(index.row(), value)
            return True
        return False


class OrganizationDelegate(QStyledItemDelegate):
    """Double-click (or F2) on the organisation cell: a combo of the organisations."""

    def __init__(self, choices_loader, parent=None) -> None:
        super().__init__(parent)
        self.choices_loader = choices_loader

    def createEditor(self, parent, _option, _index):  # noqa: N802
        combo = QComboBox(parent)
        combo.addItem(_("(à titre personnel)"), None)
        for org_id, name in self.choices_loader():
            combo.addItem(name, org_id)
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, editor) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(ORG_ROLE))))
        editor.showPopup()

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        if editor.currentData() != index.data(ORG_ROLE):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
