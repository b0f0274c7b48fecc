"""The Portrait page's new tabs and the Bilan page's coverage, driven like a coordinator on
the demo file: an issue refused then saved with its supports, a story whose pseudonym gives
the name away, an image refused by content then added and previewed, the milieu's texts
saved, and an issue linked to an orientation from the coverage view."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from ahuntsic_desktop.services import portrait
from ahuntsic_desktop.ui.evaluation.bilan_page import BilanPage
from ahuntsic_desktop.ui.evaluation.portrait_dialogs import ImageDialog, IssueDialog, StoryDialog
from ahuntsic_desktop.ui.evaluation.portrait_page import PortraitPage

from ..dates import DEMO_TODAY
from ..portrait_world import png_bytes
from .test_bilan_pages import drive, ok, open_page, window  # noqa: F401 (fixture)
from .typing import type_into


def select_row(list_view, row: int) -> None:
    index = list_view.proxy.index(row, 0)
    list_view.view.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows,
    )  # fmt: skip


def test_issues_tab_adds_an_issue_with_its_supports(qtbot, window, monkeypatch):  # noqa: F811
    page = open_page(qtbot, window, "Portrait")
    assert isinstance(page, PortraitPage)
    page.tabs.setCurrentWidget(page.issues)
    issues = page.issues.list
    assert issues.model.rowCount() == 12
    select_row(issues, 0)
    assert "Indicateurs :" in page.issues.supports.text()
    messages = []

    def fill(dialog: IssueDialog) -> None:
        ok(qtbot, dialog)
        messages.append(dialog.error.text())
        type_into(qtbot, dialog.title, "Ruelles peu eclairees")
        dialog.kind.setCurrentIndex(dialog.kind.findData("diagnostic"))
        dialog.indicators.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.contributions.item(1).setCheckState(Qt.CheckState.Checked)
        ok(qtbot, dialog)

    opened = drive(monkeypatch, IssueDialog, fill)
    qtbot.mouseClick(page.issues.buttons["add"], Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and "obligatoire" in messages[0]
    assert issues.model.rowCount() == 13
    saved = next(i for i in portrait.list_issues(window.context.db)
                 if i.title == "Ruelles peu eclairees")  # fmt: skip
    assert saved.kind == "diagnostic"
    assert len(saved.indicator_ids) == 1 and len(saved.contribution_ids) == 1


def test_stories_tab_refuses_a_revealing_pseudonym(qtbot, window, monkeypatch):  # noqa: F811
    page = open_page(qtbot, window, "Portrait")
    page.tabs.setCurrentWidget(page.stories)
    stories = page.stories.list
    assert stories.model.rowCount() == 4
    assert stories.model.table.values("consented").count("Oui") == 3
    messages = []

    def fill(dialog: StoryDialog) -> None:
        dialog.person.setCurrentIndex(1)
        real = dialog.person.currentText().split()[0]
        type_into(qtbot, dialog.pseudonym, real)
        type_into(qtbot, dialog.text, "Un souvenir du parc.")
        ok(qtbot, dialog)
        messages.append(dialog.error.text())
        assert dialog.isVisible() and dialog.focusWidget() is dialog.pseudonym
        type_into(qtbot, dialog.pseudonym, "Zephyrine")
        ok(qtbot, dialog)

    drive(monkeypatch, StoryDialog, fill)
    qtbot.mouseClick(page.stories.buttons["add"], Qt.MouseButton.LeftButton)
    assert "pseudonyme" in messages[0]
    assert stories.model.rowCount() == 5
    row = stories.model.table.rows[stories.model.table.values("pseudonym").index("Zephyrine")]
    assert row[3] == "Non"  # no consent recorded yet: not printable


def test_images_tab_refuses_by_content_then_previews(qtbot, window, monkeypatch, tmp_path):  # noqa: F811
    fake = tmp_path / "carte.png"
    fake.write_bytes(b"GIF89a not a png at all")
    real = tmp_path / "vraie.png"
    real.write_bytes(png_bytes(30, 20))
    page = open_page(qtbot, window, "Portrait")
    page.tabs.setCurrentWidget(page.images)
    images = page.images.list
    assert images.model.rowCount() == 2
    select_row(images, 0)
    assert not page.images.preview.pixmap().isNull()
    assert "Carte fictive" in page.images.caption.text()
    messages = []

    def fill(dialog: ImageDialog) -> None:
        type_into(qtbot, dialog.caption, "Plan du parc")
        type_into(qtbot, dialog.path, str(fake))
        ok(qtbot, dialog)
        messages.append(dialog.error.text())
        assert dialog.isVisible()
        type_into(qtbot, dialog.path, str(real))
        ok(qtbot, dialog)

    drive(monkeypatch, ImageDialog, fill)
    qtbot.mouseClick(page.images.buttons["add"], Qt.MouseButton.LeftButton)
    assert "PNG ou JPEG" in messages[0]
    assert images.model.rowCount() == 3
    select_row(images, 2)
    assert page.images.preview.pixmap().width() > 0 and "Plan du parc" in page.images.caption.text()


def test_milieu_tab_saves_its_texts(qtbot, window):  # noqa: F811
    page = open_page(qtbot, window, "Portrait")
    page.tabs.setCurrentWidget(page.milieu)
    assert "organismes actifs" in page.milieu.figures.text()
    editor = page.milieu.editors["pistes"]
    assert "Mutualiser" in editor.toPlainText()
    type_into(qtbot, editor, "Ouvrir un local commun.")
    qtbot.mouseClick(page.milieu.save_button, Qt.MouseButton.LeftButton)
    assert page.milieu.saved.text() == "Textes enregistrés."
    found = {s.key: s.text for s in portrait.sections(window.context.db)}
    assert found["pistes"] == "Ouvrir un local commun."


def test_coverage_view_links_an_unanswered_issue(qtbot, window):  # noqa: F811
    page = open_page(qtbot, window, "Bilan du plan")
    assert isinstance(page, BilanPage)
    view = page.coverage
    page.tabs.setCurrentWidget(view)
    assert "2021-2025" in view.plan_combo.currentText()
    db = window.context.db
    before = portrait.coverage(db, view.plan_id())
    assert f"{len(before.unanswered_issues)} enjeux sur 12 sans réponse" in view.summary.text()
    target = before.unanswered_issues[0]
    select_row(view.orientations, 0)
    item = next(view.links.item(i) for i in range(view.links.count())
                if view.links.item(i).text() == target.title)  # fmt: skip
    item.setCheckState(Qt.CheckState.Checked)
    after = portrait.coverage(db, view.plan_id())
    assert len(after.unanswered_issues) == len(before.unanswered_issues) - 1
    assert f"{len(after.unanswered_issues)} enjeux sur 12" in view.summary.text()
    assert DEMO_TODAY.year == 2026
