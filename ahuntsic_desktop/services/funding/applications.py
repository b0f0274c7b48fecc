"""Funding applications (demandes de financement): from preparation to the funder's
decision; accepting one creates its agreement without retyping anything."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select

from ...domain import (
    Chantier,
    FundingAgreement,
    FundingApplication,
    FundingDocument,
    Organization,
    Person,
)
from ...domain.grants import ApplicationStatus
from ...i18n import N_, _, format_money
from ...store import Database
from ..core import Column, NotFoundError, Period, Table, ValidationError
from ..core import validation as v
from .money import amount, ask

FApp, S = FundingApplication, ApplicationStatus

STATUS_LABELS = {
    S.PREPARING: N_("En préparation"),
    S.SUBMITTED: N_("Déposée"),
    S.ACCEPTED: N_("Acceptée"),
    S.PARTLY_ACCEPTED: N_("Acceptée en partie"),
    S.REFUSED: N_("Refusée"),
    S.WITHDRAWN: N_("Retirée"),
}
GRANTED = frozenset({S.ACCEPTED, S.PARTLY_ACCEPTED})
DECIDED = frozenset({S.ACCEPTED, S.PARTLY_ACCEPTED, S.REFUSED})


def status_label(status: str) -> str:
    return _(STATUS_LABELS[S(status)])


@dataclass(frozen=True)
class ApplicationData:
    funder_id: int
    programme: str
    amount_requested_cents: int | str
    status: S | str = S.PREPARING
    chantier_id: int | None = None
    project: str | None = None
    period_start: dt.date | str | None = None
    period_end: dt.date | str | None = None
    deadline: dt.date | str | None = None
    submitted_on: dt.date | str | None = None
    decided_on: dt.date | str | None = None
    amount_granted_cents: int | str | None = None
    conditions: str | None = None
    notes: str | None = None
    contact_person_id: int | None = None  # the funder's person for this file
    documents: tuple[str, ...] | None = None  # paths of the attached files; None: unchanged


MAX_DOCUMENTS = 50


def _documents(paths: tuple[str, ...] | None) -> list[str] | None:
    """The documents' paths, trimmed, blank lines and repeats left out (or None)."""
    if paths is None:
        return None
    clean: list[str] = []
    for path in paths:
        text = v.optional_text(path, "documents", _("Document"), max_length=1000)
        if text is not None and text not in clean:
            clean.append(text)
    if len(clean) > MAX_DOCUMENTS:
        raise ValidationError(
            _("Au plus {n} documents par demande.").format(n=MAX_DOCUMENTS), "documents"
        )
    return clean


def _dates(data: ApplicationData, status: S) -> dict[str, dt.date | None]:
    dates = {
        "period_start": v.parse_date(data.period_start, "period_start", _("Début de la période")),
        "period_end": v.parse_date(data.period_end, "period_end", _("Fin de la période")),
        "deadline": v.parse_date(data.deadline, "deadline", _("Date limite de dépôt")),
        "submitted_on": v.parse_date(data.submitted_on, "submitted_on", _("Déposée le")),
        "decided_on": v.parse_date(data.decided_on, "decided_on", _("Décision le")),
    }
    v.dates_ordered(dates["period_start"], dates["period_end"], "period_end")
    submitted, decided = dates["submitted_on"], dates["decided_on"]
    if status == S.PREPARING and (submitted or decided):
        raise ValidationError(
            _("Une demande en préparation n'a pas encore été déposée : retirez la date."),
            "submitted_on" if submitted else "decided_on",
        )
    if status != S.PREPARING and status != S.WITHDRAWN and submitted is None:
        raise ValidationError(_("Indiquez la date de dépôt de la demande."), "submitted_on")
    if status in DECIDED and decided is None:
        raise ValidationError(_("Indiquez la date de la décision du bailleur."), "decided_on")
    if status == S.SUBMITTED and decided is not None:
        raise ValidationError(
            _("Une demande déposée n'a pas encore de décision : retirez la date."), "decided_on"
        )
    if submitted and decided and decided < submitted:
        raise ValidationError(
            _("La décision ne peut pas précéder le dépôt de la demande."), "decided_on"
        )
    return dates


def _granted(data: ApplicationData, status: S, requested: int, confirm: bool) -> int | None:
    granted = amount(
        data.amount_granted_cents, "amount_granted", _("Montant accordé"), required=False
    )
    if status not in GRANTED:
        if granted:
            raise ValidationError(
                _("Seule une demande acceptée a un montant accordé."), "amount_granted"
            )
        return None
    if granted is None:
        if status == S.PARTLY_ACCEPTED:
            raise ValidationError(_("Indiquez le montant accordé."), "amount_granted")
        granted = requested
    if status == S.PARTLY_ACCEPTED and granted >= requested:
        raise ValidationError(
            _("Acceptée en partie : le montant accordé est inférieur au montant demandé."),
            "amount_granted",
        )
    if status == S.ACCEPTED and granted < requested:
        raise ValidationError(
            _(
                "Le montant accordé est inférieur au montant demandé : choisissez « Acceptée en "
                "partie »."
            ),
            "status",
        )
    if granted > requested:
        ask(
            confirm,
            _(
                "Le montant accordé ({granted}) dépasse le montant demandé ({requested}). "
                "Est-ce bien le cas ?"
            ).format(granted=format_money(granted), requested=format_money(requested)),
            "amount_granted",
        )
    return granted


def _apply(session, application: FundingApplication, data: ApplicationData, confirm: bool):
    programme = v.required_text(data.programme, "programme", _("Programme"), max_length=200)
    project = v.optional_text(data.project, "project", _("Projet"), max_length=200)
    status = S(v.choice(data.status, S, "status", _("Statut")))
    requested = amount(data.amount_requested_cents, "amount_requested", _("Montant demandé"))
    dates = _dates(data, status)
    granted = _granted(data, status, requested, confirm)
    multiline = {"max_length": 10_000, "multiline": True}
    conditions = v.optional_text(data.conditions, "conditions", _("Conditions"), **multiline)
    notes = v.optional_text(data.notes, "notes", _("Notes"), **multiline)
    documents = _documents(data.documents)
    if data.contact_person_id is not None and session.get(Person, data.contact_person_id) is None:
        raise NotFoundError(_("Cette personne n'existe plus."), "contact_person_id")
    if session.get(Organization, data.funder_id) is None:
        raise NotFoundError(_("Cet organisme n'existe plus."), "funder_id")
    if data.chantier_id is not None and session.get(Chantier, data.chantier_id) is None:
        raise NotFoundError(_("Ce chantier n'existe plus."), "chantier_id")
    if application.agreement_id is not None and status not in GRANTED:
        raise ValidationError(
            _(
                "Cette demande est déjà devenue une entente : supprimez l'entente avant de "
                "changer la décision."
            ),
            "status",
        )
    application.funder_id, application.programme = data.funder_id, programme
    application.chantier_id, application.project = data.chantier_id, project
    application.status = status.value
    application.amount_requested_cents, application.amount_granted_cents = requested, granted
    for name, value in dates.items():
        setattr(application, name, value)
    application.conditions, application.notes = conditions, notes
    application.contact_person_id = data.contact_person_id
    if documents is not None:
        application.documents = [FundingDocument(path=path) for path in documents]
    session.flush()


def _application(session, application_id: int) -> FundingApplication:
    application = session.get(FundingApplication, application_id)
    if application is None:
        raise NotFoundError(_("Cette demande de financement n'existe plus."))
    return application


def create_application(db: Database, data: ApplicationData, *, confirm: bool = False) -> int:
    with db.session() as session:
        application = FundingApplication()
        _apply(session, application, data, confirm)
        session.add(application)
        session.flush()
        return application.id


def update_application(
    db: Database, application_id: int, data: ApplicationData, *, confirm: bool = False
) -> None:
    with db.session() as session:
        _apply(session, _application(session, application_id), data, confirm)


def _data(a: FundingApplication) -> ApplicationData:
    return ApplicationData(
        a.funder_id, a.programme, a.amount_requested_cents, S(a.status), a.chantier_id,
        a.project, a.period_start, a.period_end, a.deadline, a.submitted_on, a.decided_on,
        a.amount_granted_cents, a.conditions, a.notes, a.contact_person_id,
        tuple(d.path for d in a.documents),
    )  # fmt: skip


def get_application(db: Database, application_id: int) -> ApplicationData:
    with db.session() as session:
        return _data(_application(session, application_id))


def agreement_of(db: Database, application_id: int) -> int | None:
    """The agreement an accepted application became (None before)."""
    with db.session() as session:
        return _application(session, application_id).agreement_id


def delete_application(db: Database, application_id: int) -> None:
    """Delete an application; the agreement it became, if any, stays."""
    with db.session() as session:
        session.delete(_application(session, application_id))


def accept_application(
    db: Database,
    application_id: int,
    *,
    decided_on: dt.date | str,
    granted_cents: int | str | None = None,
    conditions: str | None = None,
    confirm: bool = False,
) -> int:
    """Record the funder's yes (in part when it grants less than asked) and create the
    agreement from the application, in one unit of work. Returns the agreement's id."""
    with db.session() as session:
        application = _application(session, application_id)
        if application.agreement_id is not None:
            raise ValidationError(_("Cette demande est déjà devenue une entente."), "status")
        data = _data(application)
        requested = application.amount_requested_cents
        granted = amount(granted_cents, "amount_granted", _("Montant accordé"), required=False)
        granted = requested if granted is None else granted
        status = S.PARTLY_ACCEPTED if granted < requested else S.ACCEPTED
        data = replace(
            data,
            status=status,
            amount_granted_cents=granted,
            decided_on=decided_on,
            submitted_on=data.submitted_on or decided_on,
            conditions=conditions if conditions is not None else data.conditions,
        )
        _apply(session, application, data, confirm)
        agreement = FundingAgreement(
            funder_id=application.funder_id,
            programme=application.programme,
            amount_cents=granted,
            start_date=application.period_start or application.decided_on,
            end_date=application.period_end,
            conditions=application.conditions,
            contact_person_id=application.contact_person_id,
            notes=_("Issue de la demande déposée le {day}.").format(
                day=application.submitted_on.isoformat()
            ),
        )
        if agreement.end_date is not None and agreement.end_date < agreement.start_date:
            raise ValidationError(_("La date de fin précède la date de début."), "period_end")
        session.add(agreement)
        session.flush()
        application.agreement_id = agreement.id
        return agreement.id


def list_applications(db: Database, period: Period | None = None) -> Table:
    """Applications, latest submitted first; within ``period`` (submitted, or prepared for
    a period that overlaps it) when given."""
    table = Table(
        [
            Column("funder", _("Bailleur de fonds")),
            Column("programme", _("Programme")),
            Column("for", _("Chantier ou projet")),
            Column("requested", _("Montant demandé"), "money"),
            Column("status", _("Statut")),
            Column("submitted_on", _("Déposée le"), "date"),
            Column("decided_on", _("Décision le"), "date"),
            Column("granted", _("Montant accordé"), "money"),
        ]
    )
    stmt = (
        select(
            FApp.id,
            Organization.name,
            FApp.programme,
            Chantier.name,
            FApp.project,
            FApp.amount_requested_cents,
            FApp.status,
            FApp.submitted_on,
            FApp.decided_on,
            FApp.amount_granted_cents,
            FApp.period_start,
            FApp.deadline,
        )  # fmt: skip
        .join(Organization, FApp.funder_id == Organization.id)
        .outerjoin(Chantier, FApp.chantier_id == Chantier.id)
    )
    with db.session() as session:
        rows = session.connection().execute(stmt).all()
    if period is not None:
        rows = [r for r in rows if period.contains(application_day(r[7], r[10], r[11]))]
    # The id last: rows alike otherwise come in the order they were made, on any engine
    # (PostgreSQL returns an unordered SELECT in no fixed order).
    rows.sort(
        key=lambda r: (
            r[7] is not None,
            -(r[7] or dt.date.min).toordinal(),
            v.name_sort_key(r[1]),
            r[0],
        )
    )
    table.ids = [r[0] for r in rows]
    table.rows = [
        (r[1], r[2], " · ".join(x for x in (r[3], r[4]) if x), r[5], status_label(r[6]),
         r[7], r[8], r[9])
        for r in rows
    ]  # fmt: skip
    return table


def application_day(
    submitted_on: dt.date | None, period_start: dt.date | None, deadline: dt.date | None
) -> dt.date | None:
    """The day that places an application in a fiscal year: its submission, else its
    deadline, else the start of the period it asks for."""
    return submitted_on or deadline or period_start


# -- application deadlines (calendar export, dashboard) -----------------------------------


@dataclass(frozen=True)
class ApplicationDeadline:
    id: int
    funder: str
    programme: str
    deadline: dt.date
    status: str  # an ApplicationStatus value
    submitted_on: dt.date | None


def application_deadlines(db: Database) -> list[ApplicationDeadline]:
    """Every application with a submission deadline, by deadline."""
    stmt = (
        select(
            FApp.id,
            Organization.name,
            FApp.programme,
            FApp.deadline,
            FApp.status,
            FApp.submitted_on,
        )  # fmt: skip
        .join(Organization, FApp.funder_id == Organization.id)
        .where(FApp.deadline.is_not(None))
        .order_by(FApp.deadline, FApp.id)
    )
    with db.session() as session:
        rows = session.connection().execute(stmt).all()
    return [ApplicationDeadline(*r) for r in rows]
