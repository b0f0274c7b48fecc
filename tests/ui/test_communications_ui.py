"""The email screens like a user: from a CC meeting's window, « Envoyer la convocation… »
previews the seated members (and who is left out, and why), puts one message per member in
the outbox with the notice attached, and « Envoyer maintenant » delivers them through a
real SMTP server on the loopback; the outbox then shows them sent."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from ahuntsic_desktop.services import communications as com
from ahuntsic_desktop.services.communications.server import PLAIN
from ahuntsic_desktop.services.governance import seats
from ahuntsic_desktop.services.meetings import agenda, meetings
from ahuntsic_desktop.services.meetings.meetings import MeetingData
from ahuntsic_desktop.services.privacy.consents import withdraw_purpose
from ahuntsic_desktop.ui.communications.outbox_dialog import OutboxDialog
from ahuntsic_desktop.ui.communications.templates_dialog import TemplatesDialog
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.privacy.person_dialog import PersonPrivacyDialog

from ..dates import DEMO_TODAY
from ..smtp_loopback import Loopback
from .meeting_fixtures import click, open_window
from .typing import type_into, type_text

MEETING_DAY = DEMO_TODAY + dt.timedelta(days=12)


@pytest.fixture
def smtp_server():
    with Loopback() as server:
        yield server


def list_texts(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_cc_convocation_goes_to_the_seated_members_through_the_outbox(qtbot, demo_db, smtp_server):
    context = Context(demo_db, today=lambda: DEMO_TODAY)
    com.save_server(
        demo_db,
        com.ServerSettings(
            host="127.0.0.1",
            port=smtp_server.port,
            security=PLAIN,
            sender="coordination@table-demo.example",
            sender_name="Coordination",
        ),
    )
    meeting_id = meetings.create_meeting(
        demo_db,
        MeetingData(
            kind="comite_coordination",
            title="CC de décembre",
            date=MEETING_DAY,
            start_time=dt.time(18, 30),
            place="Centre communautaire, salle 2",
        ),
    )
    agenda.add_agenda_item(demo_db, meeting_id, agenda.AgendaItemData(title="Bilan des chantiers"))
    seated = [r for r in seats.list_seats(demo_db, "CC", MEETING_DAY) if r.person_id]
    withdrawn = next(r for r in seated if r.person_id == 3)  # Alexandre, who has an address
    withdraw_purpose(demo_db, withdrawn.person_id, "contact_courriel", DEMO_TODAY)

    window = open_window(qtbot, context, meeting_id)
    click(qtbot, window.send_button)
    compose = window.compose
    qtbot.waitExposed(compose)
    assert compose.source.currentData() == "seats"
    assert compose.attachment.currentData() == "convocation"
    assert compose.template.currentText() == "Convocation (fr)"
    receiving = list_texts(compose.receiving)
    left_out = list_texts(compose.left_out)
    assert len(receiving) == 9
    assert any(t.startswith("Alexandre") and "consentement retiré" in t for t in left_out)
    assert any("aucune adresse courriel" in t for t in left_out)
    preview = compose.preview.toPlainText()
    assert "CC de décembre" in preview and "18 h 30" in preview and "salle 2" in preview
    assert "{" not in preview

    click(qtbot, compose.queue_button)
    assert "9 messages" in compose.status.text()
    assert smtp_server.handler.received == []  # nothing leaves before the user sends

    outbox = OutboxDialog(context)
    qtbot.addWidget(outbox)
    outbox.show()
    assert outbox.table.rowCount() == 11 + 9  # the demo's history and the new ones
    with qtbot.waitSignal(outbox.sent, timeout=30_000):
        click(qtbot, outbox.send_button)
    assert outbox.last_report.sent == 9 and outbox.last_report.waiting == 0
    got = smtp_server.handler.received
    assert len(got) == 9
    addresses = {to[0] for to, _m in got}
    assert "alexandre.pelletier@courriel.example" not in addresses
    message = got[0][1]
    (pdf,) = list(message.iter_attachments())
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.get_content())).pages)
    assert "Avis de convocation" in text and "Bilan des chantiers" in text
    body = message.get_body(("plain",)).get_content()
    first = body.split(",")[0].removeprefix("Bonjour ")
    assert first and first != "{prenom}"
    states = {
        outbox.table.item(r, 2).text()
        for r in range(outbox.table.rowCount())
        if outbox.table.item(r, 1).text() == "Convocation : CC de décembre"
    }
    assert states == {"Envoyé"}

    # The person's page shows what was sent to them.
    receiver = next(r for r in seated if r.person_id in {2, 4, 5})
    page = PersonPrivacyDialog(context, receiver.person_id)
    qtbot.addWidget(page)
    table = page.messages_box.table
    subjects = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert "Convocation : CC de décembre" in subjects


def test_an_unreachable_server_keeps_the_outbox_and_says_so(qtbot, demo_db):
    from ..smtp_loopback import free_port

    context = Context(demo_db, today=lambda: DEMO_TODAY)
    com.save_server(
        demo_db,
        com.ServerSettings(
            host="127.0.0.1",
            port=free_port(),
            security=PLAIN,
            sender="coordination@table-demo.example",
        ),
    )
    meeting_id = meetings.create_meeting(
        demo_db, MeetingData(kind="comite_coordination", title="CC", date=MEETING_DAY)
    )
    window = open_window(qtbot, context, meeting_id)
    click(qtbot, window.send_button)
    window.compose.attachment.setCurrentIndex(0)  # no attachment
    click(qtbot, window.compose.queue_button)
    outbox = OutboxDialog(context)
    qtbot.addWidget(outbox)
    with qtbot.waitSignal(outbox.sent, timeout=30_000):
        click(qtbot, outbox.send_button)
    assert outbox.last_report.waiting == 10 and outbox.last_report.sent == 0
    assert "injoignable" in outbox.summary.text()
    assert outbox.send_button.isEnabled()  # still waiting: it can be sent later


def test_a_template_with_an_unknown_field_is_refused_next_to_it(qtbot, demo_db):
    context = Context(demo_db, today=lambda: DEMO_TODAY)
    dialog = TemplatesDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    click(qtbot, dialog.new_button)
    type_into(qtbot, dialog.name, "Remerciements")
    type_into(qtbot, dialog.subject, "Merci {prénom}")
    dialog.body.setFocus()
    type_text(qtbot, dialog.body, "Merci!")
    click(qtbot, dialog.save_button)
    assert dialog.error.isVisible() and "{prénom}" in dialog.error.text()
    assert dialog.focusWidget() is dialog.subject
    type_into(qtbot, dialog.subject, "Merci {prenom}")
    click(qtbot, dialog.save_button)
    assert not dialog.error.isVisible()
    labels = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "Remerciements (fr)" in labels
    assert dialog.list.currentItem().data(Qt.ItemDataRole.UserRole) is not None


def test_settings_has_a_mail_tab_that_saves_the_server(qtbot, demo_db, monkeypatch):
    from PySide6.QtWidgets import QDialog, QTabWidget

    from ahuntsic_desktop.ui.communications.server_dialog import ServerDialog
    from ahuntsic_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(demo_db)
    qtbot.addWidget(dialog)
    tabs = dialog.findChild(QTabWidget)
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    tab = tabs.widget(titles.index("Courriels"))
    assert "Aucun serveur" in tab.server_state.text()
    assert tab.templates_state.text() == "Modèles de courriel : 6"

    def fill_and_save(server: ServerDialog) -> int:
        type_into(qtbot, server.host, "smtp.exemple.org")
        type_into(qtbot, server.sender, "pas une adresse")
        server.accept()
        assert not server.error.isHidden()  # refused next to the field, nothing saved
        assert "adresse" in server.error.text().lower()
        type_into(qtbot, server.sender, "coordination@exemple.org")
        server.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ServerDialog, "exec", fill_and_save)
    click(qtbot, tab.server_button)
    assert com.load_server(demo_db).host == "smtp.exemple.org"
    assert "smtp.exemple.org:587" in tab.server_state.text()


def test_eml_for_the_users_own_mail_program_one_message_in_bcc(
    qtbot, demo_db, tmp_path, monkeypatch, saved_documents
):
    import email
    import email.policy

    from ahuntsic_desktop.ui.communications import compose_dialog

    context = Context(demo_db, today=lambda: DEMO_TODAY)
    meeting_id = meetings.create_meeting(
        demo_db, MeetingData(kind="comite_coordination", title="CC", date=MEETING_DAY)
    )
    monkeypatch.setattr(compose_dialog, "ask_folder", lambda *_args: tmp_path / "eml")
    window = open_window(qtbot, context, meeting_id)
    click(qtbot, window.send_button)
    compose = window.compose
    compose.bcc.setChecked(True)
    click(qtbot, compose.eml_button)
    (path,) = compose.last_files
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert len(message["Bcc"].addresses) == compose.receiving.count() == 10
    assert message["To"] is None or "@" not in str(message["To"])
    body = message.get_body(("plain",)).get_content()
    assert body.startswith("Bonjour,")  # nobody's first name in a shared copy
    (pdf,) = list(message.iter_attachments())
    assert pdf.get_filename().startswith("convocation-CC-")
    assert saved_documents  # the end dialog said where it went
    # Saving .eml files puts nothing in the outbox.
    assert com.outbox.list_outbox(demo_db, ["en_attente"]) == []
