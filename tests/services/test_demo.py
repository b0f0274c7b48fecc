"""The demo data generator: sizes, rules the screens rely on, determinism, integrity."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest
from sqlalchemy import func, select, text

from ahuntsic_desktop.domain import (
    ActionPlan,
    AgendaItem,
    Assignment,
    Attendance,
    Chantier,
    Consent,
    FollowUp,
    FundingAgreement,
    Mandate,
    Means,
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    Orientation,
    ParticipantCount,
    Person,
    Pillar,
    ReportingDeadline,
    Resolution,
    ResolutionCounter,
    Target,
)
from ahuntsic_desktop.domain.enums import (
    AssignmentRole,
    FollowUpStatus,
    MeetingKind,
    MeetingStatus,
    ParticipationFormat,
    Sector,
)
from ahuntsic_desktop.services.core import settings
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.demo import generate_demo, write_demo_file
from ahuntsic_desktop.store import Database

TODAY = dt.date(2026, 5, 15)


def _generated(scale: int):
    # One generated table per module for the read-only checks: generating takes a while.
    # Tests that write use the ``db`` fixture.
    database = Database.in_memory()
    summary = generate_demo(database, scale=scale, today=TODAY)
    yield database, summary
    database.close()


@pytest.fixture(scope="module")
def demo():
    yield from _generated(1)


@pytest.fixture(scope="module")
def demo2():
    yield from _generated(2)


@pytest.fixture(params=[1, 2], ids=["scale1", "scale2"])
def any_demo(request):
    return request.getfixturevalue("demo" if request.param == 1 else "demo2")


def count(session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where))


def plan_id(session, prefix: str) -> int:
    return session.scalar(select(ActionPlan.id).where(ActionPlan.title.startswith(prefix)))


def test_sizes_at_scale_one(demo):
    db, summary = demo
    with db.session() as s:
        assert 55 <= count(s, Organization) <= 65
        assert count(s, Person) == 250
        assert summary.persons == 250 and summary.meetings == 40
        assert set(s.scalars(select(Membership.year).distinct())) == {2024, 2025, 2026}
        categories = s.scalars(select(MembershipCategory)).all()
        assert {c.name: (c.voting, c.default_dues_cents) for c in categories} == {
            "Membre régulier": (True, 5000),
            "Membre associé": (False, 2500),
            "Observateur": (False, 0),
            "Membre citoyen": (True, 0),
        }
        assert set(s.scalars(select(Organization.sector).distinct())) == {x.value for x in Sector}
        assert count(s, Person, Person.is_resident) > 40
        assert count(s, Person, Person.is_elected) >= 2
        assert count(s, Consent, Consent.withdrawn_on.is_not(None)) >= 1
        assert count(s, FundingAgreement) >= 3


def test_current_plan_shape(demo):
    db, _summary = demo
    with db.session() as s:
        current = plan_id(s, "Plan d'action 2021-2025")
        assert count(s, Pillar, Pillar.plan_id == current) == 4
        assert count(s, Chantier, Chantier.plan_id == current) == 14
        assert count(s, Orientation, Orientation.plan_id == current) == 31
        orientations = select(Orientation.id).where(Orientation.plan_id == current)
        assert not count(
            s, Orientation, Orientation.id.in_(orientations), Orientation.pillar_id.is_(None)
        )
        per_orientation = s.scalars(
            select(func.count(Means.id))
            .where(Means.orientation_id.in_(orientations))
            .group_by(Means.orientation_id)
        ).all()
        assert len(per_orientation) == 31 and set(per_orientation) <= {2, 3, 4}
        assert count(s, Target, Target.orientation_id.in_(orientations)) > 5
        leads = s.scalars(
            select(Assignment.chantier_id).where(Assignment.role == AssignmentRole.LEAD)
        ).all()
        assert len(set(leads)) == 12  # two chantiers look for a porteur


def test_evaluated_plan_is_fully_evaluated(demo):
    db, _summary = demo
    with db.session() as s:
        old = plan_id(s, "Plan d'action 2009-2019")
        orientations = select(Orientation.id).where(Orientation.plan_id == old)
        assert count(s, Chantier, Chantier.plan_id == old) == 5
        assert count(s, Orientation, Orientation.plan_id == old) == 11
        assert count(s, Target, Target.orientation_id.in_(orientations)) == 33
        assert count(s, Means, Means.orientation_id.in_(orientations)) == 73
        for model in (Target, Means):
            assert not count(
                s, model, model.orientation_id.in_(orientations), model.evaluation.is_(None)
            )


def test_meetings_cover_every_kind_and_status(demo):
    db, _summary = demo
    with db.session() as s:
        assert count(s, Meeting) == 40
        kinds = dict(s.execute(select(Meeting.kind, func.count()).group_by(Meeting.kind)).all())
        assert set(kinds) == {k.value for k in MeetingKind}
        assert kinds[MeetingKind.AGA] == 3
        statuses = dict(
            s.execute(select(Meeting.status, func.count()).group_by(Meeting.status)).all()
        )
        assert statuses[MeetingStatus.CANCELLED] == 1
        assert statuses[MeetingStatus.PLANNED] >= 3
        assert not count(s, Meeting, Meeting.status == MeetingStatus.HELD, Meeting.date >= TODAY)
        assert not count(s, Meeting, Meeting.status == MeetingStatus.PLANNED, Meeting.date < TODAY)
        bodies = {
            MeetingKind.AGA: "AG",
            MeetingKind.AGE: "AG",
            MeetingKind.NEIGHBOURHOOD_ASSEMBLY: "AG",
            MeetingKind.COORDINATION: "CC",
            MeetingKind.CHANTIER: "CH",
            MeetingKind.AD_HOC: "AH",
            MeetingKind.PARTICIPATION: "PA",
        }
        for kind, body, chantier, fmt in s.execute(
            select(Meeting.kind, Meeting.body, Meeting.chantier_id, Meeting.participation_format)
        ):
            assert body == bodies[kind]
            assert (chantier is not None) == (kind == MeetingKind.CHANTIER)
            assert (fmt is not None) == (kind == MeetingKind.PARTICIPATION)
        formats = set(s.scalars(select(Meeting.participation_format).distinct()))
        assert {f.value for f in ParticipationFormat} <= formats
        assert count(s, ParticipantCount) > 0
        first_committee = select(func.min(Meeting.id)).where(Meeting.kind == "comite_coordination")
        titles = s.scalars(
            select(AgendaItem.title)
            .where(AgendaItem.meeting_id == first_committee.scalar_subquery())
            .order_by(AgendaItem.position)
        ).all()
        assert titles[:4] == [
            "Ouverture",
            "Vérification du quorum",
            "Adoption de l'ordre du jour",
            "Adoption du procès-verbal de la rencontre précédente",
        ]
        assert titles[-2:] == ["Varia", "Levée de la rencontre"]
        held = select(Meeting.id).where(Meeting.status == MeetingStatus.HELD)
        assert not count(
            s, AgendaItem, AgendaItem.minutes_text.is_(None), AgendaItem.meeting_id.in_(held)
        )


def test_minutes_approved_except_latest_of_each_body(any_demo):
    db, _summary = any_demo
    with db.session() as s:
        held = s.execute(
            select(Meeting.id, Meeting.body, Meeting.date, Meeting.minutes_approved_on)
            .where(Meeting.status == MeetingStatus.HELD)
            .order_by(Meeting.date, Meeting.id)
        ).all()
    latest = {body: meeting_id for meeting_id, body, _d, _a in held}
    for meeting_id, body, day, approved in held:
        if meeting_id == latest[body]:
            assert approved is None
        else:
            assert approved is not None and day <= approved <= TODAY


def test_resolutions_numbered_per_body_and_year(any_demo):
    db, _summary = any_demo
    with db.session() as s:
        columns = (Resolution.number, Resolution.body, Resolution.year, Resolution.sequence)
        people = (Resolution.moved_by_id, Resolution.seconded_by_id)
        meeting = (Meeting.body, Meeting.date, Resolution.meeting_id)
        rows = s.execute(select(*columns, *people, *meeting).join(Meeting)).all()
        counters = {(c.body, c.year): c.last_sequence for c in s.scalars(select(ResolutionCounter))}
        present_voters = set(
            s.execute(
                select(Attendance.meeting_id, Attendance.person_id).where(
                    Attendance.status == "present", Attendance.voting
                )
            ).all()
        )
    assert len(rows) >= 20
    numbers = [row[0] for row in rows]
    assert len(set(numbers)) == len(numbers)
    highest: dict[tuple[str, int], int] = {}
    for number, body, year, seq, mover, seconder, meeting_body, day, meeting_id in rows:
        assert re.fullmatch(r"(AG|CC|CH|AH)-\d{4}-\d{3}", number)
        assert number == f"{body}-{year}-{seq:03d}"
        assert body == meeting_body and year == day.year
        assert mover != seconder
        assert (meeting_id, mover) in present_voters and (meeting_id, seconder) in present_voters
        highest[(body, year)] = max(highest.get((body, year), 0), seq)
    assert counters == highest
    for (body, year), last in highest.items():
        seqs = sorted(r[3] for r in rows if (r[1], r[2]) == (body, year))
        assert seqs == list(range(1, last + 1))


def test_dashboard_items_around_today(demo):
    db, _summary = demo
    soon = TODAY + dt.timedelta(days=60)
    with db.session() as s:
        pending = ReportingDeadline.submitted_on.is_(None)
        assert count(s, ReportingDeadline, pending, ReportingDeadline.due_date < TODAY)
        assert count(s, ReportingDeadline, pending, ReportingDeadline.due_date.between(TODAY, soon))
        assert count(s, ReportingDeadline, ReportingDeadline.submitted_on.is_not(None)) >= 1
        overdue = (FollowUp.status == FollowUpStatus.OPEN, FollowUp.due_date < TODAY)
        assert count(s, FollowUp, *overdue)
        assert count(s, FollowUp, FollowUp.status == FollowUpStatus.DONE) >= 1
        assert count(s, FollowUp, FollowUp.chantier_id.is_not(None)) >= 1
        assert count(s, FollowUp, FollowUp.owner_organization_id.is_not(None)) >= 1
        assert count(s, Meeting, Meeting.date.between(TODAY, soon)) >= 3
        assert count(s, Membership, Membership.year == 2026, Membership.paid_on.is_(None)) >= 1
        receipts = s.scalars(
            select(Membership.receipt_number).where(Membership.receipt_number.is_not(None))
        ).all()
        assert receipts and all(re.fullmatch(r"\d{4}-\d{4,}", r) for r in receipts)
        assert not count(s, Membership, Membership.paid_on > TODAY)


def test_integrity_and_table_name(any_demo):
    db, _summary = any_demo
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
        # integrity_check also reports rows breaking a CHECK constraint
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    name = settings.load(db).table_name
    assert "fictive" in name and name == "Table de quartier d'Ahuntsic (démo fictive)"


def test_same_seed_same_data_other_seed_other_data(demo):
    def names(database) -> list[tuple[str, str]]:
        with database.session() as s:
            people = s.execute(select(Person.first_name, Person.last_name).order_by(Person.id))
            return [tuple(row) for row in people]

    def generated(seed: int) -> list[tuple[str, str]]:
        database = Database.in_memory()
        try:
            generate_demo(database, seed=seed, today=TODAY)
            return names(database)
        finally:
            database.close()

    assert generated(2026) == names(demo[0])
    assert generated(7) != names(demo[0])


def test_scale_two_doubles(demo2):
    db, summary = demo2
    assert summary.persons == 500
    assert summary.organizations == 120
    assert summary.meetings == 80
    assert summary.orientations == 31 + 11 and summary.chantiers == 14 + 5
    with db.session() as s:
        keys = s.scalars(select(Organization.name_key)).all()
        assert len(set(keys)) == len(keys) == 120
        assert count(s, Person) == 500


def test_voting_flags_follow_paid_voting_memberships(any_demo):
    db, _summary = any_demo
    start_month = settings.load(db).membership_year_start_month
    with db.session() as s:
        paid_voting = (
            select(
                Membership.organization_id,
                Membership.person_id,
                Membership.year,
                Membership.paid_on,
            )
            .join(MembershipCategory)
            .where(MembershipCategory.voting, Membership.paid_on.is_not(None))
        )
        paid = {}
        for org_id, person_id, year, paid_on in s.execute(paid_voting):
            paid[("o", org_id, year) if org_id else ("p", person_id, year)] = paid_on
        lines = (Attendance.person_id, Attendance.organization_id, Attendance.voting)
        rows = s.execute(select(*lines, Meeting.date, Meeting.kind).join(Meeting)).all()
        mandates = s.execute(select(Mandate.person_id, Mandate.start_date, Mandate.end_date))
        terms = [tuple(m) for m in mandates]
    assert rows and terms
    for person_id, org_id, flag, day, kind in rows:
        year = day.year if day.month >= start_month else day.year - 1
        if kind == MeetingKind.COORDINATION:  # the CC votes on its seats
            assert flag == any(p == person_id and s <= day <= e for p, s, e in terms)
            continue
        # Paid on or before the meeting's date: a later payment gives no vote that day.
        # A paid membership is needed but not enough: one person per member carries its
        # vote (tests/services/test_demo_votes.py checks the flags against the service).
        paid_that_day = any(
            paid.get(key) is not None and paid[key] <= day
            for key in (("o", org_id, year), ("p", person_id, year))
        )
        assert paid_that_day or not flag


def test_refuses_a_database_with_data(db):
    with db.session() as s:
        s.add(Organization(name="Déjà là", sector=Sector.COMMUNITY.value))
    with pytest.raises(ValidationError):
        generate_demo(db, today=TODAY)
    with db.session() as s:
        assert count(s, Person) == 0


def test_keeps_other_settings(db):
    settings.save(db, replace(settings.load(db), membership_year_start_month=9, user_name="Léa"))
    generate_demo(db, today=TODAY)
    stored = settings.load(db)
    assert (stored.membership_year_start_month, stored.user_name) == (9, "Léa")
    with db.session() as s:
        assert set(s.scalars(select(Membership.year).distinct())) == {2023, 2024, 2025}


def test_write_demo_file(tmp_path):
    path = tmp_path / "demo.sqlite"
    summary = write_demo_file(path)
    assert summary.persons == 250 and path.stat().st_size > 0
    with pytest.raises(ValidationError):
        write_demo_file(path)


def _meeting_days(path) -> list[tuple[dt.date, str]]:
    database = Database.open(path, read_only=True)
    try:
        with database.session() as s:
            return sorted(tuple(row) for row in s.execute(select(Meeting.date, Meeting.status)))
    finally:
        database.close()


def test_write_demo_file_is_made_around_the_given_day(tmp_path):
    # Meetings before the day are held, those after it planned, whatever the clock says;
    # the same day gives the same meetings, another day moves them.
    days = {}
    for name, day in (("a", TODAY), ("b", TODAY), ("c", dt.date(2029, 2, 1))):
        write_demo_file(tmp_path / f"{name}.sqlite", today=day)
        days[name] = _meeting_days(tmp_path / f"{name}.sqlite")
    assert days["a"] == days["b"]
    assert days["a"] != days["c"]
    for name, day in (("a", TODAY), ("c", dt.date(2029, 2, 1))):
        held = [d for d, status in days[name] if status == MeetingStatus.HELD.value]
        planned = [d for d, status in days[name] if status == MeetingStatus.PLANNED.value]
        assert held and planned
        assert max(held) <= day < min(planned)


def test_cli_demo_takes_the_day(tmp_path, capsys):
    from ahuntsic_desktop.cli import main

    assert main(["demo", str(tmp_path / "d.sqlite"), "--today", "2031-03-05"]) == 0
    held = [
        d
        for d, status in _meeting_days(tmp_path / "d.sqlite")
        if status == MeetingStatus.HELD.value
    ]
    assert max(held) <= dt.date(2031, 3, 5)
    assert max(held) > dt.date(2030, 12, 1)
    with pytest.raises(SystemExit):
        main(["demo", str(tmp_path / "e.sqlite"), "--today", "2031-02-30"])
    assert "date invalide « 2031-02-30 »" in capsys.readouterr().err
    assert not (tmp_path / "e.sqlite").exists()
