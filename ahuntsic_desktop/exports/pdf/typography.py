"""French typography applied to a whole story before it is laid out, and header or footer
text fitted to its room."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, Table
from reportlab.platypus import paragraph as _paragraph

from ...i18n import french_spacing
from .wrap_memo import forget_layout

# reportlab breaks lines at U+202F (narrow no-break space), which it lists among the white
# space of its line breaker, and Python's str.split() (its fast path) breaks at both no-break
# spaces: « quoi ? » could then start a line with « ? ». Its breaker is told once, here, that
# both are no-break spaces, as Unicode says (reportlab 4.x; tests/exports/test_documents_fit
# reads the lines back).
_NO_BREAK = "\u00a0\u202f"
_paragraph._wsc = "".join(c for c in _paragraph._wsc if c not in _NO_BREAK)
_paragraph._wsc_re_split = re.compile(f"[{re.escape(_paragraph._wsc)}]+").split
_paragraph._wsc_end_search = re.compile(f"[{re.escape(_paragraph._wsc)}]+$").search


def _split(text: str, delim: str | None = None) -> list[str]:
    if delim is not None:
        return text.split(delim)
    return [word for word in _paragraph._wsc_re_split(text) if word]


_paragraph.split = _split


def typeset(flowables: Iterable) -> None:
    """French punctuation spaces (:func:`i18n.french_spacing`) in every paragraph of a
    story, inside tables and kept-together groups too: every document is built through
    here, so no module has to remember it and no line starts with ``:`` or ``»,``."""
    for flowable in flowables:
        if isinstance(flowable, Paragraph):
            for frag in flowable.frags:
                if isinstance(getattr(frag, "text", None), str):
                    frag.text = french_spacing(frag.text)
            forget_layout(flowable)  # its text may have changed since it was measured
        elif isinstance(flowable, Table):
            typeset(cell for row in flowable._cellvalues for cell in row)
        elif isinstance(flowable, list | tuple):
            typeset(flowable)
        elif isinstance(getattr(flowable, "_content", None), list):
            typeset(flowable._content)  # KeepTogether and other containers


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width``: between words (an address
    or a name is never cut in its middle), inside the first word only if it alone is too
    long."""
    text = french_spacing(text)
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1 and pdfmetrics.stringWidth(" ".join(words) + " …", font, size) > width:
        words.pop()
    text = " ".join(words).rstrip(",;:—–-·( \u00a0")
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
