"""An AGA of the demo elects the committee's open seats through the meeting window: the
candidacies typed in, a ballot refused when it counts more ballots than voters, then the
results proclaimed into the seats and the minutes (read back from the PDF)."""

from __future__ import annotations

from datetime import date, timedelta

from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox

from ahuntsic_desktop.exports.pdf.minutes import write_minutes
from ahuntsic_desktop.services.governance import seats
from ahuntsic_desktop.services.meetings import attendance, meetings, pick_lists
from ahuntsic_desktop.services.meetings.meetings import MeetingData
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.governance.election_dialog import ElectionDialog

from ..dates import DEMO_TODAY
from .meeting_fixtures import choose, click, open_window, type_into

AGA_DAY = date(2027, 3, 9)  # after the two co-opted residents' terms end


def make_aga(db) -> tuple[int, list[attendance.AttendanceRow]]:
    """An AGA of the demo's membership year; the first 20 voting members invited came."""
    meeting_id = meetings.create_meeting(
        db, MeetingData(kind="aga", title="Assemblée générale spéciale 2027", date=AGA_DAY)
    )
    attendance.invite_members(db, meeting_id)
    rows = attendance.list_attendance(db, meeting_id)
    voters = [r for r in rows if r.voting][:20]
    for row in voters:
        attendance.set_attendance(db, meeting_id, row.person_id, "present", row.organization_id)
    return meeting_id, voters


def residents(db, count: int) -> list[str]:
    """Names of residents (no organisation) who hold no seat: eligible to the residents' college."""
    seated = {r.person_id for r in seats.list_seats(db, "CC", DEMO_TODAY)}
    names = [
        p.name
        for p in pick_lists.person_choices(db, AGA_DAY)
        if not p.organization and p.id not in seated
    ]
    return names[:count]


def add_candidacy(qtbot, dialog, seat: str, name: str, proposer: str, seconder: str) -> None:
    choose(dialog.seat, seat)
    type_into(qtbot, dialog.candidate.lineEdit(), name)
    choose(dialog.organization, "À titre de résident·e")
    choose(dialog.proposer, proposer)
    choose(dialog.seconder_c, seconder)
    click(qtbot, dialog.add_button)


def type_votes(qtbot, dialog, row: int, votes: int) -> None:
    type_into(qtbot, dialog.votes(row).lineEdit(), str(votes))


def test_an_aga_elects_the_open_seats_through_the_window(qtbot, demo_db, tmp_path):
    meeting_id, voters = make_aga(demo_db)
    names = [v.person_name for v in voters]
    context = Context(demo_db, today=lambda: DEMO_TODAY)
    window = open_window(qtbot, context, meeting_id)
    assert window.election_button.isVisible()
    click(qtbot, window.election_button)
    dialog = window.election
    assert isinstance(dialog, ElectionDialog)
    qtbot.waitExposed(dialog)
    # The two residents' seats whose co-opted terms ended are open, and only those.
    assert [s.label for s in dialog.seats] == ["Siège 10", "Siège 11"]
    assert "Siège 10" in dialog.open_seats.text() and "terminé le" in dialog.open_seats.text()

    choose(dialog.chair, names[0])
    choose(dialog.secretary, names[1])
    choose(dialog.method, "Par scrutin")
    first, second, third = residents(demo_db, 3)
    add_candidacy(qtbot, dialog, "Siège 10", first, names[2], names[3])
    add_candidacy(qtbot, dialog, "Siège 10", second, names[4], names[5])
    add_candidacy(qtbot, dialog, "Siège 11", third, names[3], names[2])
    assert dialog.table.rowCount() == 3
    for row, votes in enumerate((12, 7, 18)):
        type_votes(qtbot, dialog, row, votes)
    choose(dialog.mover, names[6])
    choose(dialog.seconder, names[7])

    # 25 ballots for 20 voting members present: refused, the dialog stays, nothing written.
    type_into(qtbot, dialog.voters.lineEdit(), "25")
    proclaim = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    click(qtbot, proclaim)
    assert dialog.isVisible()
    assert "25 bulletins pour 20 membres votants présents" in " ".join(dialog.form.visible_errors())
    day_after = AGA_DAY + timedelta(days=1)
    assert not any(r.holder for r in seats.list_seats(demo_db, "CC", day_after)[9:])

    type_into(qtbot, dialog.voters.lineEdit(), "19")
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, proclaim)
    assert dialog.result.resolution_number == "AG-2027-001"

    rows = {r.label: r for r in seats.list_seats(demo_db, "CC", day_after)}
    assert (rows["Siège 10"].holder, rows["Siège 11"].holder) == (first, third)
    assert rows["Siège 10"].origin_label == "Élu·e"
    assert rows["Siège 10"].end_date == date(2029, 3, 9)
    # The resolutions tab shows the election's resolution.
    assert "AG-2027-001" in window.resolutions.list.model.table.values("number")

    pdf = write_minutes(demo_db, meeting_id, tmp_path / "pv.pdf", today=DEMO_TODAY)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Élection : Comité de coordination (CC)" in text
    assert f"Est élu·e au siège « Siège 10 » : {first}" in text
    assert "12 voix" in text and "19 bulletins" in text
