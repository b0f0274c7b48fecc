"""The portrait of the community milieu: figures computed from the registry (organisations
by sector, partner roles, participation in the chantiers) and the text sections the table
writes (how concertation works, partnerships, strengths, constraints, worries, ways
forward)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import distinct, func, select

from ...domain import Assignment, Chantier, Organization, PartnerRole, PortraitSection
from ...domain.enums import PartnerKind, Sector
from ...domain.labels import label
from ...domain.portrait_parts import PortraitSectionKey
from ...i18n import _
from ...store import Database
from ..core import validation as v
from ..plan import chantiers as plan_chantiers


@dataclass(frozen=True)
class SectionText:
    key: str
    title: str
    text: str


@dataclass(frozen=True)
class CommunityMilieu:
    organizations_by_sector: tuple[tuple[str, int], ...]
    partner_roles: tuple[tuple[str, int], ...]
    chantiers: tuple[tuple[str, int], ...]  # chantier, persons taking part today
    sections: tuple[SectionText, ...]

    @property
    def organizations(self) -> int:
        return sum(n for _s, n in self.organizations_by_sector)


def sections(db: Database) -> tuple[SectionText, ...]:
    """The six sections in print order, with their default title when never written."""
    with db.session() as session:
        stored = {s.key: s for s in session.scalars(select(PortraitSection))}
    return tuple(
        SectionText(
            key.value,
            stored[key.value].title if key.value in stored else label(key),
            (stored[key.value].text or "") if key.value in stored else "",
        )
        for key in PortraitSectionKey
    )


def save_section(db: Database, key: str, text: str | None, title: str | None = None) -> None:
    code = v.choice(key, PortraitSectionKey, "key", _("Section"))
    clean_title = v.optional_text(title, "title", _("Titre")) or label(PortraitSectionKey(code))
    clean_text = v.optional_text(text, "text", _("Texte"), max_length=50000, multiline=True)
    with db.session() as session:
        record = session.scalar(select(PortraitSection).where(PortraitSection.key == code))
        if record is None:
            session.add(PortraitSection(key=code, title=clean_title, text=clean_text))
        else:
            record.title, record.text = clean_title, clean_text


def community_milieu(db: Database, today: dt.date, plan_id: int | None = None) -> CommunityMilieu:
    """The milieu on ``today``; chantiers of ``plan_id`` (every plan when None)."""
    o = Organization
    with db.session() as session:
        by_sector = dict(session.execute(
            select(o.sector, func.count()).where(o.archived_at.is_(None)).group_by(o.sector)
        ).all())  # fmt: skip
        roles = dict(session.execute(
            select(PartnerRole.kind, func.count(distinct(PartnerRole.organization_id)))
            .join(o, o.id == PartnerRole.organization_id)
            .where(o.archived_at.is_(None))
            .group_by(PartnerRole.kind)
        ).all())  # fmt: skip
        query = (
            select(Chantier.name, func.count(distinct(Assignment.person_id)))
            .join(Assignment, Assignment.chantier_id == Chantier.id)
            .where(plan_chantiers.active_condition(today))
            .group_by(Chantier.id)
            .order_by(Chantier.position, Chantier.name)
        )
        if plan_id is not None:
            query = query.where(Chantier.plan_id == plan_id)
        chantiers = tuple((name, n) for name, n in session.execute(query))
    return CommunityMilieu(
        tuple((label(s), by_sector[s.value]) for s in Sector if by_sector.get(s.value)),
        tuple((label(k), roles[k.value]) for k in PartnerKind if roles.get(k.value)),
        chantiers,
        sections(db),
    )
