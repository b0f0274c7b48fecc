"""Memberships: record a payment in two clicks, renew in bulk, new membership refusals,
receipts, filters, and the dashboard's renewals."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from ahuntsic_desktop.domain import Membership
from ahuntsic_desktop.services.core import settings as settings_service
from ahuntsic_desktop.services.registry import memberships

from ..dates import DEMO_TODAY
from .registry_helpers import (
    MEMBERS,
    click,
    click_row,
    open_page,
    save,
    type_into,
    window_fixture,  # noqa: F401 (the « window » fixture)
)


def memberships_tab(qtbot, window):
    page = open_page(qtbot, window, MEMBERS)
    return page.memberships


def unpaid_row(tab) -> int:
    column = tab.list.model.table.column_index("paid_on")
    return next(
        r for r in range(tab.list.proxy.rowCount()) if not tab.list.proxy.index(r, column).data()
    )


def count_year(db, year) -> int:
    with db.session() as session:
        return session.scalar(select(func.count(Membership.id)).where(Membership.year == year))


def test_record_a_payment_in_two_clicks(qtbot, window, demo_db):
    tab = memberships_tab(qtbot, window)
    membership_id = click_row(qtbot, tab.list, unpaid_row(tab))  # click 1
    click(qtbot, tab.pay_button)  # click 2
    dialog = tab.dialog
    assert dialog.paid_on.date().toPython() == DEMO_TODAY
    dues = memberships.get_membership(demo_db, membership_id).data.dues_cents
    assert dialog.amount.text().replace("\xa0", " ").endswith("$")
    dialog.payment_method.setCurrentIndex(dialog.payment_method.findText("Virement"))
    save(qtbot, dialog)
    data = memberships.get_membership(demo_db, membership_id).data
    assert data.paid_on == DEMO_TODAY
    assert data.payment_method == "virement"
    assert data.dues_cents == dues
    assert data.receipt_number.startswith(f"{DEMO_TODAY.year}-")
    assert f"reçu n° {data.receipt_number}" in window.statusBar().currentMessage()
    assert tab.list.selected_ids() == [membership_id]


def test_a_bad_amount_is_refused_and_nothing_is_paid(qtbot, window, demo_db):
    tab = memberships_tab(qtbot, window)
    membership_id = click_row(qtbot, tab.list, unpaid_row(tab))
    click(qtbot, tab.pay_button)
    dialog = tab.dialog
    type_into(qtbot, dialog.amount, "cinquante")
    save(qtbot, dialog)
    assert "n'est pas un montant valide" in dialog.form.errors["amount"].text()
    assert dialog.focusWidget() is dialog.amount
    dialog.reject()
    assert memberships.get_membership(demo_db, membership_id).data.paid_on is None


def test_bulk_renewal_previews_then_creates_next_year(qtbot, window, demo_db):
    tab = memberships_tab(qtbot, window)
    year = tab.year()
    before = count_year(demo_db, year + 1)
    ids = [click_row(qtbot, tab.list, 0)]
    for row in (1, 2, 3):
        from PySide6.QtCore import Qt

        ids.append(click_row(qtbot, tab.list, row, Qt.KeyboardModifier.ControlModifier))
    click(qtbot, tab.renew_button)
    dialog = tab.dialog
    label = settings_service.load(demo_db).membership_year_label(year + 1)
    assert dialog.year.currentText() == label
    assert dialog.model.rowCount() == 4
    assert "4 adhésions seront créées" in dialog.summary.text()
    assert count_year(demo_db, year + 1) == before  # a preview writes nothing
    save(qtbot, dialog)
    assert count_year(demo_db, year + 1) == before + 4
    assert "4 adhésions créées" in window.statusBar().currentMessage()

    tab.list.select_ids(ids)  # again: all four are skipped now
    click(qtbot, tab.renew_button)
    dialog = tab.dialog
    assert "0 adhésion sera créée" in dialog.summary.text()
    assert "4 membres ignorés" in dialog.summary.text()
    assert not dialog.buttons.buttons()[0].isEnabled()
    dialog.reject()


def test_new_membership_refuses_bad_input(qtbot, window, demo_db):
    tab = memberships_tab(qtbot, window)
    year = tab.year()
    totals = count_year(demo_db, year), count_year(demo_db, year + 1)
    click(qtbot, tab.new_button)
    dialog = tab.dialog
    save(qtbot, dialog)
    assert "Choisissez le membre" in dialog.form.errors["member"].text()
    dialog.is_organization.setChecked(True)
    kind = tab.list.model.table.column_index("type")
    row = next(
        r
        for r in range(tab.list.proxy.rowCount())
        if tab.list.proxy.index(r, kind).data() == "Organisme"
    )
    name = tab.list.proxy.index(row, 0).data()  # already a member this year
    type_into(qtbot, dialog.member.lineEdit(), name)
    save(qtbot, dialog)
    assert "déjà une adhésion" in dialog.form.errors["year"].text()
    dialog.year.setCurrentIndex(dialog.year.findData(year + 1))
    type_into(qtbot, dialog.dues, "12,345")
    save(qtbot, dialog)
    assert "au plus deux décimales" in dialog.form.errors["dues"].text()
    assert dialog.form.errors["year"].isHidden()
    dialog.reject()
    assert (count_year(demo_db, year), count_year(demo_db, year + 1)) == totals


def test_receipt_pdf_of_the_selection(qtbot, window, demo_db, monkeypatch, tmp_path):
    tab = memberships_tab(qtbot, window)
    paid = tab.list.model.table.column_index("paid_on")
    row = next(
        r
        for r in range(tab.list.proxy.rowCount())
        if tab.list.proxy.index(r, paid).data()
        and tab.list.proxy.index(r, tab.list.model.table.column_index("dues")).data() != "0,00\xa0$"
    )
    membership_id = click_row(qtbot, tab.list, row)
    target = tmp_path / "recu.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, tab.receipt_button)
    assert target.exists()
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    data = memberships.get_membership(demo_db, membership_id)
    assert "Reçu de cotisation" in text
    assert data.data.receipt_number in text
    assert data.member_name in " ".join(text.split())
    assert "dollars" in text.lower()


def test_receipt_of_an_unpaid_membership_is_refused(
    qtbot, window, monkeypatch, tmp_path, message_boxes
):
    tab = memberships_tab(qtbot, window)
    click_row(qtbot, tab.list, unpaid_row(tab))
    target = tmp_path / "recu.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, tab.receipt_button)
    assert not target.exists()
    assert "n'est pas payée" in message_boxes[-1][1]


def test_status_and_payment_filters(qtbot, window):
    tab = memberships_tab(qtbot, window)
    total = tab.list.proxy.rowCount()
    status = next(f for f in tab.list.filters if f.key == "status")
    status.choose("À renouveler")
    column = tab.list.model.table.column_index("status")
    shown = tab.list.proxy.rowCount()
    assert 0 < shown < total
    assert {tab.list.proxy.index(r, column).data() for r in range(shown)} == {"À renouveler"}
    status.choose(None)
    payment = next(f for f in tab.list.filters if f.key == "paid_on")
    payment.choose("Non payées")
    paid = tab.list.model.table.column_index("paid_on")
    assert all(not tab.list.proxy.index(r, paid).data() for r in range(tab.list.proxy.rowCount()))


def test_dashboard_lists_the_renewals_of_the_month(qtbot, window):
    page = open_page(qtbot, window, 0)
    from PySide6.QtWidgets import QGroupBox

    box = page.findChild(QGroupBox, "renewalsThisMonth")
    assert box is not None
    assert "Adhésions" in box.title()
