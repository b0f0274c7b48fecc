"""Communications by email through a real SMTP server on the loopback: the CC's seated
members get their convocation once, people without consent get nothing and are named,
an unreachable server keeps every message, a refused recipient fails alone, a dropped
connection keeps the rest waiting, and a withdrawal cancels waiting messages at once."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from sqlalchemy import select

from ahuntsic_desktop.domain import Consent, Person
from ahuntsic_desktop.services import communications as com
from ahuntsic_desktop.services import privacy
from ahuntsic_desktop.services.communications import outbox, recipients, templates
from ahuntsic_desktop.services.communications.server import PLAIN
from ahuntsic_desktop.services.core import ValidationError
from ahuntsic_desktop.services.demo import write_demo_file
from ahuntsic_desktop.services.meetings import meetings
from ahuntsic_desktop.services.meetings.meetings import MeetingData
from ahuntsic_desktop.services.privacy.consents import withdraw_purpose
from ahuntsic_desktop.store import Database

from ..dates import DEMO_TODAY
from ..smtp_loopback import Loopback, free_port

NOW = dt.datetime(2026, 11, 26, 15, 0)
MEETING_DAY = DEMO_TODAY + dt.timedelta(days=10)


@pytest.fixture
def smtp_server():
    with Loopback() as server:
        yield server


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("mail") / "demo.sqlite"
    write_demo_file(path, today=DEMO_TODAY)
    return path


@pytest.fixture
def demo(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    database = Database.open(path)
    yield database
    database.close()


def server_for(port: int) -> com.ServerSettings:
    return com.ServerSettings(
        host="127.0.0.1",
        port=port,
        security=PLAIN,
        sender="secretariat@table.example",
        sender_name="Secrétariat",
        timeout=5,
    )


def convocation_template(db) -> com.TemplateLine:
    template_id = templates.save_template(
        db,
        com.TemplateData(
            "Convocation test",
            "fr",
            "Convocation : {titre_reunion} le {date_reunion}",
            "Bonjour {prenom},\n\nVous êtes convoqué·e le {date_reunion} à {heure_reunion}, "
            "{lieu}, au nom de {organisme}.\n",
        ),
    )
    return templates.get_template(db, template_id)


def queue_cc(db, tmp_path, *, withdraw: int | None = None):
    meeting_id = meetings.create_meeting(
        db,
        MeetingData(
            kind="comite_coordination",
            title="CC de décembre",
            date=MEETING_DAY,
            start_time=dt.time(19, 0),
            place="Salle 3, 10780 rue Laverdure",
        ),
    )
    if withdraw is not None:
        withdraw_purpose(db, withdraw, "contact_courriel", DEMO_TODAY)
    candidates = recipients.body_seats(db, "CC", MEETING_DAY)
    seen = recipients.preview(db, candidates, DEMO_TODAY)
    pdf = tmp_path / "convocation.pdf"
    pdf.write_bytes(b"%PDF-1.4 test\n%%EOF\n")
    made = com.drafts(db, convocation_template(db), seen.recipients, meeting_id)
    ids = outbox.queue(
        db,
        made,
        now=NOW,
        attachments=[str(pdf)],
        meeting_id=meeting_id,
        sender="secretariat@table.example",
    )
    return seen, ids


def first_seated_with_email(db) -> int:
    candidates = recipients.body_seats(db, "CC", MEETING_DAY)
    with db.session() as session:
        for c in candidates:
            if session.get(Person, c.person_id).email:
                return c.person_id
    raise AssertionError("no seated member with an address")


def test_cc_convocation_reaches_each_consenting_seated_member_once(demo, tmp_path, smtp_server):
    withdrawn = first_seated_with_email(demo)
    seen, ids = queue_cc(demo, tmp_path, withdraw=withdrawn)
    reasons = {line.person_id: line.reason for line in seen.left_out}
    assert reasons[withdrawn] == "consentement retiré"
    assert "aucune adresse courriel" in reasons.values()
    assert len(ids) == len(seen.recipients) == 9
    report = com.send_outbox(demo, server_for(smtp_server.port), None, now=NOW, today=DEMO_TODAY)
    assert (report.sent, report.failed, report.waiting) == (9, 0, 0)
    got = smtp_server.handler.received
    assert sorted(to[0] for to, _m in got) == sorted(r.address for r in seen.recipients)
    with demo.session() as session:
        left_out_address = session.get(Person, withdrawn).email
    assert left_out_address not in {to[0] for to, _m in got}
    message = got[0][1]
    assert message["Subject"].startswith("Convocation : CC de décembre le 6 décembre 2026")
    text = message.get_body(("plain",)).get_content()
    assert "19 h" in text and "Salle 3" in text and "{" not in text
    assert "désabonnement" in text  # how to stop receiving them
    (pdf,) = [part for part in message.iter_attachments()]
    assert pdf.get_filename() == "convocation.pdf" and pdf.get_content().startswith(b"%PDF")
    # Sending again sends nothing more.
    again = com.send_outbox(demo, server_for(smtp_server.port), None, now=NOW, today=DEMO_TODAY)
    assert again.sent == 0 and len(smtp_server.handler.received) == 9
    statuses = {line.status for line in outbox.list_outbox(demo)}
    assert statuses == {"envoye"}


def test_unreachable_server_keeps_everything_then_delivers_each_exactly_once(demo, tmp_path):
    _seen, ids = queue_cc(demo, tmp_path)
    port = free_port()  # nobody listens there
    report = com.send_outbox(demo, server_for(port), None, now=NOW, today=DEMO_TODAY)
    assert report.sent == 0 and report.waiting == len(ids) and "injoignable" in report.problem
    lines = [line for line in outbox.list_outbox(demo) if line.id in ids]
    assert len(lines) == len(ids) and {line.status for line in lines} == {"en_attente"}
    assert all(line.attempts == 1 and line.server_answer for line in lines)
    kept_ids = {line.message_id for line in lines}
    with Loopback(port) as server:  # the same server is back
        report = com.send_outbox(demo, server_for(server.port), None, now=NOW, today=DEMO_TODAY)
        again = com.send_outbox(demo, server_for(server.port), None, now=NOW, today=DEMO_TODAY)
        received = server.handler.message_ids()
    assert report.sent == len(ids) and again.sent == 0
    assert sorted(received) == sorted(kept_ids)  # each once, with the Message-ID it kept


def test_a_refused_recipient_fails_alone_with_the_servers_answer(demo, tmp_path, smtp_server):
    seen, ids = queue_cc(demo, tmp_path)
    refused = seen.recipients[1].address
    smtp_server.handler.refused = {refused}
    report = com.send_outbox(demo, server_for(smtp_server.port), None, now=NOW, today=DEMO_TODAY)
    assert (report.sent, report.failed) == (len(ids) - 1, 1)
    lines = {line.address: line for line in outbox.list_outbox(demo) if line.id in ids}
    assert lines[refused].status == "echec"
    assert (
        lines[refused].server_answer.startswith("550")
        and "inconnue" in lines[refused].server_answer
    )
    assert all(line.status == "envoye" for a, line in lines.items() if a != refused)
    assert refused not in {to[0] for to, _m in smtp_server.handler.received}


def test_a_dropped_connection_keeps_the_rest_waiting_then_sends_them_once(
    demo, tmp_path, smtp_server
):
    _seen, ids = queue_cc(demo, tmp_path)
    smtp_server.handler.drop_after = 3
    report = com.send_outbox(demo, server_for(smtp_server.port), None, now=NOW, today=DEMO_TODAY)
    assert report.sent == 3 and report.waiting == len(ids) - 3 and report.problem
    smtp_server.handler.drop_after = None
    later = com.send_outbox(demo, server_for(smtp_server.port), None, now=NOW, today=DEMO_TODAY)
    assert later.sent == len(ids) - 3
    received = smtp_server.handler.message_ids()
    assert len(received) == len(set(received)) == len(ids)


def test_a_withdrawal_cancels_waiting_messages_at_once(demo, tmp_path, smtp_server):
    seen, ids = queue_cc(demo, tmp_path)
    person_id = seen.recipients[0].person_id
    with demo.session() as session:
        consent_id = session.scalar(
            select(Consent.id).where(
                Consent.person_id == person_id,
                Consent.purpose == "contact_courriel",
                Consent.withdrawn_on.is_(None),
            )
        )
    privacy.withdraw_consent(demo, consent_id, DEMO_TODAY)
    (cancelled,) = [line for line in com.person_history(demo, person_id) if line.id in ids]
    assert cancelled.status == "annule" and "retiré" in cancelled.server_answer
    others = [
        line for line in outbox.list_outbox(demo) if line.id in ids and line.id != cancelled.id
    ]
    assert len(others) == len(ids) - 1 and {o.status for o in others} == {"en_attente"}
    report = com.send_outbox(demo, server_for(smtp_server.port), None, now=NOW, today=DEMO_TODAY)
    assert report.sent == len(ids) - 1
    assert seen.recipients[0].address not in {to[0] for to, _m in smtp_server.handler.received}


def test_templates_refuse_unknown_fields_and_fill_english_dates(demo):
    with pytest.raises(ValidationError) as caught:
        templates.save_template(demo, com.TemplateData("X", "fr", "Objet {inconnu}", "Texte"))
    assert caught.value.field == "subject" and "{inconnu}" in caught.value.message
    with pytest.raises(ValidationError):
        templates.save_template(demo, com.TemplateData("X", "fr", "Objet", "Bonjour {prenom"))
    assert templates.format_day(dt.date(2026, 12, 1), "fr") == "1er décembre 2026"
    assert templates.format_day(dt.date(2026, 12, 1), "en") == "December 1, 2026"
    assert templates.format_amount(5000, "fr") == "50,00\xa0$"


def test_eml_files_one_per_recipient_or_one_in_bcc(demo, tmp_path):
    meeting_id = meetings.create_meeting(
        demo, MeetingData(kind="comite_coordination", title="CC", date=MEETING_DAY)
    )
    seen = recipients.preview(demo, recipients.body_seats(demo, "CC", MEETING_DAY), DEMO_TODAY)
    template = convocation_template(demo)
    made = com.drafts(demo, template, seen.recipients, meeting_id)
    settings = server_for(25)
    files = com.save_eml(made, tmp_path / "eml", settings, now=NOW)
    assert len(files) == len(seen.recipients)
    import email
    import email.policy

    first = email.message_from_bytes(files[0].read_bytes(), policy=email.policy.default)
    assert first["To"] == made[0].address and first["X-Unsent"] == "1"
    generic = com.generic_draft(demo, template, meeting_id)
    (one,) = com.save_eml(made, tmp_path / "bcc", settings, now=NOW, bcc=generic)
    message = email.message_from_bytes(one.read_bytes(), policy=email.policy.default)
    assert len(message["Bcc"].addresses) == len(made)
    body = message.get_body(("plain",)).get_content()
    assert all(r.first_name not in body for r in seen.recipients)  # nobody's name in it


def test_the_access_report_lists_the_messages_and_erasure_removes_them(demo, tmp_path):
    seen, ids = queue_cc(demo, tmp_path)
    person_id = seen.recipients[0].person_id
    section = privacy.person_file(demo, person_id).section("messages")
    subjects = [row[3] for row in section.rows]
    assert "Convocation : CC de décembre le 6 décembre 2026" in subjects
    assert all(row[2] == seen.recipients[0].address for row in section.rows)
    privacy.anonymize_person(demo, person_id, now=NOW, purge=False)
    assert com.person_history(demo, person_id) == []
    assert privacy.person_file(demo, person_id).section("messages").rows == ()


def test_a_receipt_goes_to_the_member_who_paid_with_its_pdf(demo, tmp_path, smtp_server):
    from pypdf import PdfReader

    from ahuntsic_desktop.domain import Membership, Organization
    from ahuntsic_desktop.exports.mail_attachments import write_receipt_attachment
    from ahuntsic_desktop.services.communications import receipts

    with demo.session() as session:  # a member organisation that paid its dues
        membership_id, email = session.execute(
            select(Membership.id, Organization.email)
            .join(Organization, Organization.id == Membership.organization_id)
            .where(
                Membership.paid_on.is_not(None),
                Membership.dues_cents > 0,
                Organization.email.is_not(None),
            )
            .order_by(Membership.id)
        ).first()
    person_id = None  # the organisation's own address: no person's history
    template = receipts.receipt_template(demo)
    draft = receipts.receipt_draft(demo, membership_id, template)
    assert draft.address == email and draft.person_id == person_id
    assert "$" in draft.body and "{" not in draft.body
    pdf = write_receipt_attachment(demo, membership_id, tmp_path, today=DEMO_TODAY)
    outbox.queue(demo, [draft], now=NOW, attachments=[str(pdf)], mass=False)
    report = com.send_outbox(demo, server_for(smtp_server.port), None, now=NOW, today=DEMO_TODAY)
    assert report.sent == 1
    ((to, message),) = smtp_server.handler.received
    assert to == [email]
    (attached,) = list(message.iter_attachments())
    import io

    text = PdfReader(io.BytesIO(attached.get_content())).pages[0].extract_text()
    assert "Reçu" in text
