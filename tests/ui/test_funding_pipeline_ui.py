"""The funding pipeline in the window: an application prepared, submitted, accepted (with
more than asked, confirmed), its agreement's instalment expected, then received."""

from __future__ import annotations

import datetime as dt

from ahuntsic_desktop.services.funding import applications, instalments
from ahuntsic_desktop.services.funding.agreements import get_agreement

from ..dates import DEMO_TODAY
from .registry_helpers import (
    PARTNERS,
    answer_yes,
    click,
    click_row,
    find_row,
    open_page,
    save,
    type_into,
    window_fixture,  # noqa: F401 (the « window » fixture)
)

PROGRAMME = "Fonds vert des ruelles"


def test_an_application_from_preparation_to_its_last_payment(qtbot, window, demo_db, monkeypatch):
    page = open_page(qtbot, window, PARTNERS)
    tab = page.applications
    page.tabs.setCurrentWidget(tab)
    before = tab.list.model.rowCount()

    # Prepared: the funder is required, then it saves « en préparation ».
    click(qtbot, tab.new_button)
    dialog = tab.dialog
    save(qtbot, dialog)
    assert "bailleur de fonds" in dialog.form.errors["funder_id"].text()
    type_into(qtbot, dialog.funder.lineEdit(), "Fondation du Nord")
    type_into(qtbot, dialog.programme, PROGRAMME)
    type_into(qtbot, dialog.requested, "-5")
    save(qtbot, dialog)
    assert "négatif" in dialog.form.errors["amount_requested"].text()
    type_into(qtbot, dialog.requested, "20 000")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert tab.list.model.rowCount() == before + 1
    row = find_row(tab.list, PROGRAMME, 1)
    application_id = click_row(qtbot, tab.list, row)
    assert applications.get_application(demo_db, application_id).status == "en_preparation"

    # Submitted: the date of submission is asked for.
    click(qtbot, tab.edit_button)
    dialog = tab.dialog
    dialog.status.setCurrentIndex(dialog.status.findData("deposee"))
    save(qtbot, dialog)
    assert "dépôt" in dialog.form.errors["submitted_on"].text()
    dialog.submitted_on.set_value(DEMO_TODAY - dt.timedelta(days=30))
    save(qtbot, dialog)
    assert not dialog.isVisible()

    # Accepted with more than asked: confirmed, and the agreement exists without retyping.
    asked = answer_yes(monkeypatch)
    click_row(qtbot, tab.list, find_row(tab.list, PROGRAMME, 1))
    click(qtbot, tab.accept_button)
    dialog = tab.dialog
    type_into(qtbot, dialog.granted, "22 000")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert "dépasse le montant demandé" in asked[0]
    assert "entente" in window.statusBar().currentMessage()
    data = applications.get_application(demo_db, application_id)
    assert (data.status, data.amount_granted_cents) == ("acceptee", 2_200_000)
    agreement_id = applications.agreement_of(demo_db, application_id)
    agreement = get_agreement(demo_db, agreement_id)
    assert (agreement.programme, agreement.amount_cents) == (PROGRAMME, 2_200_000)
    assert agreement.start_date == DEMO_TODAY

    # The agreement's instalment: expected, refused beyond the agreement, then received.
    page.tabs.setCurrentWidget(page.agreements)
    click_row(qtbot, page.agreements.list, find_row(page.agreements.list, PROGRAMME, 1))
    click(qtbot, page.agreements.instalment_button)
    assert page.tabs.currentWidget() is page.instalments
    dialog = page.instalments.dialog
    assert dialog.agreement.record_id() == agreement_id
    dialog.due_date.set_value(DEMO_TODAY + dt.timedelta(days=10))
    type_into(qtbot, dialog.expected, "22 000,01")
    save(qtbot, dialog)
    assert "dépasseraient" in dialog.form.errors["expected_cents"].text()
    type_into(qtbot, dialog.expected, "22 000")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    instalment_id = dialog.instalment_id
    assert instalments.balance(demo_db, agreement_id).balanced

    tab = page.instalments
    row = tab.list.proxy.mapFromSource(
        tab.list.model.index(tab.list.model.table.ids.index(instalment_id), 0)
    ).row()
    click_row(qtbot, tab.list, row)
    click(qtbot, tab.edit_button)
    dialog = tab.dialog
    dialog.received_on.set_value(DEMO_TODAY + dt.timedelta(days=12))
    type_into(qtbot, dialog.received, "22 000")
    type_into(qtbot, dialog.reference, "Virement 4521")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    sums = instalments.balance(demo_db, agreement_id)
    assert (sums.received_cents, sums.outstanding_cents) == (2_200_000, 0)
    table = tab.list.model.table
    state = table.rows[table.ids.index(instalment_id)][table.column_index("state")]
    assert state == "Versé"


def test_declining_the_question_saves_nothing(qtbot, window, demo_db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def decline(box):
        asked.append(box.text())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", decline)
    page = open_page(qtbot, window, PARTNERS)
    tab = page.applications
    page.tabs.setCurrentWidget(tab)
    before = tab.list.model.rowCount()
    click(qtbot, tab.new_button)
    dialog = tab.dialog
    type_into(qtbot, dialog.funder.lineEdit(), "Fondation du Nord")
    type_into(qtbot, dialog.programme, PROGRAMME)
    type_into(qtbot, dialog.requested, "1 000")
    dialog.status.setCurrentIndex(dialog.status.findData("acceptee"))
    dialog.submitted_on.set_value(DEMO_TODAY - dt.timedelta(days=9))
    dialog.decided_on.set_value(DEMO_TODAY)
    type_into(qtbot, dialog.granted, "1 500")
    save(qtbot, dialog)
    assert "dépasse le montant demandé" in asked[0]
    assert dialog.isVisible()
    assert tab.list.model.rowCount() == before
    assert dialog.application_id is None
    assert PROGRAMME not in applications.list_applications(demo_db).values("programme")
