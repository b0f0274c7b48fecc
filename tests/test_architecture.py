"""The rules of the house that a grep can check: arrows point down, modules stay small."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ahuntsic_desktop"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(("." * node.level) + node.module)
    return names


def python_files(*parts: str) -> list[Path]:
    return sorted(PACKAGE.joinpath(*parts).rglob("*.py"))


def test_no_qt_below_the_ui():
    offenders = [
        str(path.relative_to(PACKAGE))
        for folder in ("domain", "services", "store", "exports")
        for path in python_files(folder)
        if any(name.startswith("PySide6") for name in imported_modules(path))
    ]
    assert offenders == []


def test_domain_and_store_do_not_import_services_or_ui():
    offenders = []
    for folder in ("domain", "store"):
        for path in python_files(folder):
            for name in imported_modules(path):
                if "services" in name or ".ui" in name or name.startswith("..ui"):
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_ui_does_not_speak_sql():
    offenders = []
    for path in python_files("ui"):
        names = imported_modules(path)
        if any(name.startswith("sqlalchemy") for name in names):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_modules_stay_small():
    big = [
        f"{path.relative_to(PACKAGE)}: {n} lines"
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > 450
    ]
    assert big == []


def test_tests_type_through_the_safe_helper():
    # QTest.keyClicks aborts the whole pytest process on a non-ASCII character; every GUI
    # test types through tests/ui/typing.py, which sends those as key events instead.
    tests = Path(__file__).resolve().parent
    offenders = [
        str(path.relative_to(tests))
        for path in sorted(tests.rglob("*.py"))
        if path.name not in ("typing.py", "test_architecture.py")
        and "keyClicks(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
