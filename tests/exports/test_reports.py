"""The annual report and the members' directory, read back with pypdf."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
from ahuntsic_desktop.services.core import settings as settings_service

from . import test_workbooks_data as data
from .test_workbooks_data import PERSONAL, PHONE, options

sample, demo, demo_file = data.sample, data.demo, data.demo_file  # fixtures


def pages(path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def test_annual_report_figures_charts_chantiers_and_resolutions(sample, tmp_path):
    db, _ids = sample
    path = run_export(db, "rapport-annuel", tmp_path / "rapport.pdf", options())
    reader = PdfReader(str(path))
    assert reader.metadata.title == "Rapport annuel 2025-2026"
    assert reader.metadata.creator == "Ahuntsic Desktop"
    text = " ".join(pages(path))
    for expected in (
        "Rapport annuel 2025-2026",
        "L'année en chiffres",
        "Nos membres",
        "Rencontres et présences",
        "Participation citoyenne",
        "Avancement du plan d'action",
        "Les chantiers",
        "1.1 Alimentation",
        "Nourrir le quartier.",
        "porté par Centre Alpha",
        "CC-2025-001",
        "Adoption de l'ordre du jour",
        "Page 1 de",
    ):
        assert expected in text, expected
    assert "3 membres en règle" in text
    assert "rencontres tenues" in text
    # Counts and organisations only: nobody is named in the annual report.
    assert not [word for word in PERSONAL if word in text]
    assert "@" not in text and not PHONE.search(text)


def test_annual_report_of_the_demo(demo, tmp_path):
    path = run_export(
        demo,
        "rapport-annuel",
        tmp_path / "demo.pdf",
        ExportOptions(start=dt.date(2025, 4, 1), end=dt.date(2026, 3, 31)),
    )
    texts = pages(path)
    assert len(texts) >= 4
    assert all(f"Page {i} de {len(texts)}" in t for i, t in enumerate(texts, start=1))
    joined = " ".join(texts)
    assert "Sécurité alimentaire" in joined and "@" not in joined


def test_directory_is_confidential_and_shares_only_consented_contacts(sample, tmp_path):
    db, _ids = sample
    path = run_export(db, "bottin", tmp_path / "bottin.pdf", options())
    texts = pages(path)
    assert all("Confidentiel : renseignements personnels" in t for t in texts)
    text = " ".join(texts)
    assert "Bottin des membres 2025-2026" in text
    assert "Responsable de la protection des renseignements personnels : Marie Responsable" in text
    assert "vie.privee@table.example" in text
    assert "Centre Alpha" in text and "info@alpha.example" in text  # not personal
    # Representatives are named; contacts only with a directory consent (Dany).
    assert "Alice Tremblay" in text and "Bob Gagnon" in text
    assert "dany@example.org" in text and "514 555-0144" in text
    for hidden in ("alice@example.org", "514 555-0111", "bob@example.org", "evil@example.org"):
        assert hidden not in text
    assert "coordonnées non publiées" in text
    # Individual members appear only with their consent: Dany yes, Chloé (withdrawn) no.
    assert "Membres à titre individuel" in text
    assert "Chloé" not in text


def test_directory_without_a_privacy_officer_says_so(sample, tmp_path):
    db, _ids = sample
    table_settings = settings_service.load(db)
    table_settings.privacy_officer_name = ""
    settings_service.save(db, table_settings)
    text = " ".join(pages(run_export(db, "bottin", tmp_path / "b.pdf", options())))
    assert "non désigné·e" in text
