"""The rest of the portrait: issues and their supports, residents' stories and their
consent rule (and Law 25), images checked by content with a size limit, the community
milieu, and the coverage of the démarche by the new plan."""

from __future__ import annotations

import datetime as dt

import pytest

from ahuntsic_desktop.services import portrait
from ahuntsic_desktop.services.core.errors import NotFoundError, ValidationError
from ahuntsic_desktop.services.portrait import ImageForm, IssueForm, StoryForm, answers
from ahuntsic_desktop.services.portrait import images as image_service
from ahuntsic_desktop.services.privacy import anonymize_person, grant_consent, withdraw_consent
from ahuntsic_desktop.services.privacy.dossier import person_file
from tests.dates import DEMO_TODAY
from tests.portrait_world import jpeg_bytes, make_world, png_bytes

STORY_PURPOSE = "histoire_portrait"


@pytest.fixture
def world(db):
    return make_world(db)


def test_an_issue_rests_on_indicators_and_contributions(db, world):
    issue = portrait.save_issue(
        db, IssueForm("Logement cher", "diagnostic", "Les loyers", "Logement", "Locataires")
    )
    portrait.set_supports(
        db, issue, indicator_ids=[world.indicators[0]], contribution_ids=world.contributions[:2]
    )
    [row] = portrait.list_issues(db)
    assert (row.kind, row.theme, row.population) == ("diagnostic", "Logement", "Locataires")
    assert row.indicators == ("Ménages locataires — Ahuntsic, 2021 : 61,2 %",)
    assert row.contributions == ("Les loyers montent vite", "Peu d'épiceries au nord")
    portrait.set_supports(db, issue, contribution_ids=[])
    [row] = portrait.list_issues(db)
    assert row.contributions == () and row.indicator_ids == (world.indicators[0],)


def test_issue_refusals_are_french_and_name_the_field(db, world):
    with pytest.raises(ValidationError) as blank:
        portrait.save_issue(db, IssueForm("  "))
    assert blank.value.field == "title" and "obligatoire" in blank.value.message
    with pytest.raises(ValidationError) as kind:
        portrait.save_issue(db, IssueForm("Titre", "autre"))
    assert kind.value.field == "kind"
    issue = portrait.save_issue(db, IssueForm("Titre"))
    with pytest.raises(ValidationError) as gone:
        portrait.set_supports(db, issue, indicator_ids=[9999])
    assert gone.value.field == "indicators"
    with pytest.raises(NotFoundError):
        portrait.set_supports(db, 9999, indicator_ids=[])


def test_a_story_prints_only_with_a_recorded_consent(db, world):
    mine = portrait.save_story(
        db, StoryForm("Mireille", "Je vis ici depuis 30 ans.", "Logement", world.resident)
    )
    nobody = portrait.save_story(db, StoryForm("Paul", "Une histoire sans personne."))
    assert portrait.printable_stories(db, DEMO_TODAY) == []
    consent = grant_consent(db, world.resident, STORY_PURPOSE, dt.date(2026, 1, 1))
    assert [s.id for s in portrait.printable_stories(db, DEMO_TODAY)] == [mine]
    assert {s.id: s.consented for s in portrait.list_stories(db, DEMO_TODAY)} == {
        mine: True,
        nobody: False,
    }
    withdraw_consent(db, consent, dt.date(2026, 6, 1))
    assert portrait.printable_stories(db, DEMO_TODAY) == []


def test_a_pseudonym_must_not_carry_the_real_name(db, world):
    with pytest.raises(ValidationError) as error:
        portrait.save_story(db, StoryForm("rose T.", "Texte", person_id=world.resident))
    assert error.value.field == "pseudonym" and "pseudonyme" in error.value.message


def test_access_report_shows_stories_and_erasure_deletes_them(db, world):
    portrait.save_story(db, StoryForm("Mireille", "Mon histoire", person_id=world.resident))
    section = person_file(db, world.resident).section("portrait_stories")
    assert section.rows == (("Mireille", "", "Mon histoire"),)
    anonymize_person(db, world.resident, now=dt.datetime(2026, 11, 26, 10, 0))
    assert portrait.list_stories(db, DEMO_TODAY) == []


def test_png_and_jpeg_are_recognised_by_content(db):
    first = portrait.add_image(db, ImageForm("Carte du quartier", "Territoire"), png_bytes(5, 4))
    second = portrait.add_image(db, ImageForm("Une ruelle"), jpeg_bytes())
    rows = {r.id: r for r in portrait.list_images(db)}
    assert (rows[first].media_type, rows[first].width, rows[first].height) == ("image/png", 5, 4)
    assert (rows[second].media_type, rows[second].width) == ("image/jpeg", 8)
    assert portrait.image_data(db, first) == png_bytes(5, 4)


@pytest.mark.parametrize(
    "data",
    [
        b"GIF89a" + b"\0" * 40,
        b"%PDF-1.7 not an image",
        png_bytes()[:30],  # a PNG cut short
        b"\xff\xd8\xff" + b"garbage" * 10,  # a JPEG signature on nothing
    ],
    ids=["gif", "pdf", "truncated-png", "fake-jpeg"],
)
def test_anything_else_is_refused_in_french(db, data):
    with pytest.raises(ValidationError) as error:
        portrait.add_image(db, ImageForm("Carte"), data)
    assert error.value.field == "file"
    assert "PNG" in error.value.message or "endommagée" in error.value.message
    assert portrait.list_images(db) == []


def test_an_image_past_the_size_limit_is_refused_before_reading(db, tmp_path, monkeypatch):
    monkeypatch.setattr(image_service, "MAX_BYTES", 1000)
    big = tmp_path / "grosse carte.png"
    big.write_bytes(png_bytes() + b"\0" * 2000)
    with pytest.raises(ValidationError) as error:
        portrait.add_image_file(db, ImageForm("Carte"), big)
    assert "limite" in error.value.message and error.value.field == "file"
    small = tmp_path / "petite.png"
    small.write_bytes(png_bytes())
    assert portrait.add_image_file(db, ImageForm("Carte"), small) > 0


def test_the_default_limit_is_five_megabytes(db):
    with pytest.raises(ValidationError) as error:
        portrait.add_image(db, ImageForm("Carte"), png_bytes() + bytes(5 * 1024 * 1024))
    assert "5,0 Mo" in error.value.message


def test_milieu_sections_keep_their_order_and_default_titles(db):
    portrait.save_section(db, "pistes", "Miser sur les ruelles.")
    found = {s.key: s for s in portrait.sections(db)}
    assert list(found)[0] == "fonctionnement_concertation" and len(found) == 6
    assert found["pistes"].text == "Miser sur les ruelles."
    assert found["pistes"].title == "Pistes de solution"
    with pytest.raises(ValidationError):
        portrait.save_section(db, "autre", "x")
    milieu = portrait.community_milieu(db, DEMO_TODAY)
    assert milieu.organizations == 0 and len(milieu.sections) == 6


def test_coverage_shows_unanswered_issues_and_orientations_on_nothing(db, world):
    housing = portrait.save_issue(db, IssueForm("Logement cher"))
    food = portrait.save_issue(db, IssueForm("Désert alimentaire"))
    lonely = portrait.save_issue(db, IssueForm("Isolement des aînés"))
    first, second, third = world.orientations
    portrait.set_answer(db, "orientation", first, "issue", housing)
    portrait.set_answer(db, "orientation", first, "recommendation", world.recommendations[0])
    portrait.set_answer(db, "means", world.means, "issue", food)  # through a means
    portrait.set_answer(db, "means", world.means, "contribution", world.contributions[1])
    portrait.set_answer(db, "orientation", first, "issue", housing)  # twice: no-op
    cover = portrait.coverage(db, world.plan)
    assert [i.title for i in cover.unanswered_issues] == ["Isolement des aînés"]
    assert [o.id for o in cover.orientations_on_nothing] == [third]
    by_id = {o.id: o for o in cover.orientations}
    assert by_id[first].issues == ("Logement cher",) and by_id[first].recommendations == 1
    assert by_id[second].issues == ("Désert alimentaire",) and by_id[second].contributions == 1
    portrait.set_answer(db, "orientation", first, "issue", housing, linked=False)
    cover = portrait.coverage(db, world.plan)
    assert {i.id for i in cover.unanswered_issues} == {housing, lonely}
    assert answers.answers_of(db, "means", world.means)["issue"] == {food}


def test_answer_links_are_checked(db, world):
    with pytest.raises(ValidationError):
        portrait.set_answer(db, "pillar", 1, "issue", 1)
    with pytest.raises(NotFoundError):
        portrait.set_answer(db, "orientation", world.orientations[0], "issue", 999)
    with pytest.raises(NotFoundError):
        portrait.coverage(db, 999)
