"""The attendance workbook's grid on the demo file: every mark where the service puts it,
centered, and no cell made for an empty one (what made it slow at a large table's scale).
Read back with python-calamine for the values and openpyxl for the styles."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
from ahuntsic_desktop.services.core.periods import check_period
from ahuntsic_desktop.services.meetings.tracking import attendance_matrix

from ..dates import DEMO_TODAY
from .test_workbooks_data import demo, demo_file  # noqa: F401 (fixtures)

START, END = DEMO_TODAY - dt.timedelta(days=365), DEMO_TODAY


def test_the_grid_holds_the_services_marks_centered(demo, tmp_path):  # noqa: F811
    path = run_export(
        demo, "presences", tmp_path / "p.xlsx", ExportOptions(START, END, today=DEMO_TODAY)
    )
    matrix = attendance_matrix(demo, check_period(START, END))
    assert matrix.persons and len(matrix.meetings) > 3
    book = CalamineWorkbook.from_path(str(path))
    styled = load_workbook(path)
    for name, rows, labels in (
        ("Personnes", matrix.persons, 3),
        ("Organismes", matrix.organizations, 2),
    ):
        grid = book.get_sheet_by_name(name).to_python()[2:]  # under the mark and the header
        assert len(grid) == len(rows)
        sheet = styled[name]
        for r, (line, row) in enumerate(zip(grid, rows, strict=True), start=3):
            assert tuple(line[labels : labels + len(matrix.meetings)]) == row.marks
            assert line[-4:-1] == [row.present, row.excused, row.absent]
            for c, mark in enumerate(row.marks, start=labels + 1):
                if mark:
                    assert sheet.cell(r, c).alignment.horizontal == "center"
        made = set(sheet._cells)  # (row, column) of every cell the file holds, even empty
        empty = sum(
            1
            for r, row in enumerate(rows, start=3)
            for c, mark in enumerate(row.marks, start=labels + 1)
            if not mark and (r, c) in made
        )
        assert empty == 0
