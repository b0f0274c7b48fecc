"""The partners and funders page's lists: partner organisations, funding agreements and
the reports owed to funders (with « Marquer comme remis »)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...i18n import _, format_date, ngettext
from ...services.funding import agreements as funding
from ..context import Context
from .agreement_dialog import AgreementDialog
from .common import status
from .deadline_dialog import DeadlineDialog
from .partner_dialog import PartnerDialog
from .tab import RegistryTab, one, some


class PartnersTab(RegistryTab):
    export_name = "partenaires"

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, "partners", parent)
        self.export_title = _("Partenaires")
        self.new_button = self.button(_("Ajouter un partenaire…"), "newPartner")
        self.edit_button = self.button(_("Rôles de partenaire…"), "editPartner", one)
        self.agreement_button = self.button(_("Nouvelle entente…"), "newAgreementForPartner", one)
        self.export_button = self.button(_("Exporter la liste…"), "exportList", writes=False)
        self.end_buttons()
        self.list.add_filter("roles", _("Partenariat :"), contains=True)
        self._connect()

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new)
        self.list.new_requested.connect(self.new)
        self.edit_button.clicked.connect(lambda: self.edit(self.list.current_id()))
        self.list.activated.connect(self.edit)
        self.agreement_button.clicked.connect(self.new_agreement)
        self.export_button.clicked.connect(self.export_list)
        self.list.selection_changed.connect(self.update_buttons)

    def load(self):
        return funding.list_partners(self.db, today=self.context.today())

    def new(self) -> None:
        if not self.db.read_only:
            self.open_dialog(PartnerDialog(self.context, None, self))

    def edit(self, organization_id: int | None) -> None:
        if organization_id is not None:
            self.open_dialog(PartnerDialog(self.context, organization_id, self))

    def new_agreement(self) -> None:
        funder = self.list.current_id()
        if funder is not None and not self.db.read_only:
            self.open_dialog(AgreementDialog(self.context, None, self, funder_id=funder))


class AgreementsTab(RegistryTab):
    export_name = "ententes-de-financement"

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, "agreements", parent)
        self.export_title = _("Ententes de financement")
        self.new_button = self.button(_("Nouvelle entente…"), "newAgreement")
        self.edit_button = self.button(_("Modifier…"), "editAgreement", one)
        self.deadline_button = self.button(_("Nouvelle reddition…"), "newDeadlineForAgreement", one)
        self.instalment_button = self.button(
            _("Nouveau versement…"), "newInstalmentForAgreement", one
        )
        self.delete_button = self.button(_("Supprimer…"), "deleteAgreement", some)
        self.export_button = self.button(_("Exporter la liste…"), "exportList", writes=False)
        self.end_buttons()
        self.list.add_filter("funder", _("Bailleur :"))
        self.list.add_filter(
            "active",
            _("Période :"),
            [
                (_("En cours"), lambda value: bool(value)),
                (_("Terminées ou à venir"), lambda value: not value),
            ],
        )
        self._connect()

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new)
        self.list.new_requested.connect(self.new)
        self.edit_button.clicked.connect(lambda: self.edit(self.list.current_id()))
        self.list.activated.connect(self.edit)
        self.deadline_button.clicked.connect(self.new_deadline)
        self.delete_button.clicked.connect(self.delete)
        self.list.delete_requested.connect(self.delete)
        self.export_button.clicked.connect(self.export_list)
        self.list.selection_changed.connect(self.update_buttons)

    def load(self):
        return funding.list_agreements(self.db, today=self.context.today())

    def new(self) -> None:
        if not self.db.read_only:
            self.open_dialog(AgreementDialog(self.context, None, self))

    def edit(self, agreement_id: int | None) -> None:
        if agreement_id is not None:
            self.open_dialog(AgreementDialog(self.context, agreement_id, self))

    def new_deadline(self) -> None:
        agreement = self.list.current_id()
        if agreement is not None and not self.db.read_only:
            self.open_dialog(DeadlineDialog(self.context, agreement, self))

    def delete(self) -> None:
        count = len(self.selected())
        question = ngettext(
            "Supprimer l'entente sélectionnée et ses redditions de comptes ?",
            "Supprimer les {n} ententes sélectionnées et leurs redditions de comptes ?",
            count,
        ).format(n=count)
        self.delete_selection(lambda ids: funding.delete_agreements(self.db, ids), question)


class DeadlinesTab(RegistryTab):
    export_name = "redditions-de-comptes"

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, "deadlines", parent)
        self.export_title = _("Redditions de comptes")
        self.new_button = self.button(_("Nouvelle reddition…"), "newDeadline")
        self.submit_button = self.button(_("Marquer comme remis"), "markSubmitted", some)
        self.unsubmit_button = self.button(_("Annuler la remise"), "unmarkSubmitted", some)
        self.export_button = self.button(_("Exporter la liste…"), "exportList", writes=False)
        self.end_buttons()
        self.list.add_filter("state", _("État :"))
        self.list.add_filter("funder", _("Bailleur :"))
        self._connect()

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new)
        self.list.new_requested.connect(self.new)
        self.submit_button.clicked.connect(self.mark_submitted)
        self.unsubmit_button.clicked.connect(self.unmark_submitted)
        self.export_button.clicked.connect(self.export_list)
        self.list.selection_changed.connect(self.update_buttons)

    def load(self):
        return funding.list_deadlines(self.db, self.context.today())

    def new(self) -> None:
        if not self.db.read_only:
            self.open_dialog(DeadlineDialog(self.context, None, self))

    def mark_submitted(self) -> None:
        ids = self.selected()
        today = self.context.today()
        result = funding.mark_submitted_many(self.db, ids, today)
        done = len(result.done)
        status(
            self,
            ngettext(
                "{n} reddition marquée comme remise le {date}.",
                "{n} redditions marquées comme remises le {date}.",
                done,
            ).format(n=done, date=format_date(today)),
        )
        self.tell_refusals(result, _("Redditions non marquées"))
        self.changed.emit()

    def unmark_submitted(self) -> None:
        result = funding.unmark_submitted_many(self.db, self.selected())
        self.tell_refusals(result, _("Redditions non modifiées"))
        self.changed.emit()
