"""The side panel of the plan editor: what the selected node holds — title and text; for a
means or a target its status, evaluation, date and comment (and a target's values); the
follow-ups and resolutions linked to a means — with one « Enregistrer » for all."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Evaluation, PlanStatus
from ...domain.labels import choices
from ...i18n import N_, _, format_date, format_number, format_percent
from ...services.core.errors import ValidationError
from ...services.plan import editing as plan_editing
from ...services.plan import progress as plan_progress
from ...services.plan.editing import NodeDetail, NodeRef
from ..meetings.common import (
    clear_error,
    date_edit,
    error_label,
    fill_combo,
    set_date,
    show_field_error,
    to_date,
)
from ..widgets.unsaved import snapshot

DESCRIPTION_LABELS = {
    "plan": N_("Vision :"),
    "pillar": N_("Description :"),
    "chantier": N_("Mandat :"),
    "orientation": N_("Description :"),
}


def _decimal_text(value) -> str:
    if value is None:
        return ""
    return format_number(value, 0 if value == int(value) else 2)


class NodePanelView(QWidget):
    """Layout only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(320)
        self.heading = QLabel(self)
        self.heading.setObjectName("nodeHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600; font-size: 14px;")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("nodeProgress")
        self.progress.setRange(0, 100)
        self.progress_text = QLabel(self)
        self.title = QLineEdit(self)
        self.title.setObjectName("title")
        self.start_year = QSpinBox(self)
        self.end_year = QSpinBox(self)
        for name, box in (("start_year", self.start_year), ("end_year", self.end_year)):
            box.setObjectName(name)
            box.setRange(1900, 2200)
        self.start_year.setAccessibleName(_("Année de début"))
        self.end_year.setAccessibleName(_("Année de fin"))
        years = QHBoxLayout()
        years.addWidget(self.start_year)
        years.addWidget(QLabel("–", self))
        years.addWidget(self.end_year)
        years.addStretch(1)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("description")
        self.description.setFixedHeight(90)
        self.status = QComboBox(self)
        self.status.setObjectName("status")
        self.evaluation = QComboBox(self)
        self.evaluation.setObjectName("evaluation")
        self.has_date = QCheckBox(self)
        self.status_date = date_edit(self, name="status_date")
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.status_date, 1)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("comment")
        self.comment.setFixedHeight(70)
        self.indicator = QLineEdit(self)
        self.indicator.setObjectName("indicator")
        self.target_value = QLineEdit(self)
        self.target_value.setObjectName("target_value")
        self.actual_value = QLineEdit(self)
        self.actual_value.setObjectName("actual_value")
        self.unit = QLineEdit(self)
        self.unit.setObjectName("unit")
        self.links = QListWidget(self)
        self.links.setObjectName("links")
        self.links.setMaximumHeight(110)
        self.error = error_label(self)
        self.save_button = QPushButton(_("Enregistrer"), self)
        self.save_button.setObjectName("saveNode")
        self.reset_button = QPushButton(_("Annuler les modifications"), self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)

        self.form = QFormLayout()
        self.form.addRow(_("Titre :"), self.title)
        self.form.addRow(_("Années :"), years)
        self.years_row = years
        self.form.addRow(_("Description :"), self.description)
        self.form.addRow(_("Statut :"), self.status)
        self.form.addRow(_("Évaluation :"), self.evaluation)
        self.form.addRow(_("Date :"), date_row)
        self.date_row = date_row
        self.form.addRow(_("Commentaire :"), self.comment)
        self.form.addRow(_("Indicateur :"), self.indicator)
        self.form.addRow(_("Cible :"), self.target_value)
        self.form.addRow(_("Réel :"), self.actual_value)
        self.form.addRow(_("Unité :"), self.unit)
        self.form.addRow(_("Liens :"), self.links)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.progress_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(progress)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        layout.addStretch(1)


class NodePanel(NodePanelView):
    """Shows one node and saves its fields through :func:`plan_progress.save_node`."""

    saved = Signal(object)  # the NodeRef saved

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ref: NodeRef | None = None
        self.detail: NodeDetail | None = None
        self.read_only = False
        fill_combo(self.status, choices(PlanStatus))
        fill_combo(self.evaluation, choices(Evaluation), empty=_("(non évaluée)"))
        self.fields = {
            "title": self.title,
            "description": self.description,
            "vision": self.description,
            "start_year": self.start_year,
            "end_year": self.end_year,
            "status": self.status,
            "evaluation": self.evaluation,
            "status_date": self.status_date,
            "comment": self.comment,
            "indicator": self.indicator,
            "target_value": self.target_value,
            "actual_value": self.actual_value,
            "unit": self.unit,
        }
        self._clean: tuple = ()
        self._connect()
        self.show_node(None)

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.discard_changes)
        self.has_date.toggled.connect(self.status_date.setEnabled)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.save_button.setVisible(not read_only)
        self.reset_button.setVisible(not read_only)

    def _rows(self, kind: str | None) -> None:
        leaf = kind in ("means", "target")
        visible = {
            self.title: kind is not None,
            self.start_year: kind == "plan",
            self.description: kind in DESCRIPTION_LABELS,
            self.status: leaf,
            self.evaluation: leaf,
            self.status_date: leaf,
            self.comment: leaf,
            self.indicator: kind == "target",
            self.target_value: kind == "target",
            self.actual_value: kind == "target",
            self.unit: kind == "target",
            self.links: kind == "means",
        }
        rows = {self.start_year: self.years_row, self.status_date: self.date_row}
        for widget, shown in visible.items():
            self.form.setRowVisible(rows.get(widget, widget), shown)
        if kind in DESCRIPTION_LABELS:
            self.form.labelForField(self.description).setText(_(DESCRIPTION_LABELS[kind]))
        has_progress = kind is not None and not leaf
        self.progress.setVisible(has_progress)
        self.progress_text.setVisible(has_progress)
        for widget in (self.save_button, self.reset_button):
            widget.setEnabled(kind is not None)

    def show_node(self, ref: NodeRef | None, node=None) -> None:
        """Load ``ref`` (None: nothing selected); ``node`` is its PlanNode, for progress."""
        clear_error(self.error)
        self.ref = ref
        self.node = node
        self.detail = plan_editing.node_detail(self.context.db, ref) if ref else None
        detail = self.detail
        self._rows(detail.kind if detail else None)
        if detail is None:
            self.heading.setText(_("Choisissez un élément du plan à gauche."))
            return
        number = f" {node.number}" if node is not None and node.number else ""
        self.heading.setText(f"{plan_editing.kind_label(detail.kind)}{number}")
        if node is not None:
            self.progress.setValue(round((node.progress or 0) * 100))
            self.progress.setFormat(
                format_percent(node.progress) if node.progress is not None else "—"
            )
            self.progress_text.setText(
                _("{done} sur {counted}").format(
                    done=f"{node.done:g}".replace(".", ","), counted=node.counted
                )
                if node.counted
                else _("rien à mesurer")
            )
        self.title.setText(detail.title)
        self.title.setCursorPosition(0)
        self.description.setPlainText(detail.description or "")
        self.start_year.setValue(detail.start_year or 2000)
        self.end_year.setValue(detail.end_year or 2000)
        self.status.setCurrentIndex(max(0, self.status.findData(detail.status)))
        self.evaluation.setCurrentIndex(max(0, self.evaluation.findData(detail.evaluation)))
        self.has_date.setChecked(detail.status_date is not None)
        self.status_date.setEnabled(detail.status_date is not None)
        set_date(self.status_date, detail.status_date or self.context.today())
        self.comment.setPlainText(detail.comment or "")
        self.indicator.setText(detail.indicator or "")
        self.target_value.setText(_decimal_text(detail.target_value))
        self.actual_value.setText(_decimal_text(detail.actual_value))
        self.unit.setText(detail.unit or "")
        self.links.clear()
        for item in detail.follow_ups:
            due = _(" (échéance : {date})").format(date=format_date(item.date)) if item.date else ""
            self.links.addItem(
                _("Suivi : {text}{due} — {status}").format(
                    text=item.text, due=due, status=item.status
                )
            )
        for item in detail.resolutions:
            self.links.addItem(
                _("Résolution {text} ({date})").format(text=item.text, date=format_date(item.date))
            )
        if detail.kind == "means" and not self.links.count():
            self.links.addItem(_("Aucun suivi ni résolution liés à ce moyen."))
        self._clean = snapshot(self)

    # -- no lost edits (see widgets.unsaved) -------------------------------------------------
    def unsaved_name(self) -> str:
        return self.detail.title if self.detail else _("Plan d'action")

    def is_dirty(self) -> bool:
        return self.detail is not None and not self.read_only and snapshot(self) != self._clean

    def save_changes(self) -> bool:
        return self.save(notify=False)

    def discard_changes(self) -> None:
        self.show_node(self.ref, self.node)

    def form_values(self) -> plan_progress.NodeForm:
        return plan_progress.NodeForm(
            title=self.title.text(),
            description=self.description.toPlainText(),
            start_year=self.start_year.value(),
            end_year=self.end_year.value(),
            status=self.status.currentData(),
            evaluation=self.evaluation.currentData(),
            comment=self.comment.toPlainText(),
            status_date=to_date(self.status_date) if self.has_date.isChecked() else None,
            indicator=self.indicator.text(),
            target_value=self.target_value.text(),
            actual_value=self.actual_value.text(),
            unit=self.unit.text(),
        )

    def save(self, *, notify: bool = True) -> bool:
        """Save the fields; ``notify=False`` leaves reloading the tree to the caller."""
        if self.ref is None or self.read_only:
            return False
        try:
            plan_progress.save_node(self.context.db, self.ref, self.form_values())
        except ValidationError as error:
            show_field_error(self.error, error, self.fields)
            return False
        clear_error(self.error)
        self._clean = snapshot(self)
        if notify:
            self.saved.emit(self.ref)
        return True
