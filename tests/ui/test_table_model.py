"""The list model sorts and searches whole columns the French way, keeping ids aligned."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ahuntsic_desktop.services.core.listing import Column, Table
from ahuntsic_desktop.ui.table_model import SearchProxy, TableModel


def make_proxy() -> tuple[TableModel, SearchProxy]:
    table = Table(
        columns=[Column("name", "Nom"), Column("since", "Depuis", "date"), Column("n", "N", "int")],
        rows=[
            ("Zoé Émond", date(2024, 1, 1), 3),
            ("émile Roy", None, 1),
            ("Eve Tremblay", date(2020, 5, 1), None),
            ("Anne Côté", date(2022, 3, 1), 2),
        ],
        ids=[10, 20, 30, 40],
    )
    model = TableModel(table)
    model.set_table(table)
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    return model, proxy


def shown(proxy: SearchProxy, column: int = 0) -> list:
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def ids(model: TableModel, proxy: SearchProxy) -> list[int]:
    return [
        model.row_id(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(proxy.rowCount())
    ]


def test_text_sorts_with_accents_among_their_letters(qapp):
    model, proxy = make_proxy()
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert shown(proxy) == ["Anne Côté", "émile Roy", "Eve Tremblay", "Zoé Émond"]
    assert ids(model, proxy) == [40, 20, 30, 10]
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert ids(model, proxy) == [10, 30, 20, 40]


def test_dates_and_numbers_sort_by_value_with_blanks_last(qapp):
    model, proxy = make_proxy()
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert ids(model, proxy) == [30, 40, 10, 20]
    proxy.sort(2, Qt.SortOrder.AscendingOrder)
    assert ids(model, proxy) == [20, 40, 10, 30]


def test_search_after_sort_and_sort_kept_on_reload(qapp):
    model, proxy = make_proxy()
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    proxy.set_search("EMILE")
    assert ids(model, proxy) == [20]
    proxy.set_search("o")  # every name but "Eve Tremblay"... and Tremblay has no 'o'
    assert ids(model, proxy) == [10, 20, 40]
    proxy.set_search("")
    model.set_table(
        Table(columns=model.table.columns, rows=[("b", None, 1), ("a", None, 2)], ids=[1, 2])
    )
    assert ids(model, proxy) == [1, 2]  # still sorted descending by name
