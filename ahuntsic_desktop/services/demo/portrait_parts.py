"""Demo step: the rest of the portrait (issues tied to indicators and contributions, four
residents' stories, two small drawn images and the community milieu's texts) and the links
from the 2021-2025 plan's orientations to the issues, contributions and recommendations
they answer. Draws no dice: everything follows from the data already written."""

from __future__ import annotations

import datetime as dt
import struct
import zlib

from sqlalchemy import insert, select

from ...domain import (
    ActionPlan,
    Consent,
    Contribution,
    ContributionTheme,
    Indicator,
    Orientation,
    PortraitImage,
    PortraitIssue,
    PortraitSection,
    Recommendation,
    ResidentStory,
    Theme,
)
from ...domain import portrait_parts as links
from ...domain.enums import ConsentPurpose
from ...domain.labels import label
from ...domain.portrait_parts import PortraitSectionKey
from ...i18n import _
from .common import Demo
from .portrait_texts import ISSUES, SECTIONS, STORIES


def png(width: int, height: int, pixel) -> bytes:
    """A PNG written with zlib and struct: ``pixel(x, y)`` gives (r, g, b)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(
        b"\0" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"".join(
        (b"\x89PNG\r\n\x1a\n", chunk(b"IHDR", header), chunk(b"IDAT", zlib.compress(raw, 9)),
         chunk(b"IEND", b""))
    )  # fmt: skip


def _map_pixel(x: int, y: int) -> tuple[int, int, int]:
    """A fictional map: a river at the top, a grid of streets, a park and a sub-sector."""
    if y < 28 + (x // 24) % 3 * 2:
        return (120, 170, 215)
    if x % 40 < 3 or y % 36 < 3:
        return (250, 250, 250)
    if 200 < x < 280 and 120 < y < 190:
        return (120, 185, 110)
    if 60 < x < 180 and 150 < y < 240:
        return (236, 196, 150)
    return (226, 222, 214)


def _street_pixel(x: int, y: int) -> tuple[int, int, int]:
    """A fictional lane: sky, two rows of houses and a green strip down the middle."""
    if y < 60:
        return (190, 215, 240)
    if (x < 90 or x > 230) and y < 170:
        return (170, 110, 90) if (x // 30 + y // 25) % 2 else (185, 125, 100)
    if 135 < x < 185:
        return (100, 160, 90)
    return (150, 150, 150)


def _issues(demo: Demo) -> list[tuple[int, str, tuple[str, ...]]]:
    s = demo.session
    indicators = {}
    for iid, name in s.execute(
        select(Indicator.id, Indicator.name)
        .where(Indicator.territory_level == "quartier", Indicator.year == 2021)
        .order_by(Indicator.id)
    ):
        indicators.setdefault(name, []).append(iid)
    by_theme: dict[str, list[int]] = {}
    for name, cid in s.execute(
        select(Theme.name, ContributionTheme.contribution_id)
        .join(ContributionTheme, ContributionTheme.theme_id == Theme.id)
        .order_by(ContributionTheme.contribution_id)
    ):
        by_theme.setdefault(name, []).append(cid)
    rows, support_i, support_c, made = [], [], [], []
    used: dict[str, int] = {}
    for position, (kind, title, text, theme, population, names, words) in enumerate(
        ISSUES, start=1
    ):
        issue_id = demo.new_id("portrait_issue")
        rows.append({"id": issue_id, "kind": kind, "title": _(title), "text": _(text),
                     "theme": _(theme), "population": _(population), "position": position})  # fmt: skip
        for name in names:
            support_i += [{"portrait_issue_id": issue_id, "indicator_id": i}
                          for i in indicators.get(name, [])]  # fmt: skip
        pool = by_theme.get(_(theme), [])
        start = used.get(theme, 0)
        chosen = pool[start : start + 2]
        used[theme] = start + 2
        support_c += [{"portrait_issue_id": issue_id, "contribution_id": c} for c in chosen]
        made.append((issue_id, _(theme), words))
    demo.write(PortraitIssue, rows)
    if support_i:
        s.execute(insert(links.issue_indicator), support_i)
    if support_c:
        s.execute(insert(links.issue_contribution), support_c)
    return made


def _stories(demo: Demo) -> None:
    residents = [p for p in demo.persons if p.resident and p.active]
    rows, consents = [], []
    since = demo.today - dt.timedelta(days=400)
    for position, (pseudonym, theme, text, consented) in enumerate(STORIES, start=1):
        shown = _(pseudonym).casefold()
        person = next(
            (p for p in residents[position * 7 :]
             if shown not in (p.first_name.casefold(), p.last_name.casefold())),
            None,
        )  # fmt: skip
        rows.append({"id": demo.new_id("resident_story"), "pseudonym": _(pseudonym),
                     "text": _(text), "theme": _(theme),
                     "person_id": person.id if person else None, "position": position})  # fmt: skip
        if consented and person is not None:
            consents.append({"id": demo.new_id("consent"), "person_id": person.id,
                             "purpose": ConsentPurpose.STORY_PUBLICATION.value,
                             "granted_on": since + dt.timedelta(days=position * 9),
                             "source": _("Formulaire de consentement (portrait)"),
                             "withdrawn_on": None})  # fmt: skip
    demo.write(ResidentStory, rows)
    demo.write(Consent, consents)


def _images(demo: Demo) -> None:
    pictures = (
        (_("Carte fictive du quartier : la rivière, un parc et le secteur des Saules"),
         _("Territoire"), (320, 260, _map_pixel)),
        (_("Une ruelle verte (illustration fictive)"), _("Verdissement et espaces publics"),
         (320, 220, _street_pixel)),
    )  # fmt: skip
    rows = []
    for position, (caption, theme, (w, h, pixel)) in enumerate(pictures, start=1):
        rows.append({"id": demo.new_id("portrait_image"), "caption": caption, "theme": theme,
                     "source": _("Dessin de démonstration"), "media_type": "image/png",
                     "data": png(w, h, pixel), "width": w, "height": h,
                     "position": position})  # fmt: skip
    demo.write(PortraitImage, rows)


def _sections(demo: Demo) -> None:
    demo.write(
        PortraitSection,
        [{"id": demo.new_id("portrait_section"), "key": key.value, "title": label(key),
          "text": _(SECTIONS[key.value])} for key in PortraitSectionKey],
    )  # fmt: skip


def _answers(demo: Demo, issues: list[tuple[int, str, tuple[str, ...]]]) -> None:
    """Each orientation of the 2021-2025 plan answers the issues its title speaks of, two
    contributions of their theme and a recommendation; some issues stay unanswered."""
    s = demo.session
    plan_id = s.scalar(select(ActionPlan.id).where(ActionPlan.title.like("%2021-2025%")))
    if plan_id is None:
        return
    orientations = s.execute(
        select(Orientation.id, Orientation.title)
        .where(Orientation.plan_id == plan_id)
        .order_by(Orientation.position, Orientation.id)
    ).all()
    recommendations = list(s.scalars(select(Recommendation.id).order_by(Recommendation.id)))
    by_theme: dict[str, list[int]] = {}
    for name, cid in s.execute(
        select(Theme.name, Contribution.id)
        .join(ContributionTheme, ContributionTheme.theme_id == Theme.id)
        .join(Contribution, Contribution.id == ContributionTheme.contribution_id)
        .order_by(Contribution.id)
    ):
        by_theme.setdefault(name, []).append(cid)
    to_issue, to_contribution, to_recommendation = set(), set(), set()
    for index, (oid, title) in enumerate(orientations):
        folded = title.casefold()
        for issue_id, theme, words in issues:
            if any(w in folded for w in words):
                to_issue.add((oid, issue_id))
                to_contribution.update((oid, c) for c in by_theme.get(theme, [])[-2:])
        if recommendations and index % 3 == 0:
            to_recommendation.add((oid, recommendations[index // 3 % len(recommendations)]))
    for table, pairs, right in (
        (links.orientation_issue, to_issue, "portrait_issue_id"),
        (links.orientation_contribution, to_contribution, "contribution_id"),
        (links.orientation_recommendation, to_recommendation, "recommendation_id"),
    ):
        if pairs:
            s.execute(insert(table), [{"orientation_id": o, right: x} for o, x in sorted(pairs)])


def write_portrait_parts(demo: Demo) -> None:
    issues = _issues(demo)
    _stories(demo)
    _images(demo)
    _sections(demo)
    _answers(demo, issues)
