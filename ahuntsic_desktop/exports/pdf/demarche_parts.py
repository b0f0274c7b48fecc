"""The parts of a démarche's summary past the démarche itself: the evaluation of the plan
it evaluates, the neighbourhood portrait, and the plan it produces (see
:func:`services.planning.cycle_summary`); and the small grids the whole summary shares."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, Table

from ...i18n import _, format_number, ngettext
from ...services.planning import CycleSummary
from .common import (
    BOX_FILL,
    RULE,
    data_table,
    esc,
    header_row,
    heading,
    paragraphs,
    styles,
    table_style,
)


def cells(values, bold_first: bool = False) -> list:
    s = styles()
    out = []
    for i, value in enumerate(values):
        if isinstance(value, int):
            out.append(Paragraph(esc(format_number(value)), s.centered_cell))
        else:
            style = s.cell_bold if bold_first and i == 0 else s.cell
            out.append(Paragraph(esc(value), style))
    return out


def figure_grid(titles: list[str], lines: list[tuple], widths: list[float], total=None) -> Table:
    """A table of lines whose numbers are centred, with an optional bold total line."""
    numeric = [i for i, v in enumerate(lines[0] if lines else ()) if isinstance(v, int)]
    rows = [header_row(titles, centered=numeric)]
    rows += [cells(line) for line in lines]
    extra = []
    if total is not None:
        rows.append(cells(total, bold_first=True))
        extra = [("LINEABOVE", (0, len(rows) - 1), (-1, len(rows) - 1), 0.8, RULE)]
    return data_table(rows, widths, extra=extra)


def part_title(number: int, title: str, subtitle: str = "") -> list:
    """The opening of one of the summary's four parts."""
    s = styles()
    story: list = [Paragraph(esc(f"{number}. {title}"), s.title)]
    if subtitle:
        story.append(Paragraph(esc(subtitle), s.subtitle))
    return story


def _line(text: str) -> Paragraph:
    return Paragraph(esc(text), styles().body)


def _bullets(titles) -> list:
    s = styles()
    return [Paragraph(esc(f"• {t}"), s.body) for t in titles]


def _evaluation(cycle: CycleSummary, width: float) -> list:
    story: list = [PageBreak()]
    part = cycle.evaluation
    if part is None:
        story += part_title(2, _("L'évaluation du plan précédent"))
        story.append(_line(_("Aucun plan évalué n'est lié à cette démarche.")))
        return story
    story += part_title(
        2,
        _("L'évaluation du plan précédent"),
        _("{plan} ({start}-{end})").format(
            plan=part.plan_title, start=part.start_year, end=part.end_year
        )
        if str(part.start_year) not in part.plan_title
        else part.plan_title,
    )
    story += heading(_("La ligne du temps"))
    if part.timeline_events:
        text = ngettext(
            "{n} événement de {first} à {last}.",
            "{n} événements de {first} à {last}.",
            part.timeline_events,
        ).format(
            n=format_number(part.timeline_events),
            first=part.timeline_first_year,
            last=part.timeline_last_year,
        )
    else:
        text = _("Aucun événement dans la ligne du temps.")
    story.append(_line(text))
    story += heading(_("L'évaluation spécifique du plan d'action"))
    kinds = [
        (_("Orientations"), part.orientations),
        (_("Cibles"), part.targets),
        (_("Stratégies d'action"), part.strategies),
        (_("Chantiers"), part.chantiers),
        (_("Démarches intégrées"), part.integrated_approaches),
        (_("Projets phares"), part.flagship_projects),
    ]
    lines = [(name, t.total, t.evaluated, t.achieved) for name, t in kinds]
    titles = [_("Élément"), _("Nombre"), _("Évalué·es"), _("Atteint·es")]
    story.append(figure_grid(titles, lines, [width - 9 * cm, 3 * cm, 3 * cm, 3 * cm]))
    story += heading(_("L'évaluation globale"))
    if part.section_titles:
        story += _bullets(part.section_titles)
    else:
        story.append(_line(_("L'évaluation globale n'est pas encore rédigée.")))
    if part.recommendations:
        story.append(
            Paragraph(
                esc(
                    ngettext(
                        "{n} recommandation.", "{n} recommandations.", part.recommendations
                    ).format(n=format_number(part.recommendations))
                ),
                styles().muted,
            )
        )
    return story


def _portrait(cycle: CycleSummary, width: float) -> list:
    story: list = [PageBreak(), *part_title(3, _("Le portrait de quartier"))]
    part = cycle.portrait
    if part is None:
        story.append(_line(_("Aucune donnée de portrait n'est encore saisie.")))
        return story
    story += heading(_("Les indicateurs"))
    text = _("{n} indicateurs en {themes} thèmes, sur {count} territoires : {names}.").format(
        n=format_number(part.indicators),
        themes=format_number(len(part.indicators_by_theme)),
        count=format_number(len(part.territories)),
        names=", ".join(part.territories),
    )
    story.append(_line(text))
    if part.indicators_by_theme:
        story.append(
            figure_grid(
                [_("Thème"), _("Indicateurs")],
                list(part.indicators_by_theme),
                [width - 3 * cm, 3 * cm],
                (_("Total"), part.indicators),
            )
        )
    story += heading(_("Les enjeux et les diagnostics"))
    story.append(
        _line(
            _("{issues} enjeux vus par le milieu et {diagnostics} diagnostics.").format(
                issues=format_number(len(part.issues)),
                diagnostics=format_number(len(part.diagnostics)),
            )
        )
    )
    if part.issues:
        story += heading(_("Enjeux"), item=True)
        story += _bullets(part.issues)
    if part.diagnostics:
        story += heading(_("Diagnostics"), item=True)
        story += _bullets(part.diagnostics)
    story += heading(_("Les récits de résident·es"))
    story.append(
        _line(
            _("{consented} récits publiables (consentement enregistré) sur {total}.").format(
                consented=format_number(part.consented_stories),
                total=format_number(part.stories),
            )
        )
    )
    story += heading(_("Le portrait du milieu communautaire"))
    story.append(
        _line(_("{n} organismes actifs au registre.").format(n=format_number(part.organizations)))
    )
    if part.organizations_by_sector:
        half = (width - 0.6 * cm) / 2
        sectors = figure_grid(
            [_("Secteur"), _("Organismes")],
            list(part.organizations_by_sector),
            [half - 2.6 * cm, 2.6 * cm],
        )
        roles = figure_grid(
            [_("Rôle de partenaire"), _("Organismes")],
            list(part.partner_roles),
            [half - 2.6 * cm, 2.6 * cm],
        )
        side = Table([[sectors, roles]], colWidths=[half + 0.6 * cm, half])
        side.setStyle(
            table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
        )
        story.append(side)
    if part.milieu_sections:
        story += heading(_("Ce que le milieu en dit"), item=True)
        story += _bullets(part.milieu_sections)
    return story


def _vision_box(text: str, width: float) -> Table:
    s = styles()
    content = [Paragraph(f"<b>{esc(_('1 vision'))}</b>", s.body), *paragraphs(text, s.body)]
    box = Table([[content]], colWidths=[width], hAlign="LEFT")
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return box


def _plan(cycle: CycleSummary, width: float) -> list:
    story: list = [PageBreak()]
    part = cycle.plan
    if part is None:
        story += part_title(4, _("Le plan produit"))
        story.append(_line(_("Aucun plan produit n'est lié à cette démarche.")))
        return story
    story += part_title(
        4,
        _("Le plan produit"),
        _("{plan} ({start}-{end})").format(
            plan=part.plan_title, start=part.start_year, end=part.end_year
        )
        if str(part.start_year) not in part.plan_title
        else part.plan_title,
    )
    if part.visions:
        story.append(_vision_box(part.vision, width))
    else:
        story.append(_line(_("La vision du plan n'est pas encore écrite.")))
    text = _(
        "{pillars} piliers, {chantiers} chantiers, {orientations} orientations et "
        "{strategies} stratégies d'action."
    ).format(
        pillars=format_number(len(part.pillars)),
        chantiers=format_number(part.chantiers),
        orientations=format_number(part.orientations),
        strategies=format_number(part.strategies),
    )
    story += heading(_("Les piliers"))
    story.append(_line(text))
    if part.pillars:
        story.append(
            figure_grid(
                [_("Pilier"), _("Chantiers"), _("Orientations")],
                list(part.pillars),
                [width - 6 * cm, 3 * cm, 3 * cm],
                (_("Total"), part.chantiers, part.orientations),
            )
        )
    return story


def cycle_parts(cycle: CycleSummary, width: float) -> list:
    """Parts 2 to 4 of the summary, each on its own pages."""
    return [*_evaluation(cycle, width), *_portrait(cycle, width), *_plan(cycle, width)]
