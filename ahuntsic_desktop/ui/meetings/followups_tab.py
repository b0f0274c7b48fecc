"""Suivis: the follow-ups decided at this meeting, and the open ones carried over from the
earlier meetings of the same body; add one, change a status."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import FollowUpStatus
from ...domain.labels import choices
from ...i18n import _, ngettext
from ...services.core.errors import ConflictError, ValidationError
from ...services.meetings import followups, meetings
from ..registry.conflict_dialog import KEEP_MINE, TAKE_THEIRS, ConflictDialog
from ..widgets.list_view import ListView
from .common import GOOD_STYLE, MeetingTab, clear_error, error_label, fill_combo
from .followup_dialog import FollowUpDialog

WIDTHS = {"description": 340, "owner": 200, "status": 90, "chantier": 140}


class FollowUpsTabView(MeetingTab):
    """Layout only."""

    def __init__(self, context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, meeting_id, parent)
        self.add_button = QPushButton(_("Ajouter un suivi…"), self)
        self.status = QComboBox(self)
        self.status.setObjectName("status")
        self.apply_button = QPushButton(_("Changer le statut"), self)
        self.error = error_label(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("statusNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(GOOD_STYLE)
        self.notice.hide()
        self.own = ListView(self, placeholder=_("Rechercher un suivi…"))
        self.own.setObjectName("ownFollowUps")
        self.carried = ListView(self, placeholder=_("Rechercher un suivi…"))
        self.carried.setObjectName("carriedFollowUps")
        own_box = QGroupBox(_("Suivis décidés à cette rencontre"), self)
        QVBoxLayout(own_box).addWidget(self.own)
        self.carried_box = QGroupBox(_("Suivis ouverts des rencontres précédentes"), self)
        QVBoxLayout(self.carried_box).addWidget(self.carried)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(own_box)
        splitter.addWidget(self.carried_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(_("Suivi sélectionné :"), self))
        buttons.addWidget(self.status)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)


class FollowUpsTab(FollowUpsTabView):
    def __init__(self, context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, meeting_id, parent)
        self.dialog: FollowUpDialog | None = None
        self.active = self.own
        self.versions: dict[int, int] = {}  # read with the lists, sent back on a change
        fill_combo(self.status, choices(FollowUpStatus), FollowUpStatus.DONE.value)
        self._connect()

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_follow_up)
        self.apply_button.clicked.connect(self.apply_status)
        for list_view in (self.own, self.carried):
            list_view.view.selectionModel().selectionChanged.connect(
                lambda _s, _d, list_view=list_view: self._set_active(list_view)
            )

    def _set_active(self, list_view: ListView) -> None:
        self.active = list_view

    def edit_widgets(self) -> list[QWidget]:
        return [self.add_button, self.apply_button]

    def refresh(self) -> None:
        today = self.context.today()
        self.own.set_table(
            followups.list_meeting_follow_ups(self.db, self.meeting_id, today=today), WIDTHS
        )
        carried = followups.open_follow_ups_for_next_meeting(self.db, self.meeting_id, today=today)
        self.carried.set_table(carried, WIDTHS)
        listed = self.own.model.table.ids + self.carried.model.table.ids
        self.versions = followups.follow_up_versions(self.db, listed)
        self.carried_box.setTitle(
            _("Suivis ouverts des rencontres précédentes ({n})").format(n=len(carried))
        )
        chantier = meetings.get_meeting(self.db, self.meeting_id).chantier_id is not None
        for list_view, hidden in ((self.own, ("body", "meeting_date")), (self.carried, ("body",))):
            table = list_view.model.table
            for key in hidden:
                list_view.view.setColumnHidden(table.column_index(key), True)
            list_view.view.setColumnHidden(table.column_index("chantier"), not chantier)

    def add_follow_up(self) -> None:
        self.dialog = FollowUpDialog(self.context, self.meeting_id, self)
        self.dialog.accepted.connect(self._on_saved)
        self.dialog.open()

    def _on_saved(self) -> None:
        self.refresh()
        self.changed.emit()

    def apply_status(self) -> None:
        ids = self.active.selected_ids()
        if not ids:
            self.error.setText(_("Choisissez d'abord un suivi dans une des listes."))
            self.error.show()
            return
        try:
            ids = [i for i in ids if self._change_status(i)]
        except ValidationError as error:
            self.refresh()  # the follow-ups changed before this one show their new status
            self.error.setText(error.message)
            self.error.show()
            return
        clear_error(self.error)
        was_carried = self.active is self.carried
        self.refresh()
        self._tell(ids, was_carried)
        self.changed.emit()

    def _change_status(self, follow_up_id: int) -> bool:
        """Change one follow-up's status from the version listed; when someone changed it
        since, show both and let the user choose. Whether it was changed."""
        version = self.versions.get(follow_up_id)
        while True:
            try:
                followups.update_follow_up_status(
                    self.db,
                    follow_up_id,
                    self.status.currentData(),
                    today=self.context.today(),
                    version=version,
                )
                return True
            except ConflictError:
                theirs = followups.follow_up_state(self.db, follow_up_id)
                mine = replace(theirs, status=self.status.currentText())
                labels = {"description": _("Suivi"), "due_date": _("Échéance")}
                labels["status"] = _("Statut")
                choice = ConflictDialog(mine, theirs, labels, self).exec()
                if choice != KEEP_MINE:
                    if choice != TAKE_THEIRS:
                        raise ValidationError(
                            _("Quelqu'un d'autre a modifié ce suivi : rien n'a été changé.")
                        ) from None
                    return False
                version = theirs.version

    def _tell(self, ids: list[int], was_carried: bool) -> None:
        """Say what became of the follow-ups changed, above all those no longer listed here
        (a closed follow-up leaves the list of open ones)."""
        status = self.status.currentText()
        gone = [i for i in ids if i not in self.own.model.table.ids + self.carried.model.table.ids]
        text = ngettext(
            "{n} suivi marqué « {status} ».", "{n} suivis marqués « {status} ».", len(ids)
        ).format(n=len(ids), status=status)
        if gone and was_carried:
            text += " " + ngettext(
                "Il n'est plus dans les suivis ouverts ; la liste Rencontres › Suivis le montre "
                "avec « Tous les suivis ».",
                "Ils ne sont plus dans les suivis ouverts ; la liste Rencontres › Suivis les "
                "montre avec « Tous les suivis ».",
                len(gone),
            )
        self.notice.setText(text)
        self.notice.show()
