"""« Exporter la liste… » read back with python-calamine (not openpyxl) and, for the
styling calamine cannot see, with openpyxl."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.exports.xlsx.list_view import neutralise, write_list
from ahuntsic_desktop.services.core.listing import Column, Table


def sample() -> Table:
    table = Table(
        [
            Column("name", "Nom"),
            Column("dues", "Cotisation", "money"),
            Column("paid_on", "Payée le", "date"),
            Column("voting", "Droit de vote", "bool"),
            Column("count", "Présences", "int"),
        ]
    )
    table.rows = [
        ('=HYPERLINK("http://x")', 5000, dt.date(2026, 5, 1), True, 3),
        ("Centre Le Pont", 123456, None, False, 0),
        ("+1 514", 0, dt.date(2026, 4, 1), True, 12),
        ("@SUM(A1)", 2500, None, False, None),
        ("-2+3", 1, None, True, 1),
    ]
    table.ids = [1, 2, 3, 4, 5]
    return table


def test_the_workbook_holds_the_shown_rows_and_columns_as_typed_values(tmp_path):
    path = write_list(
        tmp_path / "liste.xlsx", sample(), title="Adhésions", columns=[0, 2, 1, 3], rows=[1, 0, 2]
    )
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    rows = sheet.to_python()
    assert rows[0] == ["Nom", "Payée le", "Cotisation", "Droit de vote"]
    assert rows[1] == ["Centre Le Pont", "", 1234.56, "Non"]
    assert rows[2][0] == '\'=HYPERLINK("http://x")'  # text, never a formula
    assert rows[2][1] == dt.date(2026, 5, 1)
    assert rows[2][2] == 50.0
    assert rows[3][0] == "'+1 514"
    assert len(rows) == 4


def test_header_is_styled_frozen_and_filterable(tmp_path):
    progress = []
    path = write_list(
        tmp_path / "liste.xlsx",
        sample(),
        title="Une liste: [test]",
        progress=lambda d, t: progress.append((d, t)),
    )
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet.title == "Une liste test"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E6"
    assert sheet["A1"].font.bold
    assert sheet["B2"].number_format.startswith("#,##0.00")
    assert sheet["C2"].number_format == "yyyy-mm-dd"
    assert sheet["C2"].is_date
    assert sheet["A5"].data_type == "s" and sheet["A5"].value == "'@SUM(A1)"
    assert sheet["A6"].value == "'-2+3"
    assert progress[-1] == (5, 5)


def test_neutralise():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("\t=1") == "'\t=1"
    assert neutralise("Centre") == "Centre"
