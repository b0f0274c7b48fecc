"""Workbooks whose cells are not clipped (issue 15, item 3): column widths from the real
text, row heights left to the reader where text wraps, sheet names shortened on a word,
printed headers that fit; and the bottin's emails never split inside a word. Read back
with openpyxl (layout), python-calamine (values) and pypdf."""

from __future__ import annotations

import re
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
from ahuntsic_desktop.exports.xlsx.common import HEADER_FILL, LINE_HEIGHT, MAX_WIDTH
from ahuntsic_desktop.exports.xlsx.measure import header_parts, line_count, sheet_name, text_width

from ..dates import DEMO_TODAY
from .test_workbooks_data import demo, demo_file  # noqa: F401 (fixtures)

PERIOD = {"start": date(2025, 7, 1), "end": date(2026, 6, 30), "today": DEMO_TODAY}
CODES = re.compile(r"&[A-Z]|&\d+|&\"[^\"]*\"")


def funder_of(db) -> int:
    from ahuntsic_desktop.domain import PartnerRole

    with db.session() as session:
        return session.query(PartnerRole.organization_id).filter_by(kind="bailleur").first()[0]


def export(db, key: str, tmp_path, **extra):
    options = ExportOptions(**PERIOD, **extra)
    return run_export(db, key, tmp_path / f"{key}.xlsx", options)


@pytest.mark.parametrize("key", ["presences", "chantiers", "plan", "suivis", "membres"])
def test_no_word_is_cut_by_its_column(demo, tmp_path, key):  # noqa: F811
    """A reader wraps between words and cuts a word too long for its column: every word of
    a title (bold) or a value (« Personne-ressource », « intersections ») fits its column,
    and a rotated title fits the header's height, cut on a word if need be."""
    book = load_workbook(export(demo, key, tmp_path))
    checked = 0
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            for cell in row:
                if not isinstance(cell.value, str) or cell.coordinate in ws.merged_cells:
                    continue
                dimension = ws.column_dimensions[cell.column_letter]
                if dimension.hidden:
                    continue
                header = (cell.fill.fgColor.rgb or "").endswith(HEADER_FILL)
                factor = 1.1 if header or cell.font.bold else 1.0
                if cell.alignment.textRotation:
                    height = ws.row_dimensions[cell.row].height
                    lines = max(1, int(dimension.width / 4)) if cell.alignment.wrap_text else 1
                    needed = text_width(cell.value) * 1.1 * 5.8 / lines
                    assert needed <= height, (ws.title, cell.value, height)
                    continue
                if cell.row == 1 and not header:
                    continue  # the confidential banner runs over the empty cells beside it
                if not cell.alignment.wrap_text:  # not wrapped: the whole text must fit
                    assert text_width(cell.value) * factor <= dimension.width + 0.5, (
                        ws.title,
                        cell.coordinate,
                        cell.value,
                        dimension.width,
                    )
                for word in cell.value.split():
                    if text_width(word) < MAX_WIDTH - 1:
                        assert text_width(word) * factor <= dimension.width + 0.5, (
                            ws.title,
                            cell.coordinate,
                            word,
                            dimension.width,
                        )
                checked += 1
    assert checked


@pytest.mark.parametrize("key", ["suivis", "presences", "reddition"])
def test_wrapped_rows_are_tall_enough_and_left_to_the_reader(demo, tmp_path, key):  # noqa: F811
    """LibreOffice prints with the height the file gives (it does not measure rows when it
    opens one): every row whose text wraps has one, as tall as its text needs (bold: the
    overdue follow-ups turn bold), and
    not marked as chosen by hand, so readers fit it again when it is edited."""
    extra = {"funder_id": funder_of(demo)} if key == "reddition" else {}
    path = export(demo, key, tmp_path, **extra)
    book = load_workbook(path)
    checked = 0
    with zipfile.ZipFile(path) as archive:
        for ws, name in zip(book.worksheets, sheet_files(archive), strict=True):
            custom = set(re.findall(r'<row r="(\d+)"[^>]*customHeight="1"', name))
            for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
                lines = max(
                    (
                        line_count(
                            str(c.value), width_of(ws, c), bold=c.font.bold or key == "suivis"
                        )
                        for c in row
                        if c.alignment.wrap_text
                        and c.value
                        and not c.alignment.textRotation
                        and c.coordinate not in ws.merged_cells
                    ),
                    default=1,
                )
                if lines < 2:
                    continue
                r = row[0].row
                height = ws.row_dimensions[r].height
                assert height and height >= LINE_HEIGHT * min(lines, 12), (ws.title, r, height)
                assert str(r) not in custom, (ws.title, r)
                checked += 1
    assert checked


def sheet_files(archive: zipfile.ZipFile) -> list[str]:
    names = sorted(
        (n for n in archive.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)),
        key=lambda n: int(re.sub(r"\D", "", n)),
    )
    return [archive.read(n).decode() for n in names]


def width_of(ws, cell) -> float:
    return ws.column_dimensions[cell.column_letter].width or 8.43


def test_sheet_names_are_shortened_on_a_word_with_their_parentheses():
    assert sheet_name("Plan d'action 2009-2019 (évalué)") == "Plan d'action 2009-2019"
    name = sheet_name("Participation des organismes communautaires du quartier")
    assert name == "Participation des organismes…" and len(name) <= 31
    for title in ("Plan d'action 2009-2019 (évalué)", "Bilan (très long titre de chantier)"):
        name = sheet_name(title, [title[:31]])
        assert name.count("(") == name.count(")") and len(name) <= 31, name


def test_evaluated_plan_sheet_keeps_its_parenthesis(demo, tmp_path):  # noqa: F811
    from ahuntsic_desktop.domain import ActionPlan

    with demo.session() as session:
        evaluated = session.query(ActionPlan.id).order_by(ActionPlan.start_year).first()[0]
    path = export(demo, "plan", tmp_path, plan_id=evaluated)
    names = CalamineWorkbook.from_path(str(path)).sheet_names
    assert any("2009-2019" in n for n in names), names
    assert all(n.count("(") == n.count(")") for n in names), names


def test_funder_report_header_shows_the_whole_funder_name(demo, tmp_path):  # noqa: F811
    from ahuntsic_desktop.services.core import settings as settings_service

    funder = funder_of(demo)
    path = export(demo, "reddition", tmp_path, funder_id=funder)
    book = load_workbook(path)
    name = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[1][1]
    short = settings_service.load(demo).short_name()
    for ws in book.worksheets:
        centre = CODES.sub("", ws.oddHeader.center.text or "")
        assert name in centre and "…" not in centre, (ws.title, centre)
        assert CODES.sub("", ws.oddHeader.left.text or "") == short


def test_header_parts_never_overlap():
    long_title = "Reddition de comptes — " + "Fondation " * 20
    left, centre, right, size = header_parts("Table " * 20, long_title, "26 novembre 2026")
    room = 160 * 9 / size
    assert text_width(centre) * 1.1 + 2 * max(text_width(left), text_width(right)) <= room
    assert centre.endswith("…") and size == 7
    assert header_parts("TQA", "Suivis", "1er juin 2026") == ("TQA", "Suivis", "1er juin 2026", 9)


EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.(example|org|com|ca|net)")


def test_bottin_never_splits_an_email(demo, tmp_path):  # noqa: F811
    options = ExportOptions(include_contacts=True, today=DEMO_TODAY)
    path = run_export(demo, "bottin", tmp_path / "bottin.pdf", options)
    lines = [
        line.strip() for page in PdfReader(path).pages for line in page.extract_text().split("\n")
    ]
    emails = 0
    for before, line in zip(["", *lines], lines, strict=False):
        for token in line.split():
            if "@" in token:
                # whole, or broken right after its « @ »: never inside a word
                assert EMAIL.fullmatch(token.strip("()·,")) or token.endswith("@"), line
                emails += 1
            elif token.endswith(".example") and "www." not in token and token is line.split()[0]:
                assert before.endswith("@"), (before, line)
    assert emails > 20
