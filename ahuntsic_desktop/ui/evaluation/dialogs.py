"""Dialogs of the Bilan page: a démarche intégrée or projet phare, and a timeline event."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
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

from ...domain.enums import Evaluation, TimelineCategory
from ...domain.labels import choices
from ...i18n import _
from ...services import evaluation
from ...services.core.errors import ValidationError
from ...services.evaluation.timeline import MONTHS
from ..meetings.common import clear_error, error_label, select_data, show_field_error
from ..widgets.unsaved import GuardedDialog

NO_YEAR = 1899  # the spin boxes' minimum, shown as « — »


def year_spin(parent: QWidget, name: str, value: int | None) -> QSpinBox:
    box = QSpinBox(parent)
    box.setObjectName(name)
    box.setRange(NO_YEAR, 2200)
    box.setSpecialValueText("—")
    box.setValue(value or NO_YEAR)
    return box


def spin_year(box: QSpinBox) -> int | None:
    return None if box.value() == NO_YEAR else box.value()


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class WorkDialog(GuardedDialog):
    """A démarche intégrée or a projet phare: its text, years, chantiers and evaluation."""

    def __init__(self, context, plan_id: int, kind: str, work_id: int | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.context, self.plan_id, self.kind, self.work_id = context, plan_id, kind, work_id
        approach = kind == evaluation.APPROACH
        self.setWindowTitle(_("Démarche intégrée") if approach else _("Projet phare"))
        self.setMinimumWidth(560)
        current = next(
            (w for w in evaluation.list_works(context.db, plan_id, kind) if w.id == work_id), None
        )
        self.title = QLineEdit(current.title if current else "", self)
        self.title.setObjectName("title")
        self.description = QPlainTextEdit(current.description if current else "", self)
        self.description.setObjectName("description")
        self.description.setFixedHeight(70)
        self.start_year = year_spin(self, "start_year", current.start_year if current else None)
        self.end_year = year_spin(self, "end_year", current.end_year if current else None)
        self.start_year.setAccessibleName(_("Année de début"))
        self.end_year.setAccessibleName(_("Année de fin"))
        years = QHBoxLayout()
        years.addWidget(self.start_year)
        years.addWidget(QLabel("–", self))
        years.addWidget(self.end_year)
        years.addStretch(1)
        self.chantiers = QListWidget(self)
        self.chantiers.setObjectName("chantier_ids")
        self.chantiers.setFixedHeight(110)
        chosen = set(current.chantier_ids if current else ())
        for row in evaluation.chantier_evaluations(context.db, plan_id):
            item = QListWidgetItem(row.name)
            item.setData(Qt.ItemDataRole.UserRole, row.chantier_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = row.chantier_id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.chantiers.addItem(item)
        self.evaluation = QComboBox(self)
        self.evaluation.setObjectName("evaluation")
        self.evaluation.addItem(_("Non évaluée"), None)
        for value, text in choices(Evaluation):
            self.evaluation.addItem(text, value)
        select_data(self.evaluation, current.evaluation if current else None)
        self.evaluation_text = QPlainTextEdit(current.evaluation_text if current else "", self)
        self.evaluation_text.setObjectName("evaluation_text")
        self.evaluation_text.setFixedHeight(70)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(_("Titre :"), self.title)
        form.addRow(_("Description :"), self.description)
        form.addRow(_("Années :"), years)
        form.addRow(_("Chantiers :"), self.chantiers)
        form.addRow(_("Évaluation :"), self.evaluation)
        form.addRow(_("Commentaire :"), self.evaluation_text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, _("Enregistrer")))
        self.fields = {
            "title": self.title, "description": self.description,
            "start_year": self.start_year, "end_year": self.end_year,
            "chantier_ids": self.chantiers, "evaluation": self.evaluation,
            "evaluation_text": self.evaluation_text,
        }  # fmt: skip

    def chosen_chantiers(self) -> tuple[int, ...]:
        items = (self.chantiers.item(i) for i in range(self.chantiers.count()))
        return tuple(
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        )

    def accept(self) -> None:
        form = evaluation.WorkForm(
            self.title.text(),
            self.description.toPlainText(),
            spin_year(self.start_year),
            spin_year(self.end_year),
            self.evaluation.currentData(),
            self.evaluation_text.toPlainText(),
            self.chosen_chantiers(),
        )
        try:
            self.work_id = evaluation.save_work(
                self.context.db, self.plan_id, self.kind, form, self.work_id
            )
        except ValidationError as error:
            show_field_error(self.error, error, self.fields)
            return
        clear_error(self.error)
        super().accept()


class EventDialog(GuardedDialog):
    """A milestone of the timeline: a year, an optional month, a category and a text."""

    def __init__(self, context, event_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.event_id = context, event_id
        self.setWindowTitle(_("Événement de la ligne du temps"))
        self.setMinimumWidth(500)
        current = next((e for e in evaluation.timeline_events(context.db) if e.id == event_id),
                       None)  # fmt: skip
        self.title = QLineEdit(current.title if current else "", self)
        self.title.setObjectName("title")
        self.category = QComboBox(self)
        self.category.setObjectName("category")
        for value, text in choices(TimelineCategory):
            self.category.addItem(text, value)
        select_data(self.category, current.category if current else None)
        self.year = year_spin(self, "year", current.year if current else context.today().year)
        self.year.setAccessibleName(_("Année"))
        self.month = QComboBox(self)
        self.month.setObjectName("month")
        self.month.addItem("—", None)
        for number, name in enumerate(MONTHS, start=1):
            self.month.addItem(_(name), number)
        select_data(self.month, current.month if current else None)
        self.description = QPlainTextEdit(current.description or "" if current else "", self)
        self.description.setObjectName("description")
        self.description.setFixedHeight(80)
        self.error = error_label(self)
        when = QHBoxLayout()
        when.addWidget(self.month)
        when.addWidget(self.year)
        when.addStretch(1)
        form = QFormLayout()
        form.addRow(_("Titre :"), self.title)
        form.addRow(_("Catégorie :"), self.category)
        form.addRow(_("Quand :"), when)
        form.addRow(_("Description :"), self.description)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, _("Enregistrer")))
        self.fields = {"title": self.title, "category": self.category, "year": self.year,
                       "month": self.month, "day": self.year,
                       "description": self.description}  # fmt: skip

    def accept(self) -> None:
        form = evaluation.EventForm(
            self.title.text(),
            self.category.currentData(),
            year=spin_year(self.year),
            month=self.month.currentData(),
            description=self.description.toPlainText(),
        )
        try:
            self.event_id = evaluation.save_event(self.context.db, form, self.event_id)
        except ValidationError as error:
            show_field_error(self.error, error, self.fields)
            return
        clear_error(self.error)
        super().accept()
