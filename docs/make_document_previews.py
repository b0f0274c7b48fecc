"""Every document the table hands out, made from a fresh demo file and printed to PNG.

    .venv/bin/python docs/make_document_previews.py [--all-pages FOLDER]

Writes the first page of each document to docs/previews/<name>.png (the README links them).
Workbooks go through LibreOffice (``soffice --headless --convert-to pdf``), as a reader who
prints them would see them; PDFs through ``pdftoppm``. With ``--all-pages FOLDER`` every
page of every document is also written to FOLDER, with the documents themselves, to read
them page by page before a release. LibreOffice prints Calibri with Carlito (the same
metrics): install it (Debian: fonts-crosextra-carlito), or workbooks print wider than in
Excel and look clipped.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

OUT = Path(__file__).resolve().parent / "previews"
sys.path.insert(0, str(OUT.parent.parent))  # this checkout's package, whatever is installed
DAY = date(2026, 11, 26)  # the demo is made around this day


def to_pdf(workbook: Path, folder: Path) -> Path:
    """The workbook as LibreOffice prints it (its print settings, headers and all)."""
    profile = Path(tempfile.mkdtemp()).as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(workbook)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    return folder / (workbook.stem + ".pdf")


def to_png(pdf: Path, target: Path, *, first_only: bool, resolution: int = 70) -> None:
    pages = ["-f", "1", "-l", "1", "-singlefile"] if first_only else []
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(resolution), *pages, str(pdf), str(target)], check=True
    )


def documents(db, folder: Path) -> dict[str, Path]:
    """Write every document of the demo into ``folder``; returns {preview name: file}."""
    from sqlalchemy import select

    from ahuntsic_desktop.domain.enums import PartnerKind
    from ahuntsic_desktop.domain.meetings import Meeting, Resolution
    from ahuntsic_desktop.domain.membership import Membership
    from ahuntsic_desktop.domain.people import PartnerRole, Person
    from ahuntsic_desktop.domain.plan import ActionPlan, Chantier
    from ahuntsic_desktop.exports.access_package import produce_access_package
    from ahuntsic_desktop.exports.catalog import KINDS, ExportOptions, run_export
    from ahuntsic_desktop.exports.pdf.attendance_sheet import write_attendance_sheet
    from ahuntsic_desktop.exports.pdf.chantier_sheet import write_chantier_sheet
    from ahuntsic_desktop.exports.pdf.convocation import write_convocation
    from ahuntsic_desktop.exports.pdf.follow_ups import write_follow_up_list
    from ahuntsic_desktop.exports.pdf.minutes import write_minutes
    from ahuntsic_desktop.exports.pdf.plan_bilan import write_plan_bilan
    from ahuntsic_desktop.exports.pdf.plan_handout import write_plan_handout
    from ahuntsic_desktop.exports.pdf.receipt import write_receipt_file

    made: dict[str, Path] = {}
    with db.session() as session:
        funders = session.scalars(
            select(PartnerRole.organization_id)
            .where(PartnerRole.kind == PartnerKind.FUNDER.value)
            .order_by(PartnerRole.organization_id)
        ).all()
    for kind in KINDS:
        if kind.suffix not in (".xlsx", ".pdf"):
            continue  # a calendar (.ics) has no page to show
        options = ExportOptions(
            start=date(2025, 7, 1) if kind.uses("period") else None,
            end=date(2026, 6, 30) if kind.uses("period") else None,
            funder_id=funders[0] if kind.uses("funder") and funders else None,
            include_contacts=kind.key == "bottin",
            today=DAY,
        )
        name = ("xlsx-" if kind.suffix == ".xlsx" else "pdf-") + kind.key
        made[name] = run_export(db, kind.key, folder / f"{kind.key}{kind.suffix}", options)

    with db.session() as session:
        meetings = session.scalars(select(Meeting).order_by(Meeting.date)).all()
        with_resolutions = {r.meeting_id for r in session.scalars(select(Resolution))}
        held = [m.id for m in meetings if m.id in with_resolutions and m.date <= DAY]
        planned = [m.id for m in meetings if m.date > DAY and m.agenda_items]
        plans = session.scalars(select(ActionPlan).order_by(ActionPlan.start_year)).all()
        chantier = session.scalars(select(Chantier).order_by(Chantier.id)).first()
        paid = session.scalars(
            select(Membership.id).where(Membership.paid_on.is_not(None)).order_by(Membership.id)
        ).all()
        person = session.scalars(select(Person).order_by(Person.id)).first()
        plan_ids = [p.id for p in plans]
        chantier_id = chantier.id
        person_id = person.id
    minutes = held[-1]
    made["pdf-proces-verbal"] = write_minutes(db, minutes, folder / "pv.pdf", today=DAY)
    made["pdf-convocation"] = write_convocation(
        db, planned[0], folder / "convocation.pdf", today=DAY
    )
    made["pdf-feuille-presence"] = write_attendance_sheet(db, planned[0], folder / "presence.pdf")
    made["pdf-suivis"] = write_follow_up_list(db, folder / "suivis.pdf", today=DAY)
    made["pdf-recu"] = write_receipt_file(db, paid[:3], folder / "recus.pdf", today=DAY)
    made["pdf-plan-action"] = write_plan_handout(db, plan_ids[-1], folder / "plan.pdf", today=DAY)
    made["pdf-bilan-plan"] = write_plan_bilan(db, plan_ids[0], folder / "bilan.pdf", today=DAY)
    made["pdf-fiche-chantier"] = write_chantier_sheet(
        db, chantier_id, folder / "chantier.pdf", today=DAY
    )
    (folder / "acces").mkdir(exist_ok=True)
    package = produce_access_package(
        db, person_id, folder / "acces", now=datetime(2026, 11, 26, 10, 0)
    )
    made["pdf-demande-acces"] = package.pdf
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all-pages", type=Path, help="also write every page here")
    args = parser.parse_args(argv)
    os.environ.setdefault("AHUNTSIC_DATA_DIR", tempfile.mkdtemp())
    from ahuntsic_desktop import i18n
    from ahuntsic_desktop.services.demo import write_demo_file
    from ahuntsic_desktop.store import Database

    i18n.set_locale("fr_CA")
    folder = args.all_pages or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "demo.sqlite"
    path.unlink(missing_ok=True)
    write_demo_file(path, today=DAY)
    db = Database.open(path)
    try:
        made = documents(db, folder)
    finally:
        db.close()
    OUT.mkdir(exist_ok=True)
    for name, document in sorted(made.items()):
        pdf = to_pdf(document, folder) if document.suffix == ".xlsx" else document
        to_png(pdf, OUT / name, first_only=True)
        if args.all_pages:
            to_png(pdf, folder / name, first_only=False)
        print(name, "->", (OUT / f"{name}.png").relative_to(OUT.parent.parent))
    if not args.all_pages:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
