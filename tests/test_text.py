"""The two folds every list, search and key uses (ahuntsic_desktop.text)."""

from __future__ import annotations

from ahuntsic_desktop.text import fold_for_key, fold_for_search


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
