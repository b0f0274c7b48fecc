"""A phase of the démarche: name, dates within the démarche, status and deliverables."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ...domain.labels import choices
from ...domain.planning import PhaseStatus
from ...i18n import _
from ...services import planning
from ...services.planning import PhaseData
from ..registry.common import OptionalDate, date_edit, fill_combo, pydate, qdate
from .common import ServiceDialog


class PhaseDialog(ServiceDialog):
    def __init__(self, context, process_id: int, phase_id: int | None = None,
                 parent: QWidget | None = None):  # fmt: skip
        super().__init__(context, parent)
        self.process_id, self.phase_id = process_id, phase_id
        self.setWindowTitle(_("Phase de la démarche") if phase_id else _("Nouvelle phase"))
        f = self.form
        self.name = f.add(_("Nom :"), QLineEdit(self), "name")
        self.start = f.add(_("Début :"), date_edit(self, context.today()), "start_date")
        self.end = f.add(_("Fin :"), OptionalDate(self), "end_date")
        self.status = f.add(_("Statut :"), QComboBox(self), "status")
        self.deliverables = f.add(_("Livrables :"), QPlainTextEdit(self), "deliverables")
        self.deliverables.setFixedHeight(90)
        self.finish_layout()
        line = next(
            (p for p in planning.list_phases(context.db, process_id) if p.id == phase_id), None
        )
        fill_combo(self.status, choices(PhaseStatus), line.status if line else None)
        if line is not None:
            self.name.setText(line.name)
            self.start.setDate(qdate(line.start_date))
            self.end.set_value(line.end_date)
            self.deliverables.setPlainText(line.deliverables)

    def save(self) -> int:
        data = PhaseData(
            self.name.text(),
            pydate(self.start.date()),
            self.end.value(),
            self.status.currentData(),
            self.deliverables.toPlainText(),
        )
        if self.phase_id is None:
            return planning.create_phase(self.context.db, self.process_id, data)
        planning.update_phase(self.context.db, self.phase_id, data)
        return self.phase_id
