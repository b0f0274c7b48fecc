"""A small panel for person and organisation forms: while a name, email or phone is typed,
it lists the existing records that look the same (« Marie Côté-Lévesque — même nom »).

Embed it in a form and feed it as fields change::

    self.hint = DuplicateHint(db, "person", self)
    self.hint.chosen.connect(self.open_existing)          # the id double-clicked
    first.textChanged.connect(lambda: self.hint.check_person(
        first.text(), last.text(), email.text(), phone.text(), exclude_id=self.person_id))

Searches wait until typing pauses (300 ms) and take a few hundredths of a second even with
100,000 persons. The panel hides itself when nothing looks alike.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..i18n import _
from ..services.registry.duplicates import Match, similar_organizations, similar_persons
from ..store import Database

DELAY_MS = 300
SHOWN = 5


class DuplicateHint(QFrame):
    chosen = Signal(int)  # the id of the record the user wants to open instead

    def __init__(
        self, db: Database, kind: str, parent: QWidget | None = None, *, delay_ms: int = DELAY_MS
    ) -> None:
        super().__init__(parent)
        if kind not in ("person", "organization"):
            raise ValueError(f"unknown kind {kind!r}")
        self.db, self.kind = db, kind
        self.matches: list[Match] = []
        self._query: tuple | None = None
        self._shown_query: tuple | None = None
        self.setObjectName("duplicateHint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#duplicateHint { background: #fff8e1; border: 1px solid #f0c36d; }")
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600;")
        self.list = QListWidget(self)
        self.list.setObjectName("duplicateMatches")
        self.list.setMaximumHeight(110)
        # long lines are cut short (« … ») rather than scrolled sideways; see the tooltips
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.itemActivated.connect(self._activated)
        self.list.setToolTip(_("Double-cliquez pour ouvrir cette fiche."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.refresh_now)
        self.hide()

    def check_person(self, first, last, email=None, phone=None, exclude_id=None) -> None:
        self._ask(("person", first, last, email, phone, exclude_id))

    def check_organization(self, name, email=None, phone=None, exclude_id=None) -> None:
        self._ask(("organization", name, email, phone, exclude_id))

    def _ask(self, query: tuple) -> None:
        if query[0] != self.kind:
            raise ValueError(f"this hint is for {self.kind} records")
        self._query = query
        self.timer.start()

    def refresh_now(self) -> None:
        """Search at once for the last values given (what the timer does after a pause)."""
        self.timer.stop()
        query = self._query
        if query is None or query == self._shown_query:
            return
        self._shown_query = query
        if self.kind == "person":
            _kind, first, last, email, phone, exclude = query
            self.matches = similar_persons(
                self.db, first, last, email or None, phone or None, exclude, limit=SHOWN + 1
            )
        else:
            _kind, name, email, phone, exclude = query
            self.matches = similar_organizations(
                self.db, name, email or None, phone or None, exclude, limit=SHOWN + 1
            )
        self._show()

    def _show(self) -> None:
        self.list.clear()
        if not self.matches:
            self.hide()
            return
        self.title.setText(
            _("Fiches semblables déjà inscrites : est-ce la même ?")
            if self.kind == "person"
            else _("Organismes semblables déjà inscrits : est-ce le même ?")
        )
        for match in self.matches[:SHOWN]:
            text = f"{match.name} — {match.reason_text}"
            details = [d for d in (match.email, match.phone) if d]
            if details:
                text += f" ({', '.join(details)})"
            if match.archived:
                text += " " + _("[archivé·e]")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, match.id)
            item.setToolTip(text + "\n" + _("Double-cliquez pour ouvrir cette fiche."))
            self.list.addItem(item)
        if len(self.matches) > SHOWN:
            self.list.addItem(_("… et d'autres"))
        # as tall as its lines, no empty space under them
        rows = self.list.count()
        self.list.setFixedHeight(
            self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() + 2
        )
        self.show()

    def _activated(self, item: QListWidgetItem) -> None:
        record_id = item.data(Qt.ItemDataRole.UserRole)
        if record_id is not None:
            self.chosen.emit(int(record_id))
