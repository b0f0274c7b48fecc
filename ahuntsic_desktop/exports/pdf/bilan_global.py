"""Bilan global of an evaluated plan: its figures (orientations, targets, strategies,
chantiers, démarches intégrées and projets phares met or not), the evolution of the
orientations as a year grid, the démarches intégrées and projets phares, the evaluation of
each chantier, then the global evaluation (method, findings, strengths, challenges,
recommendations)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from ...domain.enums import PlanStatus
from ...domain.labels import label
from ...i18n import _, format_number
from ...services import evaluation
from ...services.core import settings as settings_service
from ...services.evaluation import Count, GlobalEvaluation, WorkRow
from ..catalog import ExportOptions, Progress
from .common import (
    BOLD,
    BOX_FILL,
    FONT,
    RULE,
    DocumentSpec,
    build_pdf,
    date_words,
    esc,
    header_row,
    heading,
    paragraphs,
    styles,
    table_style,
)
from .plan_parts import OUTCOME_COLORS, OUTCOMES, content_width, grid, muted_cell, outcome_label

STATUS_COLORS = {
    PlanStatus.TODO.value: colors.HexColor("#d9dee4"),
    PlanStatus.IN_PROGRESS.value: colors.HexColor("#e3a008"),
    PlanStatus.DONE.value: colors.HexColor("#2f6f4f"),
    PlanStatus.ABANDONED.value: colors.HexColor("#b42318"),
}
STATUS_MARKS = {  # a letter in each cell, so the grid reads in black and white too
    PlanStatus.TODO.value: "·",
    PlanStatus.IN_PROGRESS.value: "E",
    PlanStatus.DONE.value: "R",
    PlanStatus.ABANDONED.value: "A",
}


def _kinds(figures) -> list[tuple[str, Count]]:
    return [
        (_("Orientations"), figures.orientations),
        (_("Cibles"), figures.targets),
        (_("Stratégies d'action"), figures.strategies),
        (_("Chantiers"), figures.chantiers),
        (_("Démarches intégrées"), figures.integrated_approaches),
        (_("Projets phares"), figures.flagship_projects),
    ]


def _figure_boxes(figures, width: float) -> Table:
    s = styles()
    cells = [
        [
            Paragraph(f"<b>{format_number(count.achieved)} / {format_number(count.total)}</b>",
                      s.title),
            Paragraph(esc(_("{kind} atteint·es").format(kind=name.lower())), s.muted),
        ]
        for name, count in _kinds(figures)
    ]  # fmt: skip
    rows = [cells[:3], cells[3:]]
    table = Table(rows, colWidths=[width / 3] * 3)
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _outcomes_table(figures, width: float) -> Table:
    s = styles()
    kinds = _kinds(figures)
    shown = [o for o in OUTCOMES if o == "atteinte" or any(c.outcomes[o] for _n, c in kinds)]
    titles = ["", *(outcome_label(o, short=True) for o in shown), _("Total")]
    rows = [header_row(titles, centered=range(1, len(titles)))]
    for name, count in kinds:
        rows.append(
            [Paragraph(esc(name), s.cell_bold)]
            + [Paragraph(format_number(count.outcomes[o]), s.centered_cell) for o in shown]
            + [Paragraph(f"<b>{format_number(count.total)}</b>", s.centered_cell)]
        )
    first = 4.2 * cm
    rest = (width - first) / (len(shown) + 1)
    return grid(rows, [first] + [rest] * (len(shown) + 1))


def _evolution(whole: GlobalEvaluation, width: float) -> list:
    s = styles()
    grid_data = whole.evolution
    years = grid_data.years
    year_width = min(1.1 * cm, (width - 5 * cm) / max(len(years), 1))
    first = width - year_width * len(years)
    small = muted_cell()
    rows = [[*header_row([_("Orientation")]), *(str(y) for y in years)]]
    commands: list[tuple] = [
        ("FONT", (1, 1), (-1, -1), FONT, 7),
        ("FONT", (1, 0), (-1, 0), BOLD, 6.5 if year_width < 0.95 * cm else 7.5),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (1, 0), (-1, -1), 1),
        ("RIGHTPADDING", (1, 0), (-1, -1), 1),
    ]
    chantier = None
    for row in grid_data.rows:
        if row.chantier != chantier:
            chantier = row.chantier
            index = len(rows)
            commands += [("SPAN", (0, index), (-1, index)),
                         ("BACKGROUND", (0, index), (-1, index), BOX_FILL),
                         ("NOSPLIT", (0, index), (-1, index + 1))]  # header kept with a row  # fmt: skip
            rows.append([Paragraph(f"<b>{esc(chantier or _('Sans chantier'))}</b>", s.cell)]
                        + [""] * len(years))  # fmt: skip
        index = len(rows)
        rows.append([Paragraph(esc(row.title), small)] + [
            STATUS_MARKS.get(status, "") if status else "" for status in row.statuses
        ])  # fmt: skip
        for column, status in enumerate(row.statuses, start=1):
            if status:
                commands.append(
                    ("BACKGROUND", (column, index), (column, index), STATUS_COLORS[status])
                )
                if status != PlanStatus.TODO.value:
                    commands.append(("TEXTCOLOR", (column, index), (column, index), colors.white))
    table = grid(rows, [first] + [year_width] * len(years), zebra=False, extra=commands)
    legend = " · ".join(
        f"{STATUS_MARKS[s.value]} {label(s)}"
        for s in (PlanStatus.TODO, PlanStatus.IN_PROGRESS, PlanStatus.DONE, PlanStatus.ABANDONED)
    )
    note = _("Statut de chaque orientation à la fin de chaque année. {legend}.").format(
        legend=legend
    )
    return [table, Spacer(1, 0.1 * cm), Paragraph(esc(note), small)]


def _evaluation_mark(value: str | None) -> str:
    key = value or "non_evaluee"
    color = OUTCOME_COLORS.get(key, OUTCOME_COLORS["non_evaluee"]).hexval()[2:]
    return f'<font color="#{color}">■</font> {esc(outcome_label(key))}'


def _works(works: list[WorkRow], width: float) -> Table:
    s = styles()
    rows = [header_row([_("Titre"), _("Années"), _("Chantiers"), _("Évaluation")])]
    for work in works:
        text = f"<b>{esc(work.title)}</b>"
        if work.description:
            text += f'<br/><font size="8">{esc(work.description)}</font>'
        years = "–".join(str(y) for y in (work.start_year, work.end_year) if y) or "—"
        verdict = _evaluation_mark(work.evaluation)
        if work.evaluation_text:
            verdict += f'<br/><font size="8"><i>{esc(work.evaluation_text)}</i></font>'
        rows.append(
            [
                Paragraph(text, s.cell),
                Paragraph(esc(years), s.cell),
                Paragraph(esc(", ".join(work.chantiers)), s.cell),
                Paragraph(verdict, s.cell),
            ]
        )
    years_width, chantiers_width, verdict_width = 2.4 * cm, 3.6 * cm, 5.2 * cm
    first = width - years_width - chantiers_width - verdict_width
    return grid(rows, [first, years_width, chantiers_width, verdict_width])


def _chantiers(whole: GlobalEvaluation, width: float) -> list:
    s = styles()
    out = []
    for row in whole.chantiers:
        parts = [Paragraph(f"{esc(row.name)} — {_evaluation_mark(row.evaluation)}", s.item)]
        for title, text in (
            (_("Réalisations"), row.achievements),
            (_("Défis"), row.challenges),
            (_("Apprentissages"), row.lessons),
        ):
            if text:
                parts.append(Paragraph(f"<b>{esc(title)} :</b> {esc(text)}", s.body))
        if len(parts) == 1:
            parts.append(Paragraph(esc(_("Évaluation à écrire.")), s.muted))
        out.append(KeepTogether(parts))
    return out


def _global_sections(whole: GlobalEvaluation) -> list:
    s = styles()
    out: list = []
    for section in whole.sections:
        if not section.text and section.key != "recommandations":
            continue
        out += heading(section.title)
        out += paragraphs(section.text, s.body)
        if section.key == "recommandations":
            for number, recommendation in enumerate(whole.recommendations, start=1):
                out.append(Paragraph(f"<b>{number}.</b> {esc(recommendation.text)}", s.body))
    return out


def write(db, path: Path | str, options: ExportOptions, progress: Progress | None = None) -> Path:
    table_settings = settings_service.load(db)
    width = content_width(table_settings.paper_size)
    plan_id = evaluation.evaluated_plan_id(db, options.plan_id)
    whole = evaluation.global_evaluation(db, plan_id)
    figures = whole.figures
    if progress:
        progress(1, 3)
    s = styles()
    story: list = [
        Paragraph(esc(_("Bilan global du plan d'action")), s.muted),
        Paragraph(esc(figures.title), s.title),
        Paragraph(
            esc(
                _("De {start} à {end} — bilan au {date}").format(
                    start=figures.start_year, end=figures.end_year, date=date_words(options.day)
                )
            ),
            s.subtitle,
        ),  # fmt: skip
        _figure_boxes(figures, width),
        Spacer(1, 0.2 * cm),
    ]
    story += heading(_("Atteinte des résultats"))
    story += [_outcomes_table(figures, width), Spacer(1, 0.1 * cm)]
    story.append(
        Paragraph(
            esc(_("Une orientation compte selon son statut de la dernière année ; une cible ou "
                  "une stratégie selon son évaluation ou, sans évaluation, son statut.")),
            muted_cell(),
        )
    )  # fmt: skip
    if whole.evolution.rows:
        story += heading(_("Évolution des orientations au fil des ans"))
        story += _evolution(whole, width)
    for title, works in ((_("Démarches intégrées"), whole.approaches),
                         (_("Projets phares"), whole.projects)):  # fmt: skip
        if works:
            story += heading(title)
            story.append(_works(works, width))
    if whole.chantiers:
        story += heading(_("Évaluation des chantiers"))
        story += _chantiers(whole, width)
    if progress:
        progress(2, 3)
    story += _global_sections(whole)
    spec = DocumentSpec(
        title=_("Bilan global — {title}").format(title=figures.title),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        footer=_("Bilan au {date}").format(date=date_words(options.day)),
    )
    result = build_pdf(path, story, spec)
    if progress:
        progress(3, 3)
    return result
