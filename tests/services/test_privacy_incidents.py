"""The register of confidentiality incidents: what the regulation asks, validated, listed,
exported to a workbook whose cells never become formulas; and the confidential mark."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from ahuntsic_desktop.exports.privacy_marks import banner_for, confidential_banner
from ahuntsic_desktop.exports.xlsx import privacy_incidents
from ahuntsic_desktop.services.core import settings as settings_service
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.privacy.incidents import (
    IncidentData,
    create_incident,
    delete_incident,
    get_incident,
    list_incidents,
    needing_notice,
    update_incident,
)

TODAY = dt.date(2026, 5, 15)
LAPTOP = IncidentData(
    description="Ordinateur portable de la coordination volé dans une voiture.",
    occurred_on=dt.date(2026, 4, 2),
    learned_on="2026-04-03",
    information_concerned="Noms, courriels et téléphones des membres.",
    people_affected="180",
    people_affected_estimated=True,
    serious_harm=False,
    risk_assessment="Disque chiffré, mot de passe robuste : risque faible.",
    measures="Mots de passe changés ; signalement au SPVM.",
)


def test_an_incident_is_recorded_and_listed(db):
    incident = create_incident(db, LAPTOP, today=TODAY)
    stored = get_incident(db, incident)
    assert stored.learned_on == dt.date(2026, 4, 3)
    assert stored.people_affected == 180
    assert stored.serious_harm is False
    table = list_incidents(db)
    row = dict(zip([c.key for c in table.columns], table.rows[0], strict=True))
    assert row["serious_harm"] == "Non"
    assert row["status"] == "Ouvert"
    assert row["people_affected_estimated"] is True


def test_a_serious_incident_waits_for_its_notices(db):
    serious = replace(LAPTOP, serious_harm=True, risk_assessment="Disque non chiffré.")
    incident = create_incident(db, serious, today=TODAY)
    assert needing_notice(db) == [incident]
    notified = replace(
        serious, commission_notified_on=dt.date(2026, 4, 4), persons_notified_on="2026-04-05"
    )
    update_incident(db, incident, replace(notified, status="clos"), today=TODAY)
    assert needing_notice(db) == []
    assert list_incidents(db).values("status") == ["Clos"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"description": "   "}, "description"),
        ({"occurred_on": None}, "occurred_on"),
        ({"learned_on": dt.date(2026, 4, 1)}, "learned_on"),
        ({"occurred_until": dt.date(2026, 4, 1)}, "occurred_until"),
        ({"learned_on": dt.date(2026, 6, 1)}, "learned_on"),
        ({"people_affected": "-4"}, "people_affected"),
        ({"people_affected": "beaucoup"}, "people_affected"),
        ({"people_affected": "١٢"}, "people_affected"),  # Arabic-Indic digits
        ({"risk_assessment": ""}, "risk_assessment"),
        ({"serious_harm": None, "status": "clos"}, "serious_harm"),
        ({"commission_notified_on": dt.date(2026, 4, 1)}, "commission_notified_on"),
        ({"status": "perdu"}, "status"),
        ({"measures": "ok\x07"}, "measures"),
    ],
)
def test_bad_incidents_are_refused(db, changes, field):
    with pytest.raises(ValidationError) as caught:
        create_incident(db, replace(LAPTOP, **changes), today=TODAY)
    assert caught.value.field == field
    assert len(list_incidents(db)) == 0


def test_an_entry_made_by_mistake_can_be_removed(db):
    incident = create_incident(db, LAPTOP, today=TODAY)
    delete_incident(db, incident)
    assert len(list_incidents(db)) == 0


def test_the_register_exports_to_a_workbook_without_formulas(db, tmp_path):
    settings = settings_service.load(db)
    settings.privacy_officer_name = "Josée Tremblay"
    settings_service.save(db, settings)
    hostile = replace(
        LAPTOP,
        description='=HYPERLINK("http://x.example","clic")',
        information_concerned="+1 514 555-0000",
        measures="@SUM(A1:A9)",
        risk_assessment="-2+3",
    )
    create_incident(db, hostile, today=TODAY)
    path = privacy_incidents.write(db, tmp_path / "incidents.xlsx")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    texts = {c.value for c in cells}
    assert '=HYPERLINK("http://x.example","clic")' in texts
    assert "@SUM(A1:A9)" in texts
    assert "Confidentiel : renseignements personnels" in sheet.oddFooter.center.text
    about = [c.value for row in book.worksheets[1].iter_rows() for c in row if c.value]
    assert any("Josée Tremblay" in str(v) for v in about)
    assert book.properties.category == "Confidentiel : renseignements personnels"


def test_the_confidential_banner_names_the_person_in_charge(db):
    banner = confidential_banner("Josée Tremblay", "514 555-0142")
    assert banner.title == "Confidentiel : renseignements personnels"
    assert banner.officer == (
        "Responsable de la protection des renseignements personnels : Josée Tremblay (514 555-0142)"
    )
    assert "non désignée" in banner_for(db).officer
    assert banner.text.startswith("Confidentiel : renseignements personnels — Responsable")


def test_migration_0004_adds_and_removes_the_privacy_tables(file_db):
    from alembic import command
    from sqlalchemy import inspect

    from ahuntsic_desktop.store.migrate import alembic_config

    def tables() -> set[str]:
        return set(inspect(file_db.engine).get_table_names())

    assert {"access_request", "privacy_incident"} <= tables()
    for target, present in (("0003", False), ("head", True)):
        with file_db.engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            (command.downgrade if target == "0003" else command.upgrade)(config, target)
        assert ({"access_request", "privacy_incident"} <= tables()) is present
    create_incident(file_db, LAPTOP, today=TODAY)
