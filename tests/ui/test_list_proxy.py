"""The list proxy keeps its shown rows itself: search and column filters combine, the
selected record stays selected while it is shown, and a registry page loads a hidden tab
only when it is shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt

from ahuntsic_desktop.services.core.listing import Column, Table
from ahuntsic_desktop.ui.registry.list_widget import FilterProxy, RegistryModel

from .registry_helpers import MEMBERS, open_page, window_fixture  # noqa: F401 (fixture)


def make() -> tuple[RegistryModel, FilterProxy]:
    table = Table(
        columns=[Column("name", "Nom"), Column("since", "Depuis", "date"), Column("town", "Ville")],
        rows=[
            ("Zoé Émond", date(2024, 1, 1), "Montréal"),
            ("émile Roy", None, "Laval"),
            ("Eve Tremblay", date(2020, 5, 1), "Montréal"),
            ("Anne Côté", date(2022, 3, 1), "Laval"),
        ],
        ids=[10, 20, 30, 40],
    )
    model = RegistryModel()
    model.set_table(table)
    proxy = FilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def shown_ids(model, proxy) -> list[int]:
    return [
        model.row_id(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(proxy.rowCount())
    ]


def test_search_and_column_filter_combine_and_map_both_ways(qapp):
    model, proxy = make()
    proxy.set_column_filter(2, lambda town: town == "Montréal")
    assert shown_ids(model, proxy) == [10, 30]
    proxy.set_search("tremblay")
    assert shown_ids(model, proxy) == [30]
    assert proxy.mapFromSource(model.index(0, 0)).isValid() is False  # Zoé: hidden
    assert proxy.mapFromSource(model.index(2, 1)).row() == 0
    assert proxy.index(0, 0).data() == "Eve Tremblay"
    proxy.set_column_filter(2, None)
    proxy.set_search("")
    assert shown_ids(model, proxy) == [10, 20, 30, 40]
    assert proxy.headerData(0, Qt.Orientation.Horizontal) == "Nom"


def test_selection_follows_its_record_through_search_and_sort(qapp):
    model, proxy = make()
    selection = QItemSelectionModel(proxy)
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    selection.select(proxy.index(2, 0), flags)  # Eve Tremblay

    def selected() -> list[int]:
        return [model.row_id(proxy.mapToSource(i).row()) for i in selection.selectedRows()]

    proxy.set_search("montreal")
    assert shown_ids(model, proxy) == [10, 30]
    assert selected() == [30]
    proxy.sort(0, Qt.SortOrder.DescendingOrder)  # source sorted: the filter follows
    assert shown_ids(model, proxy) == [10, 30]
    assert selected() == [30]
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert shown_ids(model, proxy) == [30, 10]
    assert selected() == [30]
    proxy.set_search("laval")  # the record is no longer shown: nothing selected
    assert shown_ids(model, proxy) == [40, 20]
    assert selected() == []


def test_members_page_loads_the_persons_tab_when_it_is_shown(qtbot, window):
    page = open_page(qtbot, window, MEMBERS)
    assert page.tabs.currentWidget() is page.memberships
    assert page.memberships.list.model.rowCount() > 0
    assert page.persons.list.model.rowCount() == 0  # hidden: not loaded yet
    page.tabs.tabBar().setCurrentIndex(page.tabs.indexOf(page.persons))
    assert page.persons.list.model.rowCount() > 0
    assert "Tremblay" in " ".join(str(row[0]) for row in page.persons.list.model.table.rows)
