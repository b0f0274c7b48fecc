"""Take screenshots of the main window's pages on a fresh demo file.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/make_screenshots.py
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py --size 1024x600
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py --size 1024x600 --out /tmp/s

Writes docs/screenshots/main-window.png (the dashboard) and page-*.png; with ``--size``,
every page, tab and dialog at that window size in docs/screenshots/WxH/.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"
DAY = date(2026, 11, 26)  # the demo is made around this day, and the window lives on it


def main() -> int:
    os.environ.setdefault("AHUNTSIC_DATA_DIR", tempfile.mkdtemp())
    from ahuntsic_desktop.ui.widgets import unsaved

    # The script fills dialogs to show them, then closes them: it saves nothing, and never
    # waits on « Enregistrer les modifications ? ».
    unsaved.ask_to_save = lambda _parent, _names, _can_save=True: unsaved.Choice.DISCARD
    if "--size" in sys.argv:
        from small_screens import shoot_all  # docs/small_screens.py

        width, height = (int(n) for n in sys.argv[sys.argv.index("--size") + 1].split("x"))
        out = OUT / f"{width}x{height}"
        if "--out" in sys.argv:  # to look at them without touching the committed set
            out = Path(sys.argv[sys.argv.index("--out") + 1])
        return shoot_all(width, height, out, DAY)

    from ahuntsic_desktop.services.demo import write_demo_file
    from ahuntsic_desktop.store import Database
    from ahuntsic_desktop.ui.app import make_application
    from ahuntsic_desktop.ui.main_window import MainWindow

    app = make_application("fr")
    path = Path(tempfile.mkdtemp()) / "demo.sqlite"
    write_demo_file(path, today=DAY)
    window = MainWindow(Database.open(path), today=lambda: DAY)
    window.resize(1360, 860)
    window.show()
    names = [
        "main-window",
        "page-membres",
        "page-organismes",
        "page-partenaires",
        "page-rencontres",
        "page-chantiers",
        "page-sieges",
        "page-plan",
        "page-demarche",
        "page-bilan",
        "page-portrait",
        "page-exports",
        "page-vie-privee",
        "page-journal",
        "page-parametres",
    ]
    for row, name in enumerate(names):
        window.navigation.setCurrentRow(row)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(OUT / f"{name}.png"))
    _planning_entry(app, window)
    _planning_dialogs(app, window)
    _election_dialog(app, window)
    from work_screenshots import shoot_work  # docs/work_screenshots.py

    shoot_work(app, window, OUT, DAY)
    window.close()
    return 0


def _planning_entry(app, window) -> None:
    """The démarche page's contribution grid, two sticky notes typed, one refused."""
    from ahuntsic_desktop.ui.planning.page import PlanningPage

    row = next(i for i, p in enumerate(window.pages) if isinstance(p, PlanningPage))
    window.navigation.setCurrentRow(row)
    page = window.pages[row]
    page.process_combo.setCurrentIndex(page.process_combo.count() - 1)  # the 2019-2020 one
    page.tabs.setCurrentIndex(1)
    grid = page.grid
    for values in (
        ("Un jardin près de l'école", "proposition", "Verdissement et espaces publics", "", "3"),
        ("Des bancs à l'ombre", "souhait", "Aîné·es", "Aîné·es", "5"),
    ):
        for column, value in enumerate(values):
            grid.table.item(grid.table.rowCount() - 1, column).setText(value)
        grid.next_row()
    grid.save()  # refused: « souhait » is not a kind; nothing is written
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(OUT / "page-demarche-saisie.png"))


def _grab(app, widget, name: str) -> None:
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(OUT / f"{name}.png"))


def _planning_dialogs(app, window) -> None:
    """The démarche's dialogs: its card, a phase, a frame section, an activity with its
    participants and headcounts, a synthesis, a contribution, the vocabularies, and the
    contributions workbook's import preview with a refused row."""
    from openpyxl import load_workbook

    from ahuntsic_desktop.exports.xlsx.contributions import write_contributions
    from ahuntsic_desktop.services import planning
    from ahuntsic_desktop.ui.planning.page import PlanningPage

    page = next(p for p in window.pages if isinstance(p, PlanningPage))
    db = page.context.db
    past = next(p.id for p in planning.list_processes(db) if "2019" in p.title)
    page.process_combo.setCurrentIndex(page.process_combo.findData(past))
    page.tabs.setCurrentIndex(0)
    _grab(app, window, "page-demarche")
    shots = [
        ("dialog-demarche", page.edit_process(past)),
        ("dialog-demarche-phase", page.open_record("phases", planning.list_phases(db, past)[1].id)),
        ("dialog-demarche-section", page.open_record("sections", planning.sections(db, past)[0].id)),
        ("dialog-demarche-synthese",
         page.open_record("syntheses", planning.list_syntheses(db, past)[0].id)),
    ]  # fmt: skip
    for name, dialog in shots:
        _grab(app, dialog, name)
        dialog.reject()
    summary = planning.process_summary(db, past)
    busiest = max(summary.activities, key=lambda a: (a.named > 0, a.anonymous > 0, a.named))
    dialog = page.open_record("activities", busiest.id)
    _grab(app, dialog, "dialog-demarche-activite")
    dialog.tabs.setCurrentWidget(dialog.participants)
    _grab(app, dialog, "dialog-demarche-participants")
    dialog.tabs.setCurrentWidget(dialog.headcounts)
    _grab(app, dialog, "dialog-demarche-comptes")
    dialog.reject()
    contribution = planning.list_contributions(db, past, DAY)[0]
    dialog = page.open_contribution(contribution.id)
    _grab(app, dialog, "dialog-demarche-contribution")
    dialog.reject()
    vocabulary = page.edit_vocabularies()
    _grab(app, vocabulary, "dialog-demarche-vocabulaires")
    vocabulary.reject()

    workbook = Path(tempfile.mkdtemp()) / "contributions.xlsx"
    write_contributions(db, past, workbook, DAY)
    book = load_workbook(workbook)
    sheet = book["Contributions"]
    sheet["F2"] = ", ".join(filter(None, [sheet["F2"].value, "Mobilité active"]))
    sheet["D3"] = "Défi"
    sheet["H4"] = "beaucoup"
    book.save(workbook)
    preview = page.import_contributions(workbook)
    _grab(app, preview, "dialog-import-contributions")
    preview.reject()


def _election_dialog(app, window) -> None:
    """An assembly after the co-opted residents' terms end: two candidacies for one seat,
    one for the other, by ballot, ready to proclaim."""
    from ahuntsic_desktop.services.meetings import attendance, meetings, pick_lists
    from ahuntsic_desktop.services.meetings.meetings import MeetingData
    from ahuntsic_desktop.ui.meetings import MeetingWindow

    db = window.context.db
    day = date(2027, 3, 9)
    meeting_id = meetings.create_meeting(
        db, MeetingData(kind="aga", title="Assemblée générale spéciale 2027", date=day)
    )
    attendance.invite_members(db, meeting_id)
    voters = [r for r in attendance.list_attendance(db, meeting_id) if r.voting][:20]
    for row in voters:
        attendance.set_attendance(db, meeting_id, row.person_id, "present", row.organization_id)
    meeting = MeetingWindow(window.context, meeting_id)
    meeting.show()
    meeting.hold_election()
    dialog = meeting.election
    names = [v.person_name for v in voters]
    residents = [p for p in pick_lists.person_choices(db, day) if not p.organization][20:23]

    def pick(combo, text):
        combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemText(i) == text))

    pick(dialog.chair, names[0])
    pick(dialog.secretary, names[1])
    dialog.method.setCurrentIndex(1)
    for seat, person, votes in ((0, residents[0], 12), (0, residents[1], 7), (1, residents[2], 18)):
        dialog.seat.setCurrentIndex(seat)
        dialog.candidate.setCurrentIndex(dialog.candidate.findData(person.id))
        pick(dialog.proposer, names[2 + seat])
        pick(dialog.seconder_c, names[4 + seat])
        dialog.add_candidacy()
        dialog.votes(dialog.table.rowCount() - 1).setValue(votes)
    dialog.voters.setValue(19)
    pick(dialog.mover, names[6])
    pick(dialog.seconder, names[7])
    dialog.resize(960, 900)
    _grab(app, dialog, "dialog-election")
    dialog.reject()
    meeting.close()


if __name__ == "__main__":
    sys.exit(main())
