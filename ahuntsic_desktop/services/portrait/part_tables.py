"""The portrait's issues, stories and images, and the plan's coverage, as plain tables for
the window."""

from __future__ import annotations

import datetime as dt

from ...domain.labels import label
from ...domain.portrait_parts import IssueKind
from ...i18n import _
from ...store import Database
from ..core import Column, Table
from .answers import Coverage
from .images import list_images
from .issues import list_issues
from .stories import list_stories


def _yes(value: bool) -> str:
    return _("Oui") if value else _("Non")


def issues_table(db: Database) -> Table:
    rows = list_issues(db)
    return Table(
        [
            Column("kind", _("Nature")),
            Column("title", _("Enjeu ou diagnostic")),
            Column("theme", _("Thème")),
            Column("population", _("Population concernée")),
            Column("indicators", _("Indicateurs"), "int"),
            Column("contributions", _("Contributions"), "int"),
        ],
        [
            (
                label(r.kind, IssueKind),
                r.title,
                r.theme,
                r.population,
                len(r.indicators),
                len(r.contributions),
            )
            for r in rows
        ],  # fmt: skip
        [r.id for r in rows],
    )


def stories_table(db: Database, today: dt.date) -> Table:
    rows = list_stories(db, today)
    return Table(
        [
            Column("pseudonym", _("Pseudonyme")),
            Column("theme", _("Thème")),
            Column("text", _("Histoire")),
            Column("consented", _("Publiable (consentement)")),
        ],
        [
            (
                r.pseudonym,
                r.theme,
                r.text if len(r.text) <= 80 else r.text[:79] + "…",
                _yes(r.consented),
            )
            for r in rows
        ],  # fmt: skip
        [r.id for r in rows],
    )


def images_table(db: Database) -> Table:
    rows = list_images(db)
    return Table(
        [
            Column("caption", _("Légende")),
            Column("theme", _("Thème")),
            Column("source", _("Source")),
            Column("type", _("Format")),
            Column("size", _("Dimensions")),
            Column("bytes", _("Poids (Ko)"), "int"),
        ],
        [
            (
                r.caption,
                r.theme,
                r.source or "",
                r.media_type.removeprefix("image/").upper(),
                f"{r.width} × {r.height}",
                round(r.size / 1024),
            )
            for r in rows
        ],  # fmt: skip
        [r.id for r in rows],
    )


def coverage_orientations_table(cover: Coverage) -> Table:
    return Table(
        [
            Column("title", _("Orientation")),
            Column("issues", _("Enjeux auxquels elle répond")),
            Column("contributions", _("Contributions"), "int"),
            Column("recommendations", _("Recommandations"), "int"),
            Column("nothing", _("Ne repose sur rien")),
        ],
        [
            (
                o.title,
                " ; ".join(o.issues),
                o.contributions,
                o.recommendations,
                _yes(o.rests_on_nothing),
            )
            for o in cover.orientations
        ],  # fmt: skip
        [o.id for o in cover.orientations],
    )


def coverage_issues_table(cover: Coverage) -> Table:
    return Table(
        [
            Column("kind", _("Nature")),
            Column("title", _("Enjeu ou diagnostic")),
            Column("orientations", _("Orientations qui y répondent")),
            Column("unanswered", _("Sans réponse")),
        ],
        [
            (label(i.kind, IssueKind), i.title, " ; ".join(i.orientations), _yes(i.unanswered))
            for i in cover.issues
        ],  # fmt: skip
        [i.id for i in cover.issues],
    )
