"""Rapport annuel: the period's key figures, charts (members by sector, attendance by month,
citizen participation, plan progress by pillar), each chantier's summary and the
resolutions of the year. Counts and organisations only: no person is named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ...domain.enums import ResolutionOutcome
from ...domain.labels import label
from ...i18n import _, format_date, format_number, format_percent, ngettext
from ...services.core import settings as settings_service
from ...services.core.periods import Period, check_period, membership_year_period
from ...services.plan.reporting import ChantierSummary, chantier_summaries
from ...services.reports.activity import ActivityStats, activity_stats
from ..catalog import ExportOptions, Progress
from .annual_charts import PRIMARY, SECONDARY, hbar, stacked_months
from .common import (
    BOX_FILL,
    RULE,
    DocumentSpec,
    build_pdf,
    data_table,
    date_words,
    esc,
    frame_width,
    header_row,
    note,
    styles,
)
from .composition import composition_story


def period_label(db, period: Period) -> str:
    """``2025-2026`` for a membership year, ``2026`` for a calendar year, else the dates."""
    year = membership_year_period(db, period.start)
    if year == period:
        return settings_service.load(db).membership_year_label(period.start.year)
    calendar = (period.start.month, period.start.day, period.end.month, period.end.day)
    if calendar == (1, 1, 12, 31) and period.start.year == period.end.year:
        return str(period.start.year)
    return str(period)


def _figures(stats: ActivityStats, width: float) -> Table:
    """The key figures: a big number over a short label, four to a row."""
    s = styles()
    adopted = {label(ResolutionOutcome.ADOPTED), label(ResolutionOutcome.UNANIMOUS)}
    items = [
        (format_number(stats.members_total), _("membres en règle")),
        (format_number(stats.meetings_held), _("rencontres tenues")),
        (format_number(stats.presences), _("présences aux rencontres")),
        (format_number(stats.anonymous_total), _("participant·es anonymes")),
        (format_number(stats.citizens_present), _("citoyen·nes présent·es")),
        (
            format_number(sum(n for text, n in stats.resolutions_by_outcome if text in adopted)),
            _("résolutions adoptées"),
        ),
        (format_number(stats.follow_ups_done), _("suivis réalisés")),
        (format_percent(stats.plan_progress) or "—", _("du plan d'action réalisé")),
    ]
    cells = [
        Paragraph(
            f'<font size="19" color="#1f4e79"><b>{esc(number)}</b></font><br/>'
            f'<font size="8.5" color="#52606d">{esc(text)}</font>',
            s.centered_cell,
        )
        for number, text in items
    ]
    rows = [cells[i : i + 4] for i in range(0, len(cells), 4)]
    table = Table(rows, colWidths=[width / 4] * 4, rowHeights=[1.9 * cm] * len(rows))
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 2.5, "white"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _members(stats: ActivityStats, width: float) -> list:
    s = styles()
    new = stats.new_organizations + stats.new_persons
    text = ngettext(
        "{count} membre en règle pour l'année {year}",
        "{count} membres en règle pour l'année {year}",
        stats.members_total,
    ).format(count=format_number(stats.members_total), year=stats.membership_year_label)
    if new:
        text += ngettext(", dont {new} nouveau", ", dont {new} nouveaux", new).format(new=new)
    return [
        Paragraph(esc(_("Nos membres")), s.heading),
        Paragraph(esc(text + "."), s.body),
        hbar(
            [c.sector for c in stats.members_by_sector],
            [c.total for c in stats.members_by_sector],
            width,
            empty=_("Aucun membre en règle pour cette année."),
        ),
        Paragraph(esc(_("Membres en règle par secteur (organismes et personnes).")), s.muted),
    ]


def _meetings(stats: ActivityStats, width: float) -> list:
    s = styles()
    months = [format_date(m.month, "MMM yy") for m in stats.meetings_by_month]
    chart = stacked_months(
        months,
        [
            [m.presences for m in stats.meetings_by_month],
            [m.anonymous for m in stats.meetings_by_month],
        ],
        [_("Présences des personnes inscrites"), _("Participant·es anonymes")],
        width,
        under=[f"({m.held})" for m in stats.meetings_by_month],
        empty=_("Aucune rencontre tenue pendant la période."),
    )
    rows = [
        header_row([_("Type de rencontre"), _("Tenues"), _("Présences"), _("Moyenne")], (1, 2, 3))
    ]
    for k in stats.meetings_by_kind:
        rows.append(
            [
                Paragraph(esc(k.kind), s.cell),
                Paragraph(format_number(k.held), s.centered_cell),
                Paragraph(format_number(k.presences + k.anonymous), s.centered_cell),
                Paragraph(format_number(k.average or 0, 1), s.centered_cell),
            ]
        )
    caption = _("Personnes présentes par mois ; entre parenthèses, les rencontres tenues.")
    story = [
        KeepTogether(
            [
                Paragraph(esc(_("Rencontres et présences")), s.heading),
                chart,
                Paragraph(esc(caption), s.muted),
            ]
        )
    ]
    if len(rows) > 1:
        table = data_table(rows, [width * 0.52] + [width * 0.16] * 3)
        story.append(KeepTogether([Spacer(1, 4), table]))
    return story


def _participation(stats: ActivityStats, width: float) -> list:
    s = styles()
    activities = sum(a[1] for a in stats.activities_by_format)
    text = _(
        "{activities} activités de participation ont rejoint {anonymous} personnes sans "
        "inscription ; {citizens} citoyen·nes inscrit·es ont participé à nos rencontres "
        "({presences} présences)."
    ).format(
        activities=format_number(activities),
        anonymous=format_number(stats.anonymous_total),
        citizens=format_number(stats.citizens_present),
        presences=format_number(stats.citizen_presences),
    )
    return [
        CondPageBreak(6 * cm),
        Paragraph(esc(_("Participation citoyenne")), s.heading),
        Paragraph(esc(text), s.body),
        hbar(
            [sector for sector, _n in stats.anonymous_by_sector],
            [n for _s, n in stats.anonymous_by_sector],
            width,
            color=SECONDARY,
            empty=_("Aucune participation anonyme comptée pendant la période."),
        ),
        Paragraph(esc(_("Participant·es anonymes aux activités, par secteur.")), s.muted),
    ]


def _plan(stats: ActivityStats, width: float) -> list:
    if not stats.plan_title:
        return []
    s = styles()
    return [
        CondPageBreak(6 * cm),
        Paragraph(esc(_("Avancement du plan d'action")), s.heading),
        Paragraph(
            esc(
                _("{plan} : {progress} des moyens et des cibles réalisés.").format(
                    plan=stats.plan_title, progress=format_percent(stats.plan_progress) or "—"
                )
            ),
            s.body,
        ),
        hbar(
            [f"{p.number}. {p.name}" for p in stats.pillars],
            [p.progress or 0 for p in stats.pillars],
            width,
            percent=True,
            color=PRIMARY,
            empty=_("Aucun pilier à mesurer."),
            label_width=190,
        ),
    ]


def _chantier(c: ChantierSummary) -> KeepTogether:
    s = styles()
    facts = [
        ngettext("{n} participant·e", "{n} participant·es", c.participants).format(
            n=c.participants
        ),
        ngettext("{n} rencontre", "{n} rencontres", c.meetings_held).format(n=c.meetings_held),
        _("avancement {progress}").format(progress=format_percent(c.progress) or "—"),
    ]
    if c.lead_organizations:
        facts.append(_("porté par {names}").format(names=", ".join(c.lead_organizations)))
    parts = [Paragraph(f"{esc(c.number)} {esc(c.name)}" + note(esc(c.pillar)), s.item)]
    if c.mandate:
        parts.append(Paragraph(esc(c.mandate), s.body))
    parts.append(Paragraph(esc(" · ".join(facts)), s.muted))
    return KeepTogether(parts)


def _resolutions(stats: ActivityStats, width: float) -> list:
    s = styles()
    story = [CondPageBreak(4 * cm), Paragraph(esc(_("Résolutions de la période")), s.heading)]
    if not stats.resolutions:
        return story + [Paragraph(esc(_("Aucune résolution pendant la période.")), s.muted)]
    rows = [header_row([_("Numéro"), _("Date"), _("Résolution"), _("Décision")])]
    for r in stats.resolutions:
        rows.append(
            [
                Paragraph(esc(r.number), s.cell),
                Paragraph(esc(format_date(r.date, "short")), s.cell),
                Paragraph(esc(r.title), s.cell),
                Paragraph(esc(r.outcome), s.cell),
            ]
        )
    fixed = 3.0 * cm + 2.3 * cm + 4.3 * cm
    story.append(data_table(rows, [3.0 * cm, 2.3 * cm, width - fixed, 4.3 * cm]))
    return story


def _left_out(stats: ActivityStats, width: float) -> list:
    """The meetings of the period the figures leave out (planned, cancelled, after today)."""
    if not stats.left_out:
        return []
    s = styles()
    text = ngettext(
        "Cette rencontre de la période n'est pas comptée : elle n'a pas été tenue à la date "
        "du document.",
        "Ces {n} rencontres de la période ne sont pas comptées : elles n'ont pas été tenues "
        "à la date du document.",
        len(stats.left_out),
    ).format(n=len(stats.left_out))
    rows = [header_row([_("Date"), _("Rencontre"), _("Instance"), _("Statut")])]
    for m in stats.left_out:
        rows.append(
            [
                Paragraph(esc(format_date(m.date, "short")), s.cell),
                Paragraph(esc(m.title or m.kind), s.cell),
                Paragraph(esc(m.body), s.cell),
                Paragraph(esc(m.status), s.cell),
            ]
        )
    fixed = 2.3 * cm + 2.2 * cm + 3.0 * cm
    return [
        CondPageBreak(4 * cm),
        Paragraph(esc(_("Rencontres non comptées")), s.heading),
        Paragraph(esc(text), s.body),
        data_table(rows, [2.3 * cm, width - fixed, 2.2 * cm, 3.0 * cm]),
    ]


def write(db, path: Path | str, options: ExportOptions, progress: Progress | None = None) -> Path:
    period = check_period(options.start, options.end)
    table_settings = settings_service.load(db)
    width = frame_width(table_settings.paper_size)
    if progress:
        progress(0, 4)
    stats = activity_stats(
        db, period, options.day, plan_id=options.plan_id, beyond_today=options.beyond_today
    )
    counted = stats.counted or period
    chantiers = chantier_summaries(db, counted.start, counted.end, options.plan_id)
    if progress:
        progress(1, 4)
    s = styles()
    label_text = period_label(db, period)
    title = _("Rapport annuel {period}").format(period=label_text)
    story: list = [
        Paragraph(esc(title), s.title),
        Paragraph(esc(f"{table_settings.table_name} — {_('période')} {period}"), s.subtitle),
        *([Paragraph(esc(stats.counted_note), s.muted)] if stats.stops_early else []),
        Paragraph(esc(_("L'année en chiffres")), s.heading),
        _figures(stats, width),
        Spacer(1, 6),
        *_members(stats, width),
        *_meetings(stats, width),
        *_participation(stats, width),
        *_plan(stats, width),
    ]
    if chantiers:
        story += [CondPageBreak(5 * cm), Paragraph(esc(_("Les chantiers")), s.heading)]
        story += [_chantier(c) for c in chantiers]
    # The committee as it stood at the period's end (or today, if sooner): roles and
    # organisations; residents are not named, as nobody is in this report.
    day = min(period.end, options.day)
    story += composition_story(db, "CC", day, width, named=False)
    story += _resolutions(stats, width)
    story += _left_out(stats, width)
    story.append(Spacer(1, 12))
    story.append(
        Paragraph(
            esc(
                _("Document produit le {date} avec Ahuntsic Desktop.").format(
                    date=date_words(options.today or dt.date.today())
                )
            ),
            s.muted,
        )
    )
    if progress:
        progress(2, 4)
    spec = DocumentSpec(
        title=title,
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        footer=_("Rapport annuel — {period}").format(period=label_text),
        subject=str(period),
    )
    result = build_pdf(path, story, spec)
    if progress:
        progress(4, 4)
    return result
