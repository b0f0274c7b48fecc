"""Who a message goes to, and who is left out and why.

A source gives candidates (a person, the organisation they speak for, an amount due): a
meeting's invitees (its attendance list), the holders of a body's seats on a day, the
members due for renewal, a chantier's roster. :func:`preview` then keeps those with an
address and an email consent in force (Québec's Law 25) and names the others with the
reason: no address, no consent, consent withdrawn, anonymised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select

from ...domain import Attendance, Consent, Organization, Person, Representation
from ...domain.enums import ConsentPurpose
from ...i18n import N_, _
from ...store import Database
from .. import privacy
from ..meetings import seated
from ..plan import chantiers
from ..registry import renewals

NO_ADDRESS = N_("aucune adresse courriel")
NO_CONSENT = N_("aucun consentement au contact par courriel")
WITHDRAWN = N_("consentement retiré")
ANONYMISED = N_("personne anonymisée")


@dataclass(frozen=True)
class Candidate:
    person_id: int
    organization_id: int | None = None
    amount_due_cents: int | None = None


@dataclass(frozen=True)
class Recipient:
    person_id: int
    first_name: str
    last_name: str
    organization: str
    address: str
    amount_due_cents: int | None = None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class LeftOut:
    person_id: int
    name: str
    reason: str


@dataclass(frozen=True)
class Preview:
    recipients: tuple[Recipient, ...]
    left_out: tuple[LeftOut, ...]


def meeting_invitees(db: Database, meeting_id: int) -> list[Candidate]:
    """Everyone on the meeting's attendance list (invited, present, excused...)."""
    with db.session() as session:
        rows = session.execute(
            select(Attendance.person_id, Attendance.organization_id)
            .where(Attendance.meeting_id == meeting_id)
            .order_by(Attendance.id)
        ).all()
    return [Candidate(person_id, org_id) for person_id, org_id in rows]


def body_seats(db: Database, body: str, day: dt.date) -> list[Candidate]:
    """The holders of ``body``'s seats on ``day`` (the CC's seated members)."""
    with db.session() as session:
        members = seated.seated_members(session, body, day)
    return [Candidate(m.person_id, m.organization_id) for m in members]


def chantier_roster(db: Database, chantier_id: int, today: dt.date) -> list[Candidate]:
    return [
        Candidate(e.person_id, e.organization_id)
        for e in chantiers.roster(db, chantier_id, today=today)
    ]


def renewals_due(db: Database, today: dt.date) -> list[Candidate]:
    """Members who paid last year and not yet this one: the person, or the current
    representatives of a member organisation; with the category's dues as amount due."""
    dues = renewals.memberships_to_renew(db, today)
    found: list[Candidate] = []
    org_dues = {d.organization_id: d.dues_cents for d in dues if d.organization_id}
    found += [Candidate(d.person_id, None, d.dues_cents) for d in dues if d.person_id]
    if org_dues:
        r = Representation
        with db.session() as session:
            rows = session.execute(
                select(r.person_id, r.organization_id).where(
                    r.organization_id.in_(list(org_dues)),
                    or_(r.start_date.is_(None), r.start_date <= today),
                    or_(r.end_date.is_(None), r.end_date >= today),
                )
            ).all()
        found += [Candidate(p, o, org_dues[o]) for p, o in rows]
    return found


def _withdrawn(db: Database, person_ids: list[int], today: dt.date) -> set[int]:
    with db.session() as session:
        return set(
            session.scalars(
                select(Consent.person_id).where(
                    Consent.person_id.in_(person_ids),
                    Consent.purpose == ConsentPurpose.EMAIL_CONTACT.value,
                    Consent.withdrawn_on.is_not(None),
                    Consent.withdrawn_on <= today,
                )
            )
        )


def preview(
    db: Database, candidates: Iterable[Candidate], today: dt.date, *, mass: bool = True
) -> Preview:
    """Those who receive the message and those left out, with why (each person once).
    ``mass`` False (a message to one person about their own file) skips the consent test."""
    first: dict[int, Candidate] = {}
    for c in candidates:
        first.setdefault(c.person_id, c)
    ids = list(first)
    if not ids:
        return Preview((), ())
    with db.session() as session:
        people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids))).all()}
        org_ids = {c.organization_id for c in first.values() if c.organization_id}
        orgs = dict(
            session.execute(
                select(Organization.id, Organization.name).where(Organization.id.in_(org_ids))
            ).all()
        )
        rows = [
            (pid, p.first_name or "", p.last_name or "", p.email, p.anonymized_at)
            for pid, p in people.items()
        ]
    consenting = privacy.consenting_ids(db, ids, ConsentPurpose.EMAIL_CONTACT, today)
    withdrawn = _withdrawn(db, ids, today) - consenting
    info = {pid: rest for pid, *rest in rows}
    kept: list[Recipient] = []
    left: list[LeftOut] = []
    for pid, cand in first.items():
        if pid not in info:
            continue
        first_name, last_name, email, anonymised = info[pid]
        name = f"{first_name} {last_name}".strip()
        reason = None
        if anonymised is not None:
            reason = ANONYMISED
        elif not email:
            reason = NO_ADDRESS
        elif mass and pid in withdrawn:
            reason = WITHDRAWN
        elif mass and pid not in consenting:
            reason = NO_CONSENT
        if reason:
            left.append(LeftOut(pid, name, _(reason)))
            continue
        org = orgs.get(cand.organization_id, "")
        kept.append(Recipient(pid, first_name, last_name, org, email, cand.amount_due_cents))
    return Preview(tuple(kept), tuple(left))
