"""The annual report and the funder report count what happened: meetings held (not planned
or cancelled) and their resolutions, up to today unless asked to go further, and they say
which meetings of the period they left out. Read back with python-calamine and pypdf."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.cli import main
from ahuntsic_desktop.domain import FollowUp, Meeting, Resolution
from ahuntsic_desktop.exports.catalog import run_export
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.core.periods import Period
from ahuntsic_desktop.services.reports.activity import activity_stats
from ahuntsic_desktop.store import Database

from . import test_workbooks_data as data
from .test_workbooks_data import END, START, TODAY, options

sample = data.sample  # fixture

PLANNED_DAY = dt.date(2026, 2, 10)  # after TODAY (15 January 2026), inside the period


@pytest.fixture
def planned(sample):
    """The sample with a CC planned after today that already carries a resolution (drafted
    in advance) and a follow-up."""
    db, ids = sample
    add_planned(db)
    return db, ids


def add_planned(db) -> None:
    with db.session() as s:
        meeting = Meeting(
            kind="comite_coordination",
            body="CC",
            title="CC de février",
            date=PLANNED_DAY,
            status="prevue",
        )
        s.add(meeting)
        s.flush()
        resolution = Resolution(
            meeting_id=meeting.id,
            body="CC",
            year=2026,
            sequence=1,
            number="CC-2026-001",
            title="Budget prévu d'avance",
            outcome="adoptee",
            votes_for=5,
        )
        s.add(resolution)
        s.add(
            FollowUp(
                meeting_id=meeting.id,
                body="CC",
                description="Préparer le budget",
                due_date=dt.date(2026, 3, 1),
                status="a_faire",
            )
        )


def _summary(path) -> dict[str, object]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Sommaire").to_python()
    return {str(row[0]): row[1] for row in rows if row and row[0] != ""}


def _summary_rows(path) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Sommaire").to_python()


def test_activity_counts_stop_at_today_and_skip_what_was_not_held(planned):
    db, _ids = planned
    stats = activity_stats(db, Period(START, END), TODAY)
    assert stats.counted == Period(START, TODAY) and stats.stops_early
    assert [r.number for r in stats.resolutions] == ["CC-2025-001"]
    assert stats.resolutions_total == 1
    assert stats.meetings_held == 3
    assert stats.follow_ups_decided == 2  # the planned meeting's follow-up is not decided
    assert [(m.title, m.status) for m in stats.left_out] == [
        ("CC annulé", "Annulée"),
        ("CC de février", "Prévue"),
    ]
    # Asked explicitly, the count reaches the period's end; a planned meeting still counts
    # for nothing, and is still listed.
    beyond = activity_stats(db, Period(START, END), TODAY, beyond_today=True)
    assert beyond.counted == Period(START, END) and not beyond.stops_early
    assert beyond.resolutions_total == 1 and beyond.meetings_held == 3
    assert "CC de février" in [m.title for m in beyond.left_out]


def test_a_period_starting_after_today_is_refused_unless_asked(planned):
    db, _ids = planned
    later = Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    with pytest.raises(ValidationError) as caught:
        activity_stats(db, later, TODAY)
    assert caught.value.field == "period"
    assert "après aujourd'hui" in caught.value.message
    assert activity_stats(db, later, TODAY, beyond_today=True).resolutions_total == 0


def test_funder_report_does_not_count_a_planned_meeting_or_its_resolutions(planned, tmp_path):
    db, ids = planned
    path = run_export(db, "reddition", tmp_path / "r.xlsx", options(funder_id=ids["funder"]))
    summary = _summary(path)
    assert summary["Résolutions"] == 1
    assert summary["Rencontres tenues"] == 3
    assert summary["Suivis décidés"] == 2
    assert summary["Compté jusqu'au"] == "15 janvier 2026"
    book = CalamineWorkbook.from_path(str(path))
    numbers = [row[0] for row in book.get_sheet_by_name("Résolutions").to_python()[1:]]
    assert numbers == ["CC-2025-001"]
    titles = [row[2] for row in book.get_sheet_by_name("Rencontres").to_python()[1:]]
    assert "CC de février" not in titles and "CC annulé" not in titles
    # The summary says which meetings it left out, and why.
    rows = _summary_rows(path)
    header = next(i for i, row in enumerate(rows) if row[0] == "Rencontres non comptées")
    left_out = [row[:4] for row in rows[header + 1 : header + 3]]
    assert left_out == [
        ["CC annulé", dt.date(2025, 10, 1), "CC", "Annulée"],
        ["CC de février", PLANNED_DAY, "CC", "Prévue"],
    ]


def test_annual_report_does_not_count_a_planned_meeting_or_its_resolutions(planned, tmp_path):
    db, _ids = planned
    path = run_export(db, "rapport-annuel", tmp_path / "a.pdf", options())
    text = " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages
    )
    assert "CC-2025-001" in text
    assert "CC-2026-001" not in text and "Budget prévu d'avance" not in text
    assert "Compté jusqu'au 15 janvier 2026" in text
    left_out = text[text.index("Rencontres non comptées") :]
    assert "CC de février" in left_out and "Prévue" in left_out
    assert "CC annulé" in left_out and "Annulée" in left_out


def test_the_explicit_option_counts_to_the_period_end(planned, tmp_path):
    db, ids = planned
    path = run_export(
        db,
        "reddition",
        tmp_path / "r.xlsx",
        options(funder_id=ids["funder"], beyond_today=True),
    )
    summary = _summary(path)
    assert "Compté jusqu'au" not in summary
    assert summary["Résolutions"] == 1  # still only what was held


def test_the_command_line_stops_at_today_unless_told(tmp_path, capsys):
    path = tmp_path / "t.sqlite"
    db = Database.open(path, create=True)
    ids = data.build_sample(db)
    add_planned(db)
    db.close()
    base = ["export", "reddition", "--db", str(path), "--funder", str(ids["funder"]),
            "--from", "2026-02-01", "--to", "2026-03-31", "--today", "2026-01-15"]  # fmt: skip
    assert main([*base, "--out", str(tmp_path / "a.xlsx")]) == 1
    assert "La période commence après aujourd'hui" in capsys.readouterr().err
    assert main([*base, "--out", str(tmp_path / "b.xlsx"), "--beyond-today"]) == 0
    summary = _summary(tmp_path / "b.xlsx")
    assert summary["Résolutions"] == 0 and summary["Rencontres tenues"] == 0
