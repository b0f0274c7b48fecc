"""Reçus de cotisation: what a membership receipt says, and amounts written in words.

A receipt needs a paid membership. Printing one for a payment recorded without a number
(e.g. imported from a spreadsheet) gives it the next number of its payment year, so every
printed receipt has a unique number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ...domain import Membership, MembershipCategory, Organization, Person
from ...domain.enums import PaymentMethod
from ...domain.labels import label
from ...i18n import _, current_locale
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import settings as settings_service
from .memberships import next_receipt_number  # one numbering for payments and receipts


def _words(number: int, lang: str) -> str:
    # Imported for a receipt only: num2words loads 60 modules of every language, and the
    # registry's services are imported for the dashboard at start-up.
    from num2words import num2words

    return num2words(number, lang=lang)


def amount_in_words(cents: int, locale: str | None = None) -> str:
    """``5000`` -> « cinquante dollars »; ``123456`` -> « mille deux cent trente-quatre
    dollars et cinquante-six cents »; English when the locale is English."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError("amount_in_words takes integer cents")
    if cents < 0:
        raise ValueError("negative amount")
    locale = locale or current_locale()
    dollars, rest = divmod(cents, 100)
    if locale.startswith("en"):
        text = f"{_words(dollars, 'en')} {'dollar' if dollars == 1 else 'dollars'}"
        if rest:
            text += f" and {_words(rest, 'en')} {'cent' if rest == 1 else 'cents'}"
        return text
    words = _words(dollars, "fr")
    # « un million de dollars », « deux milliards de dollars »: de after a bare noun of quantity
    of = " de" if dollars and words.split()[-1].startswith(("million", "milliard")) else ""
    text = f"{words}{of} {'dollars' if dollars >= 2 else 'dollar'}"
    if rest:
        text += f" et {_words(rest, 'fr')} {'cents' if rest >= 2 else 'cent'}"
    return text


@dataclass(frozen=True)
class ReceiptData:
    membership_id: int
    table_name: str
    paper_size: str
    table_address: str  # lines joined by "\n"
    signed_for: str  # « Pour la Table de quartier d'Ahuntsic »
    receipt_number: str
    member_name: str
    member_address: str  # address lines joined by "\n", "" when unknown
    year_label: str
    category: str
    amount_cents: int
    amount_words: str
    paid_on: dt.date
    payment_method: str
    issued_on: dt.date


# The province of a Canadian postal code, from its first letter (Canada Post's regions).
PROVINCES = {
    "A": "Terre-Neuve-et-Labrador", "B": "Nouvelle-Écosse", "C": "Île-du-Prince-Édouard",
    "E": "Nouveau-Brunswick", "G": "Québec", "H": "Québec", "J": "Québec", "K": "Ontario",
    "L": "Ontario", "M": "Ontario", "N": "Ontario", "P": "Ontario", "R": "Manitoba",
    "S": "Saskatchewan", "T": "Alberta", "V": "Colombie-Britannique", "Y": "Yukon",
}  # fmt: skip


def city_line(city: str | None, postal_code: str | None) -> str:
    """« Montréal (Québec)  H2B 3Z9 »: the city, the province of the postal code (Québec
    when there is none) and the postal code after two spaces, as Canada Post asks."""
    postal = (postal_code or "").strip().upper()
    province = PROVINCES.get(postal[:1], "Québec")
    place = f"{(city or '').strip()} ({_(province)})".strip()
    return f"{place}  {postal}" if postal else place


def table_city(table_address: str) -> str:
    """The city of the table's own address (its last line, before the province)."""
    lines = [line for line in table_address.splitlines() if line.strip()]
    return lines[-1].split("(")[0].strip() if len(lines) > 1 else ""


def _address(member: Organization | Person, default_city: str) -> str:
    """The street line, then the city line; nothing without a street (a postal code alone
    is no address). A person's record has no city: theirs is taken to be the table's."""
    street = (member.address or "").strip()
    if not street:
        return ""
    city = getattr(member, "city", None) or default_city
    return f"{street}\n{city_line(city, member.postal_code)}"


def receipt_data(
    db: Database, membership_ids: Iterable[int], *, today: dt.date | None = None
) -> list[ReceiptData]:
    """The receipts of paid ``membership_ids`` (numbers given to those that lack one, in
    one transaction); an unpaid membership is refused with a message naming its member."""
    table_settings = settings_service.load(db)
    today = today or dt.date.today()
    receipts = []
    with db.session() as session:
        for membership_id in membership_ids:
            membership = session.get(Membership, membership_id)
            if membership is None:
                raise NotFoundError(_("Cette adhésion n'existe plus."))
            member = membership.organization or membership.person
            name = member.name if isinstance(member, Organization) else member.full_name
            if membership.paid_on is None:
                raise ValidationError(
                    _(
                        "L'adhésion de « {name} » n'est pas payée : enregistrez d'abord le "
                        "paiement pour produire un reçu."
                    ).format(name=name)
                )
            if not membership.dues_cents:
                raise ValidationError(
                    _(
                        "L'adhésion de « {name} » est gratuite (0,00 $) : il n'y a pas de "
                        "paiement à attester, donc pas de reçu. Retirez-la de la sélection."
                    ).format(name=name)
                )
            if not membership.receipt_number:
                membership.receipt_number = next_receipt_number(session, membership.paid_on.year)
                session.flush()
            category = session.get(MembershipCategory, membership.category_id)
            receipts.append(
                ReceiptData(
                    membership_id=membership.id,
                    table_name=table_settings.table_name,
                    paper_size=table_settings.paper_size,
                    table_address=table_settings.table_address,
                    signed_for=_("Pour {name}").format(name=table_settings.name_in_sentence()),
                    receipt_number=membership.receipt_number,
                    member_name=name,
                    member_address=_address(member, table_city(table_settings.table_address)),
                    year_label=table_settings.membership_year_label(membership.year),
                    category=category.name if category else "",
                    amount_cents=membership.dues_cents,
                    amount_words=amount_in_words(membership.dues_cents),
                    paid_on=membership.paid_on,
                    payment_method=label(membership.payment_method, PaymentMethod),
                    issued_on=today,
                )
            )
    return receipts


def receipt_name_parts(db: Database, membership_ids: Iterable[int]) -> list[str]:
    """What a receipt file is named from: « recu », its number (the one it has or will
    be given) and the member (``["recu", "2026-0012", "Hélène Tremblay"]``); several
    receipts: « recus » and the first and last numbers. Nothing is numbered here."""
    ids = list(membership_ids)
    numbers: list[str] = []
    names: list[str] = []
    with db.session() as session:
        for membership_id in ids:
            membership = session.get(Membership, membership_id)
            if membership is None:
                continue
            member = membership.organization or membership.person
            names.append(member.name if isinstance(member, Organization) else member.full_name)
            number = membership.receipt_number
            if not number and membership.paid_on is not None:
                number = next_receipt_number(session, membership.paid_on.year)
                session.flush()
            if number:
                numbers.append(number)
        session.rollback()  # only a preview: the numbers are given when printing
    if len(ids) == 1:
        return ["recu", *numbers[:1], *names[:1]]
    numbers.sort()
    span = [numbers[0], numbers[-1]] if numbers else []
    return ["recus", *span]
