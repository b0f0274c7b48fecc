"""« Envoyer un courriel »: recipients from a source, a template, the PDF to attach, a
preview of who gets it and who is left out and why; then into the outbox, or as .eml
files for the user's own mail program."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...exports import mail_attachments
from ...i18n import _, ngettext
from ...paths import data_dir
from ...services import communications as com
from ...services.communications import outbox, recipients, templates
from ...services.core.errors import ValidationError
from ...services.meetings import meetings, pick_lists
from ..context import Context
from ..widgets.files import ask_folder, busy, offer_to_open
from ..widgets.forms import error_label, fill_combo
from ..widgets.messages import show_error
from ..widgets.unsaved import GuardedDialog

INVITEES, SEATS, RENEWALS, CHANTIER = "invitees", "seats", "renewals", "chantier"
CHOSEN = "chosen"  # the people chosen in a list of the registry


class ComposeView(GuardedDialog):
    """Layout only. It chooses and previews (nothing typed is lost on closing), so closing
    never asks."""

    guards_edits = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Envoyer un courriel"))
        self.setMinimumWidth(760)
        self.source = QComboBox(self)
        self.source.setObjectName("sourceCombo")
        self.chantier = QComboBox(self)
        self.chantier.setObjectName("chantierCombo")
        self.template = QComboBox(self)
        self.template.setObjectName("templateCombo")
        self.attachment = QComboBox(self)
        self.attachment.setObjectName("attachmentCombo")
        form = QFormLayout()
        form.addRow(_("&Destinataires :"), self.source)
        form.addRow(_("C&hantier :"), self.chantier)
        form.addRow(_("&Modèle :"), self.template)
        form.addRow(_("&Pièce jointe :"), self.attachment)
        self.receiving_label = QLabel(self)
        self.receiving = QListWidget(self)
        self.receiving.setObjectName("recipientsList")
        self.left_out_label = QLabel(self)
        self.left_out = QListWidget(self)
        self.left_out.setObjectName("leftOutList")
        lists = QHBoxLayout()
        for label, widget in (
            (self.receiving_label, self.receiving),
            (self.left_out_label, self.left_out),
        ):
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(widget)
            lists.addLayout(column)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("messagePreview")
        self.preview.setReadOnly(True)
        self.bcc = QCheckBox(_("En .eml : un seul message, destinataires en &Cci"), self)
        self.bcc.setObjectName("bccCheck")
        self.status = QLabel(self)
        self.status.setObjectName("composeStatus")
        self.status.setWordWrap(True)
        self.error = error_label(self)
        self.queue_button = QPushButton(_("Mettre dans la &boîte d'envoi"), self)
        self.queue_button.setObjectName("queueButton")
        self.queue_button.setDefault(True)
        self.eml_button = QPushButton(_("Enregistrer en .&eml…"), self)
        self.eml_button.setObjectName("emlButton")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Fermer"))
        self.buttons.addButton(self.eml_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.queue_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(lists, 1)
        layout.addWidget(QLabel(_("Aperçu du premier message :"), self))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.bcc)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)


class ComposeDialog(ComposeView):
    """``queued`` is emitted with the number of messages put in the outbox."""

    queued = Signal(int)

    def __init__(
        self,
        context: Context,
        meeting_id: int | None = None,
        parent: QWidget | None = None,
        *,
        attachment: str | None = None,
        person_ids: list[int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.person_ids = list(person_ids or [])
        self.meeting_id = meeting_id
        self.body = meetings.get_meeting(context.db, meeting_id).body if meeting_id else None
        self.current: com.Preview = com.Preview((), ())
        self.last_files: list[Path] = []  # the .eml files last written (tests look here)
        self._fill_choices(attachment)
        self._connect()
        self.refresh()

    def _fill_choices(self, attachment: str | None) -> None:
        sources = []
        if self.person_ids:
            n = len(self.person_ids)
            chosen = ngettext("La personne choisie", "Les {n} personnes choisies", n)
            sources.append((CHOSEN, chosen.format(n=n)))
        if self.meeting_id is not None:
            sources.append((INVITEES, _("Personnes inscrites à la rencontre")))
            sources.append(
                (SEATS, _("Membres siégeant à l'instance {body}").format(body=self.body))
            )
        sources += [
            (RENEWALS, _("Membres à renouveler")),
            (CHANTIER, _("Participant·es d'un chantier")),
        ]
        default = CHOSEN if self.person_ids else (SEATS if self.body == "CC" else None)
        fill_combo(self.source, sources, default)
        fill_combo(self.chantier, pick_lists.chantier_choices(self.context.db))
        lines = templates.list_templates(self.context.db)
        wanted = next((t.id for t in lines if attachment and attachment in t.name.lower()), None)
        fill_combo(self.template, [(t.id, t.label) for t in lines], wanted)
        kinds = [(None, _("Aucune"))]
        if self.meeting_id is not None:
            kinds += [(k, _(text)) for k, text in mail_attachments.KINDS.items()]
        fill_combo(self.attachment, kinds, attachment)

    def _connect(self) -> None:
        self.buttons.rejected.connect(self.reject)
        for combo in (self.source, self.chantier, self.template):
            combo.currentIndexChanged.connect(self.refresh)
        self.queue_button.clicked.connect(self.put_in_outbox)
        self.eml_button.clicked.connect(self.save_eml)

    # -- the preview -------------------------------------------------------------------
    def candidates(self) -> list[com.Candidate]:
        db, today, source = self.context.db, self.context.today(), self.source.currentData()
        if source == INVITEES:
            return recipients.meeting_invitees(db, self.meeting_id)
        if source == SEATS:
            day = meetings.get_meeting(db, self.meeting_id).date
            return recipients.body_seats(db, self.body, day)
        if source == RENEWALS:
            return recipients.renewals_due(db, today)
        if source == CHOSEN:
            return [com.Candidate(person_id) for person_id in self.person_ids]
        chantier_id = self.chantier.currentData()
        return [] if chantier_id is None else recipients.chantier_roster(db, chantier_id, today)

    def template_line(self) -> com.TemplateLine | None:
        template_id = self.template.currentData()
        return None if template_id is None else templates.get_template(self.context.db, template_id)

    def refresh(self) -> None:
        self.chantier.setEnabled(self.source.currentData() == CHANTIER)
        self.current = com.preview(self.context.db, self.candidates(), self.context.today())
        self.receiving.clear()
        self.receiving.addItems([f"{r.name} <{r.address}>" for r in self.current.recipients])
        self.left_out.clear()
        self.left_out.addItems([f"{x.name} — {x.reason}" for x in self.current.left_out])
        n, m = len(self.current.recipients), len(self.current.left_out)
        self.receiving_label.setText(
            ngettext("Recevra le message ({n})", "Recevront le message ({n})", n).format(n=n)
        )
        self.left_out_label.setText(
            ngettext(
                "Laissé·e de côté, et pourquoi ({n})", "Laissé·es de côté, et pourquoi ({n})", m
            ).format(n=m)
        )
        template = self.template_line()
        drafts = self._drafts(template, self.current.recipients[:1]) if template else []
        self.preview.setPlainText(f"{drafts[0].subject}\n\n{drafts[0].body}" if drafts else "")
        ready = template is not None and n > 0
        self.queue_button.setEnabled(ready and not self.context.db.read_only)
        self.eml_button.setEnabled(ready)

    def _drafts(self, template: com.TemplateLine, people) -> list[com.Draft]:
        return com.drafts(self.context.db, template, people, self.meeting_id)

    def _attachment(self) -> list[str]:
        kind = self.attachment.currentData()
        if kind is None or self.meeting_id is None:
            return []
        path = mail_attachments.write_meeting_attachment(
            self.context.db, kind, self.meeting_id, data_dir(), today=self.context.today()
        )
        return [str(path)]

    # -- the two ways out -----------------------------------------------------------------
    def put_in_outbox(self) -> None:
        template = self.template_line()
        if template is None:
            return
        try:
            with busy(self.queue_button):
                files = self._attachment()
                made = self._drafts(template, self.current.recipients)
                sender = com.load_server(self.context.db).sender
                ids = outbox.queue(
                    self.context.db,
                    made,
                    now=self.context.now(),
                    attachments=files,
                    meeting_id=self.meeting_id,
                    sender=sender,
                )
        except (ValidationError, OSError) as error:
            show_error(self, getattr(error, "message", None) or str(error))
            return
        self.status.setText(
            ngettext(
                "{n} message mis dans la boîte d'envoi.",
                "{n} messages mis dans la boîte d'envoi.",
                len(ids),
            ).format(n=len(ids))
        )
        self.queued.emit(len(ids))

    def save_eml(self) -> None:
        template = self.template_line()
        folder = ask_folder(self, _("Dossier où enregistrer les courriels (.eml)"))
        if template is None or folder is None:
            return
        settings = com.load_server(self.context.db)
        made = self._drafts(template, self.current.recipients)
        bcc = (
            com.generic_draft(self.context.db, template, self.meeting_id)
            if self.bcc.isChecked()
            else None
        )
        try:
            with busy(self.eml_button):
                files = tuple(self._attachment())
                self.last_files = com.save_eml(
                    made, folder, settings, now=self.context.now(), attachments=files, bcc=bcc
                )
        except (ValidationError, OSError) as error:
            show_error(self, getattr(error, "message", None) or str(error))
            return
        message = ngettext(
            "{n} fichier .eml enregistré : ouvrez-le dans votre logiciel de courriel.",
            "{n} fichiers .eml enregistrés : ouvrez-les dans votre logiciel de courriel.",
            len(self.last_files),
        ).format(n=len(self.last_files))
        offer_to_open(self, self.last_files[0], message)
