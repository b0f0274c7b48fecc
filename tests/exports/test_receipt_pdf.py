"""The membership receipt PDF, read back with pypdf."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader

from ahuntsic_desktop.exports.pdf.receipt import write_receipt_file
from ahuntsic_desktop.services.core import settings as settings_service
from ahuntsic_desktop.services.registry.memberships import (
    CategoryData,
    MembershipData,
    create_category,
    create_membership,
)
from ahuntsic_desktop.services.registry.organizations import OrganizationData, create_organization


def test_one_receipt_per_page_with_amount_in_figures_and_words(db, tmp_path):
    table_settings = settings_service.load(db)
    table_settings.table_name = "Solidarité Ahuntsic (essai)"
    settings_service.save(db, table_settings)
    category = create_category(db, CategoryData("Membre régulier", default_dues_cents="50"))
    ids = [
        create_membership(
            db,
            MembershipData(
                2026,
                category,
                organization_id=create_organization(db, OrganizationData(name)),
                paid_on="2026-05-02",
                payment_method="cheque",
                dues_cents=dues,
            ),
        )
        for name, dues in (("Centre Le Pont", "50"), ("Maison des jeunes", "1 234,56"))
    ]
    path = write_receipt_file(db, ids, tmp_path / "recus.pdf", today=date(2026, 5, 3))
    reader = PdfReader(path)
    assert len(reader.pages) == 2
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Reçu de cotisation" in first
    assert "Solidarité Ahuntsic (essai)" in first
    assert "N° 2026-0001" in first
    assert "Centre Le Pont" in first
    assert "50,00 $" in first
    assert "Cinquante dollars" in first
    assert "2026-2027" in first
    assert "2 mai 2026, par chèque" in first
    second = " ".join(reader.pages[1].extract_text().split())
    assert "1 234,56 $" in second
    assert "Mille deux cent trente-quatre dollars et cinquante-six cents" in second
