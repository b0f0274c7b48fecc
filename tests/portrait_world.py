"""A small world for the portrait's issues, stories, images and the plan's answers: one
plan with three orientations (one means), a démarche activity with three contributions,
two indicators, two recommendations and a resident. Every name is fictional."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib
from dataclasses import dataclass
from decimal import Decimal

from ahuntsic_desktop.domain import (
    ActionPlan,
    ActivityType,
    Contribution,
    Indicator,
    Means,
    Orientation,
    Person,
    PlanningProcess,
    ProcessActivity,
    Recommendation,
)


@dataclass(frozen=True)
class World:
    plan: int
    orientations: tuple[int, ...]
    means: int
    contributions: tuple[int, ...]
    indicators: tuple[int, ...]
    recommendations: tuple[int, ...]
    resident: int


def make_world(db) -> World:
    with db.session() as s:
        plan = ActionPlan(title="Plan 2021-2025 (test)", start_year=2021, end_year=2025)
        s.add(plan)
        s.flush()
        orientations = [
            Orientation(plan_id=plan.id, position=i, title=title)
            for i, title in enumerate(
                ("Loger dignement", "Manger à sa faim", "Se déplacer sans peine"), start=1
            )
        ]
        s.add_all(orientations)
        s.flush()
        means = Means(orientation_id=orientations[1].id, title="Un marché mobile")
        kind = ActivityType(name="Atelier (test)", position=99)
        process = PlanningProcess(title="Démarche (test)", start_date=dt.date(2019, 1, 1))
        resident = Person(first_name="Rose", last_name="Tremblay", is_resident=True)
        s.add_all([means, kind, process, resident])
        s.flush()
        activity = ProcessActivity(
            process_id=process.id, type_id=kind.id, title="Atelier", date=dt.date(2019, 5, 1)
        )
        s.add(activity)
        s.flush()
        contributions = [
            Contribution(activity_id=activity.id, text=text, kind="constat", position=i)
            for i, text in enumerate(
                ("Les loyers montent vite", "Peu d'épiceries au nord", "Un autobus rare"),
                start=1,
            )
        ]
        indicators = [
            Indicator(theme="Logement", name="Ménages locataires", territory="Ahuntsic",
                      territory_level="quartier", year=2021, value=Decimal("61.2"), unit="%"),
            Indicator(theme="Revenu", name="Faible revenu", territory="Ahuntsic",
                      territory_level="quartier", year=2021, value=Decimal("19.5"), unit="%"),
        ]  # fmt: skip
        recommendations = [
            Recommendation(plan_id=plan.id, position=i, text=text)
            for i, text in enumerate(("Suivre le logement", "Mieux joindre les aînés"), 1)
        ]
        s.add_all([*contributions, *indicators, *recommendations])
        s.flush()
        return World(
            plan.id,
            tuple(o.id for o in orientations),
            means.id,
            tuple(c.id for c in contributions),
            tuple(i.id for i in indicators),
            tuple(r.id for r in recommendations),
            resident.id,
        )


def png_bytes(width: int = 4, height: int = 3, rgb=(200, 60, 40)) -> bytes:
    """A valid PNG drawn without any imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\0" + bytes(rgb) * width for _row in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def jpeg_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (30, 90, 160)).save(buffer, "JPEG")
    return buffer.getvalue()
