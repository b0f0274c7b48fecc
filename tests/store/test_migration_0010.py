"""Migration 0010 (seats, mandates, elections) adds its four tables and goes down and up
again."""

from __future__ import annotations

from .test_migration_0008 import run, tables

GOVERNANCE = {"seat", "mandate", "election", "candidacy"}


def test_0010_adds_the_governance_tables_and_goes_down_and_up(tmp_path):
    path = tmp_path / "m.sqlite"
    run(path, "upgrade", "0009")
    assert not GOVERNANCE & set(tables(path))
    run(path, "upgrade", "0010")
    assert set(tables(path)) >= GOVERNANCE
    run(path, "downgrade", "0009")
    assert not GOVERNANCE & set(tables(path))
    run(path, "upgrade", "head")
    assert set(tables(path)) >= GOVERNANCE
