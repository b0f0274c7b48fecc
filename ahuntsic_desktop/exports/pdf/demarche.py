"""Résumé de la démarche de planification: its frame, its phases, the activities in the
community by type with their participants, the contributions and the salient elements.
Every figure is computed from the data (see :func:`services.planning.process_summary`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table

from ...i18n import _, format_date, format_number, ngettext
from ...services import planning
from ...services.core import settings as settings_service
from ...services.planning import ProcessSummary
from ...store import Database
from ..catalog import ExportOptions, Progress
from .common import (
    BOX_FILL,
    RULE,
    DocumentSpec,
    build_pdf,
    esc,
    frame_width,
    heading,
    paragraphs,
    styles,
    table_style,
)
from .demarche_parts import cycle_parts, figure_grid, part_title


def _period(summary: ProcessSummary) -> str:
    if summary.end_date is None:
        return _("Depuis le {start}").format(start=format_date(summary.start_date))
    return _("Du {start} au {end}").format(
        start=format_date(summary.start_date), end=format_date(summary.end_date)
    )


def _figures(summary: ProcessSummary, width: float) -> Table:
    """The démarche in four numbers, in a box."""
    s = styles()
    types = len(summary.by_type)
    cells = [
        (summary.participants, ngettext("participant·e", "participant·es", summary.participants)),
        (len(summary.activities), ngettext("activité", "activités", len(summary.activities))),
        (types, ngettext("type d'activité", "types d'activités", types)),
        (summary.contributions, ngettext("contribution", "contributions", summary.contributions)),
    ]
    row = [
        [Paragraph(f"<b>{esc(format_number(v))}</b>", s.title), Paragraph(esc(t), s.muted)]
        for v, t in cells
    ]
    table = Table([row], colWidths=[width / 4] * 4)
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _frame(summary: ProcessSummary) -> list:
    s = styles()
    story: list = heading(_("Le cadre de travail"))
    for section in summary.sections:
        story += heading(section.title, item=True)
        story += paragraphs(section.text, s.body) or [Paragraph("—", s.muted)]
    return story


def _phases(summary: ProcessSummary, width: float) -> list:
    lines = []
    for p in summary.phases:
        dates = format_date(p.start_date, "short") + " – " + format_date(p.end_date, "short")
        lines.append((p.name, dates, p.status_label, p.activities, p.deliverables))
    widths = [5 * cm, 4.2 * cm, 2.2 * cm, 2 * cm]
    widths.append(width - sum(widths))
    titles = [_("Phase"), _("Dates"), _("Statut"), _("Activités"), _("Livrables")]
    return [*heading(_("Les phases")), figure_grid(titles, lines, widths)]


def _activities(summary: ProcessSummary, width: float) -> list:
    s = styles()
    story: list = heading(_("Les activités dans le milieu"))
    if summary.activities:
        text = _(
            "{count} activités du {first} au {last}, de {types} types ; {participations} "
            "participations en tout (une personne venue deux fois compte deux fois ici)."
        ).format(
            count=format_number(len(summary.activities)),
            first=format_date(summary.first_activity),
            last=format_date(summary.last_activity),
            types=format_number(len(summary.by_type)),
            participations=format_number(sum(t.participations for t in summary.by_type)),
        )
        story.append(Paragraph(esc(text), s.body))
    lines = [(t.name, t.activities, t.participations) for t in summary.by_type]
    total = (
        _("Total"),
        sum(t.activities for t in summary.by_type),
        sum(t.participations for t in summary.by_type),
    )
    titles = [_("Type d'activité"), _("Activités"), _("Participations")]
    story.append(figure_grid(titles, lines, [width - 6 * cm, 3 * cm, 3 * cm], total))
    return story


def _participants(summary: ProcessSummary, width: float) -> list:
    s = styles()
    text = _(
        "{total} participant·es distinct·es : {named} personnes nommées, chacune comptée une "
        "seule fois quel que soit le nombre d'activités, et {anonymous} personnes comptées "
        "sans nom."
    ).format(
        total=format_number(summary.participants),
        named=format_number(summary.named_participants),
        anonymous=format_number(summary.anonymous_participants),
    )
    lines = [(f.label, f.named, f.anonymous, f.total) for f in summary.by_sector]
    total = (
        _("Total"),
        summary.named_participants,
        summary.anonymous_participants,
        summary.participants,
    )
    titles = [_("Secteur"), _("Nommé·es"), _("Sans nom"), _("Total")]
    return [
        *heading(_("Les participant·es")),
        Paragraph(esc(text), s.body),
        figure_grid(titles, lines, [width - 9 * cm, 3 * cm, 3 * cm, 3 * cm], total),
    ]


def _contributions(summary: ProcessSummary, width: float) -> list:
    s = styles()
    if not summary.contributions:
        return []
    text = _("{count} contributions recueillies, {votes} votes de priorité.").format(
        count=format_number(summary.contributions), votes=format_number(summary.votes)
    )
    half = (width - 0.6 * cm) / 2
    kinds = figure_grid(
        [_("Nature"), _("Contributions")], list(summary.by_kind), [half - 3 * cm, 3 * cm]
    )
    themes = figure_grid(
        [_("Thème"), _("Contributions"), _("Votes")],
        [(t.name, t.contributions, t.votes) for t in summary.by_theme],
        [half - 5 * cm, 2.8 * cm, 2.2 * cm],
    )
    side = Table([[kinds, themes]], colWidths=[half + 0.6 * cm, half])
    side.setStyle(
        table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return [*heading(_("Les contributions")), Paragraph(esc(text), s.body), side]


def _salient(summary: ProcessSummary) -> list:
    s = styles()
    if not summary.salient:
        return []
    story: list = heading(_("Les éléments saillants de la démarche"))
    for element in summary.salient:
        story += heading(element.title, item=True)
        story += paragraphs(element.text, s.body)
        if element.contributions:
            note = ngettext(
                "Repose sur {n} contribution.",
                "Repose sur {n} contributions.",
                element.contributions,
            ).format(n=format_number(element.contributions))
            story.append(Paragraph(esc(note), s.muted))
    return story


def _annex(summary: ProcessSummary, width: float) -> list:
    lines = [
        (format_date(a.date, "short"), a.title, a.type_name, a.phase_name, a.participants)
        for a in summary.activities
    ]
    if not lines:
        return []
    widths = [2.3 * cm, 0, 4.4 * cm, 4.2 * cm, 2.7 * cm]
    widths[1] = width - sum(widths)
    titles = [_("Date"), _("Activité"), _("Type"), _("Phase"), _("Participant·es")]
    return [*heading(_("Annexe : la liste des activités")), figure_grid(titles, lines, widths)]


def write(
    db: Database, path: Path | str, options: ExportOptions, progress: Progress | None = None
) -> Path:
    process_id = planning.process_for_export(db, options.plan_id, options.day)
    return write_summary(db, process_id, path, options.day, progress=progress)


def write_summary(
    db: Database,
    process_id: int,
    path: Path | str,
    today: dt.date,
    *,
    progress: Progress | None = None,
) -> Path:
    """Write the summary of the démarche ``process_id`` to ``path``: the démarche, the
    evaluation of the plan it evaluates, the portrait, the plan it produces (as of
    ``today``, for the registry's figures); returns the path."""
    summary = planning.process_summary(db, process_id)
    cycle = planning.cycle_summary(db, process_id, today)
    if progress:
        progress(1, 3)
    table_settings = settings_service.load(db)
    width = frame_width(table_settings.paper_size)
    s = styles()
    plans = []
    if summary.evaluated_plan:
        plans.append(_("Plan évalué : {plan}").format(plan=summary.evaluated_plan))
    if summary.produced_plan:
        plans.append(_("Plan produit : {plan}").format(plan=summary.produced_plan))
    story: list = [
        Paragraph(esc(_("Résumé de la démarche de planification")), s.muted),
        Paragraph(esc(summary.title), s.title),
        Paragraph(esc(" — ".join([_period(summary), *plans])), s.subtitle),
        _figures(summary, width),
        Spacer(1, 0.2 * cm),
    ]
    if summary.committee_body:
        text = _("Comité de pilotage : instance {body}.").format(body=summary.committee_body)
        if summary.committee_meetings:
            text = ngettext(
                "Comité de pilotage (instance {body}) : {n} rencontre pendant la démarche.",
                "Comité de pilotage (instance {body}) : {n} rencontres pendant la démarche.",
                summary.committee_meetings,
            ).format(body=summary.committee_body, n=format_number(summary.committee_meetings))
        story.append(Paragraph(esc(text), s.muted))
    story += part_title(1, _("La démarche de planification"))
    story += _frame(summary)
    story += _phases(summary, width)
    story += _activities(summary, width)
    story += _participants(summary, width)
    story += _contributions(summary, width)
    story += _salient(summary)
    story += _annex(summary, width)
    story += cycle_parts(cycle, width)
    spec = DocumentSpec(
        title=_("Résumé — {title}").format(title=summary.title),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        footer=_("Démarche de planification — {period}").format(period=_period(summary)),
    )
    if progress:
        progress(2, 3)
    return build_pdf(path, story, spec)
