"""The merge dialog shows what moves and merges on confirmation; the duplicate hint lists
look-alikes while a name is typed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from ahuntsic_desktop.domain import Membership, MembershipCategory, Organization, Person
from ahuntsic_desktop.ui.duplicate_hint import DuplicateHint
from ahuntsic_desktop.ui.merge_dialog import MergeDialog


@pytest.fixture
def two_maries(file_db):
    with file_db.session() as s:
        category = MembershipCategory(name="Membre régulier")
        keep = Person(first_name="Marie", last_name="Côté-Lévesque", email="marie@exemple.org")
        lose = Person(first_name="marie", last_name="cote levesque", phone="514 555-0101")
        s.add_all([category, keep, lose])
        s.flush()
        s.add_all(
            [
                Membership(person_id=keep.id, year=2025, category_id=category.id),
                Membership(person_id=lose.id, year=2025, category_id=category.id,
                           paid_on=date(2025, 4, 2), receipt_number="2025-0001"),
                Membership(person_id=lose.id, year=2024, category_id=category.id),
            ]
        )  # fmt: skip
        s.flush()
        return file_db, keep.id, lose.id


def texts(tree) -> list[str]:
    found = []

    def walk(item):
        found.append(item.text(0))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return found


def test_merge_dialog_previews_then_merges(qtbot, two_maries, monkeypatch):
    db, keep, lose = two_maries
    dialog = MergeDialog(db, "person", keep, lose)
    qtbot.addWidget(dialog)
    dialog.show()
    lines = texts(dialog.tree)
    assert "Adhésions (2)" in lines
    assert "Adhésion 2025 : les deux fiches en ont une." in lines
    assert "Téléphone : 514 555-0101" in lines
    assert f"#{keep}" in dialog.heading.text()

    dialog.swap()
    assert (
        dialog.keep_id == lose
        and f"On garde la fiche « marie cote levesque » (#{lose})" in dialog.heading.text()
    )
    dialog.swap()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.merged is None  # not confirmed: nothing done
    with db.session() as s:
        assert s.get(Person, lose).archived_at is None

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == MergeDialog.DialogCode.Accepted
    with db.session() as s:
        assert s.get(Person, lose).archived_at is not None
        assert s.get(Person, keep).phone == "514 555-0101"
        years = s.scalars(select(Membership.year).where(Membership.person_id == keep)).all()
    assert sorted(years) == [2024, 2025]


def test_merge_dialog_shows_refusals(qtbot, two_maries):
    db, keep, _lose = two_maries
    dialog = MergeDialog(db, "person", keep, keep)
    qtbot.addWidget(dialog)
    assert not dialog.merge_button.isEnabled()
    assert "deux fiches différentes" in dialog.error.text()


def test_duplicate_hint_lists_look_alikes(qtbot, two_maries):
    db, keep, lose = two_maries
    hint = DuplicateHint(db, "person", delay_ms=10)
    qtbot.addWidget(hint)
    hint.check_person("MARIE", "Cote-Levesque")
    qtbot.waitUntil(lambda: hint.list.count() == 2, timeout=3000)
    assert not hint.isHidden()
    assert all("même nom" in hint.list.item(i).text() for i in range(2))
    with qtbot.waitSignal(hint.chosen) as chosen:
        item = hint.list.item(0)
        hint.list.itemActivated.emit(item)
    assert chosen.args[0] in (keep, lose)

    hint.check_person("Quelqu'un", "d'autre", email="MARIE@exemple.org", exclude_id=keep)
    hint.refresh_now()
    assert hint.isHidden()  # the only email match is the record being edited
    hint.check_person("Paul", "Nouveau")
    hint.refresh_now()
    assert hint.isHidden() and hint.matches == []


def test_duplicate_hint_for_organizations(qtbot, file_db):
    with file_db.session() as s:
        s.add(Organization(name="Centre des femmes d'Ahuntsic", sector="communautaire"))
    hint = DuplicateHint(file_db, "organization", delay_ms=0)
    qtbot.addWidget(hint)
    hint.check_organization("centre des femmes d’AHUNTSIC")
    hint.refresh_now()
    assert hint.list.count() == 1 and "même nom" in hint.list.item(0).text()
    with pytest.raises(ValueError):
        hint.check_person("a", "b")
