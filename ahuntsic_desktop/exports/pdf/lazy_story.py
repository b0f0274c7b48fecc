"""A story whose flowables are made as the layout reaches them, so a long document (the
bottin at the 400x scale: 15,511 organisations, about 4,000 pages) never holds all of them
at once: reportlab takes each flowable from the front of the story it lays out, and puts
split parts back there.

:class:`LazyStory` answers the few list operations reportlab's ``build`` uses (``len``,
indexing and slices from the front, ``del``, ``insert``, slice assignment) from a short
buffer, filled from an iterator a few flowables ahead (``keepWithNext`` looks ahead)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

AHEAD = 16  # flowables made ahead of the one laid out: room for keepWithNext chains


class LazyStory:
    def __init__(self, head: Iterable, rest: Iterable) -> None:
        self._buffer: list = list(head)
        self._rest: Iterator | None = iter(rest)
        self.prepare: Callable[[list], None] = lambda _flowables: None  # e.g. typeset

    def _fill(self, count: int) -> None:
        """Make flowables until ``count`` are buffered or the story ends."""
        while len(self._buffer) < count and self._rest is not None:
            try:
                flowable = next(self._rest)
            except StopIteration:
                self._rest = None
                break
            self.prepare([flowable])
            self._buffer.append(flowable)

    def _fill_for(self, index) -> None:
        if isinstance(index, slice):
            stop = index.stop
            self._fill(len(self._buffer) + AHEAD if stop is None or stop < 0 else stop)
        elif index >= 0:
            self._fill(index + 1)

    def prepare_with(self, prepare: Callable[[list], None]) -> None:
        """Apply ``prepare`` (typesetting) to the flowables made so far and to each later."""
        self.prepare = prepare
        prepare(self._buffer)

    def __len__(self) -> int:
        self._fill(AHEAD)
        return len(self._buffer)

    def __getitem__(self, index):
        self._fill_for(index)
        return self._buffer[index]

    def __setitem__(self, index, value) -> None:
        self._fill_for(index)
        self._buffer[index] = value

    def __delitem__(self, index) -> None:
        self._fill_for(index)
        del self._buffer[index]

    def insert(self, index: int, flowable) -> None:
        self._buffer.insert(index, flowable)
