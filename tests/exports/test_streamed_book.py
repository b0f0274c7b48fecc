"""A streamed (write-only) book keeps every promise of a data sheet: styled frozen header,
filter, real dates, money format, quote-prefixed formula-looking text, print set-up."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.exports.xlsx.common import FORMATS, HEADER_FILL, Book, Col


def test_a_streamed_sheet_reads_back_as_a_normal_one(tmp_path):
    rows = [
        ("Émond", dt.date(2026, 3, 12), 12345, '=HYPERLINK("x")', "long " * 30),
        ("Roy", None, 0, "-3", ""),
    ]
    columns = [
        Col("Nom"),
        Col("Date", "date"),
        Col("Montant", "money"),
        Col("Note"),
        Col("Texte", width=20, wrap=True),
    ]
    paths = {}
    for streamed in (False, True):
        book = Book(
            "Essai",
            table_name="Table fictive",
            streamed=streamed,
            now=dt.datetime(2026, 11, 26, 9, 0),
        )
        book.data_sheet("Feuille", columns, rows, frozen_columns=1)
        paths[streamed] = book.save(tmp_path / f"{streamed}.xlsx")
    values = [
        CalamineWorkbook.from_path(p).get_sheet_by_name("Feuille").to_python()
        for p in paths.values()
    ]
    assert values[0] == values[1]
    assert values[1][1][3] == '=HYPERLINK("x")'  # text, never a formula
    ws = load_workbook(paths[True])["Feuille"]
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == "A1:E3"
    assert ws["A1"].fill.fgColor.rgb.endswith(HEADER_FILL) and ws["A1"].font.bold
    assert ws["B2"].value == dt.datetime(2026, 3, 12) and ws["B2"].number_format == FORMATS["date"]
    assert ws["C2"].number_format == FORMATS["money"] and float(ws["C2"].value) == 123.45
    assert ws["D2"].data_type == "s" and ws["D2"].quotePrefix
    assert ws["D3"].quotePrefix and ws["D3"].value == "-3"
    normal = load_workbook(paths[False])["Feuille"]
    assert ws.row_dimensions[2].height > 15  # the wrapped text's lines
    assert ws.row_dimensions[2].height == normal.row_dimensions[2].height
    assert ws.row_dimensions[1].height == normal.row_dimensions[1].height
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"
    assert "Essai" in (ws.oddHeader.center.text or "") + (ws.oddHeader.left.text or "")


def test_a_row_given_by_its_places_reads_back_as_the_full_row(tmp_path):
    """A matrix's row made without its blanks (PlacedRow): the same cells, styles and
    heights as the full row, in a streamed book and in a normal one; blanks make no cell."""
    from ahuntsic_desktop.exports.xlsx.streaming import PlacedRow

    columns = [
        Col("Nom"),
        *(Col(f"R{i}", rotate=True, centered=True) for i in range(6)),
        Col("Présences", "int"),
        Col("Date", "date"),
        Col("Note", width=12, wrap=True),
    ]
    full = [
        ("Émond", "P", "", None, "A", "", "E", 0, dt.date(2026, 3, 12), "=1+1 " * 8),
        ("Roy", "", "", "", "", "", "", 2, None, ""),
    ]
    placed = [PlacedRow(len(row), dict(enumerate(row))) for row in full]
    placed[1] = PlacedRow(len(full[1]), {0: "Roy", 7: 2})  # blanks left out altogether
    for streamed in (False, True):
        paths = []
        for rows in (full, placed):
            book = Book(
                "Essai",
                table_name="Table fictive",
                streamed=streamed,
                now=dt.datetime(2026, 11, 26, 9, 0),
            )
            book.data_sheet("Grille", columns, rows, frozen_columns=1)
            paths.append(book.save(tmp_path / f"{streamed}-{len(paths)}.xlsx"))
        sheets = [load_workbook(p)["Grille"] for p in paths]
        cells = [
            {
                (c.row, c.column): (c.value, c.number_format, c.quotePrefix, c.alignment.horizontal)
                for row in ws.iter_rows()
                for c in row
                if c.value is not None
            }
            for ws in sheets
        ]
        assert cells[0] == cells[1]
        assert cells[1][2, 5] == ("A", "General", False, "center")
        assert cells[1][2, 10][2]  # formula-looking text stays text
        assert (3, 3) not in cells[1] and cells[1][3, 8][0] == 2
        assert sheets[0].row_dimensions[2].height == sheets[1].row_dimensions[2].height > 15
        assert sheets[1].auto_filter.ref == "A1:J3"


def test_a_streamed_sheet_forgets_each_row_once_written_but_not_its_height(tmp_path, monkeypatch):
    """A streamed sheet keeps neither the rows' heights once they are written nor every
    wrapped text it measured (a big sheet's distinct texts): the heights read back as in a
    normal book, row by row."""
    from ahuntsic_desktop.exports.xlsx import common

    monkeypatch.setattr(common, "MEASURED_KEPT", 2)  # forgets its measures every 2 texts
    rows = [(f"Nom {i}", ("mot " * (i * 7)) if i % 3 else "") for i in range(12)]
    columns = [Col("Nom"), Col("Texte", width=12, wrap=True)]
    heights = []
    for streamed in (False, True):
        book = Book("Essai", table_name="Table fictive", streamed=streamed)
        ws = book.data_sheet("Feuille", columns, rows)
        if streamed:
            assert set(ws.row_dimensions) <= {1}  # the header's only
        path = book.save(tmp_path / f"{streamed}.xlsx")
        sheet = load_workbook(path)["Feuille"]
        heights.append([sheet.row_dimensions[r].height for r in range(1, len(rows) + 2)])
    assert heights[0] == heights[1]
    assert len({h for h in heights[1] if h}) > 3  # rows of several heights
