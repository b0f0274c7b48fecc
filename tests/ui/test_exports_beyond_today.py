"""The Exports page offers « Compter aussi après aujourd'hui » for the two reports that
count what happened (the annual report and the funder report), unchecked: by default they
stop at today (issue 13, "Reports count what happened")."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ahuntsic_desktop.exports.catalog import check_options, get_kind

from .test_exports_page import page  # noqa: F401 (fixture)


def test_the_reports_offer_to_count_beyond_today_unchecked(qtbot, page):  # noqa: F811
    for key in ("rapport-annuel", "reddition"):
        page.select_kind(key)
        assert page.beyond_today_check.isVisible()
        assert not page.beyond_today_check.isChecked()
        assert page.options().beyond_today is False
    page.select_kind("presences")
    assert not page.beyond_today_check.isVisible()
    page.select_kind("rapport-annuel")
    qtbot.mouseClick(page.beyond_today_check, Qt.MouseButton.LeftButton)
    assert page.beyond_today_check.isChecked()
    assert check_options(get_kind("rapport-annuel"), page.options()).beyond_today is True
    # A document that does not count over a period drops the option.
    assert check_options(get_kind("presences"), page.options()).beyond_today is False
