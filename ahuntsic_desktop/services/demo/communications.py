"""Demo communications (fictional): email templates in French and English, and the
convocations of the last coordination committee held, sent to its consenting members a
week before, so the outbox and a person's page show a history. Draws no dice."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ...domain import Attendance, Consent, Meeting, MessageTemplate, OutboxMessage, Person
from ...domain.communications import MessageStatus
from ...domain.enums import ConsentPurpose, MeetingKind
from ..communications import composing, templates
from .common import Demo

TEMPLATES = (
    (
        "Convocation",
        "fr",
        "Convocation : {titre_reunion}",
        "Bonjour {prenom},\n\nVous êtes convoqué·e à la rencontre « {titre_reunion} » le "
        "{date_reunion} à {heure_reunion}, au lieu suivant : {lieu}.\n\nVous trouverez en "
        "pièce jointe l'avis de convocation et le projet d'ordre du jour.\n\nAu plaisir,\n"
        "La coordination de {table}",
    ),
    (
        "Convocation",
        "en",
        "Notice of meeting: {titre_reunion}",
        "Hello {prenom},\n\nYou are invited to the meeting “{titre_reunion}” on {date_reunion} "
        "at {heure_reunion}, at: {lieu}.\n\nThe notice and the draft agenda are attached.\n\n"
        "Best regards,\nThe coordination of {table}",
    ),
    (
        "Procès-verbal",
        "fr",
        "Procès-verbal : {titre_reunion}",
        "Bonjour {prenom},\n\nVoici le procès-verbal de la rencontre « {titre_reunion} » du "
        "{date_reunion}, à adopter à la prochaine rencontre.\n\nLa coordination de {table}",
    ),
    (
        "Reçu de cotisation",
        "fr",
        "Votre reçu de cotisation — {table}",
        "Bonjour {prenom},\n\nMerci pour votre cotisation de {montant_du}. Vous trouverez "
        "votre reçu en pièce jointe.\n\nLa coordination de {table}",
    ),
    (
        "Rappel de cotisation",
        "fr",
        "Renouvellement de votre adhésion à {table}",
        "Bonjour {prenom},\n\nL'adhésion de {organisme} pour la nouvelle année est due : "
        "{montant_du}. Merci de votre soutien!\n\nLa coordination de {table}",
    ),
    (
        "Rappel de cotisation",
        "en",
        "Renewing your membership of {table}",
        "Hello {prenom},\n\nThe membership of {organisme} for the new year is due: "
        "{montant_du}. Thank you for your support!\n\nThe coordination of {table}",
    ),
)


def write_messages(demo: Demo) -> None:
    demo.write(
        MessageTemplate,
        [
            {"id": i, "name": n, "language": lang, "subject": s, "body": b}
            for i, (n, lang, s, b) in enumerate(TEMPLATES, start=1)
        ],
    )
    session = demo.session
    meeting = session.execute(
        select(Meeting.id, Meeting.title, Meeting.date, Meeting.start_time, Meeting.place)
        .where(Meeting.kind == MeetingKind.COORDINATION.value, Meeting.date < demo.today)
        .order_by(Meeting.date.desc())
        .limit(1)
    ).first()
    if meeting is None:
        return
    sent_on = meeting.date - dt.timedelta(days=7)
    consenting = (
        select(Consent.person_id)
        .where(Consent.purpose == ConsentPurpose.EMAIL_CONTACT.value)
        .where(Consent.granted_on <= sent_on, Consent.withdrawn_on.is_(None))
    )
    people = session.execute(
        select(Person.id, Person.first_name, Person.email)
        .join(Attendance, Attendance.person_id == Person.id)
        .where(
            Attendance.meeting_id == meeting.id,
            Person.email.is_not(None),
            Person.id.in_(consenting),
        )
        .order_by(Person.id)
    ).all()
    _n, _lang, subject, body = TEMPLATES[0]
    values = {
        "titre_reunion": meeting.title,
        "date_reunion": templates.format_day(meeting.date, "fr"),
        "heure_reunion": templates.format_hour(meeting.start_time, "fr"),
        "lieu": meeting.place or "",
        "table": demo.settings.table_name,
    }
    at = dt.datetime.combine(sent_on, dt.time(14, 0))  # UTC, 9 or 10 h in Montréal
    rows = []
    for person_id, first_name, email in people:
        filled = values | {"prenom": first_name}
        text = (
            templates.render(body, filled)
            + composing.SEPARATOR
            + composing.stop_lines("fr", demo.settings.table_name)
        )
        rows.append(
            {
                "person_id": person_id,
                "address": email,
                "subject": templates.render(subject, filled),
                "body": text,
                "attachments": [],
                "mass": True,
                "meeting_id": meeting.id,
                "status": MessageStatus.SENT.value,
                "server_answer": "Accepté par le serveur",
                "attempts": 1,
                "message_id": f"<demo-{meeting.id}-{person_id}@table-demo.example>",
                "queued_at": at,
                "sent_at": at,
            }
        )
    demo.write(OutboxMessage, rows)
