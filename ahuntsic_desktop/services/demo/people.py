"""Demo step 1: membership categories, organisations, persons, representations, consents."""

from __future__ import annotations

import datetime as dt

from ...domain import Consent, MembershipCategory, Organization, Person, Representation, name_key
from ...domain.enums import ConsentPurpose, RepresentationRole, Sector
from ...i18n import N_, _
from .common import Demo, OrgInfo, PersonInfo, slug
from .names import PERSONAL_DOMAINS
from .orgnames import BASE_ORGANIZATIONS, EXTRA_PARTS, EXTRA_WEIGHTS

# key: (name, voting, default dues in cents, for persons, for organisations)
CATEGORIES: dict[str, tuple[str, bool, int, bool, bool]] = {
    "regular": (N_("Membre régulier"), True, 5000, True, True),
    "associate": (N_("Membre associé"), False, 2500, True, True),
    "observer": (N_("Observateur"), False, 0, True, True),
    "citizen": (N_("Membre citoyen"), True, 0, True, False),
}

ORGS_PER_SCALE = 60
PERSONS_PER_SCALE = 250
CONSENT_SOURCES = (
    N_("Formulaire d'adhésion"),
    N_("Inscription à l'assemblée générale"),
    N_("Courriel de confirmation"),
    N_("Formulaire papier, assemblée de quartier"),
)
DOMAIN_STOP_WORDS = {"d", "de", "des", "du", "l", "la", "le", "les", "et", "au", "aux"}
ROLES_IN_ORDER = (
    RepresentationRole.DELEGATE,
    RepresentationRole.SUBSTITUTE,
    RepresentationRole.STAFF,
)
OTHER_SECTORS = (Sector.OTHER.value, Sector.COMMUNITY.value, None)


def write_categories(demo: Demo) -> None:
    rows = []
    for position, (key, (name, voting, dues, persons, orgs)) in enumerate(CATEGORIES.items()):
        cid = demo.new_id("membership_category")
        label = _(name)
        rows.append(
            {
                "id": cid,
                "name": label,
                "name_key": name_key(label),
                "voting": voting,
                "default_dues_cents": dues,
                "for_persons": persons,
                "for_organizations": orgs,
                "position": position,
            }
        )
        demo.categories[key] = (cid, voting, dues)
    demo.write(MembershipCategory, rows)


def _extra_names(demo: Demo, count: int, used: set[str]) -> list[tuple[str, str]]:
    """``count`` more (sector, name) pairs, unique ignoring case (numbered when needed)."""
    sectors = list(EXTRA_WEIGHTS)
    weights = list(EXTRA_WEIGHTS.values())
    next_number: dict[str, int] = {}
    names = []
    for sector in demo.rng.choices(sectors, weights=weights, k=count):
        kinds, qualifiers, suffix = EXTRA_PARTS[sector]
        base = f"{demo.rng.choice(kinds)} {demo.rng.choice(qualifiers)}"
        name = base + suffix
        while name_key(name) in used:
            number = next_number.get(base, 2)
            next_number[base] = number + 1
            name = f"{base} {number}{suffix}"
        used.add(name_key(name))
        names.append((sector.value, name))
    return names


def _domain(name: str, acronym: str | None) -> str:
    """``Comptoir alimentaire L'Entraide Fleury`` -> ``comptoir-alimentaire-entraide-fleury.example``"""
    words = slug((acronym or name).split(" (")[0]).split("-")
    words = [w for w in words if w not in DOMAIN_STOP_WORDS] or words
    return "-".join(words[:4]) + ".example"


def write_organizations(demo: Demo) -> None:
    used = {name_key(name) for _sector, name, _acronym, _partner in BASE_ORGANIZATIONS}
    wanted = ORGS_PER_SCALE * demo.scale
    entries = [(s.value, name, acronym) for s, name, acronym, _p in BASE_ORGANIZATIONS]
    extras = _extra_names(demo, max(0, wanted - len(entries)), used)
    entries += [(sector, name, None) for sector, name in extras]
    rng = demo.rng
    rows = []
    for sector, name, acronym in entries:
        oid = demo.new_id("organization")
        domain = _domain(name, acronym)
        rows.append(
            {
                "id": oid,
                "name": name,
                "name_key": name_key(name),
                "acronym": acronym,
                "sector": sector,
                "email": f"{rng.choice(('info', 'accueil', 'direction'))}@{domain}",
                "phone": demo.phone(),
                "website": f"https://www.{domain}" if demo.chance(0.85) else None,
                "address": demo.address(),
                "city": "Montréal",
                "postal_code": demo.postal_code(),
                "notes": None,
            }
        )
        demo.orgs.append(OrgInfo(oid, name, sector, domain))
    demo.write(Organization, rows)


def _person_kinds(demo: Demo) -> list[str]:
    total = PERSONS_PER_SCALE * demo.scale
    affiliated = max(len(demo.orgs), round(total * 0.6))
    residents = round(total * 0.33)
    kinds = ["affiliated"] * affiliated + ["resident"] * residents
    kinds += ["other"] * (total - 1 - len(kinds))
    demo.rng.shuffle(kinds)
    return ["coordinator", *kinds]


def write_persons(demo: Demo) -> None:
    """Persons, and the representations tying some of them to organisations."""
    rng = demo.rng
    kinds = _person_kinds(demo)
    # Every organisation gets a first representative, the others go where they go.
    org_slots = list(demo.orgs)
    rng.shuffle(org_slots)
    spare = kinds.count("affiliated") - len(org_slots)
    community = [o for o in demo.orgs if o.sector == Sector.COMMUNITY.value]
    org_slots += rng.choices(community, k=spare // 2) + rng.choices(demo.orgs, k=spare - spare // 2)
    elected_orgs = {
        o.id for o in demo.orgs[: len(BASE_ORGANIZATIONS)] if o.name.startswith(("Bureau ", "Arr"))
    }
    now = dt.datetime.combine(demo.today, dt.time(9, 0))
    persons, representations = [], []
    for kind in kinds:
        pid = demo.new_id("person")
        first, last = demo.person_name()
        org = org_slots.pop() if kind == "affiliated" else None
        elected = org is not None and org.id in elected_orgs and not demo.org_people.get(org.id)
        archived = kind in ("resident", "other") and demo.chance(0.02)
        if org is not None:
            sector = Sector.MUNICIPAL.value if elected else org.sector
            email = f"{slug(first, '')}.{slug(last, '')}@{org.domain}"
        else:
            sector = {"resident": Sector.CITIZEN.value, "coordinator": Sector.COMMUNITY.value}.get(
                kind
            ) or rng.choice(OTHER_SECTORS)
            email = f"{slug(first, '')}.{slug(last, '')}@{rng.choice(PERSONAL_DOMAINS)}"
        has_home = kind == "resident" or (kind == "other" and demo.chance(0.5))
        persons.append(
            {
                "id": pid,
                "first_name": first,
                "last_name": last,
                "email": email if demo.chance(0.92) else None,
                "phone": demo.phone() if demo.chance(0.8) else None,
                "address": demo.address(apartment=True) if has_home else None,
                "postal_code": demo.postal_code() if has_home else None,
                "is_resident": kind == "resident",
                "sector": sector,
                "is_elected": elected,
                "notes": _("Coordination de la table (personne fictive)")
                if kind == "coordinator"
                else None,
                "archived_at": now - dt.timedelta(days=rng.randint(10, 700)) if archived else None,
            }
        )
        if kind == "coordinator":
            demo.coordinator_id = pid
        if org is not None:
            people = demo.org_people.setdefault(org.id, [])
            role = ROLES_IN_ORDER[min(len(people), 2)]
            people.append(pid)
            start = demo.day_between(dt.date(2012, 1, 1), demo.today - dt.timedelta(days=30))
            representations.append(_representation(demo, pid, org.id, role, start, None))
            if demo.chance(0.1):  # came from another organisation
                before = rng.choice(demo.orgs)
                if before.id != org.id:
                    end = start - dt.timedelta(days=rng.randint(1, 60))
                    begin = end - dt.timedelta(days=rng.randint(200, 2000))
                    representations.append(
                        _representation(demo, pid, before.id, RepresentationRole.STAFF, begin, end)
                    )
        elif kind == "other" and demo.chance(0.1):  # used to work for an organisation
            before = rng.choice(demo.orgs)
            end = demo.day_between(dt.date(2018, 1, 1), demo.today - dt.timedelta(days=90))
            begin = end - dt.timedelta(days=rng.randint(200, 2500))
            representations.append(
                _representation(demo, pid, before.id, RepresentationRole.DELEGATE, begin, end)
            )
        demo.persons.append(
            PersonInfo(
                pid, first, last, sector, org.id if org else None, kind == "resident", not archived
            )
        )
    demo.write(Person, persons)
    demo.write(Representation, representations)


def _representation(demo: Demo, person_id, org_id, role, start, end) -> dict:
    demo.roles[(person_id, org_id)].append((role.value, start, end))
    return {
        "id": demo.new_id("representation"),
        "person_id": person_id,
        "organization_id": org_id,
        "role": role.value,
        "start_date": start,
        "end_date": end,
    }


def write_consents(demo: Demo) -> None:
    rng = demo.rng
    rows = []
    since = demo.today - dt.timedelta(days=3 * 365)
    yesterday = demo.today - dt.timedelta(days=1)
    purposes = (
        (ConsentPurpose.EMAIL_CONTACT, 0.85),
        (ConsentPurpose.DIRECTORY, 0.7),
        (ConsentPurpose.PHOTOS, 0.15),
    )
    for person in demo.persons:
        for purpose, probability in purposes:
            if not demo.chance(probability):
                continue
            granted = demo.day_between(since, yesterday)
            withdrawn = demo.day_between(granted, demo.today) if demo.chance(0.04) else None
            rows.append(
                {
                    "id": demo.new_id("consent"),
                    "person_id": person.id,
                    "purpose": purpose.value,
                    "granted_on": granted,
                    "source": _(rng.choice(CONSENT_SOURCES)),
                    "withdrawn_on": withdrawn,
                }
            )
    rows += _funder_sharing(demo, rows)
    demo.write(Consent, rows)


def _funder_sharing(demo: Demo, consents: list[dict]) -> list[dict]:
    """One person in three who agreed to email contact also agreed, on the same form, to
    the communication of their contact details to funders. Derived from the rows above
    without drawing from the random generator, so the rest of the demo stays the same."""
    rows = []
    for consent in consents:
        if consent["purpose"] != ConsentPurpose.EMAIL_CONTACT.value:
            continue
        if consent["withdrawn_on"] is not None or consent["person_id"] % 3:
            continue
        rows.append(
            consent | {"id": demo.new_id("consent"), "purpose": ConsentPurpose.FUNDER_SHARING.value}
        )
    return rows
