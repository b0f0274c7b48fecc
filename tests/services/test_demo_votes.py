"""The demo's votes follow the services' rule: one vote per member, carried by one present
person (delegate, else substitute, else anyone listed but its employees); a resolution's
mover and seconder carry the votes of two different members."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ahuntsic_desktop.domain import Attendance, Meeting, Resolution
from ahuntsic_desktop.services.core import settings
from ahuntsic_desktop.services.demo import generate_demo
from ahuntsic_desktop.services.meetings.quorum import attendance_lines, present_voters
from ahuntsic_desktop.store import Database
from tests.dates import DEMO_TODAY


@pytest.fixture(scope="module", params=[1, 2], ids=["scale1", "scale2"])
def demo_db(request):
    database = Database.in_memory()
    generate_demo(database, scale=request.param, today=DEMO_TODAY)
    yield database
    database.close()


def test_movers_and_seconders_carry_votes_of_different_members(demo_db):
    table_settings = settings.load(demo_db)
    checked = 0
    with demo_db.session() as session:
        for resolution in session.scalars(select(Resolution)):
            meeting = session.get(Meeting, resolution.meeting_id)
            voters = present_voters(
                session, meeting, table_settings.membership_year_of(meeting.date)
            )
            mover, seconder = resolution.moved_by_id, resolution.seconded_by_id
            assert mover in voters, resolution.number
            assert seconder in voters, resolution.number
            assert voters[mover] != voters[seconder], resolution.number
            checked += 1
    assert checked >= 10  # the check ran on real resolutions


def test_stored_voting_flags_are_the_services_carriers(demo_db):
    table_settings = settings.load(demo_db)
    voting_lines = 0
    with demo_db.session() as session:
        stored = dict(session.execute(select(Attendance.id, Attendance.voting)).all())
        for meeting in session.scalars(select(Meeting)):
            lines = attendance_lines(
                session, meeting, table_settings.membership_year_of(meeting.date)
            )
            for line in lines:
                assert stored[line.attendance_id] == line.carrier, (
                    meeting.date,
                    meeting.kind,
                    line,
                )
                voting_lines += line.carrier
    assert voting_lines > 50
