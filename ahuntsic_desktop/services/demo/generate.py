"""Fill an empty data file with a fictional, realistic round table, for demos and tests."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, fields, replace
from pathlib import Path

from sqlalchemy import func, select

from ...domain import ActionPlan, Meeting, MembershipCategory, Organization, Person
from ...i18n import _, format_number
from ...store import Database
from ..core import ValidationError
from ..core import settings as settings_service
from . import (
    bilan,
    communications,
    funding,
    governance,
    meetings,
    members,
    people,
    plan,
    planning,
    portrait,
    portrait_parts,
    schedule,
)
from .common import Demo

TABLE_NAME = "Table de quartier d'Ahuntsic (démo fictive)"


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the demo wrote."""

    organizations: int = 0
    persons: int = 0
    representations: int = 0
    consents: int = 0
    membership_categories: int = 0
    memberships: int = 0
    membership_years: int = 0
    partner_roles: int = 0
    funding_agreements: int = 0
    reporting_deadlines: int = 0
    funding_applications: int = 0
    funding_instalments: int = 0
    action_plans: int = 0
    pillars: int = 0
    chantiers: int = 0
    orientations: int = 0
    means: int = 0
    targets: int = 0
    assignments: int = 0
    meetings: int = 0
    agenda_items: int = 0
    attendances: int = 0
    participant_counts: int = 0
    resolutions: int = 0
    follow_ups: int = 0
    planning_processes: int = 0
    process_activities: int = 0
    contributions: int = 0
    integrated_approaches: int = 0
    flagship_projects: int = 0
    timeline_events: int = 0
    indicators: int = 0

    def __str__(self) -> str:
        labels = {
            "organizations": _("Organismes"),
            "persons": _("Personnes"),
            "memberships": _("Adhésions"),
            "membership_years": _("Années d'adhésion"),
            "funding_agreements": _("Ententes de financement"),
            "chantiers": _("Chantiers"),
            "orientations": _("Orientations"),
            "means": _("Moyens"),
            "assignments": _("Affectations"),
            "meetings": _("Rencontres"),
            "attendances": _("Présences"),
            "resolutions": _("Résolutions"),
            "follow_ups": _("Suivis"),
            "process_activities": _("Activités de démarche de planification"),
        }
        return "\n".join(
            f"{text} : {format_number(getattr(self, key))}" for key, text in labels.items()
        )


# Summary field -> table name counted by Demo.write
_TABLES = {
    "organizations": "organization",
    "persons": "person",
    "representations": "representation",
    "consents": "consent",
    "membership_categories": "membership_category",
    "memberships": "membership",
    "partner_roles": "partner_role",
    "funding_agreements": "funding_agreement",
    "reporting_deadlines": "reporting_deadline",
    "funding_applications": "funding_application",
    "funding_instalments": "funding_instalment",
    "action_plans": "action_plan",
    "pillars": "pillar",
    "chantiers": "chantier",
    "orientations": "orientation",
    "means": "means",
    "targets": "target",
    "assignments": "assignment",
    "meetings": "meeting",
    "agenda_items": "agenda_item",
    "attendances": "attendance",
    "participant_counts": "participant_count",
    "resolutions": "resolution",
    "follow_ups": "follow_up",
    "planning_processes": "planning_process",
    "process_activities": "process_activity",
    "contributions": "contribution",
    "integrated_approaches": "integrated_approach",
    "flagship_projects": "flagship_project",
    "timeline_events": "timeline_event",
    "indicators": "indicator",
}


def _require_empty(session) -> None:
    for model in (Organization, Person, MembershipCategory, ActionPlan, Meeting):
        if session.scalar(select(func.count()).select_from(model)):
            raise ValidationError(
                _(
                    "Ce fichier contient déjà des données : la démonstration ne s'écrit que "
                    "dans un fichier vide."
                )
            )


def generate_demo(
    db: Database, scale: int = 1, seed: int = 2026, today: dt.date | None = None
) -> DemoSummary:
    """Fill the empty database ``db`` with a fictional table, the same for the same seed and
    day. ``scale`` multiplies organisations, persons, memberships, assignments and meetings
    (scale 400: 100,000 persons); the plans and categories stay as they are."""
    if int(scale) < 1:
        raise ValidationError(_("L'échelle doit être un entier positif."), "scale")
    today = today or dt.date.today()
    table_settings = replace(
        settings_service.load(db),
        table_name=TABLE_NAME,
        table_name_with_article="la " + TABLE_NAME,
        table_short_name="TQA (démo)",
        table_address="1000, rue Fictive, bureau 200\nMontréal (Québec)  H2C 0A0",
        privacy_officer_name="Coordination de la table (fictive)",
        privacy_officer_contact="coordination@exemple.org",
    )
    settings_service.validate(table_settings)
    with db.session() as session:
        _require_empty(session)
        demo = Demo(session, random.Random(seed), today, int(scale), table_settings)
        people.write_categories(demo)
        people.write_organizations(demo)
        people.write_persons(demo)
        people.write_consents(demo)
        members.write_memberships(demo)
        members.write_funding(demo)
        plan.write_current_plan(demo)
        plan.write_evaluated_plan(demo)
        plan.write_assignments(demo)
        terms = governance.plan_terms(demo)  # draws no dice
        specs = schedule.schedule(demo)
        meetings.write_meetings(demo, specs)
        governance.write_seats(demo, terms, governance.aga_ids(specs))
        planning.write_processes(demo)  # last: the dice it draws change nothing before it
        bilan.write_evaluation(demo)  # last: the steps above draw the same dice as before
        portrait.write_indicators(demo)
        portrait_parts.write_portrait_parts(demo)  # draws no dice
        funding.write_pipeline(demo)  # draws no dice
        communications.write_messages(demo)  # draws no dice
    # The settings service keeps its own unit of work: the name follows the data.
    settings_service.save(db, table_settings)
    counts = {name: demo.counts[table] for name, table in _TABLES.items()}
    counts["membership_years"] = len(demo.members_by_year)
    return DemoSummary(**{f.name: counts.get(f.name, 0) for f in fields(DemoSummary)})


def write_demo_file(
    path: Path | str, scale: int = 1, seed: int = 2026, today: dt.date | None = None
) -> DemoSummary:
    """Create the data file ``path`` and fill it with the demo table as it stands on
    ``today`` (the real date when not given): the same data for the same seed and day.

    Refuses a file that exists and is not empty; removes what it created if it fails.
    """
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise ValidationError(
            _("Le fichier « {path} » existe déjà : choisissez un nouveau nom.").format(path=path),
            "path",
        )
    existed = path.exists()
    db = None
    try:
        db = Database.open(path, create=True)
        return generate_demo(db, scale=scale, seed=seed, today=today)
    except BaseException:
        if db is not None:
            db.close()
            db = None
            if not existed:
                for suffix in ("", "-wal", "-shm", ".lock"):
                    path.with_name(path.name + suffix).unlink(missing_ok=True)
        raise
    finally:
        if db is not None:
            db.close()
