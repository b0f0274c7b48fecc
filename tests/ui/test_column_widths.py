"""Columns sized to content within the list's width (issue 14 item 2): a long name gives
way so the other columns stay in sight, elided with its whole text in the tool tip; the
user's own widths are kept; the Chantiers list shows the chantier's name first."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from ahuntsic_desktop.services.core.listing import Column, Table
from ahuntsic_desktop.ui.page_table import row_of
from ahuntsic_desktop.ui.pages.work import ChantiersPage
from ahuntsic_desktop.ui.widgets.column_widths import fit_widths
from ahuntsic_desktop.ui.widgets.list_view import ListView

from .registry_helpers import open_page, window_fixture  # noqa: F401 (the « window » fixture)

LONG = "Regroupement des organismes communautaires et des partenaires du quartier (fictif)"


def test_fit_widths_leaves_columns_alone_when_they_fit():
    assert fit_widths([100, 80, 60], 400, 50) == [100, 80, 60]


def test_fit_widths_takes_from_the_wide_columns_in_proportion():
    fitted = fit_widths([400, 200, 60], 460, 100)
    assert sum(fitted) <= 460
    assert fitted[2] == 60  # under the floor: untouched
    assert fitted[0] > fitted[1] >= 100  # the widest stays the widest


def test_fit_widths_stops_at_the_floor():
    assert fit_widths([400, 300, 60], 100, 90) == [90, 90, 60]


def _table(rows: int = 30) -> Table:
    columns = [Column("name", "Nom"), Column("kind", "Type"), Column("year", "Année", "int"),
               Column("paid", "Payée le"), Column("status", "Statut")]  # fmt: skip
    return Table(
        columns=columns,
        rows=[(f"{LONG} {n}", "Organisme", 2026, "7 mai 2026", "Payée") for n in range(rows)],
        ids=list(range(1, rows + 1)),
    )


def _shown_list(qtbot, width: int) -> ListView:
    view = ListView()
    qtbot.addWidget(view)
    view.resize(width, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_table(_table())
    return view


def _widths(listing: ListView) -> list[int]:
    header = listing.view.horizontalHeader()
    return [header.sectionSize(i) for i in range(header.count())]


def test_a_long_name_does_not_push_the_other_columns_off(qtbot):
    listing = _shown_list(qtbot, 520)
    widths = _widths(listing)
    assert sum(widths) <= listing.view.viewport().width()
    assert min(widths) > 40  # every column readable
    name = listing.proxy.index(0, 0)
    assert listing.view.fontMetrics().horizontalAdvance(name.data()) > widths[0]  # elided...
    assert name.data(Qt.ItemDataRole.ToolTipRole) == name.data()  # ...and said whole


def test_wider_list_gives_the_name_more_room(qtbot):
    listing = _shown_list(qtbot, 520)
    narrow = _widths(listing)[0]
    listing.resize(1000, 400)
    qtbot.waitUntil(lambda: _widths(listing)[0] > narrow)
    assert sum(_widths(listing)) <= listing.view.viewport().width()


def test_a_column_the_user_resized_stays_as_they_made_it(qtbot):
    listing = _shown_list(qtbot, 520)
    header = listing.view.horizontalHeader()
    edge = header.sectionViewportPosition(1) + header.sectionSize(1) - 1
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge + 60, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 60, y))
    chosen = header.sectionSize(1)
    assert not listing.columns.auto
    listing.resize(1000, 400)
    qtbot.waitUntil(lambda: listing.view.viewport().width() > 900)
    assert header.sectionSize(1) == chosen


CHANTIERS = row_of(ChantiersPage.__name__)


def test_the_chantiers_list_shows_the_name_first(qtbot, window):
    window.resize(1024, 600)
    page = open_page(qtbot, window, CHANTIERS)
    view = page.chantiers.view
    header = view.horizontalHeader()
    first = next(header.logicalIndex(v) for v in range(header.count())
                 if not header.isSectionHidden(header.logicalIndex(v)))  # fmt: skip
    assert page.chantiers.model.table.columns[first].key == "chantier"
    assert header.sectionViewportPosition(first) == 0  # in sight, not scrolled away
    assert view.currentIndex().column() == first


def test_fit_widths_with_a_floor_for_each_column():
    assert fit_widths([400, 300, 60], 100, [180, 90, 90]) == [180, 90, 60]


def test_a_narrow_column_says_its_whole_title(qtbot):
    listing = _shown_list(qtbot, 520)
    title = listing.model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert title == "Payée le"


def test_room_to_spare_goes_to_the_long_name_before_the_last_column(qtbot):
    listing = _shown_list(qtbot, 1300)
    qtbot.waitUntil(lambda: listing.view.viewport().width() > 1200)
    name = listing.proxy.index(0, 0).data()
    widths = _widths(listing)
    assert widths[0] > listing.view.fontMetrics().horizontalAdvance(name)  # said whole
    assert sum(widths) <= listing.view.viewport().width()
