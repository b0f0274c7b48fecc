"""A paragraph laid out once per width (issue 16: the bottin laid each table cell out about
three times): the layout is kept while the paragraph, its style and the width stay the
same, and made anew when one of them changes. A table that spans pages reads back whole."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from ahuntsic_desktop.exports.pdf.common import (
    DocumentSpec,
    build_pdf,
    data_table,
    header_row,
    styles,
)
from ahuntsic_desktop.exports.pdf.typography import typeset
from ahuntsic_desktop.exports.pdf.wrap_memo import remember_wraps

TEXT = "Centre communautaire du quartier, 10 450 rue Lajeunesse, Montréal " * 3


@pytest.fixture
def layouts(monkeypatch) -> list[float]:
    """The widths reportlab broke a paragraph's lines for, in order."""
    remember_wraps()
    seen: list[float] = []
    breaker = Paragraph.breakLines

    def counting(self, widths):
        seen.append(widths[-1])
        return breaker(self, widths)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    return seen


def test_the_same_width_lays_a_paragraph_out_once(layouts):
    paragraph = Paragraph(TEXT, styles().cell)
    first = paragraph.wrap(200, 1000)
    again = paragraph.wrap(200, 50)  # the height offered does not change a layout
    assert again == first
    assert len(layouts) == 1
    assert paragraph.height == first[1]


def test_another_width_lays_it_out_anew(layouts):
    paragraph = Paragraph(TEXT, styles().cell)
    wide = paragraph.wrap(300, 1000)
    narrow = paragraph.wrap(120, 1000)
    assert narrow[1] > wide[1]  # more lines in a narrower column
    assert paragraph.wrap(300, 1000) == wide
    assert len(layouts) == 3
    assert (paragraph.width, paragraph.height) == wide


def test_a_changed_paragraph_or_style_is_laid_out_anew(layouts):
    paragraph = Paragraph("Court", styles().cell)
    short = paragraph.wrap(200, 1000)
    paragraph.frags = Paragraph(TEXT, styles().cell).frags
    longer = paragraph.wrap(200, 1000)
    assert longer[1] > short[1]
    paragraph.style = styles().title
    assert paragraph.wrap(200, 1000)[1] > longer[1]
    assert len(layouts) == 3


def test_a_long_table_reads_back_whole_with_its_header_on_every_page(tmp_path):
    s = styles()
    rows = [header_row(["Nom", "Adresse"])]
    rows += [[Paragraph(f"Personne {n:03}", s.cell), Paragraph(TEXT, s.cell)] for n in range(150)]
    path = build_pdf(
        tmp_path / "long.pdf",
        [data_table(rows, [120, 340])],
        DocumentSpec(title="Essai", table_name="Table d'essai"),
    )
    pages = [page.extract_text() for page in PdfReader(path).pages]
    assert len(pages) > 3
    text = "\n".join(pages)
    assert [n for n in range(150) if f"Personne {n:03}" in text] == list(range(150))
    assert all(text.count(f"Personne {n:03}") == 1 for n in range(150))
    assert all("Nom" in page and "Adresse" in page for page in pages)


def test_french_spacing_after_a_measure_lays_the_paragraph_out_anew(layouts):
    paragraph = Paragraph("Ordre du jour : adoption", styles().cell)
    paragraph.wrap(200, 1000)
    typeset([paragraph])  # changes the text in place: « : » gets its narrow space
    paragraph.wrap(200, 1000)
    assert len(layouts) == 2
