"""A paragraph split over pages keeps the lines it has broken (issue 16: the minutes of a
meeting of 3,061 people broke their one paragraph of names again at each of 27 pages).
The lines kept for each part are those reportlab would break again, line for line; where
they might not be (a forced line break before the split, a word cut by reportlab, soft
hyphens), reportlab breaks the part again as before. A document reads back the same."""

from __future__ import annotations

import copy

import pytest
from pypdf import PdfReader
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from ahuntsic_desktop.exports.pdf import split_lines
from ahuntsic_desktop.exports.pdf.common import DocumentSpec, build_pdf, styles
from ahuntsic_desktop.exports.pdf.split_lines import remember_layouts
from ahuntsic_desktop.exports.pdf.wrap_memo import kept_width

NAMES = [
    f"Prénom{n} Nom-{'x' * (n % 7)}{n} (Organisme communautaire n° {n % 13})" for n in range(400)
]
PLAIN = " ".join(NAMES)  # one font: reportlab's simple layout (kind 0)
MIXED = "<b>Présences (400) :</b> " + " · ".join(
    f"<i>{name}</i>" if n % 5 == 0 else (f"<b>{name}</b>*" if n % 7 == 0 else name)
    for n, name in enumerate(NAMES)
)  # several fonts: the general layout (kind 1)
BREAKS = "<br/>".join(" · ".join(NAMES[n : n + 9]) for n in range(0, 400, 9))
SIZES = " ".join(
    f'<font size="{8 + n % 5}">{name}</font>' if n % 3 else name for n, name in enumerate(NAMES)
)
LONG_WORD = " ".join(NAMES[:60]) + " " + "x" * 400 + " " + " ".join(NAMES[60:120])
SOFT_HYPHENS = " ".join(f"Orga\xadnisme\xadcommu\xadnautaire{n}" for n in range(300))


def frag_text(frag) -> tuple:
    return (frag.text, frag.fontName, frag.fontSize, str(frag.textColor), frag._fkind)


def layout(blpara) -> list:
    """Every line of a layout as plain values, to compare two layouts."""
    if blpara.kind == 0:
        head = (blpara.kind, blpara.fontName, blpara.fontSize, blpara.ascent, blpara.descent)
        return [head, *((space, list(words)) for space, words in blpara.lines)]
    return [
        (
            line.extraSpace,
            line.wordCount,
            line.lineBreak,
            line.fontSize,
            line.ascent,
            line.descent,
            line.maxWidth,
            line.sFW - blpara.lines[0].sFW,  # from the part's first word
            [frag_text(word) for word in line.words],
        )
        for line in blpara.lines
    ]


def broken_again(part: Paragraph, width: float) -> tuple[list, list]:
    """What reportlab's own line breaking makes of ``part`` at ``width``, and its words."""
    twin = copy.copy(part)
    style = twin.style
    widths = [
        width - style.leftIndent - style.firstLineIndent - style.rightIndent,
        width - style.leftIndent - style.rightIndent,
    ]
    blpara = twin.breakLines(widths)
    return layout(blpara), list(twin.frags)


def split_all(paragraph: Paragraph, width: float, heights: list[float]) -> list[tuple]:
    """Split ``paragraph`` as frames do, page after page; each part with the layout the
    split gave it (None if it gave none: reportlab will break its lines again)."""
    remember_layouts()
    parts = []
    rest = paragraph
    for height in heights:
        rest.wrap(width, 10_000)
        pieces = rest.split(width, height)
        if len(pieces) != 2:
            break
        for part in pieces:
            given = kept_width(part) == width
            parts.append((part, layout(part.blPara) if given else None))
        rest = pieces[1]
    return parts


STYLES = {
    "body": lambda: styles().body,
    "indented": lambda: ParagraphStyle(
        "indented", parent=styles().body, firstLineIndent=24, leftIndent=12, rightIndent=8
    ),
    "justified": lambda: ParagraphStyle("justified", parent=styles().body, alignment=TA_JUSTIFY),
    "cell": lambda: styles().cell,
}


@pytest.mark.parametrize("style_name", list(STYLES))
@pytest.mark.parametrize("text", [PLAIN, MIXED, SIZES], ids=["plain", "mixed", "sizes"])
def test_the_lines_kept_are_the_lines_broken_again(text, style_name):
    style = STYLES[style_name]()
    width = 420
    parts = split_all(Paragraph(text, style), width, [200, 600, 31, 400, 90, 600, 600, 600])
    assert len(parts) >= 8  # the paragraph went over several pages
    for part, given in parts:
        assert given is not None  # nothing here needs reportlab to break lines again
        again, words = broken_again(part, width)
        assert given == again
        assert list(part.frags) == words
        assert part.wrap(width, 10) == (width, len(part.blPara.lines) * style.leading)


def test_a_plain_paragraph_uses_the_simple_layout_and_a_mixed_one_the_general():
    for text, kind in ((PLAIN, 0), (MIXED, 1)):
        parts = split_all(Paragraph(text, styles().body), 420, [200])
        assert {part.blPara.kind for part, _given in parts} == {kind}


@pytest.mark.parametrize(
    ("text", "left_alone"),
    [(BREAKS, "after a forced break"), (LONG_WORD, "until the cut word"), (SOFT_HYPHENS, "all")],
    ids=["br", "long", "shy"],
)
def test_what_may_break_otherwise_is_broken_again_by_reportlab(text, left_alone):
    width = 300
    heights = [100 + 14 * n for n in range(40)]
    parts = split_all(Paragraph(text, styles().body), width, heights)
    assert len(parts) > 4
    left = [n for n, (_part, given) in enumerate(parts) if given is None]
    assert left  # some parts are left to reportlab...
    for part, given in parts:
        if given is not None:  # ... and the others are given the lines it would break
            assert given == broken_again(part, width)[0]
    if left_alone == "all":  # soft hyphens everywhere: no part is given lines
        assert len(left) == len(parts)
    elif left_alone == "until the cut word":  # the parts holding it are left
        assert left[:2] == [0, 1]
        assert len(left) < len(parts)
    else:  # the two parts of a split just after a forced break (reportlab would begin the
        # rest with an empty line), and only those
        heads = {n - n % 2 for n in left}
        assert left == sorted({*heads, *(n + 1 for n in heads)})
        after_break = {n for n in range(0, len(parts), 2) if parts[n][0].blPara.lines[-1].lineBreak}
        assert heads == after_break
        assert len(left) < len(parts)


@pytest.fixture
def breakings(monkeypatch) -> list[int]:
    """How many lines reportlab broke, call by call."""
    remember_layouts()
    seen: list[int] = []
    breaker = Paragraph.breakLines

    def counting(self, widths):
        blpara = breaker(self, widths)
        seen.append(len(blpara.lines))
        return blpara

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    return seen


def build(path, text: str):
    story = [Paragraph("Présences", styles().heading), Paragraph(text, styles().body)]
    return build_pdf(path, story, DocumentSpec(title="Essai", table_name="Table d'essai"))


def test_a_paragraph_over_many_pages_is_broken_once(tmp_path, breakings):
    text = " · ".join(NAMES * 4)
    pages = PdfReader(build(tmp_path / "long.pdf", text)).pages
    assert len(pages) >= 10
    lines = max(breakings)
    assert sum(breakings) <= lines + 2  # the heading, the paragraph: nothing again


@pytest.mark.parametrize("text", [PLAIN, MIXED, BREAKS, SIZES], ids=["plain", "mixed", "br", "sz"])
def test_the_document_reads_back_the_same_as_with_lines_broken_again(tmp_path, monkeypatch, text):
    kept = [page.extract_text() for page in PdfReader(build(tmp_path / "kept.pdf", text)).pages]
    monkeypatch.setattr(split_lines, "_keep_lines", lambda *parts: None)
    again = [page.extract_text() for page in PdfReader(build(tmp_path / "again.pdf", text)).pages]
    assert len(kept) >= 3
    assert kept == again
