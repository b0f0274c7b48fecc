"""The written parts of a plan's evaluation: one chantier's evaluation at a time, and the
global evaluation's sections, each chosen in a list and saved with its button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Evaluation
from ...domain.labels import choices
from ...i18n import _
from ...services import evaluation
from ...services.core.errors import ValidationError
from ..meetings.common import clear_error, error_label, select_data, show_field_error


def _text_box(parent: QWidget, name: str, height: int = 90) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setObjectName(name)
    box.setMinimumHeight(height)
    return box


class ChantierEvaluationView(QWidget):
    """Réalisations, défis, apprentissages and the evaluation of the chosen chantier."""

    changed = Signal()

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.plan_id: int | None = None
        self.chantier = QComboBox(self)
        self.chantier.setObjectName("chantier")
        self.evaluation = QComboBox(self)
        self.evaluation.setObjectName("evaluation")
        self.evaluation.addItem(_("Non évaluée"), None)
        for value, text in choices(Evaluation):
            self.evaluation.addItem(text, value)
        self.achievements = _text_box(self, "achievements")
        self.challenges = _text_box(self, "challenges")
        self.lessons = _text_box(self, "lessons")
        self.error = error_label(self)
        self.save_button = QPushButton(_("Enregistrer l'évaluation du chantier"), self)
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        form.addRow(_("Chantier :"), self.chantier)
        form.addRow(_("Évaluation :"), self.evaluation)
        form.addRow(_("Réalisations :"), self.achievements)
        form.addRow(_("Défis :"), self.challenges)
        form.addRow(_("Apprentissages :"), self.lessons)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(bar)
        layout.addStretch(1)
        self.fields = {"achievements": self.achievements, "challenges": self.challenges,
                       "lessons": self.lessons, "evaluation": self.evaluation}  # fmt: skip
        self.chantier.currentIndexChanged.connect(lambda _i: self.show_current())
        self.rows: dict[int, evaluation.ChantierEvaluationRow] = {}

    def set_plan(self, plan_id: int | None) -> None:
        self.plan_id = plan_id
        shown = self.chantier.currentData()
        rows = evaluation.chantier_evaluations(self.context.db, plan_id) if plan_id else []
        self.rows = {row.chantier_id: row for row in rows}
        self.chantier.blockSignals(True)
        self.chantier.clear()
        for row in rows:
            self.chantier.addItem(row.name, row.chantier_id)
        self.chantier.setCurrentIndex(max(self.chantier.findData(shown), 0))
        self.chantier.blockSignals(False)
        self.show_current()

    def show_current(self) -> None:
        row = self.rows.get(self.chantier.currentData())
        select_data(self.evaluation, row.evaluation if row else None)
        self.achievements.setPlainText(row.achievements or "" if row else "")
        self.challenges.setPlainText(row.challenges or "" if row else "")
        self.lessons.setPlainText(row.lessons or "" if row else "")
        self.save_button.setEnabled(row is not None)
        clear_error(self.error)

    def save(self) -> None:
        chantier_id = self.chantier.currentData()
        if chantier_id is None:
            return
        try:
            evaluation.save_chantier_evaluation(
                self.context.db,
                chantier_id,
                achievements=self.achievements.toPlainText(),
                challenges=self.challenges.toPlainText(),
                lessons=self.lessons.toPlainText(),
                evaluation=self.evaluation.currentData(),
            )
        except ValidationError as error:
            show_field_error(self.error, error, self.fields)
            return
        self.set_plan(self.plan_id)
        self.changed.emit()


class SectionsView(QWidget):
    """The global evaluation, one section at a time."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.plan_id: int | None = None
        self.section = QComboBox(self)
        self.section.setObjectName("section")
        self.text = _text_box(self, "text", 260)
        self.error = error_label(self)
        self.saved_label = QLabel(self)
        self.save_button = QPushButton(_("Enregistrer la section"), self)
        self.save_button.clicked.connect(self.save)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Section :"), self))
        bar.addWidget(self.section, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_label, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.texts: dict[str, str | None] = {}
        self.section.currentIndexChanged.connect(lambda _i: self.show_current())

    def set_plan(self, plan_id: int | None) -> None:
        self.plan_id = plan_id
        shown = self.section.currentData()
        rows = evaluation.evaluation_sections(self.context.db, plan_id) if plan_id else []
        self.texts = {row.key: row.text for row in rows}
        self.section.blockSignals(True)
        self.section.clear()
        for row in rows:
            self.section.addItem(row.title, row.key)
        self.section.setCurrentIndex(max(self.section.findData(shown), 0))
        self.section.blockSignals(False)
        self.show_current()

    def show_current(self) -> None:
        key = self.section.currentData()
        self.text.setPlainText(self.texts.get(key) or "")
        self.save_button.setEnabled(key is not None)
        self.saved_label.clear()
        clear_error(self.error)

    def save(self) -> None:
        key = self.section.currentData()
        if key is None or self.plan_id is None:
            return
        try:
            evaluation.save_section(self.context.db, self.plan_id, key, self.text.toPlainText())
        except ValidationError as error:
            show_field_error(self.error, error, {"text": self.text})
            return
        self.texts[key] = self.text.toPlainText().strip() or None
        self.saved_label.setText(_("Section enregistrée."))
