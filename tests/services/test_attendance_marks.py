"""The attendance matrix keeps each row's marks sparse (a year at the 400x scale holds 5,468
meetings and 47,546 persons: dense rows took more than 5 GB) and reads them as a tuple."""

from __future__ import annotations

import pytest

from ahuntsic_desktop.services.meetings.tracking import Marks


def test_marks_read_as_a_tuple_of_one_mark_a_meeting():
    marks = Marks(6, {0: "P", 3: "A", 4: "", 5: "P"})
    assert len(marks) == 6
    assert tuple(marks) == ("P", "", "", "A", "", "P")
    assert marks == ("P", "", "", "A", "", "P")
    assert marks != ("P", "", "", "A", "", "E")
    assert marks != ("P", "", "", "A", "")
    assert marks[3] == "A" and marks[1] == "" and marks[-1] == "P"
    assert marks[2:4] == ("", "A")
    assert marks.count("P") == 2 and marks.count("E") == 0
    assert marks.filled() == {0: "P", 3: "A", 5: "P"}
    assert hash(marks) == hash(("P", "", "", "A", "", "P"))
    with pytest.raises(IndexError):
        marks[6]


def test_a_row_of_marks_holds_only_its_filled_places():
    import sys

    size = 5_468
    sparse = Marks(size, {10: "P", 4_000: "E"})
    dense = tuple(sparse)
    assert sys.getsizeof(dense) > 40_000  # what each row of the grid used to hold
    assert sys.getsizeof(sparse.filled()) < 1_000  # what it holds now
