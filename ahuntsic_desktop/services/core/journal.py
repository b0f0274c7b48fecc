"""Reading the audit trail: the Journal page's list and one record's history.

Lists select plain tuples with the changes as raw JSON text; :func:`summarize` turns one
entry's changes into a French sentence when a row is shown, so 100,000 entries load fast.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from sqlalchemy import Text, cast, func, select

from ...domain import AuditEntry
from ...domain.enums import AuditAction, Sector
from ...domain.instants import from_local, local
from ...domain.labels import LABELS
from ...i18n import N_, _, format_date, format_money, format_time, ngettext
from ...store import Database
from .audit import BULK_ID, SCRUBBED

ACTION_LABELS = {
    AuditAction.CREATE.value: N_("Création"),
    AuditAction.UPDATE.value: N_("Modification"),
    AuditAction.ARCHIVE.value: N_("Archivage"),
    AuditAction.RESTORE.value: N_("Restauration"),
    AuditAction.MERGE.value: N_("Fusion"),
    AuditAction.DELETE.value: N_("Suppression"),
    AuditAction.ANONYMIZE.value: N_("Anonymisation"),
}
ENTITY_LABELS = {
    "organization": N_("Organisme"),
    "person": N_("Personne"),
    "representation": N_("Représentation"),
    "membership": N_("Adhésion"),
    "membership_category": N_("Catégorie de membre"),
    "partner_role": N_("Partenaire"),
    "funding_agreement": N_("Entente de financement"),
    "reporting_deadline": N_("Reddition de comptes"),
    "action_plan": N_("Plan d'action"),
    "pillar": N_("Pilier"),
    "chantier": N_("Chantier"),
    "orientation": N_("Orientation"),
    "means": N_("Moyen"),
    "target": N_("Cible"),
    "assignment": N_("Affectation"),
    "meeting": N_("Rencontre"),
    "agenda_item": N_("Point à l'ordre du jour"),
    "attendance": N_("Présence"),
    "resolution": N_("Résolution"),
    "follow_up": N_("Suivi"),
    "consent": N_("Consentement"),
    "fichier": N_("Fichier"),
    "integrated_approach": N_("Démarche intégrée"),
    "flagship_project": N_("Projet phare"),
    "chantier_evaluation": N_("Évaluation de chantier"),
    "orientation_year_status": N_("Statut annuel d'orientation"),
    "plan_evaluation_section": N_("Section du bilan"),
    "recommendation": N_("Recommandation"),
    "timeline_event": N_("Événement de la ligne du temps"),
    "indicator": N_("Indicateur"),
    "access_request": N_("Demande d'accès"),
    "privacy_incident": N_("Incident de confidentialité"),
    "planning_process": N_("Démarche de planification"),
    "process_phase": N_("Phase de la démarche"),
    "process_activity": N_("Activité de la démarche"),
    "synthesis": N_("Synthèse"),
    "funding_application": N_("Demande de financement"),
    "funding_document": N_("Document d'une demande"),
    "funding_instalment": N_("Versement"),
    "agreement_allocation": N_("Répartition d'une entente"),
    "seat": N_("Siège"),
    "mandate": N_("Mandat"),
    "election": N_("Élection"),
    "candidacy": N_("Candidature"),
}
FIELD_LABELS = {
    "name": N_("nom"),
    "first_name": N_("prénom"),
    "last_name": N_("nom"),
    "acronym": N_("sigle"),
    "email": N_("courriel"),
    "phone": N_("téléphone"),
    "address": N_("adresse"),
    "city": N_("ville"),
    "postal_code": N_("code postal"),
    "website": N_("site Web"),
    "sector": N_("secteur"),
    "notes": N_("notes"),
    "title": N_("titre"),
    "date": N_("date"),
    "status": N_("statut"),
    "kind": N_("type"),
    "role": N_("rôle"),
    "year": N_("année"),
    "archived_at": N_("archivé le"),
    "anonymized_at": N_("anonymisé le"),
    "paid_on": N_("payé le"),
    "dues_cents": N_("cotisation"),
    "amount_cents": N_("montant"),
    "start_date": N_("début"),
    "end_date": N_("fin"),
    "due_date": N_("échéance"),
    "person_id": N_("personne n°"),
    "organization_id": N_("organisme n°"),
    "category_id": N_("catégorie n°"),
    "meeting_id": N_("rencontre n°"),
    "position": N_("position"),
    "description": N_("description"),
    "is_resident": N_("résident·e"),
    "is_elected": N_("élu·e"),
    "voting": N_("droit de vote"),
    "default_dues_cents": N_("cotisation par défaut"),
    "for_persons": N_("pour les personnes"),
    "for_organizations": N_("pour les organismes"),
    "payment_method": N_("mode de paiement"),
    "receipt_number": N_("n° de reçu"),
    "programme": N_("programme"),
    "conditions": N_("conditions"),
    "funder_id": N_("bailleur n°"),
    "contact_person_id": N_("personne-contact n°"),
    "agreement_id": N_("entente n°"),
    "submitted_on": N_("remise le"),
    "since": N_("depuis"),
    "vision": N_("vision"),
    "start_year": N_("première année"),
    "end_year": N_("dernière année"),
    "plan_id": N_("plan n°"),
    "pillar_id": N_("pilier n°"),
    "chantier_id": N_("chantier n°"),
    "orientation_id": N_("orientation n°"),
    "means_id": N_("moyen n°"),
    "mandate": N_("mandat"),
    "indicator": N_("indicateur"),
    "target_value": N_("valeur visée"),
    "actual_value": N_("valeur atteinte"),
    "unit": N_("unité"),
    "evaluation": N_("évaluation"),
    "comment": N_("commentaire"),
    "status_date": N_("date du statut"),
    "body": N_("instance"),
    "place": N_("lieu"),
    "start_time": N_("heure de début"),
    "end_time": N_("heure de fin"),
    "participation_format": N_("format"),
    "chair_id": N_("présidence n°"),
    "secretary_id": N_("secrétariat n°"),
    "minutes_approved_on": N_("procès-verbal adopté le"),
    "minutes_approved_by_meeting_id": N_("adopté à la rencontre n°"),
    "agenda_item_id": N_("point n°"),
    "presenter_id": N_("présenté par n°"),
    "planned_minutes": N_("durée prévue"),
    "minutes_text": N_("compte rendu"),
    "invited": N_("invité·e"),
    "number": N_("numéro"),
    "sequence": N_("séquence"),
    "text": N_("texte"),
    "outcome": N_("issue"),
    "moved_by_id": N_("proposé par n°"),
    "seconded_by_id": N_("appuyé par n°"),
    "votes_for": N_("pour"),
    "votes_against": N_("contre"),
    "abstentions": N_("abstentions"),
    "resolution_id": N_("résolution n°"),
    "owner_person_id": N_("responsable n°"),
    "owner_organization_id": N_("organisme responsable n°"),
    "done_on": N_("fait le"),
    "purpose": N_("fin"),
    "granted_on": N_("donné le"),
    "withdrawn_on": N_("retiré le"),
    "source": N_("source"),
    "achievements": N_("réalisations"),
    "challenges": N_("défis"),
    "lessons": N_("apprentissages"),
    "evaluation_text": N_("texte de l'évaluation"),
    "from_journal": N_("tiré du journal"),
    "month": N_("mois"),
    "day": N_("jour"),
    "category": N_("catégorie"),
    "key": N_("section"),
}
MAX_SUMMARY = 400
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$")


def action_label(action: str) -> str:
    return _(ACTION_LABELS.get(action, action))


def entity_label(entity: str) -> str:
    return _(ENTITY_LABELS.get(entity, entity))


def field_label(key: str) -> str:
    return _(FIELD_LABELS.get(key, key.replace("_", " ")))


# Fields that store an enum's code: the journal shows its label (« En cours », not en_cours).
ENUM_FIELDS = frozenset(
    {"kind", "role", "status", "purpose", "source", "evaluation", "participation_format",
     "payment_method", "sector", "outcome"}
)  # fmt: skip


def _enum_text(value: str) -> str | None:
    """The label of a stored enum code (a sector's label first: « Communautaire »)."""
    found = None
    for (enum, code), text in LABELS.items():
        if code == value:
            if enum is Sector:
                return _(text)
            found = found or _(text)
    return found


def _value(key: str, value: object) -> str:
    if value is None or value == "":
        return _("(vide)")
    if value == SCRUBBED:
        return _("[anonymisé]")
    if key in ENUM_FIELDS and isinstance(value, str):
        text = _enum_text(value)
        if text is not None:
            return f"« {text} »"
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if key.endswith("_cents") and isinstance(value, int):
        return format_money(value)
    if isinstance(value, str) and _ISO.match(value):
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if len(value) == 10:
                return format_date(moment, "medium")
            moment = local(moment)  # an instant stamped by the program: UTC in the file
            return f"{format_date(moment, 'medium')}, {format_time(moment.time())}"
    text = str(value)
    return f"« {text[:80]}…»" if len(text) > 80 else f"« {text} »"


def describe(action: str, changes: object, limit: int | None = MAX_SUMMARY) -> str:
    """One entry's changes in French, e.g. « courriel : « a@b.ca » → « c@d.ca » »,
    cut at ``limit`` characters (None: whole)."""

    def _shorten(text: str) -> str:
        return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"

    if not changes:
        return ""
    if not isinstance(changes, dict):
        return _shorten(str(changes))
    if action == AuditAction.MERGE.value:
        if "merged_into" in changes:
            return _("Fusionné dans la fiche n° {id}").format(id=changes["merged_into"])
        moved = sum(len(ids) for ids in (changes.get("moved") or {}).values())
        text = _("Fiche n° {id} fusionnée ici ; {n} lien(s) déplacé(s)").format(
            id=changes.get("merged_id"), n=moved
        )
        filled = changes.get("filled") or {}
        if filled:
            text += " ; " + _("complété : {fields}").format(
                fields=", ".join(field_label(k) for k in filled)
            )
        return _shorten(text)
    parts = []
    if "count" in changes:
        count = int(changes["count"])
        parts.append(ngettext("{n} fiche", "{n} fiches", count).format(n=count))
    if changes.get("note"):
        parts.append(str(changes["note"]))
    for key, value in changes.items():
        if key in ("count", "note"):
            continue
        if isinstance(value, list) and len(value) == 2:
            old, new = value
            parts.append(f"{field_label(key)} : {_value(key, old)} → {_value(key, new)}")
        elif isinstance(value, dict | list):
            parts.append(f"{field_label(key)} : {json.dumps(value, ensure_ascii=False)[:80]}")
        else:
            parts.append(f"{field_label(key)} : {_value(key, value)}")
    return _shorten(" ; ".join(parts))


def summarize(action: str, raw: str | None, limit: int | None = MAX_SUMMARY) -> str:
    """:func:`describe` from the changes as stored (JSON text)."""
    if raw is None:
        return ""
    try:
        return describe(action, json.loads(raw), limit)
    except ValueError:
        return raw[:limit]


@dataclass(frozen=True)
class JournalFilter:
    start: dt.date | None = None  # first day shown
    end: dt.date | None = None  # last day shown
    entity: str | None = None
    action: str | None = None
    entity_id: int | None = None


@dataclass(frozen=True)
class JournalRow:
    id: int
    at: dt.datetime  # local time (the file keeps UTC: see domain.instants)
    user: str
    entity: str
    entity_id: int
    action: str
    raw_changes: str | None

    @property
    def summary(self) -> str:
        return summarize(self.action, self.raw_changes)

    @property
    def details(self) -> str:
        """The whole description, one change a line."""
        return summarize(self.action, self.raw_changes, None).replace(" ; ", "\n")


_COLUMNS = (
    AuditEntry.id,
    AuditEntry.at,
    AuditEntry.user,
    AuditEntry.entity,
    AuditEntry.entity_id,
    AuditEntry.action,
    cast(AuditEntry.changes, Text),  # the JSON as text on both engines
)


def _journal_row(row) -> JournalRow:
    return JournalRow(row[0], local(row[1]), *row[2:])


def _filtered(query, where: JournalFilter):
    if where.start is not None:
        first = from_local(dt.datetime.combine(where.start, dt.time()))  # local days
        query = query.where(AuditEntry.at >= first)
    if where.end is not None:
        next_day = from_local(dt.datetime.combine(where.end + dt.timedelta(days=1), dt.time()))
        query = query.where(AuditEntry.at < next_day)
    if where.entity:
        query = query.where(AuditEntry.entity == where.entity)
    if where.action:
        query = query.where(AuditEntry.action == where.action)
    if where.entity_id is not None:
        query = query.where(AuditEntry.entity_id == where.entity_id)
    return query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())


def entry_ids(db: Database, where: JournalFilter | None = None) -> list[int]:
    """The ids of the matching entries, newest first: cheap even for 100,000 entries.
    Fetch the rows shown with :func:`load_entries`."""
    with db.session() as session:
        return list(session.scalars(_filtered(select(AuditEntry.id), where or JournalFilter())))


def load_entries(db: Database, ids: list[int]) -> list[JournalRow]:
    """The entries ``ids``, in that order."""
    if not ids:
        return []
    with db.session() as session:
        rows = session.execute(select(*_COLUMNS).where(AuditEntry.id.in_(ids))).all()
    by_id = {row[0]: _journal_row(row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def entries(db: Database, where: JournalFilter | None = None) -> list[JournalRow]:
    """The matching entries, newest first (for short lists: see :func:`entry_ids`)."""
    with db.session() as session:
        rows = session.execute(_filtered(select(*_COLUMNS), where or JournalFilter())).all()
    return [_journal_row(row) for row in rows]


def entities_in_use(db: Database) -> list[tuple[str, str]]:
    """(code, label) of the record types that have entries, for the type filter."""
    with db.session() as session:
        codes = session.scalars(select(AuditEntry.entity).distinct()).all()
    known = [code for code in ENTITY_LABELS if code in codes]
    others = sorted(code for code in codes if code not in ENTITY_LABELS)
    return [(code, entity_label(code)) for code in known + others]


def count(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def record_history(db: Database, entity: str, entity_id: int) -> list[JournalRow]:
    """Everything the trail says about one record, newest first (for its dialog).

    Entries about many records at once (``entity_id`` 0) are not included."""
    if entity_id == BULK_ID:
        return []
    return entries(db, JournalFilter(entity=entity, entity_id=entity_id))
