"""What every PDF document shares: DejaVu Sans fonts, styles, the page template (the table's
name and the document title in the header, "Page 2 de 5" in the footer), the ``PROJET``
watermark, user-text escaping and atomic writing.

reportlab is imported here and in the sibling document modules only: it is slow to import,
so nothing outside ``exports/pdf`` imports these modules at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from ... import private_files
from ...i18n import _, current_locale, format_date
from ...paths import resources_dir
from .lazy_story import LazyStory
from .split_lines import remember_layouts
from .typography import fit_text, typeset

FONT = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

MARGIN_X = 2 * cm
MARGIN_TOP = 2.4 * cm
MARGIN_BOTTOM = 2.0 * cm

INK = colors.HexColor("#1f2933")
MUTED_HEX = "#52606d"
MUTED = colors.HexColor(MUTED_HEX)
RULE = colors.HexColor("#9aa5b1")
HEADER_FILL = colors.HexColor("#e4e7eb")
ZEBRA_FILL = colors.HexColor("#f5f7fa")
BOX_FILL = colors.HexColor("#f0f4f8")
ALERT_HEX = "#b42318"
ALERT = colors.HexColor(ALERT_HEX)


@cache
def register_fonts() -> None:
    """Register the DejaVu Sans family once, so <b> and <i> in paragraphs find their faces."""
    folder = resources_dir() / "fonts"
    for name in (FONT, BOLD, ITALIC, BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(folder / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    item: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    header_cell: ParagraphStyle
    header_center: ParagraphStyle
    centered_cell: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=10, leading=14, textColor=INK, spaceAfter=6
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0)
    header = ParagraphStyle("header_cell", parent=cell, fontName=BOLD, fontSize=8.5)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11),
        muted=ParagraphStyle("muted", parent=body, fontSize=9, leading=12, textColor=MUTED),
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=17, leading=21, spaceAfter=4
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=body, fontSize=11, leading=15, textColor=MUTED, spaceAfter=12
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=BOLD,
            fontSize=12,
            leading=16,
            spaceBefore=12,
            spaceAfter=6,
        ),
        item=ParagraphStyle(
            "item",
            parent=body,
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=10,
            spaceAfter=4,
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        header_cell=header,
        header_center=ParagraphStyle("header_center", parent=header, alignment=TA_CENTER),
        centered_cell=ParagraphStyle("centered_cell", parent=cell, alignment=TA_CENTER),
    )


def esc(text: object) -> str:
    """User text made safe for Paragraph markup: & < > escaped, line breaks kept."""
    if text is None:
        return ""
    escaped = escape(str(text).replace("\r\n", "\n").replace("\r", "\n"))
    return escaped.replace("\n", "<br/>")


def paragraphs(text: str | None, style: ParagraphStyle) -> list[Paragraph]:
    """One Paragraph per blank-line-separated block of user text (none for empty text)."""
    blocks = (text or "").replace("\r\n", "\n").split("\n\n")
    return [Paragraph(esc(block.strip()), style) for block in blocks if block.strip()]


def heading(text: str, *, item: bool = False) -> list:
    """A section (or agenda item) heading that never ends a page alone.

    A page break comes first when less than a few lines' room is left; reportlab's
    keepWithNext would instead push a whole long table or paragraph to the next page.
    """
    s = styles()
    room = 2.5 * cm if item else 3.5 * cm
    return [CondPageBreak(room), Paragraph(esc(text), s.item if item else s.heading)]


def date_words(day: dt.date | None) -> str:
    """``26 novembre 2026``."""
    return format_date(day, "long")


def page_size(paper_size: str) -> tuple[float, float]:
    """A4 when the setting says so, Letter otherwise (the Québec default)."""
    return A4 if paper_size == "a4" else LETTER


def frame_width(paper_size: str) -> float:
    return page_size(paper_size)[0] - 2 * MARGIN_X


@dataclass(frozen=True)
class DocumentSpec:
    """How a document's pages look around its content."""

    title: str
    table_name: str
    paper_size: str = "letter"
    footer: str = ""  # left of the footer, e.g. "Rencontre du 26 novembre 2026"
    draft: bool = False  # the PROJET watermark on every page
    subject: str = ""
    # A privacy_marks.ConfidentialBanner when the document holds personal information: its
    # mark and the person in charge go into the metadata and at the foot of every page.
    confidential: object | None = None


def _draw_header(canvas: Canvas, doc, spec: DocumentSpec) -> None:
    width, height = doc.pagesize
    top = height - 1.3 * cm
    usable = width - 2 * MARGIN_X
    canvas.saveState()
    canvas.setFillColor(INK)
    name = fit_text(spec.table_name, BOLD, 9, usable * 0.55)
    canvas.setFont(BOLD, 9)
    canvas.drawString(MARGIN_X, top, name)
    name_width = pdfmetrics.stringWidth(name, BOLD, 9)
    canvas.setFont(FONT, 9)
    canvas.setFillColor(MUTED)
    title = fit_text(spec.title, FONT, 9, usable - name_width - 0.8 * cm)
    canvas.drawRightString(width - MARGIN_X, top, title)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, top - 0.25 * cm, width - MARGIN_X, top - 0.25 * cm)
    canvas.restoreState()


def _draw_watermark(canvas: Canvas, doc) -> None:
    """A large light-grey diagonal PROJET, over the content but see-through."""
    width, height = doc.pagesize
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.22))
    canvas.setFont(BOLD, 110)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -38, _("PROJET"))
    canvas.restoreState()


def _page_number(page: int, pages: int) -> str:
    return _("Page {page} de {pages}").format(page=page, pages=pages)


def _draw_footer(canvas: Canvas, spec: DocumentSpec, page: int) -> None:
    """The rule, the text, « Page n de N » (a form: see _numbered_canvas), the mark."""
    width = canvas._pagesize[0]
    bottom = 1.2 * cm
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, bottom + 0.4 * cm, width - MARGIN_X, bottom + 0.4 * cm)
    canvas.saveState()
    canvas.translate(width - MARGIN_X, bottom)
    canvas.doForm(f"pageNumber{page}")
    canvas.restoreState()
    canvas.setFont(FONT, 8)
    canvas.setFillColor(MUTED)
    if spec.footer:
        number_width = pdfmetrics.stringWidth(_page_number(page, 9_999), FONT, 8)  # room
        usable = width - 2 * MARGIN_X - number_width - 0.8 * cm
        canvas.drawString(MARGIN_X, bottom, fit_text(spec.footer, FONT, 8, usable))
    if spec.confidential is not None:
        size, room = 7.5, width - 2 * MARGIN_X  # smaller before cut: the contact stays whole
        while size > 6 and pdfmetrics.stringWidth(spec.confidential.short, BOLD, size) > room:
            size -= 0.5
        canvas.setFont(BOLD, size)
        canvas.setFillColor(ALERT)
        text = fit_text(spec.confidential.short, BOLD, size, room)
        canvas.drawCentredString(width / 2, bottom - 0.45 * cm, text)
    canvas.restoreState()


def _numbered_canvas(spec: DocumentSpec) -> type[Canvas]:
    """« Page n de N » on each page as it goes, N a form defined at the end: holding every
    page until the end to learn N took 1.1 GB for the bottin at the 400x scale."""

    class NumberedCanvas(Canvas):
        def showPage(self):  # noqa: N802 (reportlab's name)
            _draw_footer(self, spec, self.getPageNumber())
            super().showPage()

        def save(self):
            pages = self.getPageNumber() - 1  # showPage has begun the page after the last
            for page in range(1, pages + 1):
                self.beginForm(f"pageNumber{page}", lowerx=-400, lowery=-10, upperx=1, uppery=20)
                self.setFont(FONT, 8)
                self.setFillColor(MUTED)
                self.drawRightString(0, 0, _page_number(page, pages))
                self.endForm()
            super().save()

    return NumberedCanvas


def write_atomically(path: Path | str, write: Callable[[str], None]) -> Path:
    """``write(temporary_path)``, then moved onto ``path``: a failure leaves no file."""
    return private_files.write_atomically(Path(path), write)


def _subject(spec: DocumentSpec) -> str:
    subject = spec.subject or spec.title
    if spec.confidential is None:
        return subject
    return f"{spec.confidential.title} — {subject}"


def _keywords(spec: DocumentSpec) -> str:
    if spec.confidential is None:
        return ""
    return f"{spec.confidential.title}; {spec.confidential.officer}"


def build_pdf(path: Path | str, story: list | LazyStory, spec: DocumentSpec) -> Path:
    """Lay ``story`` out on the document's pages and write it atomically to ``path``."""
    register_fonts()
    remember_layouts()
    size = page_size(spec.paper_size)

    def header(canvas: Canvas, doc) -> None:
        _draw_header(canvas, doc, spec)

    def watermark(canvas: Canvas, doc) -> None:
        if spec.draft:
            _draw_watermark(canvas, doc)

    def write(target: str) -> None:
        doc = BaseDocTemplate(
            target,
            pagesize=size,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=spec.title,
            author=spec.table_name,
            subject=_subject(spec),
            keywords=_keywords(spec),
            creator="Ahuntsic Desktop",
            initialFontName=FONT,  # no Helvetica, which lacks œ, ’ and others
            lang=current_locale().replace("_", "-"),
        )
        frame = Frame(
            doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="content", showBoundary=0
        )
        doc.addPageTemplates(
            [PageTemplate(id="page", frames=[frame], onPage=header, onPageEnd=watermark)]
        )
        story.prepare_with(typeset) if isinstance(story, LazyStory) else typeset(story)
        doc.build(story, canvasmaker=_numbered_canvas(spec))  # drawn flowables let go

    return write_atomically(path, write)


def data_table(
    rows: list[list],
    widths: Iterable[float],
    *,
    header: bool = True,
    zebra: bool = True,
    row_height: float | None = None,
    extra: Iterable[tuple] = (),
) -> Table:
    """A grid of Paragraph cells with a grey header row repeated on every page."""
    table = Table(
        rows,
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        rowHeights=None
        if row_height is None
        else [None if header else row_height] + [row_height] * (len(rows) - 1),
        splitInRow=1,
        hAlign="LEFT",
    )
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
        ]
    if zebra:
        first = 1 if header else 0
        commands.append(("ROWBACKGROUNDS", (0, first), (-1, -1), [colors.white, ZEBRA_FILL]))
    commands.extend(extra)
    table.setStyle(table_style(commands))
    return table


def table_style(commands: Iterable[tuple]) -> TableStyle:
    """A TableStyle whose plain-text cells use DejaVu (reportlab's default is Helvetica)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9), *commands])


def header_row(titles: Iterable[str], centered: Iterable[int] = ()) -> list[Paragraph]:
    """Header cells; those at the ``centered`` indexes are centred."""
    s = styles()
    middle = set(centered)
    return [
        Paragraph(esc(title), s.header_center if i in middle else s.header_cell)
        for i, title in enumerate(titles)
    ]


def alert(markup: str) -> str:
    """Paragraph markup shown in bold red (overdue follow-ups)."""
    return f'<font color="{ALERT_HEX}"><b>{markup}</b></font>'


def note(markup: str) -> str:
    """Paragraph markup for a small grey second line in a table cell."""
    return f'<br/><font size="7.5" color="{MUTED_HEX}">{markup}</font>'
