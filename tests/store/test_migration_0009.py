"""Migration 0009 (receipt number counter) starts the counter from the numbers already in
the file, so a number printed before the upgrade is never given again; it goes down and
up again."""

from __future__ import annotations

import sqlite3

from .test_migration_0008 import run, tables


def add_memberships(path, numbers: list[str | None]) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO membership_category (id, name, name_key, voting, "
                           "default_dues_cents, for_persons, for_organizations, position) "
                           "VALUES (1, 'Régulier', 'regulier', 1, 0, 1, 1, 0)")  # fmt: skip
        for index, number in enumerate(numbers, start=1):
            connection.execute(
                "INSERT INTO person (id, first_name, last_name, is_resident, is_elected) "
                "VALUES (?, 'A', 'B', 1, 0)",
                (index,),
            )
            connection.execute(
                "INSERT INTO membership (person_id, year, category_id, dues_cents, paid_on, "
                "receipt_number) VALUES (?, 2026, 1, 0, '2026-05-01', ?)",
                (index, number),
            )


def test_0009_counter_starts_at_the_highest_number_of_each_year(tmp_path):
    path = tmp_path / "m.sqlite"
    run(path, "upgrade", "0008")
    add_memberships(path, ["2026-0007", "2026-0003", "2025-0012", "REÇU-A", "2026-0x", None])
    run(path, "upgrade", "0009")
    with sqlite3.connect(path) as connection:
        counters = dict(connection.execute("SELECT year, last_sequence FROM receipt_counter"))
    assert counters == {2026: 7, 2025: 12}
    run(path, "downgrade", "0008")
    assert "receipt_counter" not in tables(path)
    run(path, "upgrade", "head")
    assert "receipt_counter" in tables(path)
