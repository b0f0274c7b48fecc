"""Small dialogs of the plan editor: a new plan, and « Déplacer sous… »."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.plan import editing as plan_editing
from ...services.plan.editing import MoveTarget, NodeRef
from ..meetings.common import clear_error, error_label, show_field_error
from ..widgets.unsaved import GuardedDialog


def year_box(parent: QWidget, name: str, value: int) -> QSpinBox:
    box = QSpinBox(parent)
    box.setObjectName(name)
    box.setRange(1900, 2200)
    box.setValue(value)
    return box


class PlanFieldsView(QWidget):
    """Title, years and vision of a plan: for a new plan and for an imported one."""

    def __init__(self, parent: QWidget | None = None, *, start: int) -> None:
        super().__init__(parent)
        self.title = QLineEdit(self)
        self.title.setObjectName("title")
        self.title.setPlaceholderText(
            _("Plan d'action {start}-{end}").format(start=start, end=start + 4)
        )
        self.start_year = year_box(self, "start_year", start)
        self.end_year = year_box(self, "end_year", start + 4)
        self.start_year.setAccessibleName(_("Première année du plan"))
        self.end_year.setAccessibleName(_("Dernière année du plan"))
        self.vision = QPlainTextEdit(self)
        self.vision.setObjectName("vision")
        self.vision.setFixedHeight(80)
        years = QHBoxLayout()
        years.addWidget(self.start_year)
        years.addWidget(QLabel("–", self))
        years.addWidget(self.end_year)
        years.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("Titre :"), self.title)
        form.addRow(_("Années :"), years)
        form.addRow(_("Vision :"), self.vision)
        self.fields = {
            "title": self.title,
            "start_year": self.start_year,
            "end_year": self.end_year,
            "vision": self.vision,
        }


class NewPlanDialog(GuardedDialog):
    """Create an empty plan; ``plan_id`` holds it once accepted."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.plan_id: int | None = None
        self.setWindowTitle(_("Nouveau plan d'action"))
        self.setMinimumWidth(480)
        self.fields = PlanFieldsView(self, start=context.today().year)
        self.error = error_label(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Créer le plan"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        f = self.fields
        try:
            self.plan_id = plan_editing.create_plan(
                self.context.db,
                f.title.text(),
                f.start_year.value(),
                f.end_year.value(),
                f.vision.toPlainText(),
            )
        except ValidationError as error:
            show_field_error(self.error, error, f.fields)
            return
        clear_error(self.error)
        super().accept()


class MoveDialog(GuardedDialog):
    """Choose where a node goes: the places it may go, indented as in the plan. Choosing
    another place than the one shown first counts as an edit: Esc then asks."""

    def __init__(
        self, title: str, places: list[MoveTarget], current: NodeRef | None, parent=None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Déplacer sous…"))
        self.setMinimumSize(460, 380)
        intro = QLabel(_("Où placer « {title} » ?").format(title=title), self)
        intro.setWordWrap(True)
        self.places = QListWidget(self)
        self.places.setObjectName("places")
        for place in places:
            text = f"{place.number}  {place.title}".strip()
            item = QListWidgetItem("    " * max(place.depth - 1, 0) + text)
            item.setData(Qt.ItemDataRole.UserRole, place.ref)
            if place.ref.kind in ("plan", "pillar"):
                font = QFont()
                font.setBold(True)
                item.setFont(font)
            if place.ref == current:
                item.setText(item.text() + "  " + _("(emplacement actuel)"))
            self.places.addItem(item)
        self.places.setCurrentRow(0)
        self.places.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Déplacer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.places, 1)
        layout.addWidget(buttons)

    def mark_clean(self) -> None:
        super().mark_clean()
        self._clean_choice = self.chosen()

    def is_dirty(self) -> bool:
        return super().is_dirty() or (
            self._clean is not None and self.chosen() != self._clean_choice
        )

    def choose(self, ref: NodeRef) -> None:
        for row in range(self.places.count()):
            if NodeRef(*self.places.item(row).data(Qt.ItemDataRole.UserRole)) == ref:
                self.places.setCurrentRow(row)

    def chosen(self) -> NodeRef | None:
        item = self.places.currentItem()
        return NodeRef(*item.data(Qt.ItemDataRole.UserRole)) if item else None
