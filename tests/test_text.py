"""The two folds every list, search and key uses (ahuntsic_desktop.text)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ahuntsic_desktop.text import fold_for_key, fold_for_search, fold_rows


def test_search_fold_ignores_case_and_accents():
    assert fold_for_search("Montréal-Nord ÉCOLE") == "montreal-nord ecole"
    assert fold_for_search("Œuvre") == "œuvre"  # searching keeps ligatures as typed


def test_key_fold_orders_french_names():
    names = ["Zoé", "Émond", "Œuvre", "ecole", "École", "Oeil", "Abbé"]
    assert sorted(names, key=fold_for_key) == [
        "Abbé",
        "ecole",
        "École",
        "Émond",
        "Oeil",
        "Œuvre",
        "Zoé",
    ]
    assert fold_for_key(None) == fold_for_key("") == ""
    assert fold_for_key("Søren Łukasz Straße") == "soren lukasz strasse"


def _fold_by_the_rule(text: str) -> str:
    """The rule written out in full, as it was before the fast paths."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@given(st.lists(st.text(), max_size=5))
def test_folding_cell_by_cell_is_folding_the_joined_text(cells):
    joined = " ".join(cells)
    assert fold_for_search(joined) == _fold_by_the_rule(joined)
    assert " ".join(fold_for_search(cell) for cell in cells) == fold_for_search(joined)


def test_fold_rows_is_each_rows_joined_text_folded():
    rows = [
        ("Émond", "Zoé", 3, None, "CJE Ahuntsic, Œuvre Léger"),
        ("Tremblay", "ÉRIC", 4, "x@y.example", ""),
        ("Émond", "Zoé", 5, None, "CJE Ahuntsic, Œuvre Léger"),  # repeated values
    ]
    columns = [0, 1, 3, 4]
    expected = [
        fold_for_search(" ".join("" if row[i] is None else str(row[i]) for i in columns))
        for row in rows
    ]
    assert fold_rows(rows, columns) == expected
    assert fold_rows(rows, columns)[0] == "emond zoe  cje ahuntsic, œuvre leger"
    assert fold_rows(rows, []) == ["", "", ""]
    assert fold_rows([], [0]) == []
