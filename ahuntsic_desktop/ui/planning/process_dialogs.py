"""A démarche's card (title, dates, evaluated and produced plans, steering committee) and
one section of its frame (mandat, échéancier, objectifs... or a section of its own)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ...i18n import _
from ...services import planning
from ...services.plan import plans as plan_service
from ...services.planning import ProcessData
from ...services.planning.processes import SECTION_TITLES
from ..registry.common import OptionalDate, date_edit, fill_combo, pydate, qdate
from .common import ServiceDialog


class ProcessDialog(ServiceDialog):
    preferred_width = 600

    def __init__(self, context, process_id: int | None = None, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.process_id = process_id
        self.setWindowTitle(_("Démarche de planification") if process_id else
                            _("Nouvelle démarche de planification"))  # fmt: skip
        f = self.form
        self.title_edit = f.add(_("Titre :"), QLineEdit(self), "title")
        self.title_edit.setPlaceholderText(_("p. ex. Démarche de planification 2025-2026"))
        self.start = f.add(_("Début :"), date_edit(self, context.today()), "start_date")
        self.end = f.add(_("Fin :"), OptionalDate(self), "end_date")
        self.evaluated = f.add(_("Plan évalué :"), QComboBox(self), "evaluated_plan_id")
        self.produced = f.add(_("Plan produit :"), QComboBox(self), "produced_plan_id")
        self.committee = f.add(_("Comité de pilotage (instance) :"), QLineEdit(self),
                               "committee_body")  # fmt: skip
        self.committee.setPlaceholderText(_("p. ex. CP : ses rencontres sont celles du comité"))
        self.committee.setMaxLength(16)
        self.notes = f.add(_("Notes :"), QPlainTextEdit(self), "notes")
        self.notes.setFixedHeight(70)
        self.finish_layout()
        plans = [(c.value, c.text) for c in plan_service.plan_choices(context.db)]
        data = planning.process_data(context.db, process_id) if process_id else None
        fill_combo(self.evaluated, plans, data.evaluated_plan_id if data else None, empty="—")
        fill_combo(self.produced, plans, data.produced_plan_id if data else None, empty="—")
        if data is not None:
            self.title_edit.setText(data.title)
            self.start.setDate(qdate(data.start_date))
            self.end.set_value(data.end_date)
            self.committee.setText(data.committee_body or "")
            self.notes.setPlainText(data.notes or "")

    def data(self) -> ProcessData:
        return ProcessData(
            self.title_edit.text(),
            pydate(self.start.date()),
            self.end.value(),
            self.evaluated.currentData(),
            self.produced.currentData(),
            self.committee.text(),
            self.notes.toPlainText(),
        )

    def save(self) -> int:
        if self.process_id is None:
            return planning.create_process(self.context.db, self.data())
        planning.update_process(self.context.db, self.process_id, self.data())
        return self.process_id


class SectionDialog(ServiceDialog):
    """A section of the frame: its key (one of the usual ones, or a new one), title, text."""

    preferred_width = 680

    def __init__(self, context, process_id: int, section_id: int | None = None,
                 parent: QWidget | None = None):  # fmt: skip
        super().__init__(context, parent)
        self.process_id = process_id
        self.setWindowTitle(_("Section du cadre de travail"))
        f = self.form
        self.key = f.add(_("Section :"), QComboBox(self), "key")
        self.key.setEditable(True)
        for key, title in SECTION_TITLES.items():
            self.key.addItem(_(title), key)
        self.title_edit = f.add(_("Titre affiché :"), QLineEdit(self), "title")
        self.text = f.add(_("Texte :"), QPlainTextEdit(self), "text")
        self.text.setMinimumHeight(220)
        self.finish_layout()
        self.key.currentIndexChanged.connect(self._suggest_title)
        line = next(
            (s for s in planning.sections(context.db, process_id) if s.id == section_id), None
        )
        if line is not None:
            index = self.key.findData(line.key)
            if index >= 0:
                self.key.setCurrentIndex(index)
            else:
                self.key.setEditText(line.key)
            self.key.setEnabled(False)  # the key names the section: rewrite, not rename
            self.title_edit.setText(line.title)
            self.text.setPlainText(line.text)
        else:
            self._suggest_title()

    def _suggest_title(self) -> None:
        self.title_edit.setText(self.key.currentText())

    def key_value(self) -> str:
        text = self.key.currentText().strip()
        index = self.key.findText(text)
        return self.key.itemData(index) if index >= 0 else text

    def save(self) -> int:
        return planning.set_section(
            self.context.db,
            self.process_id,
            self.key_value(),
            self.text.toPlainText(),
            self.title_edit.text(),
        )
