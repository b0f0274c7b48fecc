"""Every focusable control can be named by a screen reader, and Tab moves on from tables
and text boxes (issue 14 item 11), on every page, in the meeting window and in every
dialog (the list in all_dialogs.py, checked against the dialog classes)."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QTabWidget, QTextEdit, QWidget

import ahuntsic_desktop.ui
from ahuntsic_desktop.ui.registry.organization_dialog import OrganizationDialog

from ..dates import DEMO_TODAY
from .accessibility_helpers import focusable_controls, spoken_name, unnamed
from .all_dialogs import all_dialogs
from .registry_helpers import window_fixture  # noqa: F401 (the « window » fixture)

UI = Path(ahuntsic_desktop.ui.__file__).parent


def every_tab(qtbot, root: QWidget) -> list[str]:
    """The unnamed controls of ``root``, every tab of it shown in turn."""
    qtbot.waitExposed(root)
    missing = set(unnamed(root))
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            missing |= set(unnamed(root))
    return sorted(missing)


def test_every_page_names_its_controls(qtbot, window):
    missing = {}
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        found = every_tab(qtbot, window)
        if found:
            missing[window.current_page().title] = found
    assert missing == {}


def test_tab_leaves_tables_and_text_boxes(qtbot, window):
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        qtbot.waitExposed(window)
    for view in window.findChildren(QAbstractItemView):
        if view.isVisibleTo(window):
            assert not view.tabKeyNavigation(), view.objectName()
    for box in window.findChildren(QPlainTextEdit) + window.findChildren(QTextEdit):
        if box.isVisibleTo(window):
            assert box.tabChangesFocus(), box.objectName()


def test_every_dialog_names_its_controls(qtbot, window, tmp_path):
    """Every dialog of the app (tests/ui/all_dialogs.py), each tab of it shown in turn."""
    missing, empty = {}, []
    for name, make in all_dialogs(window, DEMO_TODAY, tmp_path).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        found = every_tab(qtbot, dialog)
        if found:
            missing[name] = found
        if not focusable_controls(dialog):
            empty.append(name)
        dialog.close()
    assert missing == {}
    assert empty == []  # the walk found the controls of every one


def _dialog_classes() -> dict[str, list[str]]:
    """The names of the classes of ahuntsic_desktop/ui that are dialogs (a QDialog or a
    QWizard, directly or through another class of the package), with their bases."""
    classes = {}
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                classes[node.name] = [ast.unparse(base).split(".")[-1] for base in node.bases]

    def is_dialog(name: str, seen: frozenset = frozenset()) -> bool:
        if name in ("QDialog", "QWizard"):
            return True
        bases = classes.get(name, []) if name not in seen else []
        return any(is_dialog(base, seen | {name}) for base in bases)

    return {name: bases for name, bases in classes.items() if is_dialog(name)}


def test_the_dialog_list_holds_every_dialog_class(qtbot, window, tmp_path):
    """A new dialog class must be added to tests/ui/all_dialogs.py (so its names are
    walked and it is in the small-screen screenshots)."""
    made = set()
    for make in all_dialogs(window, DEMO_TODAY, tmp_path).values():
        dialog = make()
        qtbot.addWidget(dialog)
        made |= {cls.__name__ for cls in type(dialog).__mro__}
        dialog.close()
    assert sorted(set(_dialog_classes()) - made) == []


def test_form_labels_are_buddies_with_mnemonics(qtbot, window, demo_db):
    dialog = OrganizationDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    name_field = dialog.form.fields["name"]
    assert spoken_name(name_field).startswith("Nom")
    label = dialog.form.labelForField(name_field.parentWidget())
    assert label.buddy() is name_field
    assert "&" in label.text()
