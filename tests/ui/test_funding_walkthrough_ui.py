"""Issue 19 in the window, end to end: an application prepared (contact person, a document),
submitted, granted in part; its agreement split between a chantier and a project (bad input
refused with a French message, nothing written); its instalment expected then received to
the last cent; the chantier's page shows the funding; the overview counts it; and the
funder report (reddition), exported from the Exports page, carries the chantier's figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.services.core import Period
from ahuntsic_desktop.services.funding import applications, instalments
from ahuntsic_desktop.services.funding.agreements import get_agreement, list_agreements
from ahuntsic_desktop.services.funding.allocations import chantier_choices
from ahuntsic_desktop.services.registry import lists as registry_lists
from ahuntsic_desktop.services.reports.activity import activity_stats

from ..dates import DEMO_TODAY
from .registry_helpers import (
    PARTNERS,
    click,
    click_row,
    find_row,
    open_page,
    save,
    type_into,
    window_fixture,  # noqa: F401 (the « window » fixture)
)

CHANTIERS, EXPORTS = 5, 11
PROGRAMME = "Fonds des ruelles vertes"
YEAR = Period(dt.date(2026, 4, 1), dt.date(2027, 3, 31))


def plain(text: str) -> str:
    """Amounts are written with no-break spaces (« 24 000,00 $ »): plain ones to compare."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def refused(qtbot, dialog, field: str, words: str) -> None:
    save(qtbot, dialog)
    assert dialog.isVisible()
    message = plain(dialog.form.errors[field].text())
    assert words in message, message


def active_chantier(db) -> str:
    """A chantier that held a meeting this fiscal year, up to today."""
    meetings = activity_stats(db, Period(YEAR.start, DEMO_TODAY), DEMO_TODAY).meetings
    return next(m.chantier for m in meetings if m.chantier)


def test_from_the_application_to_the_last_payment_and_the_report(
    qtbot, window, demo_db, monkeypatch, tmp_path
):
    page = open_page(qtbot, window, PARTNERS)
    tab = page.applications
    page.tabs.setCurrentWidget(tab)

    # Prepared, with its contact person and a document; bad amounts and dates refused.
    contact = registry_lists.person_choices(demo_db)[0]
    click(qtbot, tab.new_button)
    dialog = tab.dialog
    type_into(qtbot, dialog.funder.lineEdit(), "Fondation du Nord")
    type_into(qtbot, dialog.programme, PROGRAMME)
    type_into(qtbot, dialog.requested, "10 000 000,01")
    refused(qtbot, dialog, "amount_requested", "dépasse 10 000 000,00 $")
    type_into(qtbot, dialog.requested, "30 000")
    dialog.period_start.set_value(YEAR.end)
    dialog.period_end.set_value(YEAR.start)
    refused(qtbot, dialog, "period_end", "précède")
    dialog.period_start.set_value(YEAR.start)
    dialog.period_end.set_value(YEAR.end)
    type_into(qtbot, dialog.contact.lineEdit(), contact.label)
    type_into(qtbot, dialog.documents.paths, "C:\\Demandes\\ruelles-vertes.pdf")
    budget = tmp_path / "budget ruelles.xlsx"
    budget.write_bytes(b"")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args: (str(budget), "Tous les fichiers (*)")
    )
    click(qtbot, dialog.documents.attach_button)
    assert applications.list_applications(demo_db).values("programme").count(PROGRAMME) == 0
    save(qtbot, dialog)
    assert not dialog.isVisible()
    application_id = click_row(qtbot, tab.list, find_row(tab.list, PROGRAMME, 1))
    data = applications.get_application(demo_db, application_id)
    assert (data.status, data.contact_person_id) == ("en_preparation", contact.id)
    assert data.documents == ("C:\\Demandes\\ruelles-vertes.pdf", str(budget))

    # Submitted, then granted in part: the agreement exists without retyping.
    click(qtbot, tab.edit_button)
    dialog = tab.dialog
    dialog.status.setCurrentIndex(dialog.status.findData("deposee"))
    dialog.submitted_on.set_value(DEMO_TODAY - dt.timedelta(days=40))
    save(qtbot, dialog)
    assert not dialog.isVisible()
    click_row(qtbot, tab.list, find_row(tab.list, PROGRAMME, 1))
    click(qtbot, tab.accept_button)
    dialog = tab.dialog
    type_into(qtbot, dialog.granted, "24 000")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert applications.get_application(demo_db, application_id).status == "acceptee_en_partie"
    agreement_id = applications.agreement_of(demo_db, application_id)
    before = get_agreement(demo_db, agreement_id)
    assert (before.amount_cents, before.contact_person_id) == (2_400_000, contact.id)
    assert (before.start_date, before.end_date, before.allocations) == (YEAR.start, YEAR.end, ())

    # The agreement's allocations: bad input refused, nothing written; then saved.
    agreements = page.agreements
    page.tabs.setCurrentWidget(agreements)
    click_row(qtbot, agreements.list, find_row(agreements.list, PROGRAMME, 1))
    click(qtbot, agreements.edit_button)
    dialog = agreements.dialog
    chantier = active_chantier(demo_db)
    click(qtbot, dialog.allocations.add_button)
    click(qtbot, dialog.allocations.add_button)
    first, second = dialog.allocations.rows
    first.chantier.setCurrentIndex(first.chantier.findText(chantier))
    type_into(qtbot, first.amount, "20 000")
    type_into(qtbot, second.project, "Corvée de la ruelle Fleury")
    type_into(qtbot, second.amount, "4 000,01")
    refused(qtbot, dialog, "allocations", "dépasse le montant de l'entente (24 000,00 $)")
    type_into(qtbot, second.amount, "4 000")
    type_into(qtbot, dialog.amount, "-5")
    refused(qtbot, dialog, "amount", "négatif")
    type_into(qtbot, dialog.amount, "12 000 000")
    refused(qtbot, dialog, "amount", "dépasse 10 000 000,00 $")
    type_into(qtbot, dialog.amount, "24 000")
    dialog.end_date.set_value(YEAR.start - dt.timedelta(days=1))
    refused(qtbot, dialog, "end_date", "précède")
    assert get_agreement(demo_db, agreement_id) == before  # nothing half-written
    dialog.end_date.set_value(YEAR.end)
    save(qtbot, dialog)
    assert not dialog.isVisible()
    saved = get_agreement(demo_db, agreement_id).allocations
    assert [(a.project, a.amount_cents) for a in saved] == [
        (None, 2_000_000), ("Corvée de la ruelle Fleury", 400_000),
    ]  # fmt: skip

    # The instalment, expected then received to the last cent.
    click_row(qtbot, agreements.list, find_row(agreements.list, PROGRAMME, 1))
    click(qtbot, agreements.instalment_button)
    dialog = page.instalments.dialog
    dialog.due_date.set_value(DEMO_TODAY - dt.timedelta(days=10))
    type_into(qtbot, dialog.expected, "24 000")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    instalment_id = dialog.instalment_id
    table = page.instalments.list.model.table
    row = page.instalments.list.proxy.mapFromSource(
        page.instalments.list.model.index(table.ids.index(instalment_id), 0)
    ).row()
    click_row(qtbot, page.instalments.list, row)
    click(qtbot, page.instalments.edit_button)
    dialog = page.instalments.dialog
    dialog.received_on.set_value(DEMO_TODAY - dt.timedelta(days=3))
    type_into(qtbot, dialog.received, "24 000")
    type_into(qtbot, dialog.reference, "Virement 7781")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    sums = instalments.balance(demo_db, agreement_id)
    assert (sums.received_cents, sums.outstanding_cents) == (2_400_000, 0)

    # The overview of the fiscal year counts it, and lists it among the renewals.
    page.tabs.setCurrentWidget(page.overview)
    overview = page.overview
    assert overview.year.currentText() == "2026-2027"
    texts = [
        [
            plain(overview.programmes.item(r, c).text())
            for c in range(overview.programmes.columnCount())
        ]
        for r in range(overview.programmes.rowCount())
    ]
    line = next(t for t in texts if t[1] == PROGRAMME)
    assert line[2:4] == ["1", "30 000,00 $"] and line[7:] == ["24 000,00 $", "24 000,00 $"]
    assert texts[-1][0] == "Total"
    renewals = [overview.renewals.item(r, 1).text() for r in range(overview.renewals.rowCount())]
    assert PROGRAMME in renewals
    assert "taux de succès" in overview.summary.text()
    funder = funder_name(demo_db)
    (bars,) = [b for b in overview.chart.bars if b.label == funder]
    assert bars.values[1] >= 2_400_000 and bars.values[2] >= 2_400_000  # granted, received
    assert not overview.chart.grab().isNull()  # painted without error
    overview.year.setCurrentIndex(overview.year.findText("2025-2026"))
    assert PROGRAMME not in [overview.programmes.item(r, 1).text()
                             for r in range(overview.programmes.rowCount())]  # fmt: skip

    # The chantier's page shows its funding.
    chantiers = open_page(qtbot, window, CHANTIERS)
    chantier_id = next(c.value for c in chantier_choices(demo_db) if c.text == chantier)
    chantiers.select_chantier(chantier_id)
    funding = chantiers.detail.funding
    chantiers.detail.tabs.setCurrentWidget(funding)
    rows = [
        [plain(funding.item(r, c).text()) for c in range(funding.columnCount())]
        for r in range(funding.rowCount())
    ]
    assert [PROGRAMME, "20 000,00 $"] in [[r[1], r[4]] for r in rows]

    # The funder report, from the Exports page: the chantier's figures for the agreement.
    exports = open_page(qtbot, window, EXPORTS)
    exports.select_kind("reddition")
    exports.funder_combo.setCurrentIndex(exports.funder_combo.findText(funder))
    exports.start_edit.setDate(YEAR.start)
    exports.end_edit.setDate(YEAR.end)
    out = tmp_path / "sortie"
    out.mkdir()
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda parent, caption, directory, filters: (str(out / Path(directory).name), filters),
    )
    with qtbot.waitSignal(exports.finished, timeout=60_000) as finished:
        click(qtbot, exports.export_button)
    book = CalamineWorkbook.from_path(str(finished.args[0]))
    lines = book.get_sheet_by_name("Chantiers financés").to_python()[1:]
    ours = next(r for r in lines if r[1] == PROGRAMME)
    held = [
        m
        for m in activity_stats(demo_db, Period(YEAR.start, DEMO_TODAY), DEMO_TODAY).meetings
        if m.chantier == chantier
    ]
    assert ours[0] == chantier and round(ours[2] * 100) == 2_000_000
    assert (ours[3], ours[4]) == (YEAR.start, DEMO_TODAY)
    assert ours[5] == len(held) >= 1
    assert ours[6] == sum(m.present for m in held)
    exports.wait()


def funder_name(db) -> str:
    table = list_agreements(db, today=DEMO_TODAY)
    return next(row[0] for row in table.rows if row[1] == PROGRAMME)
