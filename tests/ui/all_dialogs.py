"""Every dialog the app can open, made on the demo file: one list for the walks over all of
them -- the screen-reader walk (test_accessible_names.py) and the small-screen screenshots
(docs/small_screens.py). ``test_accessible_names`` checks that no dialog class of
``ahuntsic_desktop.ui`` is missing from it.

``all_dialogs(window, day, folder)`` maps a short French name (the screenshot's file name)
to a function that makes the dialog, not shown; ``folder`` receives the workbooks the
import previews read. Only services and exports are used to find records and files."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget


def _records(db, day) -> dict:
    """Ids of demo records the dialogs open (the first of each kind)."""
    from ahuntsic_desktop.services import planning
    from ahuntsic_desktop.services.funding import applications
    from ahuntsic_desktop.services.governance import seats
    from ahuntsic_desktop.services.meetings import meetings
    from ahuntsic_desktop.services.plan import chantiers, plans
    from ahuntsic_desktop.services.privacy import consents
    from ahuntsic_desktop.services.registry import memberships, persons

    person_ids = persons.list_persons(db, today=day).ids
    plan_id = plans.list_plans(db)[0].id
    chantier_table = plans.list_chantiers(db, plan_id, today=day)
    chantier_id = chantier_table.ids[0]
    process_id = planning.list_processes(db)[-1].id
    consent = next(line for pid in person_ids[:200] for line in consents.list_consents(db, pid))
    mandate = next(row for row in seats.list_seats(db, "CC", day) if row.mandate_id)
    return {
        "person": person_ids[0],
        "other_person": person_ids[1],
        "membership_ids": memberships.list_memberships(db, day.year).ids,
        "meeting": meetings.list_meetings(db, upcoming=False, today=day).ids[0],
        "plan": plan_id,
        "chantier": chantier_id,
        "chantier_name": chantier_table.rows[0][chantier_table.column_index("chantier")],
        "roster": chantiers.roster(db, chantier_id, today=day)[0],
        "process": process_id,
        "contribution": planning.list_contributions(db, process_id, day)[0].id,
        "consent": consent,
        "mandate": mandate,
        "application": applications.list_applications(db).ids[0],
    }


def _files(db, day, folder: Path, process_id: int) -> dict[str, Callable[[], Path]]:
    """Workbooks for the import previews, written when first asked for."""
    from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
    from ahuntsic_desktop.exports.xlsx.contributions import write_contributions
    from ahuntsic_desktop.exports.xlsx.plan_template import write_plan_template

    folder.mkdir(parents=True, exist_ok=True)
    return {
        "tracking": lambda: run_export(db, "plan", folder / "suivi.xlsx", ExportOptions()),
        "plan": lambda: write_plan_template(folder / "plan.xlsx"),
        "contributions": lambda: write_contributions(
            db, process_id, folder / "contributions.xlsx", day
        ),
    }


def all_dialogs(window, day, folder: Path) -> dict[str, Callable[[], QWidget]]:
    from ahuntsic_desktop.services import planning
    from ahuntsic_desktop.services.plan.editing import NodeRef, move_targets
    from ahuntsic_desktop.services.plan.roundtrip import preview_import
    from ahuntsic_desktop.services.privacy.erasure import erasure_preview
    from ahuntsic_desktop.services.registry import persons
    from ahuntsic_desktop.ui.backup_dialogs import RestoreDialog
    from ahuntsic_desktop.ui.communications.compose_dialog import ComposeDialog
    from ahuntsic_desktop.ui.communications.outbox_dialog import OutboxDialog
    from ahuntsic_desktop.ui.communications.server_dialog import ServerDialog as MailServerDialog
    from ahuntsic_desktop.ui.communications.templates_dialog import TemplatesDialog
    from ahuntsic_desktop.ui.evaluation.dialogs import EventDialog, WorkDialog
    from ahuntsic_desktop.ui.evaluation.portrait_dialogs import (
        ImageDialog,
        IssueDialog,
        StoryDialog,
    )
    from ahuntsic_desktop.ui.evaluation.portrait_page import CENSUS, SHEET, IndicatorImportDialog
    from ahuntsic_desktop.ui.governance.election_dialog import ElectionDialog
    from ahuntsic_desktop.ui.governance.seat_dialogs import (
        EndMandateDialog,
        MandateDialog,
        SeatDialog,
    )
    from ahuntsic_desktop.ui.help.about import AboutDialog
    from ahuntsic_desktop.ui.help.guide import GuideDialog
    from ahuntsic_desktop.ui.importing.value_map_dialog import ValueMapDialog
    from ahuntsic_desktop.ui.importing.wizard import ImportWizard
    from ahuntsic_desktop.ui.meetings.agenda_item_dialog import AgendaItemDialog
    from ahuntsic_desktop.ui.meetings.followup_dialog import FollowUpDialog
    from ahuntsic_desktop.ui.meetings.meeting_dialog import MeetingDialog
    from ahuntsic_desktop.ui.meetings.meeting_window import MeetingWindow
    from ahuntsic_desktop.ui.meetings.resolution_dialog import ResolutionDialog
    from ahuntsic_desktop.ui.merge_dialog import MergeDialog
    from ahuntsic_desktop.ui.pages.plan_roundtrip_dialog import PlanImportDialog
    from ahuntsic_desktop.ui.plan.dialogs import MoveDialog, NewPlanDialog
    from ahuntsic_desktop.ui.plan.import_dialog import ImportPlanDialog
    from ahuntsic_desktop.ui.plan.roster_dialog import JoinDialog, RoleDialog
    from ahuntsic_desktop.ui.planning.activity_dialog import ActivityDialog
    from ahuntsic_desktop.ui.planning.contribution_dialog import ContributionDialog
    from ahuntsic_desktop.ui.planning.phase_dialog import PhaseDialog
    from ahuntsic_desktop.ui.planning.process_dialogs import ProcessDialog, SectionDialog
    from ahuntsic_desktop.ui.planning.roundtrip_dialog import ContributionsImportDialog
    from ahuntsic_desktop.ui.planning.synthesis_dialog import SynthesisDialog
    from ahuntsic_desktop.ui.planning.vocabulary_dialog import VocabularyDialog
    from ahuntsic_desktop.ui.privacy.erasure_dialog import ErasureDialog
    from ahuntsic_desktop.ui.privacy.incident_dialog import IncidentDialog
    from ahuntsic_desktop.ui.privacy.person_dialog import PersonPrivacyDialog
    from ahuntsic_desktop.ui.privacy.small_dialogs import (
        GrantConsentDialog,
        PersonChooser,
        RequestDialog,
        WithdrawConsentDialog,
    )
    from ahuntsic_desktop.ui.registry.agreement_dialog import AgreementDialog
    from ahuntsic_desktop.ui.registry.application_dialog import AcceptDialog, ApplicationDialog
    from ahuntsic_desktop.ui.registry.conflict_dialog import ConflictDialog
    from ahuntsic_desktop.ui.registry.deadline_dialog import DeadlineDialog
    from ahuntsic_desktop.ui.registry.instalment_dialog import InstalmentDialog
    from ahuntsic_desktop.ui.registry.membership_dialog import MembershipDialog
    from ahuntsic_desktop.ui.registry.organization_dialog import OrganizationDialog
    from ahuntsic_desktop.ui.registry.partner_dialog import PartnerDialog
    from ahuntsic_desktop.ui.registry.payment_dialog import PaymentDialog
    from ahuntsic_desktop.ui.registry.person_dialog import PersonDialog
    from ahuntsic_desktop.ui.registry.renewal_dialog import RenewalDialog
    from ahuntsic_desktop.ui.server_dialog import ServerDialog
    from ahuntsic_desktop.ui.settings_dialog import SettingsDialog

    context, db, w = window.context, window.context.db, window
    r = _records(db, day)
    files = _files(db, day, folder, r["process"])
    person, meeting, process = r["person"], r["meeting"], r["process"]
    membership = r["membership_ids"][0]
    consent, mandate = r["consent"], r["mandate"]

    def conflict() -> ConflictDialog:
        theirs = persons.get_person(db, person)
        mine = dataclasses.replace(theirs, notes=(theirs.notes or "") + " (modifié)")
        return ConflictDialog(mine, theirs, {"first_name": "Prénom", "notes": "Notes"}, w)

    return {
        # registry and funding
        "personne": lambda: PersonDialog(context, person, w),
        "organisme": lambda: OrganizationDialog(context, None, w),
        "adhesion": lambda: MembershipDialog(context, membership, w),
        "paiement": lambda: PaymentDialog(context, membership, w),
        "renouvellement": lambda: RenewalDialog(context, r["membership_ids"][:3], day.year, w),
        "fusion": lambda: MergeDialog(db, "person", person, r["other_person"], w),
        "conflit": conflict,
        "partenaire": lambda: PartnerDialog(context, None, w),
        "entente": lambda: AgreementDialog(context, None, w),
        "echeance": lambda: DeadlineDialog(context, None, w),
        "versement": lambda: InstalmentDialog(context, None, w),
        "demande": lambda: ApplicationDialog(context, None, w),
        "demande-acceptee": lambda: AcceptDialog(context, r["application"], w),
        "importer-membres": lambda: ImportWizard(db, w),
        "correspondance-valeurs": lambda: ValueMapDialog(
            w,
            "Catégorie",
            "Catégorie",
            [("Communautaire", 3)],
            [("communautaire", "Communautaire"), ("public", "Public")],
            {},
        ),  # fmt: skip
        # meetings and seats
        "rencontre": lambda: MeetingDialog(context, meeting, w),
        "fenetre-rencontre": lambda: MeetingWindow(context, meeting, w),
        "point-ordre-du-jour": lambda: AgendaItemDialog(db, meeting, [], None, None, w),
        "suivi": lambda: FollowUpDialog(context, meeting, w),
        "resolution": lambda: ResolutionDialog(db, meeting, None, w),
        "election": lambda: ElectionDialog(context, meeting, w),
        "siege": lambda: SeatDialog(context, "CC", w),
        "mandat": lambda: MandateDialog(context, "CC", mandate.seat_id, w),
        "fin-de-mandat": lambda: EndMandateDialog(context, mandate.mandate_id, mandate.holder, w),
        # plan and chantiers
        "nouveau-plan": lambda: NewPlanDialog(context, w),
        "deplacer": lambda: MoveDialog(
            r["chantier_name"], move_targets(db, NodeRef("chantier", r["chantier"])), None, w
        ),
        "importer-plan": lambda: ImportPlanDialog(context, files["plan"](), w),
        "importer-suivi": lambda: PlanImportDialog(preview_import(db, files["tracking"]()), w),
        "rejoindre-chantier": lambda: JoinDialog(context, r["chantier"], r["chantier_name"], w),
        "role-chantier": lambda: RoleDialog(context, r["roster"], leaving=False, parent=w),
        # démarche
        "demarche": lambda: ProcessDialog(context, process, w),
        "demarche-phase": lambda: PhaseDialog(context, process, None, w),
        "demarche-section": lambda: SectionDialog(context, process, None, w),
        "demarche-activite": lambda: ActivityDialog(context, process, None, w),
        "demarche-synthese": lambda: SynthesisDialog(context, process, None, w),
        "demarche-contribution": lambda: ContributionDialog(context, r["contribution"], w),
        "demarche-vocabulaires": lambda: VocabularyDialog(context, w),
        "importer-contributions": lambda: ContributionsImportDialog(
            context, planning.preview_roundtrip(db, files["contributions"]()), w
        ),
        # bilan and portrait
        "bilan-demarche-integree": lambda: WorkDialog(
            context, r["plan"], "demarche_integree", None, w
        ),
        "bilan-evenement": lambda: EventDialog(context, None, w),
        "portrait-enjeu": lambda: IssueDialog(context, None, w),
        "portrait-recit": lambda: StoryDialog(context, None, w),
        "portrait-image": lambda: ImageDialog(context, w),
        "portrait-indicateurs": lambda: IndicatorImportDialog(context, SHEET, w),
        "portrait-recensement": lambda: IndicatorImportDialog(context, CENSUS, w),
        # privacy
        "vie-privee-personne": lambda: PersonPrivacyDialog(context, person, w),
        "consentement": lambda: GrantConsentDialog(context, person, None, w),
        "retrait-consentement": lambda: WithdrawConsentDialog(
            context, consent.id, consent.purpose_label, w
        ),
        "demande-acces": lambda: RequestDialog(context, None, w),
        "choisir-personne": lambda: PersonChooser(context, w),
        "incident": lambda: IncidentDialog(context, None, w),
        "anonymiser": lambda: ErasureDialog(erasure_preview(db, person), w),
        # file and help
        "parametres": lambda: SettingsDialog(db, w),
        "restaurer": lambda: RestoreDialog(Path(db.path), db.backup_dir, w),
        "serveur": lambda: ServerDialog(w),
        # email
        "courriel": lambda: ComposeDialog(context, meeting, w, attachment="convocation"),
        "courriel-choisis": lambda: ComposeDialog(context, None, w, person_ids=[person]),
        "boite-envoi": lambda: OutboxDialog(context, w),
        "modeles-courriel": lambda: TemplatesDialog(context, w),
        "serveur-courriel": lambda: MailServerDialog(context, w),
        "a-propos": lambda: AboutDialog(w),
        "guide": lambda: GuideDialog(w),
    }
