"""Actions on a selection (issue 14 item 10): one service call, one transaction, and each
refusal named, never « all done » when some were refused."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import event

from ahuntsic_desktop.services.demo import write_demo_file
from ahuntsic_desktop.services.meetings import attendance, meetings
from ahuntsic_desktop.services.registry import organizations, persons
from ahuntsic_desktop.store import Database

from ..dates import DEMO_TODAY


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("bulk") / "demo.sqlite"
    write_demo_file(path, today=DEMO_TODAY)
    return path


@pytest.fixture
def demo_db(template, tmp_path):
    shutil.copy(template, tmp_path / "demo.sqlite")
    database = Database.open(tmp_path / "demo.sqlite")
    yield database
    database.close()


def count_commits(db) -> list[int]:
    commits: list[int] = []
    event.listen(db.engine, "commit", lambda _conn: commits.append(1))
    return commits


def test_deleting_a_selection_reports_each_refusal_and_does_the_rest(demo_db):
    org_ids = organizations.list_organizations(demo_db, today=DEMO_TODAY).ids[:6]
    new_id = organizations.create_organization(
        demo_db, organizations.OrganizationData(name="Organisme fictif sans lien")
    )
    commits = count_commits(demo_db)
    result = organizations.delete_organizations(demo_db, [*org_ids, new_id])
    assert len(commits) == 1
    assert new_id in result.done
    refused = {r.id for r in result.refusals}
    assert refused and refused | set(result.done) == {*org_ids, new_id}
    assert all("archivez" in r.message for r in result.refusals)
    remaining = set(organizations.list_organizations(demo_db, today=DEMO_TODAY).ids)
    assert refused <= remaining and new_id not in remaining


def test_archiving_persons_is_one_transaction(demo_db):
    ids = persons.list_persons(demo_db, today=DEMO_TODAY).ids[:5]
    commits = count_commits(demo_db)
    result = persons.archive_persons(demo_db, [*ids, 999_999])
    assert len(commits) == 1
    assert result.done == tuple(ids)
    assert [r.id for r in result.refusals] == [999_999]


def test_marking_attendance_of_a_selection_is_one_transaction(demo_db):
    meeting_id = meetings.list_meetings(demo_db, upcoming=False, today=DEMO_TODAY).ids[0]
    lines = attendance.list_attendance(demo_db, meeting_id)[:4]
    people = {line.person_id: line.organization_id for line in lines}
    commits = count_commits(demo_db)
    result = attendance.set_statuses(demo_db, meeting_id, people, "excuse")
    assert len(people) == 4
    assert len(commits) == 1  # one write for the four people (the settings read commits nothing)
    assert set(result.done) == set(people)
    after = {row.person_id: row.status for row in attendance.list_attendance(demo_db, meeting_id)}
    assert {after[p] for p in people} == {"excuse"}
