"""The attendance matrix keeps each row's marks sparse (a year at the 400x scale holds 5,468
meetings and 47,546 persons: dense rows took more than 5 GB): a row holds its filled
places only and still reads as a tuple of one mark a meeting."""

from __future__ import annotations

import sys

from ahuntsic_desktop.services.meetings.tracking import MatrixRow


def test_a_row_reads_as_a_tuple_of_one_mark_a_meeting():
    row = MatrixRow(7, ("Roy", "Léa", ""), {0: "P", 3: "A", 5: "P"}, 6, 2, 0, 1)
    assert row.marks == ("P", "", "", "A", "", "P")
    assert row.rate == 2 / 3


def test_a_row_of_marks_holds_only_its_filled_places():
    size = 5_468
    row = MatrixRow(7, ("Roy", "Léa", ""), {10: "P", 4_000: "E"}, size, 1, 1, 0)
    assert sys.getsizeof(row.marks) > 40_000  # what each row of the grid used to hold
    assert sys.getsizeof(row.places) < 1_000  # what it holds now
    assert row.marks[10] == "P" and row.marks[4_000] == "E" and row.marks.count("") == size - 2
