"""What governance holds about one person, for an access request (Law 25): the seats held
and when, the elections chaired or minuted, the candidacies stood, proposed or seconded."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ...domain import Candidacy, Election, Mandate, Meeting, Seat
from ...domain.enums import MandateOrigin, SeatRole
from ...domain.labels import label
from ...i18n import _
from ..core import Column


def mandates_part(session: Session, pid: int) -> tuple[str, str, tuple[Column, ...], tuple]:
    """Mandates on bodies, then the person's parts in elections, by date: the key, title,
    columns and rows of a section of the privacy dossier."""
    lines = []
    for start, end, body, seat, role, origin in session.execute(
        select(Mandate.start_date, Mandate.end_date, Seat.body, Seat.label, Seat.role,
               Mandate.origin)
        .join(Seat, Seat.id == Mandate.seat_id)
        .where(Mandate.person_id == pid)
    ):  # fmt: skip
        what = f"{body} — {seat} ({label(role, SeatRole)})"
        lines.append((start, end, what, label(origin, MandateOrigin)))
    for day, title, chair in session.execute(
        select(Meeting.date, Meeting.title, Election.chair_id)
        .join(Meeting, Meeting.id == Election.meeting_id)
        .where(or_(Election.chair_id == pid, Election.secretary_id == pid))
    ):
        role = _("Présidence d'élection") if chair == pid else _("Secrétariat d'élection")
        lines.append((day, None, title, role))
    for day, title, person, proposer, elected in session.execute(
        select(Meeting.date, Meeting.title, Candidacy.person_id, Candidacy.proposed_by_id,
               Candidacy.elected)
        .join(Election, Election.id == Candidacy.election_id)
        .join(Meeting, Meeting.id == Election.meeting_id)
        .where(or_(Candidacy.person_id == pid, Candidacy.proposed_by_id == pid,
                   Candidacy.seconded_by_id == pid))
    ):  # fmt: skip
        if person == pid:
            role = _("Candidature (élu·e)") if elected else _("Candidature")
        else:
            role = (
                _("A proposé une candidature") if proposer == pid else _("A appuyé une candidature")
            )
        lines.append((day, None, title, role))
    lines.sort(key=lambda line: (line[0], line[2]))
    return (
        "governance",
        _("Mandats aux instances et élections"),
        (Column("start", _("Début"), "date"), Column("end", _("Fin"), "date"),
         Column("what", _("Objet")), Column("role", _("Rôle"))),
        tuple(lines),
    )  # fmt: skip
