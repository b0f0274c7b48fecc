"""« Vue d'ensemble » of the funding: for a fiscal year (it starts in the month set in
Settings), requested, granted and received per funder and programme, with a chart, the
success rate, and the agreements that end in the year and need renewing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, format_date, format_money, format_percent
from ...services.funding import overview
from ..context import Context
from .funding_chart import Bars, FundingChart


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], right: set[int], bold_last: bool) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold_last and r == len(rows) - 1:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class FundingOverviewTab(QWidget):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.year = QComboBox(self)
        self.year.setObjectName("fiscalYear")
        label = QLabel(_("&Exercice financier :"), self)
        label.setBuddy(self.year)
        self.summary = QLabel(self)
        self.summary.setObjectName("fundingSummary")
        self.summary.setWordWrap(True)
        self.chart = FundingChart(self)
        self.programmes = _table(
            self,
            "fundingByProgramme",
            [_("Bailleur de fonds"), _("Programme"), _("Demandes"), _("Demandé"),
             _("Décisions"), _("Acceptées"), _("Taux de succès"), _("Accordé"), _("Reçu")],
        )  # fmt: skip
        self.renewals = _table(
            self,
            "fundingRenewals",
            [_("Bailleur de fonds"), _("Programme"), _("Montant"), _("Fin"),
             _("Renouvellement")],
        )  # fmt: skip
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.year)
        top.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.chart)
        split.addWidget(self.programmes)
        holder = QWidget(split)
        renewal_layout = QVBoxLayout(holder)
        renewal_layout.setContentsMargins(0, 0, 0, 0)
        renewal_layout.addWidget(QLabel(_("Ententes qui se terminent cet exercice"), holder))
        renewal_layout.addWidget(self.renewals)
        split.addWidget(holder)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.periods = []
        self._fill_years()
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def _fill_years(self) -> None:
        today = self.context.today()
        self.periods = overview.fiscal_years(self.context.db, today)
        current = overview.fiscal_year(self.context.db, today)
        self.year.blockSignals(True)
        self.year.clear()
        for label, period in self.periods:
            self.year.addItem(label, period.start.isoformat())
        self.year.setCurrentIndex([p for _l, p in self.periods].index(current))
        self.year.blockSignals(False)

    def period(self):
        return self.periods[self.year.currentIndex()][1]

    def refresh(self) -> None:
        db, period = self.context.db, self.period()
        funders = overview.funding_year(db, period)
        lines = overview.funding_year(db, period, by_programme=True)
        total = funders[-1]
        rate = format_percent(total.success_rate) or "—"
        self.summary.setText(
            _(
                "{period} : demandé {requested} · accordé {granted} · reçu {received} · "
                "taux de succès {rate} ({accepted} sur {decided} demandes décidées)"
            ).format(
                period=str(period),
                requested=format_money(total.requested_cents),
                granted=format_money(total.granted_cents),
                received=format_money(total.received_cents),
                rate=rate,
                accepted=total.accepted,
                decided=total.decided,
            )
        )
        self.chart.set_bars(
            [
                Bars(f.funder, (f.requested_cents, f.granted_cents, f.received_cents))
                for f in funders[:-1]
            ]
        )
        rows = [
            [y.funder, y.programme, str(y.applications), format_money(y.requested_cents),
             str(y.decided), str(y.accepted), format_percent(y.success_rate) or "—",
             format_money(y.granted_cents), format_money(y.received_cents)]
            for y in lines
        ]  # fmt: skip
        _fill(self.programmes, rows, {2, 3, 4, 5, 6, 7, 8}, bold_last=True)
        renewals = overview.renewals(db, period)
        _fill(
            self.renewals,
            [
                [
                    r.funder,
                    r.programme,
                    format_money(r.amount_cents),
                    format_date(r.end_date),
                    r.renewal,
                ]
                for r in renewals
            ],  # fmt: skip
            {2},
            bold_last=False,
        )
