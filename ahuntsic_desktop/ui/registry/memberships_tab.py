"""The memberships of one membership year and their actions: new, edit, record a payment in
two clicks, renew in bulk, print receipts, delete, copy emails, export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from ...i18n import _, ngettext
from ...services.core import settings as settings_service
from ...services.registry import contacts, memberships, receipts
from ..communications.receipts import queue_receipt
from ..context import Context
from ..widgets.files import document_name, pdf_filter, save_document
from .common import status
from .membership_dialog import MembershipDialog
from .payment_dialog import PaymentDialog
from .read_ahead import ReadAhead, ReadsAhead
from .renewal_dialog import RenewalDialog
from .tab import RegistryTab, one, some


class MembershipsTab(ReadsAhead, RegistryTab):
    export_name = "adhesions"

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, "memberships", parent)
        self.export_title = _("Adhésions")
        self.new_button = self.button(_("Nouvelle adhésion…"), "newMembership")
        self.edit_button = self.button(_("Modifier…"), "editMembership", one)
        self.pay_button = self.button(_("Enregistrer un paiement…"), "recordPayment", one)
        self.renew_button = self.button(_("Renouveler…"), "renewMemberships", some)
        self.receipt_button = self.button(_("Reçu PDF…"), "printReceipts", some)
        self.email_receipt_button = self.button(_("Reçu par courriel"), "emailReceipt", one)
        self.delete_button = self.button(_("Supprimer…"), "deleteMembership", some)
        self.emails_button = self.button(
            _("Copier les courriels"), "copyEmails", some, writes=False
        )
        self.export_button = self.button(_("Exporter la liste…"), "exportList", writes=False)
        self.end_buttons()
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("membershipYear")
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.list.default_widths = {
            "member": 185,
            "type": 80,
            "year": 80,
            "category": 115,
            "voting": 95,
            "dues": 80,
            "paid_on": 100,
            "method": 130,
            "receipt": 80,
        }
        self.list.add_top_widget(QLabel(_("Année :"), self))
        self.list.add_top_widget(self.year_combo)
        self.list.add_filter("status", _("Statut :"))
        self.list.add_filter("category", _("Catégorie :"))
        self.list.add_filter("type", _("Type :"))
        self.list.add_filter(
            "paid_on",
            _("Paiement :"),
            [
                (_("Payées"), lambda value: value is not None),
                (_("Non payées"), lambda value: value is None),
            ],
        )
        self.list.search.setPlaceholderText(_("Rechercher un membre…"))
        self.ahead = ReadAhead(self)
        self._connect()

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new)
        self.list.new_requested.connect(self.new)
        self.edit_button.clicked.connect(lambda: self.edit(self.list.current_id()))
        self.list.activated.connect(self.edit)
        self.pay_button.clicked.connect(self.record_payment)
        self.renew_button.clicked.connect(self.renew)
        self.receipt_button.clicked.connect(self.print_receipts)
        self.email_receipt_button.clicked.connect(self.email_receipt)
        self.delete_button.clicked.connect(self.delete)
        self.list.delete_requested.connect(self.delete)
        self.emails_button.clicked.connect(self.copy_selected_emails)
        self.export_button.clicked.connect(self.export_list)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.list.selection_changed.connect(self.update_buttons)

    # -- data ---------------------------------------------------------------------------
    def year(self) -> int:
        return self.year_combo.currentData()

    def fill_years(self) -> None:
        table_settings = settings_service.load(self.db)
        current = table_settings.membership_year_of(self.context.today())
        selected = self.year_combo.currentData() or current
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in range(current + 1, current - 6, -1):
            self.year_combo.addItem(table_settings.membership_year_label(year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(selected)))
        self.year_combo.blockSignals(False)

    def refresh(self) -> None:
        self.fill_years()
        super().refresh()

    def arguments(self) -> tuple:
        today = self.context.today()
        year = self.year() or settings_service.load(self.db).membership_year_of(today)
        return (year, today)  # before the first refresh, the year it will show

    def reader(self, arguments: tuple):
        db, (year, today) = self.db, arguments
        return lambda: memberships.list_memberships(db, year, today=today)

    first_order = "member"

    def first_reader(self, arguments: tuple):
        db, (year, today), count = self.db, arguments, self.first_rows
        return lambda: memberships.list_memberships(db, year, today=today, first=count)

    def size(self, arguments: tuple) -> int:
        return memberships.count_memberships(self.db, arguments[0])

    # -- actions ------------------------------------------------------------------------
    def new(self) -> None:
        if not self.db.read_only:
            dialog = MembershipDialog(self.context, None, self, year=self.year())
            self.open_dialog(dialog, lambda: self.list.select_ids([dialog.membership_id]))

    def edit(self, membership_id: int | None) -> None:
        if membership_id is not None:
            self.open_dialog(MembershipDialog(self.context, membership_id, self))

    def record_payment(self) -> None:
        membership_id = self.list.current_id()
        if membership_id is None or self.db.read_only:
            return
        dialog = PaymentDialog(self.context, membership_id, self)
        self.open_dialog(
            dialog,
            lambda: status(
                self, _("Paiement enregistré — reçu n° {number}.").format(number=dialog.receipt)
            ),
        )

    def renew(self) -> None:
        ids = self.selected()
        if not ids or self.db.read_only:
            return
        dialog = RenewalDialog(self.context, ids, self.year(), self)

        def done() -> None:
            created = len(dialog.result_.to_renew)
            status(
                self,
                ngettext(
                    "{n} adhésion créée pour {year}.", "{n} adhésions créées pour {year}.", created
                ).format(n=created, year=dialog.result_.year_label),
            )

        self.open_dialog(dialog, done)

    def print_receipts(self) -> None:
        ids = self.selected()
        if not ids:
            return
        name = document_name(receipts.receipt_name_parts(self.db, ids), ".pdf")

        def write(path: Path) -> Path:
            from ...exports.pdf.receipt import write_receipt_file

            return write_receipt_file(self.db, ids, path, today=self.context.today())

        title = ngettext("Enregistrer le reçu", "Enregistrer les reçus", len(ids))
        if save_document(self, title, name, pdf_filter(), write, button=self.receipt_button):
            self.changed.emit()  # receipt numbers may have been given

    def email_receipt(self) -> None:
        """The receipt as a PDF in a message waiting in the outbox (issue 20)."""
        ids = self.selected()
        if len(ids) == 1 and queue_receipt(self, self.context, ids[0]):
            self.changed.emit()  # the receipt may have been given its number

    def delete(self) -> None:
        ids = self.selected()
        if not ids or self.db.read_only:
            return
        question = ngettext(
            "Supprimer l'adhésion sélectionnée ? Si elle est payée, son paiement et son numéro "
            "de reçu seront effacés aussi.",
            "Supprimer les {n} adhésions sélectionnées ? Les paiements et numéros de reçu de "
            "celles qui sont payées seront effacés aussi.",
            len(ids),
        ).format(n=len(ids))
        self.delete_selection(lambda ids: memberships.delete_memberships(self.db, ids), question)

    def copy_selected_emails(self) -> None:
        organization_ids, person_ids = contacts.members_of_memberships(self.db, self.selected())
        self.copy_emails(
            contacts.email_addresses(
                self.db,
                person_ids=person_ids,
                organization_ids=organization_ids,
                today=self.context.today(),
            )
        )
