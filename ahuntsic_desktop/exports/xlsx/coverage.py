"""Couverture: how a plan answers its démarche. One sheet per orientation (what it rests
on, or « rien »), one per issue (the orientations answering it, or none yet), and the
matrix of issues against orientations."""

from __future__ import annotations

from pathlib import Path

from ...domain.labels import label
from ...domain.portrait_parts import IssueKind
from ...i18n import _
from ...services import portrait
from ...services.core import settings as settings_service
from ...store import Database
from ..catalog import ExportOptions, Progress
from .common import Book, Col

MARK = "✓"


def write(
    db: Database, path: Path | str, options: ExportOptions, progress: Progress | None = None
) -> Path:
    table_settings = settings_service.load(db)
    cover = portrait.coverage(db, portrait.coverage_plan(db, options.plan_id, options.day))
    title = _("Couverture — {plan}").format(plan=cover.plan_title)
    book = Book(
        title,
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        subject=cover.plan_title,
        progress=progress,
    )
    book.expect(len(cover.orientations) + len(cover.issues) * 2)
    book.data_sheet(
        _("Orientations"),
        [
            Col(_("Orientation"), width=50, wrap=True),
            Col(_("Enjeux auxquels elle répond"), width=50, wrap=True),
            Col(_("Contributions"), "int", 13),
            Col(_("Recommandations"), "int", 16),
            Col(_("Ne repose sur rien"), "bool", 12),
        ],
        [
            (o.title, "\n".join(o.issues), o.contributions, o.recommendations, o.rests_on_nothing)
            for o in cover.orientations
        ],
        frozen_columns=1,
    )
    book.advance(len(cover.orientations))
    book.data_sheet(
        _("Enjeux"),
        [
            Col(_("Nature"), width=12),
            Col(_("Enjeu ou diagnostic"), width=50, wrap=True),
            Col(_("Orientations qui y répondent"), width=60, wrap=True),
            Col(_("Sans réponse"), "bool", 12),
        ],
        [
            (label(i.kind, IssueKind), i.title, "\n".join(i.orientations), i.unanswered)
            for i in cover.issues
        ],
        frozen_columns=2,
    )
    book.advance(len(cover.issues))
    book.data_sheet(
        _("Matrice"),
        [
            Col(_("Enjeu ou diagnostic"), width=44, wrap=True),
            *(Col(o.title, width=6, rotate=True) for o in cover.orientations),
        ],
        [
            (i.title, *(MARK if (o.id, i.id) in cover.answered else "" for o in cover.orientations))
            for i in cover.issues
        ],
        frozen_columns=1,
    )
    book.advance(len(cover.issues))
    return book.save(path)
