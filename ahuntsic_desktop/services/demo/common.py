"""The state shared by the steps of the demo generator, and small random helpers.

Every step draws from the one ``random.Random`` in :class:`Demo`, in a fixed order, so the
same seed and day give the same data. Rows are written with Core bulk inserts and ids are
chosen here (the database is empty), so later steps can refer to them without reading back.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ...domain.enums import RepresentationRole
from ..core import TableSettings
from .names import NAME_GROUPS, NAME_WEIGHTS, POSTAL_AREAS, POSTAL_LETTERS, STREETS

DELEGATE = RepresentationRole.DELEGATE.value
SUBSTITUTE = RepresentationRole.SUBSTITUTE.value
STAFF = RepresentationRole.STAFF.value


class OrgInfo(NamedTuple):
    id: int
    name: str
    sector: str
    domain: str


class PersonInfo(NamedTuple):
    id: int
    first_name: str
    last_name: str
    sector: str | None
    org_id: int | None  # the organisation represented today, if any
    resident: bool
    active: bool  # not archived: may be invited to meetings


@dataclass
class Demo:
    """What the steps share: the session, the dice, the day, and what was written so far."""

    session: Session
    rng: random.Random
    today: dt.date
    scale: int
    settings: TableSettings
    counts: Counter = field(default_factory=Counter)
    last_ids: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    # filled by the people step
    categories: dict[str, tuple[int, bool, int]] = field(default_factory=dict)
    orgs: list[OrgInfo] = field(default_factory=list)
    persons: list[PersonInfo] = field(default_factory=list)
    coordinator_id: int = 0
    org_people: dict[int, list[int]] = field(default_factory=dict)  # delegate first
    # (person id, organisation id) -> the representations' (role, start, end)
    roles: dict[tuple[int, int], list[tuple[str, dt.date | None, dt.date | None]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # filled by the membership step: (year, "o"|"p", id) of paid voting memberships with
    # the day paid, and per year the ids of member organisations and member persons
    voting_members: dict[tuple[int, str, int], dt.date] = field(default_factory=dict)
    members_by_year: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)
    committee: list[int] = field(default_factory=list)  # comité de coordination
    core_org_ids: list[int] = field(default_factory=list)
    # filled by the governance step: each committee member's mandates (start, end)
    seat_terms: dict[int, list[tuple[dt.date, dt.date]]] = field(default_factory=dict)
    # filled by the plan step
    chantier_ids: list[int] = field(default_factory=list)
    chantier_names: dict[int, str] = field(default_factory=dict)
    chantier_leads: dict[int, int] = field(default_factory=dict)
    chantier_people: dict[int, list[tuple[int, int | None]]] = field(default_factory=dict)
    means_ids: list[int] = field(default_factory=list)
    means_by_chantier: dict[int, list[int]] = field(default_factory=dict)

    # --- writing -----------------------------------------------------------------------

    def new_id(self, table: str) -> int:
        self.last_ids[table] += 1
        return self.last_ids[table]

    def write(self, model, rows: list[dict], count_key: str | None = None) -> None:
        """Bulk-insert ``rows`` (dicts with the same keys) and count them.

        Core on the table, not the ORM bulk path: the ORM leaves out None values, so rows
        with None in different columns would go out in many small statements."""
        if rows:
            self.session.execute(insert(model.__table__), rows)
        self.counts[count_key or model.__tablename__] += len(rows)

    # --- membership years ----------------------------------------------------------------

    @property
    def current_year(self) -> int:
        return self.settings.membership_year_of(self.today)

    @property
    def years(self) -> tuple[int, int, int]:
        current = self.current_year
        return (current - 2, current - 1, current)

    def year_start(self, year: int) -> dt.date:
        return dt.date(year, self.settings.membership_year_start_month, 1)

    def person(self, person_id: int) -> PersonInfo:
        return self.persons[person_id - 1]  # ids were given in order from 1

    def _paid_by(self, day: dt.date, kind: str, member_id: int | None) -> bool:
        """A voting membership of ``day``'s year paid on or before ``day`` (as the services)."""
        if member_id is None:
            return False
        paid_on = self.voting_members.get((self.settings.membership_year_of(day), kind, member_id))
        return paid_on is not None and paid_on <= day

    def roles_on(self, day: dt.date, person_id: int, org_id: int | None) -> set[str]:
        """The roles (RepresentationRole values) ``person_id`` holds for ``org_id`` on ``day``."""
        spans = self.roles.get((person_id, org_id), ()) if org_id is not None else ()
        return {
            role
            for role, start, end in spans
            if (start is None or start <= day) and (end is None or end >= day)
        }

    def votes_on(
        self, day: dt.date, org_id: int | None, person_id: int
    ) -> tuple[tuple[str, int], int] | None:
        """The member whose vote a person listed for ``org_id`` may carry on ``day``, and the
        rank among those listed for it (0 delegate, 1 substitute, 2 other), as the quorum
        service's ``attendance_lines``: the organisation's vote unless the person is only its
        employee that day, else the person's own."""
        if self._paid_by(day, "o", org_id):
            roles = self.roles_on(day, person_id, org_id)
            if DELEGATE in roles:
                return ("o", org_id), 0
            if SUBSTITUTE in roles:
                return ("o", org_id), 1
            if STAFF not in roles:
                return ("o", org_id), 2
        if self._paid_by(day, "p", person_id):
            return ("p", person_id), 0
        return None

    # --- dice ----------------------------------------------------------------------------

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def day_between(self, first: dt.date, last: dt.date) -> dt.date:
        if last <= first:
            return first
        return first + dt.timedelta(days=self.rng.randint(0, (last - first).days))

    def days_from_today(self, low: int, high: int) -> dt.date:
        return self.today + dt.timedelta(days=self.rng.randint(low, high))

    def person_name(self) -> tuple[str, str]:
        _weight, firsts, lasts = self.rng.choices(NAME_GROUPS, weights=NAME_WEIGHTS)[0]
        return self.rng.choice(firsts), self.rng.choice(lasts)

    def phone(self) -> str:
        area = self.rng.choice(("514", "514", "514", "438"))
        return f"{area} 555-{self.rng.randint(0, 9999):04d}"

    def postal_code(self) -> str:
        rng = self.rng
        return (
            f"{rng.choice(POSTAL_AREAS)} {rng.randint(0, 9)}"
            f"{rng.choice(POSTAL_LETTERS)}{rng.randint(0, 9)}"
        )

    def address(self, apartment: bool = False) -> str:
        text = f"{self.rng.randint(10, 12990)}, {self.rng.choice(STREETS)}"
        if apartment and self.chance(0.4):
            text += f", app. {self.rng.randint(1, 12)}"
        return text


@lru_cache(maxsize=4096)
def slug(text: str, separator: str = "-") -> str:
    """``Maison des jeunes L'Escale`` -> ``maison-des-jeunes-l-escale`` (ASCII, for mail)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = "".join(c if c.isalnum() else " " for c in plain).split()
    return separator.join(words)


def weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    """The first ``weekday`` (0 = Monday) on or after ``day``."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)
