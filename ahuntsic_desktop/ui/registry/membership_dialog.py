"""Create or edit one membership: member, membership year, category (which says whether it
votes), dues, payment (date, method, receipt number) and notes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import PaymentMethod
from ...domain.labels import choices
from ...i18n import _, format_money
from ...services.core import settings as settings_service
from ...services.core.errors import ValidationError
from ...services.registry import lists as registry_lists
from ...services.registry import memberships
from ...services.registry.memberships import MembershipData
from ..context import Context
from .common import (
    Form,
    FormDialog,
    OptionalDate,
    RecordPicker,
    fill_combo,
    save_button,
    save_buttons,
)


class MembershipDialogView(FormDialog):
    preferred_width = 560

    """Layout only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Form(self)
        f = self.form
        self.member_box = QWidget(self)
        self.is_organization = QRadioButton(_("Organisme"), self.member_box)
        self.is_person = QRadioButton(_("Personne"), self.member_box)
        self.member = RecordPicker(self.member_box)
        self.member_name = QLabel(self.member_box)
        row = QHBoxLayout(self.member_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.is_organization)
        row.addWidget(self.is_person)
        row.addWidget(self.member, 1)
        row.addWidget(self.member_name, 1)
        self.member_box.setFocusProxy(self.member)
        f.add(_("Membre :"), self.member_box, "member")
        self.year = f.add(_("Année d'adhésion :"), QComboBox(self), "year")
        self.category = f.add(_("Catégorie :"), QComboBox(self), "category_id")
        self.voting = QLabel(self)
        f.addRow("", self.voting)
        self.dues = f.add(_("Cotisation :"), QLineEdit(self), "dues")
        self.dues.setMaximumWidth(140)
        self.paid_on = f.add(_("Payée le :"), OptionalDate(self), "paid_on")
        self.payment_method = f.add(_("Mode de paiement :"), QComboBox(self), "payment_method")
        self.receipt_number = f.add(_("Numéro de reçu :"), QLineEdit(self), "receipt_number")
        self.receipt_number.setPlaceholderText(_("attribué automatiquement au paiement"))
        self.notes = f.add(_("Notes :"), QPlainTextEdit(self), "notes")
        self.notes.setFixedHeight(60)
        self.buttons = save_buttons(self)
        layout = QVBoxLayout()
        layout.addLayout(self.form)
        layout.addWidget(self.form.general)
        layout.addWidget(self.buttons)
        self.set_layout(layout)


class MembershipDialog(MembershipDialogView):
    """New membership (``membership_id`` None, optionally for a given member and year) or
    edit one. After a successful ``accept``, ``membership_id`` holds it."""

    def __init__(
        self,
        context: Context,
        membership_id: int | None = None,
        parent: QWidget | None = None,
        *,
        year: int | None = None,
        organization_id: int | None = None,
        person_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.membership_id = membership_id
        self._dues_touched = False
        self.categories = memberships.list_categories(context.db)
        table_settings = settings_service.load(context.db)
        current = table_settings.membership_year_of(context.today())
        self.setWindowTitle(
            _("Nouvelle adhésion") if membership_id is None else _("Modifier l'adhésion")
        )
        if membership_id is None:
            data = MembershipData(
                year=year or current,
                category_id=0,
                organization_id=organization_id,
                person_id=person_id,
            )
            self.member_name.hide()
            self.is_person.setChecked(organization_id is None)
            self.is_organization.setChecked(organization_id is not None)
        else:
            detail = memberships.get_membership(context.db, membership_id)
            data = detail.data
            for widget in (self.is_organization, self.is_person, self.member):
                widget.hide()
            self.member_name.setText(f"<b>{detail.member_name}</b>")
            self.is_organization.setChecked(detail.member_kind == "organization")
            self.year.setEnabled(False)
        years = sorted({*range(current - 2, current + 3), data.year}, reverse=True)
        fill_combo(
            self.year, [(y, table_settings.membership_year_label(y)) for y in years], data.year
        )
        self._fill_members(data)
        self._fill_categories(data.category_id)
        if data.dues_cents is not None:
            self.dues.setText(format_money(int(data.dues_cents)))
            self._dues_touched = True
        else:
            self._category_changed()
        self.paid_on.set_value(data.paid_on)
        fill_combo(self.payment_method, choices(PaymentMethod), data.payment_method, empty="—")
        self.receipt_number.setText(data.receipt_number or "")
        self.notes.setPlainText(data.notes or "")
        self._connect()

    def _is_org(self) -> bool:
        return self.is_organization.isChecked()

    def _fill_members(self, data: MembershipData) -> None:
        if self.membership_id is not None:
            return
        db = self.context.db
        if self._is_org():
            self.member.set_choices(registry_lists.organization_choices(db), data.organization_id)
        else:
            self.member.set_choices(registry_lists.person_choices(db), data.person_id)

    def _fill_categories(self, current: int | None = None) -> None:
        wanted = current if current else self.category.currentData()
        column = 4 if self._is_org() else 3
        items = [
            (record_id, row[0])
            for record_id, row in zip(self.categories.ids, self.categories.rows, strict=True)
            if row[column] or record_id == current
        ]
        fill_combo(self.category, items, wanted)
        self._show_voting()

    def _row(self, category_id) -> tuple | None:
        for record_id, row in zip(self.categories.ids, self.categories.rows, strict=True):
            if record_id == category_id:
                return row
        return None

    def _show_voting(self) -> None:
        row = self._row(self.category.currentData())
        if row is None:
            self.voting.setText("")
        else:
            self.voting.setText(_("Avec droit de vote") if row[1] else _("Sans droit de vote"))

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.category.currentIndexChanged.connect(lambda _i: self._category_changed())
        self.dues.textEdited.connect(self._dues_edited)
        self.is_organization.toggled.connect(self._kind_changed)
        save_button(self.buttons).setEnabled(not self.context.db.read_only)

    def _dues_edited(self, _text: str) -> None:
        self._dues_touched = True
        self.form.hide_error("dues")

    def _kind_changed(self) -> None:
        self._fill_members(MembershipData(year=0, category_id=0))
        self._fill_categories()

    def _category_changed(self) -> None:
        self._show_voting()
        row = self._row(self.category.currentData())
        if row is not None and not self._dues_touched:
            self.dues.setText(format_money(row[2]))

    def edited(self) -> MembershipData:
        organization_id = person_id = None
        if self.membership_id is None:
            try:
                member = self.member.record_id()
            except ValueError:
                raise ValidationError(_("Choisissez le membre dans la liste."), "member") from None
            if member is None:
                raise ValidationError(_("Choisissez le membre."), "member")
            organization_id, person_id = (member, None) if self._is_org() else (None, member)
        if self.category.currentData() is None:
            raise ValidationError(_("Choisissez une catégorie de membre."), "category_id")
        return MembershipData(
            year=self.year.currentData(),
            category_id=self.category.currentData(),
            organization_id=organization_id,
            person_id=person_id,
            dues_cents=self.dues.text(),
            paid_on=self.paid_on.value(),
            payment_method=self.payment_method.currentData(),
            receipt_number=self.receipt_number.text(),
            notes=self.notes.toPlainText(),
        )

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            data = self.edited()
            if self.membership_id is None:
                self.membership_id = memberships.create_membership(self.context.db, data)
            else:
                memberships.update_membership(self.context.db, self.membership_id, data)
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        super().accept()
