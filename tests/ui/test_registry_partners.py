"""Partners and funders: partner roles, funding agreements and reporting deadlines."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ahuntsic_desktop.domain import FundingAgreement, ReportingDeadline
from ahuntsic_desktop.services.funding import agreements as funding
from ahuntsic_desktop.services.funding import partners

from ..dates import DEMO_TODAY
from .registry_helpers import (
    PARTNERS,
    click,
    click_row,
    double_click_row,
    find_row,
    open_page,
    save,
    type_into,
    window_fixture,  # noqa: F401 (the « window » fixture)
)


def test_new_agreement_refuses_bad_input_then_saves(qtbot, window, demo_db):
    page = open_page(qtbot, window, PARTNERS)
    page.tabs.setCurrentWidget(page.agreements)
    tab = page.agreements
    before = tab.list.model.rowCount()
    click(qtbot, tab.new_button)
    dialog = tab.dialog
    save(qtbot, dialog)
    assert "bailleur de fonds" in dialog.form.errors["funder_id"].text()
    funder = page.partners.list.proxy.index(0, 0).data()
    type_into(qtbot, dialog.funder.lineEdit(), funder)
    type_into(qtbot, dialog.amount, "25 000,00 $")
    save(qtbot, dialog)
    assert "obligatoire" in dialog.form.errors["programme"].text()
    type_into(qtbot, dialog.programme, "Initiative de developpement social")
    dialog.end_date.set_value(date(2000, 1, 1))
    save(qtbot, dialog)
    assert "précède" in dialog.form.errors["end_date"].text()
    assert tab.list.model.rowCount() == before
    dialog.end_date.set_value(None)
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert tab.list.model.rowCount() == before + 1
    with demo_db.session() as session:
        agreement = session.scalars(
            select(FundingAgreement).where(
                FundingAgreement.programme == "Initiative de developpement social"
            )
        ).one()
        assert agreement.amount_cents == 2_500_000


def test_add_a_deadline_then_mark_it_submitted(qtbot, window, demo_db):
    page = open_page(qtbot, window, PARTNERS)
    page.tabs.setCurrentWidget(page.agreements)
    agreement_id = click_row(qtbot, page.agreements.list, 0)
    click(qtbot, page.agreements.deadline_button)
    dialog = page.agreements.dialog
    assert dialog.agreement.currentData() == agreement_id
    save(qtbot, dialog)
    assert "obligatoire" in dialog.form.errors["title"].text()
    type_into(qtbot, dialog.title_edit, "Rapport final et bilan financier")
    save(qtbot, dialog)

    page.tabs.setCurrentWidget(page.deadlines)
    tab = page.deadlines
    row = find_row(tab.list, "Rapport final et bilan financier", 2)
    deadline_id = click_row(qtbot, tab.list, row)
    click(qtbot, tab.submit_button)
    with demo_db.session() as session:
        assert session.get(ReportingDeadline, deadline_id).submitted_on == DEMO_TODAY
    assert "remise" in window.statusBar().currentMessage()
    state = tab.list.model.table.column_index("state")
    row = tab.list.model.table.ids.index(deadline_id)
    assert tab.list.model.table.rows[row][state] == "Remise"


def test_partner_roles(qtbot, window, demo_db):
    page = open_page(qtbot, window, PARTNERS)
    tab = page.partners
    double_click_row(qtbot, tab.list, 0)
    dialog = tab.dialog
    organization_id = dialog.organization_id
    held = set(partners.partner_roles_of(demo_db, organization_id))
    check, since = dialog.kinds["communautaire"]
    check.setChecked("communautaire" not in held)
    since.set_value(date(2024, 4, 1))
    save(qtbot, dialog)
    now = set(partners.partner_roles_of(demo_db, organization_id))
    assert now == held ^ {"communautaire"}

    click(qtbot, tab.new_button)
    dialog = tab.dialog
    save(qtbot, dialog)
    assert "Choisissez l'organisme" in dialog.form.errors["organization_id"].text()
    listed = {row[0] for row in funding.list_partners(demo_db).rows}
    from ahuntsic_desktop.services.registry.lists import organization_choices

    newcomer = next(
        c for c in organization_choices(demo_db) if c.label.split(" (")[0] not in listed
    )
    type_into(qtbot, dialog.organization.lineEdit(), newcomer.label)
    dialog.kinds["institutionnel"][0].setChecked(True)
    save(qtbot, dialog)
    assert set(partners.partner_roles_of(demo_db, newcomer.id)) == {"institutionnel"}
