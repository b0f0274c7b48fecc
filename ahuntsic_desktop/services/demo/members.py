"""Demo step 2: three membership years with dues and receipts, partners and funders."""

from __future__ import annotations

import datetime as dt

from ...domain import FundingAgreement, Membership, PartnerRole, ReportingDeadline
from ...domain.enums import PartnerKind, PaymentMethod, Sector
from ...i18n import N_, _
from .common import Demo
from .orgnames import BASE_ORGANIZATIONS, CORE_MEMBERS

COMMITTEE_ORGS = 8
COMMITTEE_RESIDENTS = 3
PAYMENT_METHODS = (
    (PaymentMethod.TRANSFER, 45),
    (PaymentMethod.CHEQUE, 35),
    (PaymentMethod.CASH, 10),
    (PaymentMethod.CARD, 8),
    (PaymentMethod.OTHER, 2),
)


def _org_category(demo: Demo, sector: str) -> str:
    if sector in {Sector.COMMUNITY, Sector.CITIZEN}:
        return "regular" if demo.chance(0.85) else "associate"
    if sector == Sector.PRIVATE:
        return "associate"
    return "associate" if demo.chance(0.5) else "observer"


def _years_member(demo: Demo, probability: float) -> tuple[bool, bool, bool]:
    """Which of the three years a member joined: some join late, some lapse."""
    if not demo.chance(probability):
        return (False, False, False)
    joined = demo.rng.choice((0, 0, 0, 0, 1, 2))
    lapsed_after = demo.rng.choice((1, 2)) if demo.chance(0.12) else 3
    return tuple(joined <= index < lapsed_after for index in range(3))  # type: ignore[return-value]


def write_memberships(demo: Demo) -> None:
    rng = demo.rng
    funders = {
        demo.orgs[i].id
        for i, entry in enumerate(BASE_ORGANIZATIONS)
        if entry[3] == PartnerKind.FUNDER
    }
    core_orgs = {o.id for o in demo.orgs[:CORE_MEMBERS]}
    demo.core_org_ids = [o.id for o in demo.orgs[:CORE_MEMBERS]]
    residents = [p for p in demo.persons if p.resident and p.active]
    core_residents = {p.id for p in residents[:COMMITTEE_RESIDENTS]}
    # (member kind, id, category key, years, always paid)
    plans: list[tuple[str, int, str, tuple[bool, bool, bool], bool]] = []
    for org in demo.orgs:
        if org.id in funders:
            continue
        if org.id in core_orgs:
            plans.append(("o", org.id, "regular", (True, True, True), True))
            continue
        probability = 0.85 if org.sector == Sector.COMMUNITY else 0.6
        years = _years_member(demo, probability)
        if any(years):
            plans.append(("o", org.id, _org_category(demo, org.sector), years, False))
    for person in residents:
        if person.id in core_residents:
            plans.append(("p", person.id, "citizen", (True, True, True), True))
            continue
        years = _years_member(demo, 0.45)
        if any(years):
            category = "citizen" if demo.chance(0.85) else "observer"
            plans.append(("p", person.id, category, years, False))

    rows = []
    methods = [m for m, _w in PAYMENT_METHODS]
    weights = [w for _m, w in PAYMENT_METHODS]
    for kind, member_id, category, years, always_paid in plans:
        category_id, voting, dues = demo.categories[category]
        if category == "regular" and demo.chance(0.08):
            dues = 10000  # cotisation de soutien
        for year, is_member in zip(demo.years, years, strict=True):
            if not is_member:
                continue
            current = year == demo.current_year
            paid = always_paid or demo.chance(0.8 if current else 0.95)
            start = demo.year_start(year)
            last_day = start + dt.timedelta(days=150)
            if current:
                last_day = min(last_day, demo.today)
            paid_on = demo.day_between(start - dt.timedelta(days=45), last_day) if paid else None
            rows.append(
                {
                    "id": demo.new_id("membership"),
                    "organization_id": member_id if kind == "o" else None,
                    "person_id": member_id if kind == "p" else None,
                    "year": year,
                    "category_id": category_id,
                    "dues_cents": dues,
                    "paid_on": paid_on,
                    "payment_method": rng.choices(methods, weights)[0].value
                    if paid_on and dues
                    else None,
                    "receipt_number": None,
                    "notes": None,
                }
            )
            orgs, persons = demo.members_by_year.setdefault(year, ([], []))
            (orgs if kind == "o" else persons).append(member_id)
            if paid_on and voting:
                demo.voting_members[(year, kind, member_id)] = paid_on
    # Receipts numbered in payment order, per calendar year of payment: 2026-0042.
    per_year: dict[int, int] = {}
    for row in sorted(rows, key=lambda r: (r["paid_on"] or dt.date.max, r["id"])):
        if row["paid_on"] is None or not row["dues_cents"]:
            continue
        year = row["paid_on"].year
        per_year[year] = per_year.get(year, 0) + 1
        row["receipt_number"] = f"{year}-{per_year[year]:04d}"
    demo.write(Membership, rows)

    delegates = [demo.org_people[oid][0] for oid in demo.core_org_ids[:COMMITTEE_ORGS]]
    demo.committee = delegates + sorted(core_residents)


# (funder index among the base funders, programme, amount in cents, first membership year
# offset, years long, conditions, [(title, days from today, submitted days after due or None)])
AGREEMENTS = (
    (
        0,
        N_("Initiative montréalaise de soutien au développement social local"),
        7_250_000,
        -1,
        1,
        N_("Rapport annuel et bilan financier; mention du soutien dans les communications."),
        ((N_("Rapport annuel et bilan financier"), -200, 5),),
    ),
    (
        0,
        N_("Initiative montréalaise de soutien au développement social local"),
        7_450_000,
        0,
        1,
        N_("Plan d'action annuel, rapport semestriel, rapport annuel et bilan financier."),
        (
            (N_("Plan d'action annuel"), -120, -3),
            (N_("Rapport d'étape semestriel"), 25, None),
            (N_("Rapport annuel et bilan financier"), 160, None),
        ),
    ),
    (
        1,
        N_("Projet impact collectif : sécurité alimentaire"),
        18_000_000,
        -1,
        3,
        N_("Reddition de comptes annuelle; participation aux rencontres d'évaluation."),
        (
            (N_("Rapport d'étape"), -380, 0),
            (N_("Rapport d'étape"), -12, None),
            (N_("Rapport final"), 400, None),
        ),
    ),
    (
        2,
        N_("Fonds de revitalisation du quartier"),
        2_500_000,
        -2,
        3,
        N_("Bilan de mi-parcours et rapport financier vérifié."),
        (
            (N_("Bilan de mi-parcours"), -300, -10),
            (N_("Rapport financier"), 48, None),
            (N_("Rapport final"), 300, None),
        ),
    ),
)
PARTNER_NOTES = {
    PartnerKind.FUNDER: N_("Bailleur de fonds de la table."),
    PartnerKind.INSTITUTIONAL: N_("Partenaire institutionnel : prêt de locaux et expertise."),
    PartnerKind.COMMUNITY: N_("Partenaire communautaire : projets communs."),
}


def write_funding(demo: Demo) -> None:
    rng = demo.rng
    roles, funders = [], []
    for index, (_s, _name, _acronym, partner) in enumerate(BASE_ORGANIZATIONS):
        if partner is None:
            continue
        org = demo.orgs[index]
        roles.append(
            {
                "id": demo.new_id("partner_role"),
                "organization_id": org.id,
                "kind": partner.value,
                "since": dt.date(rng.randint(2009, 2020), rng.randint(1, 12), 1),
                "notes": _(PARTNER_NOTES[partner]),
            }
        )
        if partner == PartnerKind.FUNDER:
            funders.append(org.id)
    demo.write(PartnerRole, roles)

    agreements, deadlines = [], []
    for funder, programme, amount, offset, length, conditions, reports in AGREEMENTS:
        funder_id = funders[funder]
        start = demo.year_start(demo.current_year + offset)
        end = demo.year_start(demo.current_year + offset + length) - dt.timedelta(days=1)
        agreement_id = demo.new_id("funding_agreement")
        contacts = demo.org_people.get(funder_id) or [None]
        agreements.append(
            {
                "id": agreement_id,
                "funder_id": funder_id,
                "programme": _(programme),
                "amount_cents": amount,
                "start_date": start,
                "end_date": end,
                "conditions": _(conditions),
                "contact_person_id": contacts[0],
                "notes": None,
            }
        )
        for title, days, submitted_after in reports:
            due = demo.today + dt.timedelta(days=days)
            submitted = None
            if submitted_after is not None:
                submitted = min(due + dt.timedelta(days=submitted_after), demo.today)
            deadlines.append(
                {
                    "id": demo.new_id("reporting_deadline"),
                    "agreement_id": agreement_id,
                    "title": _(title),
                    "due_date": due,
                    "submitted_on": submitted,
                    "notes": None,
                }
            )
    demo.write(FundingAgreement, agreements)
    demo.write(ReportingDeadline, deadlines)
