"""Instalments (versements) of a funding agreement: expected on a date, received with a
reference; what is late; the sums checked against the agreement to the cent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, or_, select

from ...domain import FundingAgreement, FundingInstalment, Organization
from ...i18n import N_, _, format_date, format_money
from ...store import Database
from ..core import Column, NotFoundError, Period, Table, ValidationError
from ..core import validation as v
from .money import amount, ask

FI, FA = FundingInstalment, FundingAgreement


class InstalmentState(StrEnum):
    EXPECTED = "prevu"
    LATE = "en_retard"
    RECEIVED = "recu"
    SHORT = "recu_en_partie"


_STATE_LABELS = {
    InstalmentState.EXPECTED: N_("Prévu"),
    InstalmentState.LATE: N_("En retard"),
    InstalmentState.RECEIVED: N_("Versé"),
    InstalmentState.SHORT: N_("Reçu en partie"),
}


def instalment_state(
    due: dt.date, expected: int, received_on: dt.date | None, received: int | None, today
) -> InstalmentState:
    if received_on is not None:
        return InstalmentState.RECEIVED if (received or 0) >= expected else InstalmentState.SHORT
    return InstalmentState.LATE if due < today else InstalmentState.EXPECTED


@dataclass(frozen=True)
class InstalmentData:
    due_date: dt.date | str
    expected_cents: int | str
    received_on: dt.date | str | None = None
    received_cents: int | str | None = None
    reference: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Balance:
    """An agreement's money, in cents: granted, scheduled in instalments, received."""

    agreement_cents: int
    expected_cents: int
    received_cents: int

    @property
    def unscheduled_cents(self) -> int:
        return self.agreement_cents - self.expected_cents

    @property
    def outstanding_cents(self) -> int:
        return self.agreement_cents - self.received_cents

    @property
    def balanced(self) -> bool:
        """Every cent of the agreement is scheduled in instalments."""
        return self.unscheduled_cents == 0


def _agreement(session, agreement_id: int) -> FundingAgreement:
    agreement = session.get(FundingAgreement, agreement_id)
    if agreement is None:
        raise NotFoundError(_("Cette entente de financement n'existe plus."))
    return agreement


def _sums(session, agreement_id: int, without: int | None) -> tuple[int, int]:
    stmt = select(
        func.coalesce(func.sum(FI.expected_cents), 0), func.coalesce(func.sum(FI.received_cents), 0)
    ).where(FI.agreement_id == agreement_id)
    if without is not None:
        stmt = stmt.where(FI.id != without)
    expected, received = session.execute(stmt).one()
    return int(expected), int(received)


def _check_payment(agreement: FundingAgreement, received_on, received, confirm: bool) -> None:
    if (received_on is None) != (received is None):
        raise ValidationError(
            _("Un versement reçu a une date et un montant : indiquez les deux."),
            "received_cents" if received is None else "received_on",
        )
    if received_on is not None and received_on < agreement.start_date:
        raise ValidationError(
            _("Le versement ne peut pas être reçu avant le début de l'entente ({day}).").format(
                day=format_date(agreement.start_date)
            ),
            "received_on",
        )
    if received_on is not None and agreement.end_date and received_on > agreement.end_date:
        ask(
            confirm,
            _(
                "Ce versement est reçu après la fin de l'entente ({day}). Est-ce bien le cas ?"
            ).format(day=format_date(agreement.end_date)),
            "received_on",
        )


def _apply(session, instalment: FundingInstalment, agreement_id: int, data, confirm: bool):
    due = v.parse_date(data.due_date, "due_date", _("Date prévue"), required=True)
    expected = amount(data.expected_cents, "expected_cents", _("Montant prévu"))
    received_on = v.parse_date(data.received_on, "received_on", _("Reçu le"))
    received = amount(data.received_cents, "received_cents", _("Montant reçu"), required=False)
    reference = v.optional_text(data.reference, "reference", _("Référence"), max_length=200)
    notes = v.optional_text(data.notes, "notes", _("Notes"), max_length=10_000, multiline=True)
    agreement = _agreement(session, agreement_id)
    if agreement.end_date is not None and not (agreement.start_date <= due <= agreement.end_date):
        raise ValidationError(
            _("La date prévue doit tomber dans la période de l'entente."), "due_date"
        )
    _check_payment(agreement, received_on, received, confirm)
    other_expected, other_received = _sums(session, agreement_id, instalment.id)
    if other_expected + expected > agreement.amount_cents:
        raise ValidationError(
            _(
                "Les versements prévus ({total}) dépasseraient le montant de l'entente "
                "({amount}) de {excess}."
            ).format(
                total=format_money(other_expected + expected),
                amount=format_money(agreement.amount_cents),
                excess=format_money(other_expected + expected - agreement.amount_cents),
            ),
            "expected_cents",
        )
    if other_received + (received or 0) > agreement.amount_cents:
        raise ValidationError(
            _(
                "Les versements reçus ({total}) dépasseraient le montant de l'entente ({amount})."
            ).format(
                total=format_money(other_received + (received or 0)),
                amount=format_money(agreement.amount_cents),
            ),
            "received_cents",
        )
    instalment.agreement_id = agreement_id
    instalment.due_date, instalment.expected_cents = due, expected
    instalment.received_on, instalment.received_cents = received_on, received
    instalment.reference, instalment.notes = reference, notes
    session.flush()


def _instalment(session, instalment_id: int) -> FundingInstalment:
    instalment = session.get(FundingInstalment, instalment_id)
    if instalment is None:
        raise NotFoundError(_("Ce versement n'existe plus."))
    return instalment


def add_instalment(
    db: Database, agreement_id: int, data: InstalmentData, *, confirm: bool = False
) -> int:
    with db.session() as session:
        instalment = FundingInstalment()
        _apply(session, instalment, agreement_id, data, confirm)
        session.add(instalment)
        session.flush()
        return instalment.id


def update_instalment(
    db: Database, instalment_id: int, data: InstalmentData, *, confirm: bool = False
) -> None:
    with db.session() as session:
        instalment = _instalment(session, instalment_id)
        _apply(session, instalment, instalment.agreement_id, data, confirm)


def get_instalment(db: Database, instalment_id: int) -> InstalmentData:
    with db.session() as session:
        i = _instalment(session, instalment_id)
        return InstalmentData(
            i.due_date, i.expected_cents, i.received_on, i.received_cents, i.reference, i.notes
        )


def record_payment(
    db: Database,
    instalment_id: int,
    received_on: dt.date | str,
    received_cents: int | str,
    reference: str | None = None,
    *,
    confirm: bool = False,
) -> None:
    """Record that an expected instalment arrived."""
    with db.session() as session:
        i = _instalment(session, instalment_id)
        data = InstalmentData(
            i.due_date, i.expected_cents, received_on, received_cents, reference, i.notes
        )
        if data.received_on in (None, ""):
            raise ValidationError(_("Indiquez la date de réception."), "received_on")
        _apply(session, i, i.agreement_id, data, confirm)


def delete_instalment(db: Database, instalment_id: int) -> None:
    with db.session() as session:
        session.delete(_instalment(session, instalment_id))


def balance(db: Database, agreement_id: int) -> Balance:
    with db.session() as session:
        agreement = _agreement(session, agreement_id)
        expected, received = _sums(session, agreement_id, None)
        return Balance(agreement.amount_cents, expected, received)


def _rows(db: Database, *conditions):
    stmt = (
        select(
            FI.id,
            Organization.name,
            FA.programme,
            FI.due_date,
            FI.expected_cents,
            FI.received_on,
            FI.received_cents,
            FI.reference,
            FI.agreement_id,
        )  # fmt: skip
        .join(FA, FI.agreement_id == FA.id)
        .join(Organization, FA.funder_id == Organization.id)
        .where(*conditions)
        .order_by(FI.due_date, FI.id)
    )
    with db.session() as session:
        return session.connection().execute(stmt).all()


def list_instalments(
    db: Database, today: dt.date, agreement_id: int | None = None, period: Period | None = None
) -> Table:
    """Instalments by expected date (of one agreement, or all; expected or received within
    ``period`` when given), with their state."""
    table = Table(
        [
            Column("funder", _("Bailleur de fonds")),
            Column("programme", _("Programme")),
            Column("due_date", _("Date prévue"), "date"),
            Column("expected", _("Montant prévu"), "money"),
            Column("received_on", _("Reçu le"), "date"),
            Column("received", _("Montant reçu"), "money"),
            Column("reference", _("Référence")),
            Column("state", _("État")),
        ]
    )
    conditions = [] if agreement_id is None else [FI.agreement_id == agreement_id]
    if period is not None:
        conditions.append(
            or_(
                FI.due_date.between(period.start, period.end),
                FI.received_on.between(period.start, period.end),
            )
        )
    for r in _rows(db, *conditions):
        state = instalment_state(r[3], r[4], r[5], r[6], today)
        table.ids.append(r[0])
        table.rows.append((*r[1:8], _(_STATE_LABELS[state])))
    return table


@dataclass(frozen=True)
class LateInstalment:
    id: int
    agreement_id: int
    funder: str
    programme: str
    due_date: dt.date
    expected_cents: int
    days_late: int


def late_instalments(db: Database, today: dt.date) -> list[LateInstalment]:
    """Instalments expected before ``today`` and not received, the oldest first."""
    rows = _rows(db, FI.received_on.is_(None), FI.due_date < today)
    return [LateInstalment(r[0], r[8], r[1], r[2], r[3], r[4], (today - r[3]).days) for r in rows]


@dataclass(frozen=True)
class AgreementChoice:
    id: int
    label: str


def agreement_choices(db: Database) -> list[AgreementChoice]:
    """Every agreement as « funder — programme (start year) », for a picker."""
    stmt = (
        select(FA.id, Organization.name, FA.programme, FA.start_date)
        .join(Organization, FA.funder_id == Organization.id)
        .order_by(FA.start_date.desc(), FA.id)
    )
    with db.session() as session:
        rows = session.connection().execute(stmt).all()
    return [AgreementChoice(r[0], f"{r[1]} — {r[2]} ({r[3].year})") for r in rows]


def agreement_of_instalment(db: Database, instalment_id: int) -> int:
    with db.session() as session:
        return _instalment(session, instalment_id).agreement_id
