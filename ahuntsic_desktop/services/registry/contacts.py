"""Courriels d'une sélection: the addresses to paste in the Cci (BCC) field of a message.

A person's address is given only with a current consent to be contacted by email (a
``contact_courriel`` consent not withdrawn); an organisation's general address is not
personal information and is always given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ...domain import Consent, Membership, Organization, Person
from ...domain.enums import ConsentPurpose
from ...store import Database

SEPARATOR = "; "
CONTACT_PURPOSES = (ConsentPurpose.EMAIL_CONTACT.value, ConsentPurpose.DIRECTORY.value)


@dataclass(frozen=True)
class EmailSelection:
    addresses: tuple[str, ...]  # unique, in the order of the selection
    without_consent: int  # persons left out for lack of consent
    without_email: int  # members with no address on file

    @property
    def text(self) -> str:
        """The addresses separated by « ; », ready for the Cci field."""
        return SEPARATOR.join(self.addresses)


def _consenting(session, person_ids: list[int], today: dt.date) -> set[int]:
    c = Consent
    return set(
        session.scalars(
            select(c.person_id).where(
                c.person_id.in_(person_ids),
                c.purpose == ConsentPurpose.EMAIL_CONTACT.value,
                c.granted_on <= today,
                (c.withdrawn_on.is_(None)) | (c.withdrawn_on > today),
            )
        )
    )


def _chunks(ids: list[int], size: int = 500):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def email_addresses(
    db: Database,
    *,
    person_ids: Iterable[int] = (),
    organization_ids: Iterable[int] = (),
    today: dt.date | None = None,
) -> EmailSelection:
    """The addresses of the given persons (with consent) and organisations."""
    today = today or dt.date.today()
    people, orgs = list(dict.fromkeys(person_ids)), list(dict.fromkeys(organization_ids))
    emails: dict[tuple[str, int], str | None] = {}
    consenting: set[int] = set()
    with db.session() as session:
        for chunk in _chunks(orgs):
            for record_id, email in session.execute(
                select(Organization.id, Organization.email).where(Organization.id.in_(chunk))
            ):
                emails["o", record_id] = email
        for chunk in _chunks(people):
            for record_id, email in session.execute(
                select(Person.id, Person.email).where(Person.id.in_(chunk))
            ):
                emails["p", record_id] = email
            consenting |= _consenting(session, chunk, today)
    addresses: dict[str, str] = {}
    without_consent = without_email = 0
    for key in [("o", i) for i in orgs] + [("p", i) for i in people]:
        email = emails.get(key)
        if not email:
            without_email += 1
        elif key[0] == "p" and key[1] not in consenting:
            without_consent += 1
        else:
            addresses.setdefault(email.casefold(), email)
    return EmailSelection(tuple(addresses.values()), without_consent, without_email)


def members_of_memberships(
    db: Database, membership_ids: Iterable[int]
) -> tuple[list[int], list[int]]:
    """(organisation ids, person ids) of the members holding ``membership_ids``."""
    ids = list(dict.fromkeys(membership_ids))
    orgs: list[int] = []
    people: list[int] = []
    with db.session() as session:
        for chunk in _chunks(ids):
            for org_id, person_id in session.execute(
                select(Membership.organization_id, Membership.person_id).where(
                    Membership.id.in_(chunk)
                )
            ):
                (orgs if org_id is not None else people).append(org_id or person_id)
    return orgs, people


def consented_person_ids(
    session: Session, today: dt.date, purposes: tuple[str, ...] = CONTACT_PURPOSES
) -> set[int]:
    """Persons (not anonymised) with a consent for one of ``purposes`` in force on ``today``."""
    rows = session.scalars(
        select(Consent.person_id)
        .join(Person, Person.id == Consent.person_id)
        .where(
            Consent.purpose.in_(purposes),
            Consent.granted_on <= today,
            or_(Consent.withdrawn_on.is_(None), Consent.withdrawn_on > today),
            Person.anonymized_at.is_(None),
        )
        .distinct()
    )
    return set(rows)
