"""What the registry dialogs share: a form whose fields each have a red error line under
them, an optional date, a record picker with accent-blind completion, confirmations and
status-bar messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services.core.errors import ValidationError
from ..widgets.dates import date_edit, pydate, qdate  # noqa: F401 (shared)
from ..widgets.forms import ERROR_STYLE, error_label, fill_combo  # noqa: F401 (shared)
from ..widgets.keyboard import label_text, with_mnemonic
from ..widgets.pickers import RecordPicker  # noqa: F401 (shared)
from ..widgets.unsaved import GuardedDialog

BLANK_DATE = QDate(1900, 1, 1)


class FormDialog(GuardedDialog):
    """A dialog that is never smaller than its content, opened ``preferred_width`` wide;
    Esc or « Annuler » on unsaved changes asks first (:class:`GuardedDialog`)."""

    preferred_width = 560

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sized = False

    def set_layout(self, layout: QLayout) -> None:
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setLayout(layout)

    def showEvent(self, event) -> None:  # noqa: N802
        if not self._sized:
            self._sized = True
            hint = self.sizeHint()
            self.resize(max(hint.width(), self.preferred_width), hint.height())
        super().showEvent(event)


class Form(QFormLayout):
    """A form layout whose every field has its own red error line, shown under it.

    Fields are found by their object name, which is the service's field name, so a
    :class:`ValidationError` lands next to the field at fault (or in ``general`` when the
    service names no field of this form).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__()
        self.owner = parent
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.checks: dict[str, Callable[[], None]] = {}  # see normalise_on_leave
        self.reserved: set[str] = set()  # fields whose error line keeps its place
        self.general = error_label(parent, "error")
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def addRow(self, label, field=None) -> None:  # noqa: N802 - Qt's name
        """Rows whose label sits level with the field's text, not with its error line."""
        if isinstance(label, str) and label:
            label = QLabel(label, self.owner)
        if isinstance(label, QLabel) and field is not None:
            label.setMinimumHeight(QLineEdit().sizeHint().height())
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if field is None:
            super().addRow(label)
            return
        super().addRow(label, field)
        item = self.itemAt(self.rowCount() - 1, QFormLayout.ItemRole.LabelRole)
        if item is not None:
            item.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def add(self, text: str, widget: QWidget, name: str) -> QWidget:
        widget.setObjectName(name)
        holder = QWidget(self.owner)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = error_label(holder, f"{name}_error")
        _keep_place(error, False)  # a line under every field would make forms too tall
        column.addWidget(error)
        label = QLabel(with_mnemonic(text), self.owner)
        label.setBuddy(widget)  # Alt + the underlined letter goes to the field
        for named in (widget, widget.focusProxy()):  # the name a screen reader says
            if named is not None:
                named.setAccessibleName(label_text(label))
        self.addRow(label, holder)
        self.fields[name] = widget
        self.errors[name] = error
        return widget

    def reserve(self, name: str) -> None:
        """Keep a line under ``name`` for its error, so the check made on leaving it shows
        its message without pushing the next fields under the user's mouse (a message
        longer than a line still takes the lines it needs: it is never cut)."""
        self.reserved.add(name)
        _keep_place(self.errors[name], True)

    def alias(self, service_field: str, name: str) -> None:
        """Show errors about ``service_field`` under the field ``name``."""
        self.fields[service_field] = self.fields[name]
        self.errors[service_field] = self.errors[name]

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general):
            label.clear()
            label.hide()

    def show_field_error(self, error: ValidationError, *, focus: bool = True) -> None:
        """Show the service's refusal under its field (focused), and what the checks made
        when leaving a field still find wrong in the others, so all is said at once."""
        self.clear_errors()
        for name, check in self.checks.items():
            if name != error.field:
                check()
        self.field_error(error.field, error.message, focus=focus)

    def field_error(self, field: str | None, message: str, *, focus: bool = False) -> None:
        label = self.errors.get(field or "", self.general)
        label.setText(message)
        widget = self.fields.get(field or "")
        if label is not self.general and widget is not None:
            # a wrapped label reports one line to the layout: ask for all of its lines
            label.setMinimumHeight(label.heightForWidth(max(widget.width(), 240)))
        label.show()
        if focus and widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def hide_error(self, field: str) -> None:
        label = self.errors.get(field)
        if label is not None:
            label.clear()
            label.hide()

    def visible_errors(self) -> list[str]:
        return [label.text() for label in (*self.errors.values(), self.general) if label.text()]


def _keep_place(label: QLabel, keep: bool) -> None:
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(keep)
    label.setSizePolicy(policy)


def normalise_on_leave(form: Form, edit: QLineEdit, name: str, validator) -> None:
    """When the user leaves ``edit``, show its text as stored (« 514 555-1234 », « H3L 2L9 »)
    or say at once what is wrong with it."""

    def check() -> None:
        try:
            value = validator(edit.text())
        except ValidationError as error:
            form.field_error(name, error.message)
            return
        form.hide_error(name)
        if value is not None and value != edit.text():
            edit.setText(value)

    edit.editingFinished.connect(check)
    form.checks[name] = check
    form.reserve(name)


def save_buttons(parent: QWidget, save_text: str | None = None) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, parent
    )
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text or _("Enregistrer"))
    buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("save")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuler"))
    return buttons


def save_button(buttons: QDialogButtonBox) -> QAbstractButton:
    return buttons.button(QDialogButtonBox.StandardButton.Save)


# -- dates --------------------------------------------------------------------------------


def context_today(widget: QWidget | None) -> dt.date | None:
    """Today's date as the window's ``Context`` says, found through the widget's parents
    (widgets never read the clock: tests and demos pin the date there)."""
    while widget is not None:
        context = getattr(widget, "context", None)
        if context is not None and callable(getattr(context, "today", None)):
            return context.today()
        widget = widget.parentWidget()
    return None


class _CalendarToToday(QObject):
    """Opens the calendar of a blank date on today's month rather than on January 1900."""

    def __init__(self, edit: QDateEdit) -> None:
        super().__init__(edit)
        self.edit = edit

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and self.edit.date() == BLANK_DATE:
            today = context_today(self.edit)
            if today is not None:
                watched.setCurrentPage(today.year, today.month)
        return False


class OptionalDate(QWidget):
    """A date that may stay blank (« — »), with a button to blank it again."""

    def __init__(self, parent: QWidget | None = None, value: dt.date | None = None) -> None:
        super().__init__(parent)
        self.edit = date_edit(self)
        self.edit.setMinimumDate(BLANK_DATE)
        self.edit.setSpecialValueText("—")
        self.edit.calendarWidget().installEventFilter(_CalendarToToday(self.edit))
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setToolTip(_("Effacer la date"))
        self.clear_button.clicked.connect(lambda: self.set_value(None))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)
        self.set_value(value)

    def value(self) -> dt.date | None:
        current = self.edit.date()
        return None if current == BLANK_DATE else pydate(current)

    def set_value(self, value: dt.date | None) -> None:
        self.edit.setDate(BLANK_DATE if value is None else qdate(value))


# -- talking to the user ------------------------------------------------------------------


def confirm(parent: QWidget, text: str, *, title: str, yes: str) -> bool:
    """Ask before doing something that cannot be undone (or hides records)."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.addButton(QMessageBox.StandardButton.Yes).setText(yes)
    box.addButton(QMessageBox.StandardButton.Cancel).setText(_("Annuler"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def inform(parent: QWidget, text: str, *, title: str | None = None) -> None:
    QMessageBox.information(parent, title or _("Ahuntsic Desktop"), text)


def status(widget: QWidget, message: str, timeout: int = 10_000) -> None:
    """A message in the main window's status bar (nothing outside a main window)."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, timeout)


def offer_existing_record(dialog: QDialog, record_id: int, *, editing: bool) -> None:
    """After a double-click on a look-alike record, ask whether to open it instead; if so,
    close ``dialog`` without saving and emit its ``existing_chosen(record_id)``."""
    question = (
        _("Ouvrir cette autre fiche ? Vos modifications ne seront pas enregistrées.")
        if editing
        else _("Ouvrir la fiche existante plutôt que d'en créer une nouvelle ?")
    )
    if not confirm(
        dialog, question, title=_("Fiche semblable"), yes=_("Ouvrir la fiche existante")
    ):
        return
    dialog.chosen_existing_id = record_id
    QDialog.reject(dialog)  # the user was just told the changes are not saved
    dialog.existing_chosen.emit(record_id)
