"""The documents the table can export: for each kind, its title, the options it takes and
the function that writes it. The Exports page and the ``export`` command both read it.

Each kind names the function that writes it, as a plain import: ``writers.funder_report``
calls :func:`.xlsx.funder_report.write`. The writers are imported when a document is made,
not when the window opens (openpyxl and reportlab take about half a second to import).
Each is called as ``write(db, path, options, progress=None) -> Path``; ``progress(done,
total)`` is called from the working thread as the document is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import N_, _
from ..services.core.errors import ValidationError
from . import writers

if TYPE_CHECKING:
    from ..store import Database

Progress = Callable[[int, int], None]
Writer = Callable[..., Path]  # write(db, path, options, progress=None) -> Path

PERIOD, BODY, FUNDER, CONTACTS, PLAN = "period", "body", "funder", "contacts", "plan"
BEYOND_TODAY = "beyond_today"  # count the period past today (reports count what happened)


@dataclass(frozen=True)
class ExportOptions:
    """What the person chose: a period (both ends included), a body (AG, CC...), a funder,
    a plan, whether to include the contact details of those who consented, whether a
    report counts past today (by default it stops at today: it counts what happened)."""

    start: dt.date | None = None
    end: dt.date | None = None
    body: str | None = None
    funder_id: int | None = None
    plan_id: int | None = None
    include_contacts: bool = False
    today: dt.date | None = None
    beyond_today: bool = False

    @property
    def day(self) -> dt.date:
        return self.today or dt.date.today()


@dataclass(frozen=True)
class ExportKind:
    key: str  # the command-line name
    title_source: str
    description_source: str
    suffix: str  # ".xlsx", ".pdf" or ".ics"
    write: Writer
    needs: frozenset[str] = frozenset()  # options the document uses
    required: frozenset[str] = frozenset()  # options it cannot do without

    @property
    def title(self) -> str:
        return _(self.title_source)

    @property
    def description(self) -> str:
        return _(self.description_source)

    def uses(self, option: str) -> bool:
        return option in self.needs

    def default_filename(self, options: ExportOptions) -> str:
        stem = _(self.title_source).split(" (")[0]
        day = options.end or options.day
        return f"{stem} {day.isoformat()}{self.suffix}".replace("'", "’")


KINDS: tuple[ExportKind, ...] = (
    ExportKind(
        "membres",
        N_("Registre des membres (Excel)"),
        N_("Organismes, personnes, catégories et cotisations par année."),
        ".xlsx",
        writers.members,
        frozenset({CONTACTS}),
    ),
    ExportKind(
        "presences",
        N_("Suivi des présences (Excel)"),
        N_("Présences par rencontre pour une période et une instance, avec les taux."),
        ".xlsx",
        writers.attendance,
        frozenset({PERIOD, BODY}),
        frozenset({PERIOD}),
    ),
    ExportKind(
        "chantiers",
        N_("Participation aux chantiers (Excel)"),
        N_("Qui participe à quel chantier, avec son rôle."),
        ".xlsx",
        writers.chantiers,
        frozenset({PLAN}),
    ),
    ExportKind(
        "plan",
        N_("Suivi du plan d'action (Excel)"),
        N_(
            "La hiérarchie du plan avec statuts, évaluations et avancement ; se réimporte "
            "après modification."
        ),
        ".xlsx",
        writers.plan_tracking,
        frozenset({PLAN}),
    ),
    ExportKind(
        "suivis",
        N_("Suivis (Excel)"),
        N_("Les suivis avec responsable, échéance, statut et rencontre d'origine."),
        ".xlsx",
        writers.follow_ups,
        frozenset({PERIOD, BODY}),
    ),
    ExportKind(
        "reddition",
        N_("Reddition de comptes (Excel)"),
        N_(
            "Indicateurs pour un bailleur de fonds et une période, avec l'activité des "
            "chantiers qu'il finance : des nombres, sans renseignements personnels."
        ),
        ".xlsx",
        writers.funder_report,
        frozenset({PERIOD, FUNDER, CONTACTS, PLAN, BEYOND_TODAY}),
        frozenset({PERIOD, FUNDER}),
    ),
    ExportKind(
        "financement",
        N_("Financement (Excel)"),
        N_(
            "Par bailleur et par programme, montants demandés, accordés et reçus de "
            "l'exercice, avec le taux de succès ; demandes, versements, ententes à renouveler "
            "et répartition entre chantiers et projets."
        ),
        ".xlsx",
        writers.financing,
        frozenset({PERIOD}),
    ),
    ExportKind(
        "echeances",
        N_("Échéances (calendrier .ics)"),
        N_(
            "Dates limites de dépôt des demandes et échéances de reddition de comptes, à "
            "ouvrir dans un agenda ; réimporté, le fichier met les événements à jour."
        ),
        ".ics",
        writers.deadlines,
    ),
    ExportKind(
        "rapport-annuel",
        N_("Rapport annuel (PDF)"),
        N_("Bilan de la période pour l'assemblée générale annuelle, avec graphiques."),
        ".pdf",
        writers.annual_report,
        frozenset({PERIOD, PLAN, BEYOND_TODAY}),
        frozenset({PERIOD}),
    ),
    ExportKind(
        "activites",
        N_("Activités de la démarche (Excel)"),
        N_(
            "La participation à une démarche de planification pour les bailleurs de fonds : "
            "activités, totaux par type et par secteur ; des nombres, sans noms."
        ),
        ".xlsx",
        writers.activities,
        frozenset({PLAN}),
    ),
    ExportKind(
        "contributions",
        N_("Contributions de la démarche (Excel)"),
        N_(
            "Les contributions d'une démarche (activité, date, nature, texte, thèmes, "
            "population, votes) pour coder les thèmes dans Excel ; se réimporte avec un aperçu."
        ),
        ".xlsx",
        writers.contributions,
        frozenset({PLAN}),
    ),
    ExportKind(
        "demarche",
        N_("Résumé de la démarche de planification (PDF)"),
        N_(
            "Cadre de travail, phases, activités par type, participant·es, contributions et "
            "éléments saillants, chaque nombre calculé à partir des données."
        ),
        ".pdf",
        writers.demarche,
        frozenset({PLAN}),
    ),
    ExportKind(
        "bottin",
        N_("Bottin des membres (PDF)"),
        N_("Organismes et représentant·es ; coordonnées selon le consentement. Confidentiel."),
        ".pdf",
        writers.directory,
    ),
    ExportKind(
        "bilan-global",
        N_("Bilan global du plan évalué (PDF)"),
        N_(
            "Orientations, cibles et stratégies atteintes, évolution des orientations, "
            "démarches intégrées, projets phares, chantiers et évaluation globale."
        ),
        ".pdf",
        writers.bilan_global,
        frozenset({PLAN}),
    ),
    ExportKind(
        "ligne-du-temps",
        N_("Ligne du temps (PDF)"),
        N_("L'histoire de la table, événement par événement."),
        ".pdf",
        writers.timeline,
    ),
    ExportKind(
        "portrait",
        N_("Portrait de quartier (PDF)"),
        N_(
            "Les indicateurs comparés avec graphiques, les enjeux et diagnostics, les cartes, "
            "les histoires de résident·es consenties et le portrait du milieu communautaire."
        ),
        ".pdf",
        writers.portrait,
    ),
    ExportKind(
        "couverture",
        N_("Couverture de la démarche par le plan (Excel)"),
        N_(
            "Les enjeux, contributions et recommandations auxquels répondent les orientations "
            "du plan : enjeux encore sans réponse, orientations qui ne reposent sur rien."
        ),
        ".xlsx",
        writers.coverage,
        frozenset({PLAN}),
    ),
)


def kinds() -> tuple[ExportKind, ...]:
    return KINDS


def get_kind(key: str) -> ExportKind:
    for kind in KINDS:
        if kind.key == key:
            return kind
    names = ", ".join(k.key for k in KINDS)
    raise ValidationError(
        _("Document inconnu « {key} ». Choisissez parmi : {names}.").format(key=key, names=names),
        "kind",
    )


def check_options(kind: ExportKind, options: ExportOptions) -> ExportOptions:
    """The options cleaned for ``kind`` (those it does not use dropped), or a French error."""
    if PERIOD in kind.required and (options.start is None or options.end is None):
        raise ValidationError(_("Indiquez le début et la fin de la période."), "period")
    if options.start and options.end and options.end < options.start:
        raise ValidationError(_("La fin de la période précède son début."), "period")
    if FUNDER in kind.required and options.funder_id is None:
        raise ValidationError(_("Choisissez le bailleur de fonds."), "funder")
    return replace(
        options,
        start=options.start if kind.uses(PERIOD) else None,
        end=options.end if kind.uses(PERIOD) else None,
        body=(options.body or None) if kind.uses(BODY) else None,
        funder_id=options.funder_id if kind.uses(FUNDER) else None,
        plan_id=options.plan_id if kind.uses(PLAN) else None,
        include_contacts=options.include_contacts and kind.uses(CONTACTS),
        beyond_today=options.beyond_today and kind.uses(BEYOND_TODAY),
        today=options.day,
    )


def run_export(
    db: Database,
    key: str,
    path: Path | str,
    options: ExportOptions,
    progress: Progress | None = None,
) -> Path:
    """Write the document ``key`` to ``path`` (replaced atomically); returns the path."""
    kind = get_kind(key)
    options = check_options(kind, options)
    path = Path(path)
    if path.suffix.lower() != kind.suffix:
        path = path.with_name(path.name + kind.suffix)
    if not path.parent.is_dir():
        raise ValidationError(
            _("Le dossier « {folder} » n'existe pas.").format(folder=path.parent), "path"
        )
    try:
        return kind.write(db, path, options, progress=progress)
    except PermissionError as error:
        raise ValidationError(
            _(
                "Impossible d'écrire « {path} » : le fichier est peut-être ouvert dans un "
                "autre logiciel, ou le dossier est protégé."
            ).format(path=path),
            "path",
        ) from error
    except OSError as error:
        raise ValidationError(
            _("Impossible d'écrire « {path} » : {reason}.").format(
                path=path, reason=error.strerror or error
            ),
            "path",
        ) from error
