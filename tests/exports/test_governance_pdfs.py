"""The CC's composition in the annual report (roles and organisations, nobody named) and in
the bottin (names); the convocation of a new CC prints the quorum its seats give, and says
when it was computed."""

from __future__ import annotations

import datetime as dt
import shutil

from pypdf import PdfReader

from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
from ahuntsic_desktop.exports.pdf.convocation import write_convocation
from ahuntsic_desktop.exports.pdf.seat_history import write_history
from ahuntsic_desktop.services.governance import seats
from ahuntsic_desktop.services.meetings import attendance, meetings
from ahuntsic_desktop.services.meetings.meetings import MeetingData
from ahuntsic_desktop.store import Database

from ..dates import DEMO_TODAY
from . import test_workbooks_data as data

demo, demo_file = data.demo, data.demo_file  # fixtures


def text_of(path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def test_annual_report_prints_the_committee_without_naming_anyone(demo, tmp_path):
    options = ExportOptions(start=dt.date(2025, 4, 1), end=dt.date(2026, 3, 31), today=DEMO_TODAY)
    text = text_of(run_export(demo, "rapport-annuel", tmp_path / "r.pdf", options))
    assert "Composition : Comité de coordination (CC), au 31 mars 2026" in text
    held = seats.composition(demo, "CC", dt.date(2026, 3, 31))
    assert len(held) == 11
    assert held[0].organization in text
    assert not [r.holder for r in held if r.holder in text]


def test_bottin_names_the_committee(demo, tmp_path):
    text = text_of(run_export(demo, "bottin", tmp_path / "b.pdf", ExportOptions(today=DEMO_TODAY)))
    assert "Composition : Comité de coordination (CC), au 26 novembre 2026" in text
    for row in seats.composition(demo, "CC", DEMO_TODAY):
        assert row.holder in text


def test_convocation_of_a_new_cc_prints_the_quorum_of_its_seats(demo_file, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    db = Database.open(path)
    try:
        meeting_id = meetings.create_meeting(
            db, MeetingData(kind="comite_coordination", title="CC de décembre", date=DEMO_TODAY)
        )
        attendance.invite_members(db, meeting_id)
        pdf = write_convocation(db, meeting_id, tmp_path / "c.pdf", today=DEMO_TODAY)
    finally:
        db.close()
    text = text_of(pdf)
    assert "Le quorum est fixé à 6 membres votants" in text
    assert "11 membres votants à ce jour, chiffre calculé le 26 novembre 2026" in text


def test_history_of_the_committee_prints(demo, tmp_path):
    text = text_of(write_history(demo, tmp_path / "m.pdf", body="CC", today=DEMO_TODAY))
    assert "Historique des mandats : Comité de coordination (CC)" in text
    assert "Confidentiel" in text
    assert "Coopté·e" in text and "Élu·e" in text
