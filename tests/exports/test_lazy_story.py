"""A story made as the layout reaches it (exports/pdf/lazy_story.py) gives the same document
as the whole list, French spacing and headings kept with what follows included, while only
a few flowables exist ahead of the one being laid out."""

from __future__ import annotations

from pypdf import PdfReader
from reportlab.platypus import Paragraph

from ahuntsic_desktop.exports.pdf.common import (
    DocumentSpec,
    build_pdf,
    data_table,
    header_row,
    styles,
)
from ahuntsic_desktop.exports.pdf.lazy_story import AHEAD, LazyStory

SPEC = DocumentSpec(title="Essai", table_name="Table d'essai")
TEXT = "Organisme du quartier : 10 450 rue Lajeunesse, Montréal ; « bienvenue » ! " * 2


class Counted(Paragraph):
    """A paragraph that says when it is drawn."""

    drawn: list[int] = []

    def __init__(self, number: int, *args) -> None:
        super().__init__(*args)
        self.number = number

    def draw(self) -> None:
        Counted.drawn.append(self.number)
        super().draw()


def flowables(made: list[int] | None = None):
    s = styles()
    for sector in range(6):
        yield Paragraph(f"Secteur {sector}", s.heading)  # kept with the next one
        for n in range(40):
            number = sector * 100 + n
            if made is not None:
                made.append(len(made) - len(Counted.drawn))  # made ahead of the drawn
            yield Counted(number, f"{number} — {TEXT}", s.body)
    rows = [header_row(["Nom", "Adresse"])]
    rows += [[Paragraph(f"Personne {n:03}", s.cell), Paragraph(TEXT, s.cell)] for n in range(90)]
    yield data_table(rows, [120, 340])


def page_texts(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_a_lazy_story_gives_the_same_document_as_the_whole_list(tmp_path):
    Counted.drawn = []
    whole = build_pdf(tmp_path / "whole.pdf", list(flowables()), SPEC)
    Counted.drawn = []
    made: list[int] = []
    lazy = build_pdf(tmp_path / "lazy.pdf", LazyStory([], flowables(made)), SPEC)
    texts = page_texts(lazy)
    assert texts == page_texts(whole)
    assert len(texts) > 10
    assert "Montréal\u202f;" in texts[1] or "Montréal\u00a0;" in texts[1]  # typeset as made
    assert len(made) == 240 and max(made) <= AHEAD + 2  # never the whole story at once
    assert Counted.drawn == sorted(Counted.drawn)
