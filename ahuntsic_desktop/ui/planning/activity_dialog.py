"""An activity of the démarche: its card (type, phase, date, place, facilitators, target
population, the participation meeting it was), who took part by name, picked from the
persons or typed as walk-ins as at a meeting's sign-in, and the anonymous headcounts by
sector and population. A new activity is saved first, then its participants are added."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services import planning
from ...services.core.errors import ValidationError
from ...services.planning import ActivityData
from ...services.planning.activities import clean_headcounts
from ..meetings.common import GOOD_STYLE
from ..registry.common import date_edit, fill_combo, pydate, qdate
from .common import ServiceDialog
from .participants_tabs import HeadcountsTab, ParticipantsTab


class ActivityDialog(ServiceDialog):
    preferred_width = 760

    def __init__(self, context, process_id: int, activity_id: int | None = None,
                 parent: QWidget | None = None):  # fmt: skip
        super().__init__(context, parent)
        self.process_id, self.activity_id = process_id, activity_id
        self.tabs = QTabWidget(self)
        card = QWidget(self.tabs)
        self.form.owner = card
        f = self.form
        self.type = f.add(_("Type :"), QComboBox(card), "type_id")
        self.title_edit = f.add(_("Titre :"), QLineEdit(card), "title")
        self.date = f.add(_("Date :"), date_edit(card, context.today()), "date")
        self.phase = f.add(_("Phase :"), QComboBox(card), "phase_id")
        self.place = f.add(_("Lieu :"), QLineEdit(card), "place")
        self.facilitators = f.add(_("Animation :"), QLineEdit(card), "facilitators")
        self.population = f.add(_("Population visée :"), QLineEdit(card), "target_population")
        self.meeting = f.add(_("Rencontre de participation :"), QComboBox(card), "meeting_id")
        self.meeting.setToolTip(
            _("Si l'activité a été tenue comme une rencontre, ses présences et ses comptes "
              "comptent pour l'activité.")
        )  # fmt: skip
        self.notes = f.add(_("Notes :"), QPlainTextEdit(card), "notes")
        self.notes.setFixedHeight(60)
        card.setLayout(self.form)
        self.participants = ParticipantsTab(context, self.tabs)
        self.headcounts = HeadcountsTab(self.tabs)
        for name in ("sector", "count", "population"):
            self.form.fields[name] = self.headcounts.table
            self.form.errors[name] = self.headcounts.error
        self.tabs.addTab(card, _("Fiche"))
        self.tabs.addTab(self.participants, _("Participant·es nommé·es"))
        self.tabs.addTab(self.headcounts, _("Participant·es sans nom"))
        self.info = QLabel(self)
        self.info.setObjectName("info")
        self.info.setStyleSheet(GOOD_STYLE)
        self.info.setWordWrap(True)
        self.info.hide()
        layout = QVBoxLayout()
        for widget in (self.tabs, self.info, self.form.general, self.buttons):
            layout.addWidget(widget)
        self.set_layout(layout)
        self._load()

    def _load(self) -> None:
        db = self.context.db
        data = planning.activity_data(db, self.activity_id) if self.activity_id else None
        types = [(t.id, t.name) for t in planning.list_activity_types(db)]
        phases = [(p.id, p.name) for p in planning.list_phases(db, self.process_id)]
        meetings = [(m.id, m.label) for m in planning.participation_meetings(db, self.activity_id)]
        fill_combo(self.type, types, data.type_id if data else None)
        fill_combo(self.phase, phases, data.phase_id if data else None, empty="—")
        fill_combo(self.meeting, meetings, data.meeting_id if data else None, empty="—")
        if data is not None:
            self.title_edit.setText(data.title)
            self.date.setDate(qdate(data.date))
            self.place.setText(data.place or "")
            self.facilitators.setText(data.facilitators or "")
            self.population.setText(data.target_population or "")
            self.notes.setPlainText(data.notes or "")
            self.headcounts.set_rows(planning.headcounts(db, self.activity_id))
        self._show_state()

    def _show_state(self) -> None:
        saved = self.activity_id is not None
        self.setWindowTitle(_("Activité de la démarche") if saved else _("Nouvelle activité"))
        self.participants.set_activity(self.activity_id)
        self.tabs.setTabEnabled(1, saved)

    def data(self) -> ActivityData:
        return ActivityData(
            self.type.currentData(),
            self.title_edit.text(),
            pydate(self.date.date()),
            self.phase.currentData(),
            self.place.text(),
            self.facilitators.text(),
            self.population.text(),
            self.meeting.currentData(),
            self.notes.toPlainText(),
        )

    def save(self) -> int:
        rows = self.headcounts.rows()
        clean_headcounts(rows)  # refused before anything is written
        db = self.context.db
        if self.activity_id is None:
            activity_id = planning.create_activity(db, self.process_id, self.data())
        else:
            activity_id = self.activity_id
            planning.update_activity(db, activity_id, self.data())
        planning.set_headcounts(db, activity_id, rows)
        return activity_id

    def accept(self) -> None:
        """A new activity is saved and stays open on its participants; else save and close."""
        self.form.clear_errors()
        new = self.activity_id is None
        try:
            self.activity_id = self.record_id = self.save()
        except ValidationError as error:
            if error.field in ("sector", "count", "population"):
                self.tabs.setCurrentWidget(self.headcounts)
            elif error.field in self.form.fields:
                self.tabs.setCurrentIndex(0)
            self.form.show_field_error(error)
            return
        if not new:
            self.done(self.DialogCode.Accepted)
            return
        self._show_state()
        self.tabs.setCurrentWidget(self.participants)
        self.participants.picker.setFocus()
        self.info.setText(
            _("Activité enregistrée : ajoutez ses participant·es, puis « Enregistrer ».")
        )
        self.info.show()
