"""The register of confidentiality incidents (Règlement sur les incidents de
confidentialité, art. 11): every incident is entered, whatever its seriousness, and the
register is shown to the Commission d'accès à l'information on request.

An incident presenting a risk of serious harm must be notified promptly to the Commission
and to the persons concerned; the register keeps the dates of those notices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import select

from ...domain import PrivacyIncident
from ...domain.privacy import IncidentStatus
from ...i18n import N_, _
from ...store import Database
from ..core import Column, NotFoundError, Table, ValidationError
from ..core import validation as v

STATUS_LABELS = {IncidentStatus.OPEN.value: N_("Ouvert"), IncidentStatus.CLOSED.value: N_("Clos")}
MAX_PEOPLE = 10_000_000
LONG = 10_000


def status_label(status: str) -> str:
    text = STATUS_LABELS.get(status)
    return _(text) if text else status


def harm_label(serious_harm: bool | None) -> str:
    if serious_harm is None:
        return _("À évaluer")
    return _("Oui") if serious_harm else _("Non")


@dataclass(frozen=True)
class IncidentData:
    """The incident form. Dates accept date objects or text (``2026-04-01``)."""

    description: str = ""
    occurred_on: dt.date | str | None = None
    occurred_until: dt.date | str | None = None
    learned_on: dt.date | str | None = None
    information_concerned: str | None = None
    people_affected: int | str | None = None
    people_affected_estimated: bool = False
    serious_harm: bool | None = None
    risk_assessment: str | None = None
    commission_notified_on: dt.date | str | None = None
    persons_notified_on: dt.date | str | None = None
    public_notice: str | None = None
    measures: str | None = None
    status: str = IncidentStatus.OPEN.value


def _count(value: int | str | None) -> int | None:
    if value is None or isinstance(value, bool):
        if isinstance(value, bool):
            raise ValidationError(_("Nombre de personnes invalide."), "people_affected")
        return None
    if isinstance(value, str):
        text = "".join(value.split())
        if not text:
            return None
        if not text.isdigit() or not text.isascii():
            raise ValidationError(
                _("Le nombre de personnes concernées doit être un nombre entier positif."),
                "people_affected",
            )
        value = int(text)
    if not isinstance(value, int) or not 0 <= value <= MAX_PEOPLE:
        raise ValidationError(
            _("Le nombre de personnes concernées doit être un nombre entier positif."),
            "people_affected",
        )
    return value


def _clean(data: IncidentData, today: dt.date) -> dict:
    def text(name: str, title: str, required: bool = False):
        check = v.required_text if required else v.optional_text
        return check(getattr(data, name), name, title, max_length=LONG, multiline=True)

    def day(name: str, title: str, required: bool = False):
        value = v.parse_date(getattr(data, name), name, title, required=required)
        if value is not None and value > today:
            raise ValidationError(
                _("La date « {label} » ne peut être dans le futur.").format(label=title), name
            )
        return value

    values = {
        "description": text("description", _("Description des circonstances"), True),
        "occurred_on": day("occurred_on", _("Survenu le"), True),
        "occurred_until": day("occurred_until", _("Jusqu'au")),
        "learned_on": day("learned_on", _("Connu le"), True),
        "information_concerned": text("information_concerned", _("Renseignements visés")),
        "people_affected": _count(data.people_affected),
        "people_affected_estimated": bool(data.people_affected_estimated),
        "serious_harm": None if data.serious_harm is None else bool(data.serious_harm),
        "risk_assessment": text("risk_assessment", _("Évaluation du risque")),
        "commission_notified_on": day("commission_notified_on", _("Avis à la Commission")),
        "persons_notified_on": day("persons_notified_on", _("Avis aux personnes")),
        "public_notice": text("public_notice", _("Avis public")),
        "measures": text("measures", _("Mesures prises")),
        "status": v.choice(data.status, IncidentStatus, "status", _("Statut")),
    }
    v.dates_ordered(values["occurred_on"], values["occurred_until"], "occurred_until")
    if values["learned_on"] < values["occurred_on"]:
        raise ValidationError(
            _("L'incident ne peut avoir été connu avant d'être survenu."), "learned_on"
        )
    for name in ("commission_notified_on", "persons_notified_on"):
        if values[name] is not None and values[name] < values["learned_on"]:
            raise ValidationError(
                _("Un avis ne peut précéder la date où l'incident a été connu."), name
            )
    if values["serious_harm"] is not None and not values["risk_assessment"]:
        raise ValidationError(
            _("Expliquez ce qui a mené à conclure au risque de préjudice sérieux ou non."),
            "risk_assessment",
        )
    if values["status"] == IncidentStatus.CLOSED.value and values["serious_harm"] is None:
        raise ValidationError(
            _("Évaluez le risque de préjudice sérieux avant de clore l'incident."), "serious_harm"
        )
    return values


def create_incident(db: Database, data: IncidentData, *, today: dt.date | None = None) -> int:
    values = _clean(data, today or dt.date.today())
    with db.session() as session:
        incident = PrivacyIncident(**values)
        session.add(incident)
        session.flush()
        return incident.id


def _require(session, incident_id: int) -> PrivacyIncident:
    incident = session.get(PrivacyIncident, incident_id)
    if incident is None:
        raise NotFoundError(_("Cet incident n'existe plus."))
    return incident


def update_incident(
    db: Database, incident_id: int, data: IncidentData, *, today: dt.date | None = None
) -> None:
    values = _clean(data, today or dt.date.today())
    with db.session() as session:
        incident = _require(session, incident_id)
        for key, value in values.items():
            setattr(incident, key, value)


def get_incident(db: Database, incident_id: int) -> IncidentData:
    with db.session() as session:
        incident = _require(session, incident_id)
        return IncidentData(**{f.name: getattr(incident, f.name) for f in fields(IncidentData)})


def delete_incident(db: Database, incident_id: int) -> None:
    """Remove an entry made by mistake (the register itself must be kept)."""
    with db.session() as session:
        session.delete(_require(session, incident_id))


def incident_columns() -> list[Column]:
    return [
        Column("occurred_on", _("Survenu le"), "date"),
        Column("occurred_until", _("Jusqu'au"), "date"),
        Column("learned_on", _("Connu le"), "date"),
        Column("description", _("Circonstances")),
        Column("information_concerned", _("Renseignements visés")),
        Column("people_affected", _("Personnes concernées"), "int"),
        Column("people_affected_estimated", _("Nombre estimé"), "bool"),
        Column("serious_harm", _("Risque de préjudice sérieux")),
        Column("risk_assessment", _("Évaluation du risque")),
        Column("commission_notified_on", _("Avis à la Commission"), "date"),
        Column("persons_notified_on", _("Avis aux personnes"), "date"),
        Column("public_notice", _("Avis public")),
        Column("measures", _("Mesures prises")),
        Column("status", _("Statut")),
    ]


def list_incidents(db: Database) -> Table:
    """The register, most recent first."""
    i = PrivacyIncident
    with db.session() as session:
        incidents = session.scalars(select(i).order_by(i.occurred_on.desc(), i.id.desc())).all()
        table = Table(incident_columns())
        for x in incidents:
            table.ids.append(x.id)
            table.rows.append(
                (
                    x.occurred_on,
                    x.occurred_until,
                    x.learned_on,
                    x.description,
                    x.information_concerned or "",
                    x.people_affected,
                    x.people_affected_estimated,
                    harm_label(x.serious_harm),
                    x.risk_assessment or "",
                    x.commission_notified_on,
                    x.persons_notified_on,
                    x.public_notice or "",
                    x.measures or "",
                    status_label(x.status),
                )
            )
    return table


def needing_notice(db: Database) -> list[int]:
    """Incidents with a risk of serious harm whose notices are not all recorded."""
    i = PrivacyIncident
    with db.session() as session:
        return list(
            session.scalars(
                select(i.id).where(
                    i.serious_harm.is_(True),
                    (i.commission_notified_on.is_(None)) | (i.persons_notified_on.is_(None)),
                )
            )
        )
