"""The documents attached to a funding application: the paths of the files (they stay
where they are, on the computer or the shared drive), one a line, with « Joindre… » to
pick one and « Ouvrir » to open the selected line's file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ...i18n import _
from ..widgets.files import ask_open_path, open_path


class DocumentsField(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = QPlainTextEdit(self)
        self.paths.setObjectName("documentPaths")
        self.paths.setPlaceholderText(_("Un chemin de fichier par ligne"))
        self.paths.setFixedHeight(56)
        self.attach_button = QPushButton(_("Joindre…"), self)
        self.attach_button.setObjectName("attachDocument")
        self.open_button = QPushButton(_("Ouvrir"), self)
        self.open_button.setObjectName("openDocument")
        buttons = QVBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.paths, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.paths)
        self.attach_button.clicked.connect(self.attach)
        self.open_button.clicked.connect(self.open_current)

    def set_paths(self, paths: tuple[str, ...]) -> None:
        self.paths.setPlainText("\n".join(paths))

    def value(self) -> tuple[str, ...]:
        return tuple(line for line in self.paths.toPlainText().splitlines() if line.strip())

    def attach(self) -> None:
        path = ask_open_path(self, _("Joindre un document"), _("Tous les fichiers (*)"))
        if path is not None:
            self.set_paths((*self.value(), str(path)))

    def open_current(self) -> None:
        line = self.paths.textCursor().block().text().strip()
        if line and Path(line).exists():
            open_path(Path(line))
