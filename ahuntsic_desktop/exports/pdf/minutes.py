"""Procès-verbal: the minutes of a meeting, in the structure the OQLF recommends.

Title with body, date, time and place; présences; quorum; chair and secretary; each agenda
item with what was said and the resolutions adopted; follow-ups; signatures. Until the
minutes are approved (``minutes_approved_on``), every page carries a ``PROJET`` watermark.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from ...domain.enums import AttendanceStatus
from ...i18n import _, format_date, format_time
from ...services.core import settings as settings_service
from ...services.meetings import agenda as agenda_service
from ...services.meetings import meetings as meeting_service
from ...services.meetings import quorum as quorum_service
from ...services.meetings.documents import (
    FollowUpLine,
    ResolutionText,
    SheetLine,
    attendance_sheet,
    meeting_follow_ups,
    meeting_people,
    meeting_resolutions,
)
from ...store import Database
from .common import (
    BOX_FILL,
    INK,
    DocumentSpec,
    alert,
    build_pdf,
    data_table,
    date_words,
    esc,
    frame_width,
    header_row,
    heading,
    paragraphs,
    styles,
    table_style,
)
from .meeting_text import meeting_heading, meeting_subtitle


def resolution_sentence(resolution: ResolutionText) -> str:
    """``Proposée par X, appuyée par Y. Adoptée à l'unanimité.`` (votes when given)."""
    parts = []
    if resolution.moved_by and resolution.seconded_by:
        parts.append(
            _("Proposée par {mover}, appuyée par {seconder}.").format(
                mover=resolution.moved_by, seconder=resolution.seconded_by
            )
        )
    elif resolution.moved_by:
        parts.append(_("Proposée par {mover}.").format(mover=resolution.moved_by))
    outcome = resolution.outcome_label
    if resolution.votes_for or resolution.votes_against or resolution.abstentions:
        votes = _("pour : {yes}, contre : {no}, abstentions : {abstentions}").format(
            yes=resolution.votes_for,
            no=resolution.votes_against,
            abstentions=resolution.abstentions,
        )
        outcome = f"{outcome} ({votes})"
    parts.append(f"{outcome}.")
    return " ".join(parts)


def _resolution_box(resolution: ResolutionText, width: float) -> Table:
    s = styles()
    title = _("Résolution {number} — {title}").format(
        number=resolution.number, title=resolution.title
    )
    rows = [[Paragraph(f"<b>{esc(title)}</b>", s.body)]]
    rows += [[paragraph] for paragraph in paragraphs(resolution.text, s.body)]
    rows.append([Paragraph(f"<i>{esc(resolution_sentence(resolution))}</i>", s.body)])
    box = Table(rows, colWidths=[width], splitInRow=1, hAlign="LEFT")
    box.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.9, INK),
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, 0), 7),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 3),
            ]
        )
    )
    return box


def _names(lines: list[SheetLine], *, mark_non_voting: bool) -> str:
    names = []
    for line in lines:
        name = esc(" ".join(part for part in (line.first_name, line.last_name) if part))
        if line.organization:
            name += f" ({esc(line.organization)})"
        if mark_non_voting and not line.voting:
            name += "*"
        names.append(name)
    return " · ".join(names)


def _presences(lines: list[SheetLine]) -> list:
    s = styles()
    groups = (
        (AttendanceStatus.PRESENT, _("Présences ({count}) :")),
        (AttendanceStatus.EXCUSED, _("Absences motivées ({count}) :")),
        (AttendanceStatus.ABSENT, _("Absences ({count}) :")),
    )
    story: list = []
    for status, group_title in groups:
        group = [line for line in lines if line.status == status]
        if not group:
            continue
        present = status == AttendanceStatus.PRESENT
        text = _names(group, mark_non_voting=present)
        story.append(
            Paragraph(f"<b>{esc(group_title.format(count=len(group)))}</b> {text}", s.body)
        )
        if present and any(not line.voting for line in group):
            story.append(Paragraph(esc(_("* sans droit de vote")), s.muted))
    if not story:
        story.append(Paragraph(esc(_("Aucune présence n'a été inscrite.")), s.body))
    return story


def _follow_ups(rows: list[FollowUpLine], width: float) -> Table:
    s = styles()
    data = [header_row([_("Suivi"), _("Responsable"), _("Échéance"), _("Statut")])]
    for row in rows:
        status = esc(row.status_label)
        if row.overdue:
            status = alert(status)
        data.append(
            [
                Paragraph(esc(row.description), s.cell),
                Paragraph(esc(row.owner), s.cell),
                Paragraph(esc(date_words(row.due_date)), s.cell),
                Paragraph(status, s.cell),
            ]
        )
    fixed = 3.3 * cm + 2.2 * cm
    return data_table(data, [(width - fixed) * 0.6, (width - fixed) * 0.4, 3.3 * cm, 2.2 * cm])


def _signatures(approval: str, chair: str, secretary: str, width: float) -> KeepTogether:
    """The approval sentence and the two signature lines, never split."""
    s = styles()
    cells = []
    for role, name in ((_("Présidence"), chair), (_("Secrétariat"), secretary)):
        cells.append(
            [
                Spacer(1, 1.2 * cm),
                Paragraph("_" * 30, s.body),
                Paragraph(f"<b>{esc(name)}</b>" if name else "", s.body),
                Paragraph(esc(role), s.muted),
                Paragraph(esc(_("Date : ____________________")), s.muted),
            ]
        )
    table = Table([cells], colWidths=[width / 2, width / 2], hAlign="LEFT")
    table.setStyle(
        table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return KeepTogether(
        [
            Spacer(1, 0.4 * cm),
            Paragraph(f"<i>{esc(approval)}</i>", s.body),
            Spacer(1, 0.2 * cm),
            table,
        ]
    )


def _title_sentence(detail: meeting_service.MeetingDetail) -> str:
    when = format_date(detail.date, "full")
    if detail.start_time:
        when = _("{date} à {time}").format(date=when, time=format_time(detail.start_time))
    text = _("Procès-verbal de la rencontre « {title} » ({kind}), tenue le {when}").format(
        title=detail.title, kind=meeting_heading(detail), when=when
    )
    if detail.place:
        return text + _(", au lieu suivant : {place}.").format(place=detail.place)
    return text + "."


def write_minutes(
    db: Database, meeting_id: int, path: Path | str, *, today: dt.date | None = None
) -> Path:
    """Write the meeting's minutes (procès-verbal) to ``path``; returns the path.

    ``today`` decides which follow-ups print as overdue (default: today).
    """
    today = today or dt.date.today()
    table_settings = settings_service.load(db)
    detail = meeting_service.get_meeting(db, meeting_id)
    items = agenda_service.list_agenda(db, meeting_id)
    lines = attendance_sheet(db, meeting_id)
    quorum = quorum_service.quorum(db, meeting_id)
    people = meeting_people(db, meeting_id)
    resolutions = meeting_resolutions(db, meeting_id)
    follow_ups = meeting_follow_ups(db, meeting_id, today=today)
    table_name = table_settings.table_name
    width = frame_width(table_settings.paper_size)
    s = styles()

    story: list = [
        Paragraph(esc(_("Procès-verbal")), s.title),
        Paragraph(esc(meeting_subtitle(detail)), s.subtitle),
        Paragraph(esc(_title_sentence(detail)), s.body),
        *heading(_("Présences")),
        *_presences(lines),
        Paragraph(esc(quorum.message + "."), s.body),
    ]
    roles = []
    if people.chair:
        roles.append(_("Présidence : {name}").format(name=people.chair))
    if people.secretary:
        roles.append(_("Secrétariat : {name}").format(name=people.secretary))
    if roles:
        story.append(Paragraph(esc(" · ".join(roles)), s.body))

    by_item: dict[int | None, list[ResolutionText]] = {}
    known_items = {item.id for item in items}
    for resolution in resolutions:
        key = resolution.agenda_item_id if resolution.agenda_item_id in known_items else None
        by_item.setdefault(key, []).append(resolution)

    if items:
        story += heading(_("Déroulement de la rencontre"))
    tail = len(story)  # where the last section starts: the signatures stay with it
    for item in items:
        tail = len(story)
        story += heading(f"{item.number}. {item.title}", item=True)
        story += paragraphs(item.minutes_text, s.body)
        for resolution in by_item.get(item.id, []):
            story.append(KeepTogether([_resolution_box(resolution, width), Spacer(1, 0.25 * cm)]))
    if by_item.get(None):
        tail = len(story)
        story += heading(_("Autres résolutions"))
        for resolution in by_item[None]:
            story.append(KeepTogether([_resolution_box(resolution, width), Spacer(1, 0.25 * cm)]))

    if follow_ups:
        tail = len(story)
        story += heading(_("Suivis"))
        story.append(_follow_ups(follow_ups, width))

    if detail.minutes_approved_on:
        approval = _("Procès-verbal adopté le {date}.").format(
            date=date_words(detail.minutes_approved_on)
        )
    else:
        approval = _("Projet de procès-verbal, à adopter lors d'une prochaine rencontre.")
    # Never the signatures alone on the last page: the last section goes over with them.
    closing = _signatures(approval, people.chair, people.secretary, width)
    story[tail:] = [KeepTogether([*story[tail:], closing])]

    spec = DocumentSpec(
        title=_("Procès-verbal"),
        table_name=table_name,
        paper_size=table_settings.paper_size,
        footer=_("Rencontre du {date}").format(date=date_words(detail.date)),
        draft=detail.minutes_approved_on is None,
        subject=f"{_('Procès-verbal')} — {detail.title}",
    )
    return build_pdf(path, story, spec)
