"""Demo step 4a: when the demo table meets. Forty meetings at scale 1, around ``today``:
three AGAs, an AGE, two neighbourhood assemblies, a monthly coordination committee, chantier
meetings, ad hoc committees and participation activities; some upcoming, one cancelled."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...domain.enums import MeetingKind, MeetingStatus, ParticipationFormat
from ...domain.labels import label
from ...i18n import N_, _, format_date
from .common import Demo, weekday_on_or_after

MEETINGS_PER_SCALE = 40
BODIES = {
    MeetingKind.AGA: "AG",
    MeetingKind.AGE: "AG",
    MeetingKind.NEIGHBOURHOOD_ASSEMBLY: "AG",
    MeetingKind.COORDINATION: "CC",
    MeetingKind.CHANTIER: "CH",
    MeetingKind.AD_HOC: "AH",
    MeetingKind.PARTICIPATION: "PA",
}
TIMES = {
    MeetingKind.AGA: (dt.time(18, 30), dt.time(21, 0)),
    MeetingKind.AGE: (dt.time(19, 0), dt.time(20, 30)),
    MeetingKind.NEIGHBOURHOOD_ASSEMBLY: (dt.time(18, 30), dt.time(21, 30)),
    MeetingKind.COORDINATION: (dt.time(9, 30), dt.time(12, 0)),
    MeetingKind.CHANTIER: (dt.time(13, 30), dt.time(15, 30)),
    MeetingKind.AD_HOC: (dt.time(14, 0), dt.time(16, 0)),
    MeetingKind.PARTICIPATION: (dt.time(10, 0), dt.time(12, 0)),
}
AD_HOC_TITLES = (
    N_("Comité ad hoc sur la planification stratégique"),
    N_("Comité de sélection : embauche à la coordination"),
    N_("Comité ad hoc sur le financement"),
    N_("Comité ad hoc sur les règlements généraux"),
    N_("Comité organisateur de la fête de quartier"),
)
PARTICIPATION_THEMES = (
    N_("marché de la rue Fleury"),
    N_("parcs et ruelles vertes"),
    N_("logement et voisinage"),
    N_("déplacements des aînés"),
    N_("vie des familles"),
    N_("jeunes et espaces publics"),
    N_("priorités du prochain plan d'action"),
)
HOLIDAY_MONTHS = (7, 8)  # the coordination committee breaks for the summer


@dataclass
class MeetingSpec:
    kind: MeetingKind
    date: dt.date
    title: str
    status: MeetingStatus
    chantier_id: int | None = None
    participation_format: ParticipationFormat | None = None
    id: int = 0

    @property
    def body(self) -> str:
        return BODIES[self.kind]

    @property
    def held(self) -> bool:
        return self.status == MeetingStatus.HELD


def _status(demo: Demo, day: dt.date) -> MeetingStatus:
    return MeetingStatus.HELD if day < demo.today else MeetingStatus.PLANNED


def _shift(demo: Demo, days: int, weekday: int) -> dt.date:
    return weekday_on_or_after(demo.today + dt.timedelta(days=days), weekday)


def _chantier_spec(demo: Demo, day: dt.date, chantier_id: int) -> MeetingSpec:
    name = demo.chantier_names[chantier_id]
    title = _("Rencontre du chantier {name}").format(name=name)
    return MeetingSpec(MeetingKind.CHANTIER, day, title, _status(demo, day), chantier_id)


def _participation_spec(demo: Demo, day: dt.date, fmt: ParticipationFormat) -> MeetingSpec:
    theme = _(demo.rng.choice(PARTICIPATION_THEMES))
    title = f"{label(fmt)} : {theme}"
    return MeetingSpec(MeetingKind.PARTICIPATION, day, title, _status(demo, day), None, fmt)


def _second_wednesdays(demo: Demo, step: int):
    """Second Wednesdays of the months from this one, going back (-1) or forward (+1)."""
    index = demo.today.year * 12 + demo.today.month - 1
    while True:
        first = dt.date(index // 12, index % 12 + 1, 1)
        index += step
        if first.month not in HOLIDAY_MONTHS:
            yield weekday_on_or_after(first, 2) + dt.timedelta(days=7)


def _coordination(demo: Demo) -> list[MeetingSpec]:
    """Fourteen past monthly committees (one cancelled) and the next two."""
    past: list[dt.date] = []
    for day in _second_wednesdays(demo, -1):
        if day < demo.today:
            past.append(day)
        if len(past) == 14:
            break
    future: list[dt.date] = []
    for day in _second_wednesdays(demo, 1):
        if day >= demo.today:
            future.append(day)
        if len(future) == 2:
            break
    specs = []
    for day in sorted(past) + sorted(future):
        title = _("Comité de coordination du {date}").format(date=format_date(day))
        specs.append(MeetingSpec(MeetingKind.COORDINATION, day, title, _status(demo, day)))
    specs[len(past) - 5].status = MeetingStatus.CANCELLED
    return specs


def base_schedule(demo: Demo) -> list[MeetingSpec]:
    rng = demo.rng
    specs: list[MeetingSpec] = []
    for year in demo.years:
        day = weekday_on_or_after(demo.year_start(year) + dt.timedelta(days=70), 1)
        title = _("Assemblée générale annuelle {year}").format(year=day.year)
        specs.append(MeetingSpec(MeetingKind.AGA, day, title, _status(demo, day)))
    day = _shift(demo, -400, 2)
    title = _("Assemblée générale extraordinaire : règlements généraux")
    specs.append(MeetingSpec(MeetingKind.AGE, day, title, MeetingStatus.HELD))
    for days, title in (
        (-230, _("Assemblée de quartier : bilan et priorités")),
        (52, _("Assemblée de quartier : logement et sécurité alimentaire")),
    ):
        day = _shift(demo, days, 3)
        specs.append(
            MeetingSpec(MeetingKind.NEIGHBOURHOOD_ASSEMBLY, day, title, _status(demo, day))
        )
    specs += _coordination(demo)
    chantiers = rng.sample(demo.chantier_ids, 9)
    for chantier_id in chantiers[:7]:
        specs.append(_chantier_spec(demo, _shift(demo, -rng.randint(10, 330), 1), chantier_id))
    specs.append(_chantier_spec(demo, _shift(demo, rng.randint(4, 14), 1), chantiers[7]))
    specs.append(_chantier_spec(demo, _shift(demo, rng.randint(16, 40), 3), chantiers[8]))
    for days, title in zip((-300, -150, -40), rng.sample(AD_HOC_TITLES, 3), strict=True):
        day = _shift(demo, days, 0)
        specs.append(MeetingSpec(MeetingKind.AD_HOC, day, _(title), MeetingStatus.HELD))
    formats = list(ParticipationFormat)
    rng.shuffle(formats)
    for fmt in formats[:5]:
        specs.append(_participation_spec(demo, _shift(demo, -rng.randint(60, 700), 5), fmt))
    specs.append(_participation_spec(demo, _shift(demo, rng.randint(20, 40), 5), formats[5]))
    return specs


def extra_schedule(demo: Demo, count: int) -> list[MeetingSpec]:
    """More chantier meetings, committees and activities over the same years, at scale."""
    rng = demo.rng
    first = demo.year_start(demo.years[0])
    last = demo.today + dt.timedelta(days=90)
    kinds = (MeetingKind.CHANTIER, MeetingKind.AD_HOC, MeetingKind.PARTICIPATION)
    formats = list(ParticipationFormat)
    specs = []
    for kind in rng.choices(kinds, weights=(55, 15, 30), k=count):
        day = demo.day_between(first, last)
        if kind == MeetingKind.CHANTIER:
            spec = _chantier_spec(demo, day, rng.choice(demo.chantier_ids))
        elif kind == MeetingKind.PARTICIPATION:
            spec = _participation_spec(demo, day, rng.choice(formats))
        else:
            title = _(rng.choice(AD_HOC_TITLES))
            spec = MeetingSpec(kind, day, title, _status(demo, day))
        if spec.held and demo.chance(0.03):
            spec.status = MeetingStatus.CANCELLED
        specs.append(spec)
    return specs


def schedule(demo: Demo) -> list[MeetingSpec]:
    """Every meeting, in date order, with its id."""
    specs = base_schedule(demo)
    specs += extra_schedule(demo, MEETINGS_PER_SCALE * (demo.scale - 1))
    order = list(MeetingKind)
    specs.sort(key=lambda s: (s.date, TIMES[s.kind][0], order.index(s.kind), s.title))
    for spec in specs:
        spec.id = demo.new_id("meeting")
    return specs
