"""Avis de convocation: the notice of a meeting with its projet d'ordre du jour."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from ...i18n import _, format_date, format_time, ngettext
from ...services.core import settings as settings_service
from ...services.meetings import agenda as agenda_service
from ...services.meetings import meetings as meeting_service
from ...services.meetings import quorum as quorum_service
from ...services.meetings.documents import meeting_people
from ...store import Database
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
    heading,
    styles,
    table_style,
)
from .meeting_text import meeting_lines, meeting_subtitle, time_range


def _details(detail: meeting_service.MeetingDetail, width: float) -> Table:
    s = styles()
    rows = [
        (_("Rencontre"), "<br/>".join(esc(line) for line in meeting_lines(detail))),
        (_("Date"), esc(format_date(detail.date, "full"))),
        (_("Heure"), esc(time_range(detail.start_time, detail.end_time) or _("à préciser"))),
        (_("Lieu"), esc(detail.place or _("à préciser"))),
    ]
    table = Table(
        [[Paragraph(esc(key), s.cell_bold), Paragraph(value, s.cell)] for key, value in rows],
        colWidths=[3 * cm, width - 3 * cm],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _agenda(rows: list[agenda_service.AgendaItemRow], width: float) -> Table:
    s = styles()
    data = [header_row([_("N°"), _("Heure"), _("Point"), _("Type")])]
    for row in rows:
        point = f"<b>{esc(row.title)}</b>"
        if row.presenter_name:
            point += "<br/>" + esc(_("Présenté par {name}").format(name=row.presenter_name))
        data.append(
            [
                Paragraph(f"{row.number}.", s.cell_bold),
                Paragraph(esc(format_time(row.start_time)), s.cell),
                Paragraph(point, s.cell),
                Paragraph(esc(row.kind_label), s.cell),
            ]
        )
    widths = [1.1 * cm, 1.9 * cm, width - 5.9 * cm, 2.9 * cm]
    return data_table(data, widths)


def _signature(table_name: str, secretary: str) -> KeepTogether:
    s = styles()
    lines = [
        Paragraph(esc(_("Au plaisir de vous y voir,")), s.body),
        Spacer(1, 1.1 * cm),
        Paragraph("_" * 34, s.body),
        Paragraph(f"<b>{esc(secretary or _('La coordination'))}</b>", s.body),
    ]
    if secretary:
        lines.append(Paragraph(esc(_("Secrétariat de la rencontre")), s.muted))
    lines.append(Paragraph(esc(table_name), s.muted))
    return KeepTogether(lines)


def write_convocation(
    db: Database, meeting_id: int, path: Path | str, *, today: dt.date | None = None
) -> Path:
    """Write the notice of the meeting (Avis de convocation) to ``path``; returns the path.

    ``today`` is the date printed as the sending date (default: today).
    """
    today = today or dt.date.today()
    table_settings = settings_service.load(db)
    detail = meeting_service.get_meeting(db, meeting_id)
    items = agenda_service.list_agenda(db, meeting_id)
    people = meeting_people(db, meeting_id)
    state = quorum_service.quorum(db, meeting_id)
    required = state.required
    table_name = table_settings.table_name
    width = frame_width(table_settings.paper_size)
    s = styles()

    when = format_date(detail.date, "full")
    if detail.start_time:
        when = _("{date} à {time}").format(date=when, time=format_time(detail.start_time))
    invitation = _(
        "Vous êtes convoqué·e à la rencontre « {title} », qui se tiendra le {when}"
    ).format(title=detail.title, when=when)
    invitation += (
        _(", au lieu suivant : {place}.").format(place=detail.place) if detail.place else "."
    )

    story: list = [
        Paragraph(esc(_("Avis de convocation")), s.title),
        Paragraph(esc(meeting_subtitle(detail)), s.subtitle),
        Paragraph(esc(_("Le {date}").format(date=date_words(today))), s.body),
        Spacer(1, 0.2 * cm),
        Paragraph(esc(invitation), s.body),
        Spacer(1, 0.15 * cm),
        _details(detail, width),
        *heading(_("Projet d'ordre du jour")),
    ]
    if items:
        story.append(_agenda(items, width))
    else:
        story.append(Paragraph(esc(_("L'ordre du jour suivra.")), s.body))
    story.append(Spacer(1, 0.4 * cm))
    if required:
        quorum = ngettext(
            "Le quorum est fixé à {count} membre votant",
            "Le quorum est fixé à {count} membres votants",
            required,
        ).format(count=required)
        # The figure the rule gives today: members may pay, seats change before the day.
        quorum += " " + ngettext(
            "({rule} ; {entitled} membre votant à ce jour, chiffre calculé le {today}).",
            "({rule} ; {entitled} membres votants à ce jour, chiffre calculé le {today}).",
            state.entitled,
        ).format(
            rule=table_settings.quorum_rule_text(detail.kind),
            entitled=state.entitled,
            today=format_date(today),
        )
        story.append(Paragraph(esc(quorum), s.body))
    story.append(
        Paragraph(
            esc(
                _(
                    "Si vous ne pouvez pas y assister, merci d'en aviser la coordination et, "
                    "le cas échéant, de vous faire remplacer par votre substitut."
                )
            ),
            s.body,
        )
    )
    story += [Spacer(1, 0.5 * cm), _signature(table_name, people.secretary)]

    spec = DocumentSpec(
        title=_("Avis de convocation"),
        table_name=table_name,
        paper_size=table_settings.paper_size,
        footer=_("Rencontre du {date}").format(date=date_words(detail.date)),
        subject=f"{_('Avis de convocation')} — {detail.title}",
    )
    return build_pdf(path, story, spec)
