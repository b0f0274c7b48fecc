"""Demo step: a year of funding applications (some refused, one granted in part), the
instalments of the agreements (one late) and the chantiers they fund. Draws no dice: the steps after it are unchanged."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from ...domain import (
    AgreementAllocation,
    FundingAgreement,
    FundingApplication,
    FundingInstalment,
    Meeting,
)
from ...domain.enums import MeetingStatus, PartnerKind
from ...domain.grants import ApplicationStatus as S
from ...i18n import N_, _
from .common import Demo
from .orgnames import BASE_ORGANIZATIONS

DAY = dt.timedelta(days=1)

# (funder index, programme, requested cents, status, submitted / decided days from today
# (None: not yet), chantier index or None, project, conditions)
OTHER_APPLICATIONS = (
    (2, N_("Fonds d'urgence communautaire"), 1_500_000, S.REFUSED, -160, -100, 1, None),
    (
        0,
        N_("Programme de soutien aux initiatives citoyennes"),
        850_000,
        S.REFUSED,
        -130,
        -60,
        None,
        N_("Fête des ruelles vertes"),
    ),
    (1, N_("Projet impact collectif : mobilité"), 6_000_000, S.SUBMITTED, -20, None, 2, None),
    (1, N_("Programme Solidarité alimentaire"), 2_000_000, S.WITHDRAWN, -200, -170, 0, None),
    (
        2,
        N_("Renouvellement : Fonds de revitalisation du quartier"),
        3_000_000,
        S.PREPARING,
        None,
        None,
        None,
        N_("Revitalisation des abords du parc"),
    ),
)


def _agreements(demo: Demo) -> list:
    return demo.session.execute(
        select(
            FundingAgreement.id,
            FundingAgreement.funder_id,
            FundingAgreement.programme,
            FundingAgreement.amount_cents,
            FundingAgreement.start_date,
            FundingAgreement.end_date,
            FundingAgreement.conditions,
        ).order_by(FundingAgreement.id)
    ).all()


def _application(demo: Demo, **values) -> dict:
    row = {
        "id": demo.new_id("funding_application"),
        "chantier_id": None,
        "project": None,
        "amount_granted_cents": None,
        "period_start": None,
        "period_end": None,
        "deadline": None,
        "submitted_on": None,
        "decided_on": None,
        "conditions": None,
        "notes": None,
        "agreement_id": None,
        "contact_person_id": None,
    }
    row.update(values)
    return row


def _chantier(demo: Demo, index: int | None) -> int | None:
    """The chantier of rank ``index``, the most active first (held meetings), so that the
    funded chantiers have figures to report."""
    if index is None or index >= len(demo.chantier_ids):
        return None
    held = dict(
        demo.session.execute(
            select(Meeting.chantier_id, func.count(Meeting.id))
            .where(Meeting.status == MeetingStatus.HELD.value, Meeting.chantier_id.is_not(None))
            .group_by(Meeting.chantier_id)
        ).all()
    )
    order = {chantier_id: i for i, chantier_id in enumerate(demo.chantier_ids)}
    ranked = sorted(demo.chantier_ids, key=lambda c: (-held.get(c, 0), order[c]))
    return ranked[index]


def write_applications(demo: Demo, agreements: list, funders: list[int], extra: list[dict]) -> None:
    """The applications that became the agreements of this year and the last, and those
    of this year that did not (yet)."""
    rows = list(extra)
    for index, a in enumerate(agreements):
        if a.start_date < demo.year_start(demo.current_year - 1):
            continue  # older agreements: their applications predate the file
        requested = a.amount_cents
        rows.append(
            _application(
                demo,
                funder_id=a.funder_id,
                programme=a.programme,
                chantier_id=_chantier(demo, index),
                amount_requested_cents=requested,
                amount_granted_cents=a.amount_cents,
                period_start=a.start_date,
                period_end=a.end_date,
                deadline=a.start_date - 90 * DAY,
                status=S.ACCEPTED.value,
                submitted_on=a.start_date - 75 * DAY,
                decided_on=a.start_date - 30 * DAY,
                conditions=a.conditions,
                agreement_id=a.id,
            )
        )
    next_year = (demo.year_start(demo.current_year + 1), demo.year_start(demo.current_year + 2))
    for (
        funder,
        programme,
        requested,
        status,
        sent,
        decided,
        chantier,
        project,
    ) in OTHER_APPLICATIONS:
        rows.append(
            _application(
                demo,
                funder_id=funders[funder],
                programme=_(programme),
                chantier_id=_chantier(demo, chantier),
                project=_(project) if project else None,
                amount_requested_cents=requested,
                period_start=next_year[0],
                period_end=next_year[1] - DAY,
                deadline=demo.today + (25 if sent is None else sent + 10) * DAY,
                status=status.value,
                submitted_on=None if sent is None else demo.today + sent * DAY,
                decided_on=None if decided is None else demo.today + decided * DAY,
            )
        )
    demo.write(FundingApplication, rows)


def _years(a) -> int:
    end = a.end_date or a.start_date + 365 * DAY
    return max(1, round((end - a.start_date).days / 365))


def _schedule(a) -> list[tuple[dt.date, int]]:
    """(due date, cents) of an agreement's instalments; they add up to its amount."""
    years = _years(a)
    if a.end_date and (a.end_date - a.start_date).days < 300:
        parts = [(a.start_date, 70), (a.end_date - 30 * DAY, 30)]
    elif years == 1:
        parts = [(a.start_date, 40), (a.start_date + 120 * DAY, 40), (a.start_date + 240 * DAY, 20)]
    else:
        parts = [(a.start_date.replace(year=a.start_date.year + y), 0) for y in range(years)]
    count = len(parts)
    shares = [a.amount_cents * p // 100 if p else a.amount_cents // count for _d, p in parts]
    shares[-1] = a.amount_cents - sum(shares[:-1])  # to the cent
    return [(day, share) for (day, _p), share in zip(parts, shares, strict=True)]


def _this_years_grant(demo: Demo, funders: list[int]) -> tuple[int, dict]:
    """An agreement of this fiscal year from an application granted in part seven weeks
    ago, and that application (written with the others)."""
    decided = demo.today - 50 * DAY
    start, end = demo.today - 36 * DAY, demo.year_start(demo.current_year + 1) - DAY
    agreement_id = demo.new_id("funding_agreement")
    values = {
        "funder_id": funders[1],
        "programme": _("Fonds d'initiatives de quartier"),
        "conditions": _("Bilan des activités à la fin de l'exercice."),
    }
    demo.write(
        FundingAgreement,
        [
            {
                "id": agreement_id,
                "amount_cents": 1_200_000,
                "start_date": start,
                "end_date": end,
                "notes": None,
                "contact_person_id": None,
                **values,
            }
        ],
    )
    application = _application(
        demo,
        chantier_id=_chantier(demo, 3),
        amount_requested_cents=1_500_000,  # granted in part
        amount_granted_cents=1_200_000,
        period_start=start,
        period_end=end,
        status=S.PARTLY_ACCEPTED.value,
        submitted_on=decided - 60 * DAY,
        decided_on=decided,
        agreement_id=agreement_id,
        **values,
    )
    return agreement_id, application


def write_instalments(demo: Demo, agreements: list) -> None:
    """Instalments received a few days after their date, but for one of the multi-year
    agreement's: expected three weeks ago and still not received."""
    rows = []
    late_done = False
    for a in agreements:
        schedule = _schedule(a)
        for number, (due, cents) in enumerate(schedule, start=1):
            late = (
                not late_done
                and _years(a) > 1
                and demo.year_start(demo.current_year - 1) < due < demo.today
            )
            if late:
                due = max(a.start_date, demo.today - 21 * DAY)
                late_done = True
            received = due < demo.today and not late
            rows.append(
                {
                    "id": demo.new_id("funding_instalment"),
                    "agreement_id": a.id,
                    "due_date": due,
                    "expected_cents": cents,
                    "received_on": min(due + 5 * DAY, demo.today) if received else None,
                    "received_cents": cents if received else None,
                    "reference": (
                        _("Virement {number}").format(number=f"{a.id:02d}-{number}")
                        if received
                        else None
                    ),
                    "notes": None,
                }
            )
    demo.write(FundingInstalment, rows)


def write_allocations(demo: Demo, agreements: list) -> None:
    """The agreements of this year and the last fund chantiers: most of the amount to one
    chantier, the rest to the next one, or to the table's coordination when none is left
    (the granted-in-part agreement funds its chantier alone)."""
    rows = []
    for index, a in enumerate(agreements):
        if a.start_date < demo.year_start(demo.current_year - 1):
            continue
        chantier = _chantier(demo, 3 if index == len(agreements) - 1 else index)
        if chantier is None:
            continue
        main = a.amount_cents if index == len(agreements) - 1 else a.amount_cents * 70 // 100
        lines = [(chantier, None, main)]
        if main < a.amount_cents:
            other = _chantier(demo, index + 1)
            project = None if other is not None else _("Coordination de la Table")
            lines.append((other, project, a.amount_cents - main))
        for chantier_id, project, cents in lines:
            rows.append(
                {
                    "id": demo.new_id("agreement_allocation"),
                    "agreement_id": a.id,
                    "chantier_id": chantier_id,
                    "project": project,
                    "amount_cents": cents,
                }
            )
    demo.write(AgreementAllocation, rows)


def write_pipeline(demo: Demo) -> None:
    funders = [
        demo.orgs[index].id
        for index, entry in enumerate(BASE_ORGANIZATIONS)
        if entry[3] == PartnerKind.FUNDER
    ]
    agreements = _agreements(demo)
    _grant, application = _this_years_grant(demo, funders)
    write_applications(demo, agreements, funders, [application])
    agreements = _agreements(demo)
    write_instalments(demo, agreements)
    write_allocations(demo, agreements)
