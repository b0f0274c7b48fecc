"""The ``echeances`` calendar (.ics), read back with the icalendar library: one all-day
event per application deadline and per funder report deadline, with stable UIDs."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from ahuntsic_desktop.exports.catalog import ExportOptions, get_kind, run_export
from ahuntsic_desktop.services.demo import generate_demo
from ahuntsic_desktop.services.funding import agreements, applications
from ahuntsic_desktop.store import Database

from ..dates import DEMO_TODAY


@pytest.fixture(scope="module")
def demo():
    db = Database.in_memory()
    generate_demo(db, today=DEMO_TODAY)
    yield db
    db.close()


def events(path) -> dict[str, dict]:
    calendar = Calendar.from_ical(path.read_bytes())
    found = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        assert uid not in found, uid
        found[uid] = {
            "start": event.decoded("DTSTART"),
            "end": event.decoded("DTEND"),
            "summary": str(event["SUMMARY"]),
            "description": str(event["DESCRIPTION"]),
        }
    return found


def test_the_calendar_holds_every_deadline(demo, tmp_path):
    assert get_kind("echeances").suffix == ".ics"
    path = run_export(demo, "echeances", tmp_path / "e", ExportOptions(today=DEMO_TODAY))
    assert path.name == "e.ics"
    found = events(path)
    wanted_applications = applications.application_deadlines(demo)
    wanted_reports = agreements.list_deadline_infos(demo, DEMO_TODAY)
    assert wanted_applications and wanted_reports  # the demo has both
    assert len(found) == len(wanted_applications) + len(wanted_reports)
    for d in wanted_applications:
        event = found[f"demande-{d.id}@ahuntsic-desktop"]
        assert event["start"] == d.deadline and not isinstance(event["start"], dt.datetime)
        assert event["end"] == d.deadline + dt.timedelta(days=1)
        assert event["summary"] == f"Date limite de dépôt : {d.programme} ({d.funder})"
        assert applications.status_label(d.status) in event["description"]
    for d in wanted_reports:
        event = found[f"reddition-{d.id}@ahuntsic-desktop"]
        assert event["start"] == d.due_date and not isinstance(event["start"], dt.datetime)
        assert event["summary"] == f"Reddition de comptes : {d.title} ({d.funder})"
        if d.submitted_on is None:
            assert "À remettre" in event["description"]
        else:
            assert d.submitted_on.isoformat() in event["description"]
    # A comma in a funder's name is escaped in the file and read back whole.
    assert any("," in e["summary"] for e in found.values())
    assert b"\\," in path.read_bytes()


def test_a_new_export_keeps_the_uids_so_an_agenda_updates(demo, tmp_path):
    first = events(
        run_export(demo, "echeances", tmp_path / "a.ics", ExportOptions(today=DEMO_TODAY))
    )
    later = DEMO_TODAY + dt.timedelta(days=30)
    second = events(run_export(demo, "echeances", tmp_path / "b.ics", ExportOptions(today=later)))
    assert first.keys() == second.keys()
