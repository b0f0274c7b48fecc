"""Enter or edit a confidentiality incident: what the register must hold (circumstances,
dates, information concerned, people affected, risk of serious harm and why, notices to
the Commission and to the persons, measures taken)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.privacy import IncidentStatus
from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.privacy import incidents
from ...services.privacy.incidents import IncidentData
from ..context import Context
from ..registry.common import (
    Form,
    OptionalDate,
    date_edit,
    fill_combo,
    pydate,
    qdate,
    save_button,
    save_buttons,
)
from ..widgets.unsaved import GuardedDialog


def _text(parent: QWidget, height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setFixedHeight(height)
    return edit


class IncidentDialogView(GuardedDialog):
    """Layout only: the facts on the left, the assessment and notices on the right."""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(980)
        today = context.today()
        left, right = Form(self), Form(self)
        self.form = left
        self.description = left.add(_("Circonstances :"), _text(self, 90), "description")
        self.occurred_on = left.add(_("Survenu le :"), date_edit(self, today), "occurred_on")
        self.occurred_until = left.add(_("Jusqu'au :"), OptionalDate(self), "occurred_until")
        self.learned_on = left.add(_("Connu le :"), date_edit(self, today), "learned_on")
        self.information = left.add(
            _("Renseignements visés :"), _text(self), "information_concerned"
        )
        self.people = left.add(_("Personnes concernées :"), QLineEdit(self), "people_affected")
        self.estimated = QCheckBox(_("Nombre approximatif"), self)
        self.estimated.setObjectName("people_affected_estimated")
        left.addRow("", self.estimated)
        self.serious_harm = right.add(
            _("Risque de préjudice sérieux :"), QComboBox(self), "serious_harm"
        )
        self.risk = right.add(_("Pourquoi :"), _text(self, 90), "risk_assessment")
        self.commission = right.add(
            _("Avis à la Commission le :"), OptionalDate(self), "commission_notified_on"
        )
        self.persons = right.add(
            _("Avis aux personnes le :"), OptionalDate(self), "persons_notified_on"
        )
        self.public_notice = right.add(_("Avis public :"), QLineEdit(self), "public_notice")
        self.measures = right.add(_("Mesures prises :"), _text(self), "measures")
        self.status = right.add(_("Statut :"), QComboBox(self), "status")
        for name in right.fields:  # errors of either column land under their field
            left.fields[name], left.errors[name] = right.fields[name], right.errors[name]
        self.information.setPlaceholderText(_("Ou pourquoi il est impossible de les décrire"))
        self.people.setPlaceholderText(_("Nombre, ou estimation"))
        self.risk.setPlaceholderText(
            _("Sensibilité, utilisations malveillantes possibles, conséquences, probabilité")
        )
        self.buttons = save_buttons(self)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(left.general)
        layout.addWidget(self.buttons)


class IncidentDialog(IncidentDialogView):
    """After a successful ``accept``, ``incident_id`` holds the saved incident."""

    def __init__(
        self, context: Context, incident_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.context = context
        self.incident_id = incident_id
        self.setWindowTitle(
            _("Nouvel incident de confidentialité")
            if incident_id is None
            else _("Modifier l'incident de confidentialité")
        )
        data = (
            IncidentData()
            if incident_id is None
            else incidents.get_incident(context.db, incident_id)
        )
        self._fill(data)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save_button(self.buttons).setEnabled(not context.db.read_only)

    def _fill(self, data: IncidentData) -> None:
        self.description.setPlainText(data.description or "")
        if data.occurred_on:
            self.occurred_on.setDate(qdate(data.occurred_on))
        self.occurred_until.set_value(data.occurred_until)
        if data.learned_on:
            self.learned_on.setDate(qdate(data.learned_on))
        self.information.setPlainText(data.information_concerned or "")
        self.people.setText("" if data.people_affected is None else str(data.people_affected))
        self.estimated.setChecked(bool(data.people_affected_estimated))
        fill_combo(
            self.serious_harm,
            [("", _("À évaluer")), ("oui", _("Oui")), ("non", _("Non"))],
            {None: "", True: "oui", False: "non"}[data.serious_harm],
        )
        self.risk.setPlainText(data.risk_assessment or "")
        self.commission.set_value(data.commission_notified_on)
        self.persons.set_value(data.persons_notified_on)
        self.public_notice.setText(data.public_notice or "")
        self.measures.setPlainText(data.measures or "")
        fill_combo(
            self.status,
            [(s.value, incidents.status_label(s.value)) for s in IncidentStatus],
            data.status,
        )

    def edited(self) -> IncidentData:
        harm = {"": None, "oui": True, "non": False}[self.serious_harm.currentData() or ""]
        return IncidentData(
            description=self.description.toPlainText(),
            occurred_on=pydate(self.occurred_on.date()),
            occurred_until=self.occurred_until.value(),
            learned_on=pydate(self.learned_on.date()),
            information_concerned=self.information.toPlainText(),
            people_affected=self.people.text(),
            people_affected_estimated=self.estimated.isChecked(),
            serious_harm=harm,
            risk_assessment=self.risk.toPlainText(),
            commission_notified_on=self.commission.value(),
            persons_notified_on=self.persons.value(),
            public_notice=self.public_notice.text(),
            measures=self.measures.toPlainText(),
            status=self.status.currentData(),
        )

    def accept(self) -> None:
        self.form.clear_errors()
        today = self.context.today()
        try:
            if self.incident_id is None:
                self.incident_id = incidents.create_incident(
                    self.context.db, self.edited(), today=today
                )
            else:
                incidents.update_incident(
                    self.context.db, self.incident_id, self.edited(), today=today
                )
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        super().accept()
