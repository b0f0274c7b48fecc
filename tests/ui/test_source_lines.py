"""The source lines PySide6's import hook reads are not kept (issue 16: start-up memory)."""

from __future__ import annotations

import linecache
import sys

from ahuntsic_desktop.ui.source_lines import ForgetSourceLines, forget_source_lines


def test_importing_a_module_lets_go_of_the_lines_read_before(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))  # put back after the test
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "fresh_module_for_lines.py").write_text("VALUE = 1\n", encoding="utf-8")
    forget_source_lines()
    forget_source_lines()  # once only
    assert sum(isinstance(f, ForgetSourceLines) for f in sys.meta_path) == 1
    linecache.getlines(__file__)  # as the hook does with each module it sees
    assert __file__ in linecache.cache
    import fresh_module_for_lines  # noqa: PLC0415 (the import is what is tested)

    assert fresh_module_for_lines.VALUE == 1  # found by the usual finders
    assert __file__ not in linecache.cache
    assert linecache.getline(__file__, 1).startswith('"""')  # read again when needed
    monkeypatch.delitem(sys.modules, "fresh_module_for_lines")
