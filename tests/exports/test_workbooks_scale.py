"""10,000 rows export in a few seconds."""

from __future__ import annotations

import datetime as dt

from python_calamine import CalamineWorkbook
from sqlalchemy import insert

from ahuntsic_desktop.domain import FollowUp, Membership, MembershipCategory, Person
from ahuntsic_desktop.exports.catalog import ExportOptions, run_export

ROWS = 10_000


def fill(db) -> None:
    with db.session() as session:
        category = MembershipCategory(name="Membre citoyen", default_dues_cents=1000)
        session.add(category)
        session.flush()
        session.execute(
            insert(Person),
            [
                {
                    "first_name": f"Prénom{i}",
                    "last_name": f"Nom{i:05d}",
                    "email": f"p{i}@example.org",
                    "is_resident": i % 3 == 0,
                    "sector": "citoyen",
                }
                for i in range(ROWS)
            ],
        )
        ids = [
            row[0]
            for row in session.execute(Person.__table__.select().with_only_columns(Person.id))
        ]
        session.execute(
            insert(Membership),
            [
                {
                    "person_id": person_id,
                    "year": 2025,
                    "category_id": category.id,
                    "dues_cents": 1000,
                    "paid_on": dt.date(2025, 5, 1) if person_id % 2 else None,
                }
                for person_id in ids
            ],
        )
        session.execute(
            insert(FollowUp),
            [
                {
                    "description": f"=Suivi numéro {i} avec une description assez longue pour passer à la ligne",
                    "owner_person_id": ids[i],
                    "due_date": dt.date(2025, 1, 1) + dt.timedelta(days=i % 400),
                    "status": "a_faire",
                }
                for i in range(ROWS)
            ],
        )


def test_ten_thousand_rows_export_whole(db, tmp_path):
    # Speed is measured by benchmarks/bench_scale.py, not asserted here.
    fill(db)
    options = ExportOptions(today=dt.date(2026, 1, 15))
    for key in ("membres", "suivis"):
        path = run_export(db, key, tmp_path / f"{key}.xlsx", options)
    workbook = CalamineWorkbook.from_path(str(tmp_path / "membres.xlsx"))
    # the confidential mark, the header, the rows
    assert len(workbook.get_sheet_by_name("Personnes").to_python()) == ROWS + 2
    assert len(workbook.get_sheet_by_name("Adhésions").to_python()) == ROWS + 2
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Suivis").to_python()
    assert len(rows) == ROWS + 2 and rows[2][1].startswith("=Suivi")
