"""Demo step 4c: one meeting's agenda with its minutes, its numbered resolutions and the
follow-ups it leaves behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from ...domain import AgendaItem, FollowUp, Resolution
from ...domain.enums import AgendaItemKind, FollowUpStatus, MeetingKind, ResolutionOutcome
from ...i18n import N_, _
from .common import Demo
from .schedule import MeetingSpec

INFO, DISCUSS, DECIDE = (
    AgendaItemKind.INFORMATION,
    AgendaItemKind.DISCUSSION,
    AgendaItemKind.DECISION,
)

# (code, title, kind, planned minutes). The same opening and closing as new meetings get.
OPENING = (
    ("opening", N_("Ouverture"), INFO, 5),
    ("quorum", N_("Vérification du quorum"), INFO, 5),
    ("agenda", N_("Adoption de l'ordre du jour"), DECIDE, 5),
    ("minutes", N_("Adoption du procès-verbal de la rencontre précédente"), DECIDE, 10),
    ("followups", N_("Suivis"), DISCUSS, 15),
)
CLOSING = (
    ("varia", N_("Varia"), DISCUSS, 10),
    ("closing", N_("Levée de la rencontre"), INFO, 5),
)
# fmt: off
TOPICS: dict[MeetingKind, tuple[tuple[str, AgendaItemKind, int], ...]] = {
    MeetingKind.AGA: (
        (N_("Présentation du rapport d'activités"), INFO, 20),
        (N_("Adoption des états financiers vérifiés"), DECIDE, 15),
        (N_("Nomination de la firme de vérification comptable"), DECIDE, 5),
        (N_("Élections au comité de coordination"), DECIDE, 30),
        (N_("Présentation des priorités de l'année"), DISCUSS, 20),
        (N_("Ratification des actes posés par le comité de coordination"), DECIDE, 5),
    ),
    MeetingKind.AGE: (
        (N_("Modification des règlements généraux"), DECIDE, 45),
        (N_("Modification de la grille de cotisation"), DECIDE, 20),
    ),
    MeetingKind.NEIGHBOURHOOD_ASSEMBLY: (
        (N_("Portrait du quartier : faits saillants"), INFO, 20),
        (N_("Présentation des chantiers"), INFO, 15),
        (N_("Ateliers en sous-groupes"), DISCUSS, 60),
        (N_("Plénière et choix des priorités"), DECIDE, 30),
    ),
    MeetingKind.COORDINATION: (
        (N_("Suivi budgétaire"), INFO, 15),
        (N_("Demande de financement à déposer"), DECIDE, 15),
        (N_("Bilan des chantiers"), DISCUSS, 30),
        (N_("Préparation de l'assemblée de quartier"), DISCUSS, 20),
        (N_("Adhésion de nouveaux membres"), DECIDE, 10),
        (N_("Représentations externes"), INFO, 10),
        (N_("Politique de remboursement des frais"), DECIDE, 15),
        (N_("Calendrier des rencontres"), DECIDE, 5),
        (N_("Ressources humaines"), DISCUSS, 20),
        (N_("Lettre d'appui au projet d'un membre"), DECIDE, 10),
    ),
    MeetingKind.CHANTIER: (
        (N_("Tour de table des organismes"), INFO, 20),
        (N_("Avancement des moyens du plan d'action"), DISCUSS, 30),
        (N_("Planification d'une activité commune"), DECIDE, 30),
        (N_("Partage d'outils et de ressources"), INFO, 15),
        (N_("Recrutement de nouveaux partenaires"), DISCUSS, 15),
    ),
    MeetingKind.AD_HOC: (
        (N_("Mandat et échéancier du comité"), DECIDE, 15),
        (N_("Analyse des documents de travail"), DISCUSS, 45),
        (N_("Recommandation au comité de coordination"), DECIDE, 20),
    ),
    MeetingKind.PARTICIPATION: (
        (N_("Accueil et mot de bienvenue"), INFO, 10),
        (N_("Présentation de la démarche"), INFO, 15),
        (N_("Activité participative"), DISCUSS, 60),
        (N_("Retour en plénière"), DISCUSS, 20),
        (N_("Prochaines étapes et remerciements"), INFO, 5),
    ),
}
# How many topics each kind of meeting takes from its list (low, high).
TOPIC_COUNTS = {
    MeetingKind.AGA: (4, 6), MeetingKind.AGE: (2, 2), MeetingKind.NEIGHBOURHOOD_ASSEMBLY: (3, 4),
    MeetingKind.COORDINATION: (2, 4), MeetingKind.CHANTIER: (2, 3), MeetingKind.AD_HOC: (2, 3),
}
# fmt: on
TOPIC_MINUTES = (
    N_("Présentation suivie d'une période de questions."),
    N_("Les échanges permettent de dégager un consensus."),
    N_(
        "Un document de travail a été transmis avant la rencontre ; les commentaires seront intégrés."
    ),
    N_("Discussion nourrie ; le point reviendra à la prochaine rencontre."),
)
FOLLOW_UPS = (
    N_("Envoyer le procès-verbal aux membres"),
    N_("Transmettre la lettre d'appui au bailleur de fonds"),
    N_("Réserver la salle pour la prochaine rencontre"),
    N_("Mettre à jour le bottin des membres"),
    N_("Préparer le bilan du chantier"),
    N_("Relancer les organismes pour le renouvellement des adhésions"),
    N_("Produire l'affiche de l'assemblée de quartier"),
    N_("Compiler les résultats de la consultation"),
    N_("Rédiger une demande de financement"),
    N_("Inviter un partenaire institutionnel à la prochaine rencontre"),
    N_("Faire circuler le sondage auprès des résidents"),
    N_("Préparer la présentation du rapport d'activités"),
)
OUTCOMES = (
    (ResolutionOutcome.ADOPTED, 50),
    (ResolutionOutcome.UNANIMOUS, 35),
    (ResolutionOutcome.REJECTED, 5),
    (ResolutionOutcome.DEFERRED, 10),
)
NUMBERED_STANDARD_ITEMS = ("AG", "CC")  # bodies that number the adoption of agenda and minutes

Add = Callable[[type, dict], None]


@dataclass(frozen=True)
class Context:
    chair_name: str
    start: str
    end: str
    present: int
    voting: int
    quorum: bool


class Item(NamedTuple):
    id: int
    code: str
    title: str
    kind: AgendaItemKind
    row: dict


def _minutes(demo: Demo, code: str, kind: AgendaItemKind, context: Context) -> str:
    rng = demo.rng
    if kind == DECIDE and not context.quorum:
        return _("Faute de quorum, le point est traité à titre informatif.")
    if code == "opening":
        return _("La rencontre est ouverte à {time} par {chair}.").format(
            time=context.start, chair=context.chair_name
        )
    if code == "quorum":
        text = _("{present} personnes présentes, dont {voting} avec droit de vote.").format(
            present=context.present, voting=context.voting
        )
        reached = (
            _("Le quorum est atteint.")
            if context.quorum
            else _("Le quorum n'est pas atteint ; aucune décision n'est prise.")
        )
        return f"{text} {reached}"
    if code == "agenda":
        return _("L'ordre du jour est adopté tel que présenté.")
    if code == "minutes":
        return rng.choice(
            (
                _("Le procès-verbal est adopté tel que rédigé."),
                _("Le procès-verbal est adopté avec une correction mineure."),
            )
        )
    if code == "followups":
        return _("Les suivis de la dernière rencontre sont passés en revue.")
    if code == "varia":
        return _("Aucun point n'est ajouté.")
    if code == "closing":
        return _("La rencontre est levée à {time}.").format(time=context.end)
    return _(rng.choice(TOPIC_MINUTES))


def write_items(
    demo: Demo, add: Add, spec: MeetingSpec, present: list, context: Context
) -> list[Item]:
    rng = demo.rng
    topics = TOPICS[spec.kind]
    if spec.kind == MeetingKind.PARTICIPATION:
        entries = [("topic", title, kind, minutes) for title, kind, minutes in topics]
    else:
        low, high = TOPIC_COUNTS[spec.kind]
        chosen = sorted(rng.sample(range(len(topics)), rng.randint(low, high)))
        entries = [*OPENING, *(("topic", *topics[i]) for i in chosen), *CLOSING]
    items = []
    for position, (code, title, kind, minutes) in enumerate(entries, start=1):
        presenter = None
        if code == "topic" and present and demo.chance(0.7):
            presenter = rng.choice(present)[0]
        row = {
            "id": demo.new_id("agenda_item"),
            "meeting_id": spec.id,
            "position": position,
            "title": _(title),
            "kind": kind.value,
            "presenter_id": presenter,
            "planned_minutes": minutes,
            "minutes_text": _minutes(demo, code, kind, context) if spec.held else None,
        }
        add(AgendaItem, row)
        items.append(Item(row["id"], code, row["title"], kind, row))
    return items


def _votes(demo: Demo, outcome: ResolutionOutcome, voters: int) -> tuple[int, int, int]:
    rng = demo.rng
    if outcome == ResolutionOutcome.UNANIMOUS:
        return voters, 0, 0
    if outcome == ResolutionOutcome.DEFERRED:
        return 0, 0, 0
    abstentions = rng.randint(0, min(2, voters // 4))
    minority = rng.randint(0, (voters - abstentions - 1) // 2)
    majority = voters - abstentions - minority
    if outcome == ResolutionOutcome.REJECTED:
        return minority, majority, abstentions
    return majority, minority, abstentions


def write_resolutions(
    demo: Demo,
    add: Add,
    spec: MeetingSpec,
    present: list,
    items: list[Item],
    sequences: dict[tuple[str, int], int],
) -> list[int]:
    """Numbered decisions of a held meeting, moved and seconded by voting members present."""
    rng = demo.rng
    voters = [person_id for person_id, voting in present if voting]
    if not spec.held or spec.kind == MeetingKind.PARTICIPATION or len(voters) < 2:
        return []
    outcomes = [o for o, _w in OUTCOMES]
    weights = [w for _o, w in OUTCOMES]
    numbered_standard = spec.body in NUMBERED_STANDARD_ITEMS
    ids = []
    for item in items:
        if item.kind != DECIDE or (item.code != "topic" and not numbered_standard):
            continue
        key = (spec.body, spec.date.year)
        sequences[key] = sequences.get(key, 0) + 1
        number = f"{spec.body}-{spec.date.year}-{sequences[key]:03d}"
        mover, seconder = rng.sample(voters, 2)
        if item.code == "topic":
            outcome = rng.choices(outcomes, weights)[0]
        else:
            outcome = (
                ResolutionOutcome.UNANIMOUS if demo.chance(0.75) else ResolutionOutcome.ADOPTED
            )
        votes_for, against, abstentions = _votes(demo, outcome, len(voters))
        _agree(item, outcome)
        resolution_id = demo.new_id("resolution")
        add(
            Resolution,
            {
                "id": resolution_id,
                "meeting_id": spec.id,
                "agenda_item_id": item.id,
                "body": spec.body,
                "year": spec.date.year,
                "sequence": sequences[key],
                "number": number,
                "title": item.title,
                "text": _resolution_text(item, outcome),
                "moved_by_id": mover,
                "seconded_by_id": seconder,
                "outcome": outcome.value,
                "votes_for": votes_for,
                "votes_against": against,
                "abstentions": abstentions,
                "means_id": rng.choice(demo.means_ids) if demo.chance(0.08) else None,
            },
        )
        item.row["minutes_text"] += " " + _("Résolution {number}.").format(number=number)
        ids.append(resolution_id)
    return ids


# What was resolved, without its mover and seconder: the minutes name them once, below.
RESOLUTION_TEXTS = {
    "agenda": N_("Il est résolu d'adopter l'ordre du jour tel que présenté."),
    "minutes": N_("Il est résolu d'adopter le procès-verbal de la rencontre précédente."),
    "topic": N_("Il est résolu d'adopter la proposition présentée au point « {title} »."),
    ResolutionOutcome.DEFERRED: N_(
        "Il est résolu de reporter le point « {title} » à une prochaine rencontre."
    ),
}
DEFERRED_MINUTES = TOPIC_MINUTES[3]  # « ... le point reviendra à la prochaine rencontre. »
SETTLED_MINUTES = TOPIC_MINUTES[1]  # « Les échanges permettent de dégager un consensus. »


def _resolution_text(item: Item, outcome: ResolutionOutcome) -> str:
    key = outcome if outcome == ResolutionOutcome.DEFERRED else item.code
    return _(RESOLUTION_TEXTS[key]).format(title=item.title)


def _agree(item: Item, outcome: ResolutionOutcome) -> None:
    """The minutes of a point say what its resolution says: a point that comes back later
    carries a deferred resolution, and a deferred resolution a point that comes back."""
    text = item.row["minutes_text"]
    if outcome == ResolutionOutcome.DEFERRED:
        item.row["minutes_text"] = _(DEFERRED_MINUTES)
    elif text == _(DEFERRED_MINUTES):
        item.row["minutes_text"] = _(SETTLED_MINUTES)


def full_name(demo: Demo, person_id: int) -> str:
    person = demo.person(person_id)
    return f"{person.first_name} {person.last_name}"


def _follow_up_status(demo: Demo, due: dt.date) -> tuple[FollowUpStatus, dt.date | None]:
    rng = demo.rng
    today = demo.today
    if due < today - dt.timedelta(days=30):
        weights = (10, 0, 85, 5)
    elif due < today:
        weights = (50, 20, 30, 0)
    else:
        weights = (60, 30, 10, 0)
    statuses = (
        FollowUpStatus.OPEN,
        FollowUpStatus.IN_PROGRESS,
        FollowUpStatus.DONE,
        FollowUpStatus.CANCELLED,
    )
    status = rng.choices(statuses, weights)[0]
    done_on = None
    if status == FollowUpStatus.DONE:
        done_on = min(due + dt.timedelta(days=rng.randint(-10, 10)), today)
    return status, done_on


def write_follow_ups(
    demo: Demo, add: Add, spec: MeetingSpec, present: list, resolutions: list[int]
) -> None:
    if not spec.held:
        return
    rng = demo.rng
    count = rng.randint(0, 1) if spec.kind == MeetingKind.PARTICIPATION else rng.randint(0, 3)
    for _index in range(count):
        due = spec.date + dt.timedelta(days=rng.randint(10, 60))
        status, done_on = _follow_up_status(demo, due)
        owner_person = owner_org = None
        if present and demo.chance(0.7):
            owner_person = rng.choice(present)[0]
        else:
            someone = rng.choice(present)[0] if present else None
            owner_org = demo.person(someone).org_id if someone else None
            owner_org = owner_org or rng.choice(demo.orgs).id
        means = demo.means_by_chantier.get(spec.chantier_id) if spec.chantier_id else None
        add(
            FollowUp,
            {
                "id": demo.new_id("follow_up"),
                "meeting_id": spec.id,
                "resolution_id": rng.choice(resolutions)
                if resolutions and demo.chance(0.4)
                else None,
                "body": spec.body,
                "description": _(rng.choice(FOLLOW_UPS)),
                "owner_person_id": owner_person,
                "owner_organization_id": owner_org,
                "chantier_id": spec.chantier_id,
                "means_id": rng.choice(means) if means and demo.chance(0.3) else None,
                "due_date": due,
                "status": status.value,
                "done_on": done_on,
            },
        )
