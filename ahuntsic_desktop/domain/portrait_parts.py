"""The portrait beyond its figures: issues and diagnostics (each resting on indicators and
contributions), residents' stories, maps and pictures kept in the data file, and the text
sections of the community milieu. Also the links by which a new plan's orientations and
means answer the démarche (issues, contributions, recommendations)."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Timestamped, enum_check


class IssueKind(StrEnum):
    ISSUE = "enjeu"
    DIAGNOSTIC = "diagnostic"


class PortraitSectionKey(StrEnum):
    """The text sections of the community milieu's portrait, in print order."""

    CONCERTATION = "fonctionnement_concertation"
    PARTNERSHIPS = "partenariats"
    STRENGTHS = "forces_pratiques"
    CONSTRAINTS = "contraintes_defis"
    WORRIES = "inquietudes"
    WAYS_FORWARD = "pistes"


IMAGE_TYPES = ("image/png", "image/jpeg")


def _link(name: str, left: str, right: str) -> Table:
    """A many-to-many link; deleting either side deletes the link."""
    return Table(
        name,
        Base.metadata,
        Column(f"{left}_id", ForeignKey(f"{left}.id", ondelete="CASCADE"), primary_key=True),
        Column(
            f"{right}_id",
            ForeignKey(f"{right}.id", ondelete="CASCADE"),
            primary_key=True,
            index=True,
        ),
    )


class PortraitIssue(Timestamped, Base):
    """Enjeu or diagnostic: a problem seen in the neighbourhood."""

    __tablename__ = "portrait_issue"
    __table_args__ = (
        enum_check("kind", IssueKind),
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default=IssueKind.ISSUE.value)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str | None] = mapped_column(Text)
    theme: Mapped[str] = mapped_column(String(120), default="", index=True)
    population: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


issue_indicator = _link("portrait_issue_indicator", "portrait_issue", "indicator")
issue_contribution = _link("portrait_issue_contribution", "portrait_issue", "contribution")


class ResidentStory(Timestamped, Base):
    """Histoire de résident·e: printed under its pseudonym, and only with a recorded
    consent when it is tied to a person (see the portrait's story service)."""

    __tablename__ = "resident_story"
    __table_args__ = (
        CheckConstraint("length(trim(pseudonym)) > 0", name="pseudonym_not_blank"),
        CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pseudonym: Mapped[str] = mapped_column(String(120))
    text: Mapped[str] = mapped_column(Text)
    theme: Mapped[str] = mapped_column(String(120), default="")
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class PortraitImage(Timestamped, Base):
    """A map or picture, its bytes kept in the data file so that it stays one file."""

    __tablename__ = "portrait_image"
    __table_args__ = (
        CheckConstraint(
            "media_type IN ({})".format(", ".join(f"'{t}'" for t in IMAGE_TYPES)),
            name="media_type_valid",
        ),
        CheckConstraint("length(trim(caption)) > 0", name="caption_not_blank"),
        CheckConstraint("width > 0 AND height > 0", name="size_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    caption: Mapped[str] = mapped_column(String(300))
    theme: Mapped[str] = mapped_column(String(120), default="")
    source: Mapped[str | None] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(32))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)


class PortraitSection(Timestamped, Base):
    """One text section of the community milieu's portrait."""

    __tablename__ = "portrait_section"
    __table_args__ = (UniqueConstraint("key"), enum_check("key", PortraitSectionKey))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str | None] = mapped_column(Text)


# From démarche to plan: what each orientation or means answers.
orientation_issue = _link("orientation_issue", "orientation", "portrait_issue")
orientation_contribution = _link("orientation_contribution", "orientation", "contribution")
orientation_recommendation = _link("orientation_recommendation", "orientation", "recommendation")
means_issue = _link("means_issue", "means", "portrait_issue")
means_contribution = _link("means_contribution", "means", "contribution")
means_recommendation = _link("means_recommendation", "means", "recommendation")
