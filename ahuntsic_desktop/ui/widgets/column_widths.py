"""List columns sized to their content, within the space the list has (issue 14 item 2).

Each column wants the width of its header and first rows (measured with the font, so
larger text widens it), capped so one long name cannot take the whole list. When the
columns want more than the list is wide, the wide ones give way in proportion -- down to a
floor of a few characters (twice that for the first column, which names the row) -- so
the others stay in sight; long texts are then elided (their tool tip
says them whole) and the last column stretches into what is left.

The fit is made again when the list is resized, until the user resizes a column: from then
on their widths are theirs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTableView

SAMPLE_ROWS = 60  # measuring every row would be slow at 100,000 rows
CAP_CHARACTERS = 40  # no column wants more than this many average characters
FLOOR_CHARACTERS = 12  # nor gives way below this (then the list scrolls sideways)
PADDING = 24


def fit_widths(wanted: Sequence[int], available: int, floor: int | Sequence[int]) -> list[int]:
    """``wanted`` narrowed until their sum fits ``available``: each column gives up a share
    of what it wants above its ``floor`` (one for all, or one each); the widest give the
    most; a column at or under its floor keeps its width. When even that does not fit, the
    columns are cut to their floor and the list scrolls sideways."""
    floors = [floor] * len(wanted) if isinstance(floor, int) else list(floor)
    excess = [max(0, width - least) for width, least in zip(wanted, floors, strict=True)]
    over = sum(wanted) - available
    if over <= 0 or not any(excess):
        return list(wanted)
    kept = max(0.0, 1 - over / sum(excess))
    return [width - extra + int(extra * kept) for width, extra in zip(wanted, excess, strict=True)]


class ColumnFitter(QObject):
    """Sizes the columns of ``view``; ``busy`` is true while it resizes them (so a list
    that remembers the user's widths does not take these for theirs)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.wanted: list[int] = []
        self.fixed: set[int] = set()  # columns whose width the user chose earlier
        self.auto = False
        self.busy = False
        view.viewport().installEventFilter(self)  # resized after the view lays it out
        view.horizontalHeader().sectionResized.connect(self._resized)

    def content_width(self, column: int, capped: bool = True) -> int:
        model = self.view.model()
        metrics = self.view.fontMetrics()
        texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
        rows = min(SAMPLE_ROWS, model.rowCount())
        texts += [str(model.index(row, column).data() or "") for row in range(rows)]
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        least = self.view.fontMetrics().averageCharWidth() * 4 + PADDING
        return max(least, min(self.cap(), widest + PADDING) if capped else widest + PADDING)

    def cap(self) -> int:
        return self.view.fontMetrics().averageCharWidth() * CAP_CHARACTERS + PADDING

    def floor(self) -> int:
        return self.view.fontMetrics().averageCharWidth() * FLOOR_CHARACTERS + PADDING

    def set_widths(self, wanted: Sequence[int], fixed: set[int] | None = None) -> None:
        """Size the columns to ``wanted`` (fitted to the space, except the ``fixed`` ones)."""
        self.wanted = list(wanted)
        self.fixed = set(fixed or ())
        self.auto = True
        self.fit()

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        shown = [i for i in range(len(self.wanted)) if not self.view.isColumnHidden(i)]
        free = [i for i in shown if i not in self.fixed]
        space = self.view.viewport().width() - sum(self.wanted[i] for i in shown if i in self.fixed)
        order = sorted(free, key=header.visualIndex)
        floors = [self.floor() * (2 if order and i == order[0] else 1) for i in free]
        fitted = dict(
            zip(free, fit_widths([self.wanted[i] for i in free], space, floors), strict=True)
        )
        self._give_back(fitted, order, space)
        self.busy = True
        try:
            for index in range(min(len(self.wanted), header.count())):
                header.resizeSection(index, fitted.get(index, self.wanted[index]))
        finally:
            self.busy = False

    def _give_back(self, fitted: dict[int, int], order: list[int], space: int) -> None:
        """Room left once every column fits goes first to the columns the cap cut short
        (a long organisation name), in reading order, before the last column stretches."""
        left = space - sum(fitted.values())
        for index in order[:-1]:
            if left <= 0:
                return
            if fitted[index] >= self.cap() and self.view.model() is not None:
                more = min(left, self.content_width(index, capped=False) - fitted[index])
                if more > 0:
                    fitted[index] += more
                    left -= more

    def _resized(self, index: int, _old: int, new: int) -> None:
        header = self.view.horizontalHeader()
        if new == 0 or header.isSectionHidden(index):
            return  # a column hidden, not resized
        shown = [
            header.logicalIndex(v)
            for v in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(v))
        ]
        if not self.busy and shown and index != shown[-1]:  # the last one stretches itself
            self.auto = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and self.auto and watched is self.view.viewport():
            self.fit()
        return False
