"""A paragraph split over pages keeps the lines it has already broken.

When a paragraph does not fit on what is left of a page, reportlab splits it in two: the
lines that fit, and a new paragraph holding the words of the rest. It had broken all the
lines already (to learn the paragraph's height), but it gives the rest its words only, so
the rest is broken into lines again on the next page, and split again, and so on: a
paragraph over ``n`` pages is broken about ``n²/2`` pages' worth. The minutes of a meeting
of 3,061 people print every name in one paragraph over 27 pages: 141 line breakings of
the whole rest, 80 % of the document's time.

Here the two parts are given the lines they hold, with their width, as their kept layout
(``wrap_memo``): on the next page, at the same width, the rest is not broken again. This
is what breaking them again would give, because reportlab breaks lines greedily and starts
every line afresh: the rest's first line has the same width as the lines it continues (a
split paragraph's rest has no first-line indent and no bullet), and its words are the same
objects. Where a line could start otherwise (a forced line break just before the split,
a word cut or hyphenated by reportlab, an image or an anchor, leading that depends on the
fonts, right-to-left text or shaping, dots at the end, CJK wrapping), the parts are left
to reportlab, which breaks them again as before. ``tests/exports/test_split_lines.py``
compares the kept lines with lines broken again on every split of varied paragraphs.

Each split costs no more than reportlab's own (which copies the rest's words): the parts
share the paragraph's line objects, each line's first word still counted from the start
of the whole paragraph (``FragLine.sFW``, which reportlab reads only to cut a paragraph's
words at a split: ``Paragraph._split_blParaProcessed`` is given the count from the part's
first word); the words are looked over once, for the whole paragraph. Renumbering the
lines and looking the words over at every split took 9 of 29 seconds for the minutes of
30,589 people (270 pages of names).
"""

from __future__ import annotations

from functools import cache

from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as rl

from .wrap_memo import keep_layout, kept_width, remember_wraps

_WORD_PIECES = (rl._InjectedFrag, rl._SplitFrag, rl._SHYWord)
_CUT_WORDS = (rl._SplitWord, rl._SHYStr, rl._SplitWordLL)
_PLAIN = "_ahuntsic_plain_words"  # the frags (or layout) found free of cut words
_BASE = "ahuntsic_first_word"  # on a part's layout: where its words start in the whole


def _plain_style(paragraph: Paragraph) -> bool:
    """Nothing in the style that makes a line depend on more than its words and width."""
    style = paragraph.style
    leading = getattr(paragraph, "autoLeading", getattr(style, "autoLeading", ""))
    wrap = (style.wordWrap or "").upper()
    return (
        leading in ("", "off")
        and wrap not in ("CJK", "RTL", "LTR")
        and not style.endDots
        and not getattr(style, "shaping", False)
        and (getattr(style, "embeddedHyphenation", 0) or 0) <= 1
        and not getattr(paragraph, "_hyphenations", 0)
        and not getattr(paragraph, "_splitLongWordCount", 0)
    )


def _plain_words(paragraph: Paragraph, blpara) -> bool:
    """No word cut, hyphenated or with soft hyphens (looked over once a paragraph)."""
    known = paragraph.__dict__.get(_PLAIN)
    if known is not None and known is (paragraph.frags if blpara.kind else blpara):
        return True
    if blpara.kind == 0:
        cut = any(
            isinstance(word, _CUT_WORDS) or rl._shy in word
            for _space, words in blpara.lines
            for word in words
        )
    else:
        cut = any(isinstance(word, _WORD_PIECES) for word in paragraph.frags)
    return not cut


def _fresh_start(paragraph: Paragraph, blpara, start: int) -> bool:
    """Line ``start`` (and those after it) would be broken the same from its first word."""
    if not _plain_words(paragraph, blpara):
        return False
    if blpara.kind == 0:
        return True
    lines, words = blpara.lines, paragraph.frags
    first = lines[start].sFW - blpara.__dict__.get(_BASE, 0)
    if getattr(lines[start - 1], "lineBreak", False) or first >= len(words):
        return False
    fragment, text = words[first][1]
    return bool(text) and fragment._fkind == rl._FK_TEXT and not hasattr(fragment, "cbDefn")


def _layout(part: Paragraph, blpara, lines: list):
    """The layout ``part.breakLines`` would make from ``lines`` (a slice of ``blpara``'s):
    the same lines, their first words counted from the whole paragraph's start."""
    if blpara.kind == 0:
        return part.frags[0].clone(
            kind=0,
            lines=lines,
            ascent=blpara.ascent,
            descent=blpara.descent,
            fontSize=blpara.fontSize,
        )
    return rl.ParaLines(kind=1, lines=lines, **{_BASE: lines[0].sFW})


def _keep_lines(paragraph: Paragraph, head: Paragraph, rest: Paragraph) -> None:
    width = kept_width(paragraph)
    blpara = paragraph.__dict__.get("blPara")
    if width is None or blpara is None or not _plain_style(paragraph):
        return
    lines = blpara.lines
    count = len(head.blPara.lines)
    if not 0 < count < len(lines) or not _fresh_start(paragraph, blpara, count):
        return
    leading = paragraph.style.leading
    for part, chosen in ((head, lines[:count]), (rest, lines[count:])):
        part._hyphenations = part._splitLongWordCount = 0
        layout = _layout(part, blpara, chosen)
        keep_layout(part, width, layout, len(chosen) * leading)
        part.__dict__[_PLAIN] = part.frags if layout.kind else layout


@cache
def remember_layouts() -> None:
    """``Paragraph.wrap`` keeps its last layout (``wrap_memo``) and ``Paragraph.split``
    gives its two parts the lines it has broken (once per process)."""
    remember_wraps()
    reportlab_split = Paragraph.split
    reportlab_words = Paragraph._split_blParaProcessed

    def split(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        parts = reportlab_split(self, availWidth, availHeight)
        if len(parts) == 2 and type(self) is Paragraph:
            _keep_lines(self, *parts)
        return parts

    def split_words(self, blPara, start, stop):  # noqa: N803 (reportlab's names)
        """The words of lines ``start`` to ``stop``, for a part's layout too (its lines
        count their first word from the whole paragraph's start, reportlab from the
        part's: the two lines it reads are given renumbered)."""
        base = blPara.__dict__.get(_BASE)
        if not base or not stop:
            return reportlab_words(self, blPara, start, stop)
        lines = blPara.lines
        ends = [lines[start]] + ([lines[stop]] if stop != len(lines) else [])
        renumbered = [line.clone(sFW=line.sFW - base) for line in ends]
        return reportlab_words(self, rl.ParaLines(kind=1, lines=renumbered), 0, 1)

    Paragraph.split = split
    Paragraph._split_blParaProcessed = split_words
