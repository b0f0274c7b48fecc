"""Small pieces the meeting editor's dialogs and tabs share: the red error line, combo
filling, the optional time; the picker and dates come from the toolkit (ui/widgets)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QWidget,
)

from ...i18n import _
from ...services.meetings.pick_lists import PersonChoice
from ..widgets.dates import date_edit, qt_locale, set_date, to_date  # noqa: F401 (shared)
from ..widgets.forms import ERROR_STYLE, error_label, fill_combo  # noqa: F401 (shared)
from ..widgets.messages import show_field_error  # noqa: F401 (shared)
from ..widgets.pickers import (  # noqa: F401 (shared)
    FoldingCompleter,
    PersonPicker,
    distinct_labels,
)

GOOD_STYLE = "color: #1b5e20; font-weight: 600;"


def clear_error(label: QLabel) -> None:
    label.clear()
    label.hide()


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def person_labels(choices: Sequence[PersonChoice]) -> dict[str, int]:
    """Label shown -> person id; homonyms get their distinguishing detail."""
    return distinct_labels(choices)


class MeetingTab(QWidget):
    """A tab of the meeting window: knows the meeting, reloads on ``refresh``, and says
    ``changed`` after it saved something (the other tabs and the lists then reload)."""

    changed = Signal()

    def __init__(self, context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id

    @property
    def db(self):
        return self.context.db

    @property
    def read_only(self) -> bool:
        return bool(self.db.read_only)

    def edit_widgets(self) -> list[QWidget]:
        """The buttons and fields that write; disabled when the file is read-only."""
        return []

    def apply_read_only(self) -> None:
        if self.read_only:
            for widget in self.edit_widgets():
                widget.setEnabled(False)

    def refresh(self) -> None:  # pragma: no cover - overridden
        pass


def disable_save_if_read_only(buttons, db) -> None:
    """A dialog opened on a read-only file shows its data but cannot save."""
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    if save is not None and db.read_only:
        save.setEnabled(False)
        save.setToolTip(_("Fichier ouvert en lecture seule"))
