"""A paragraph laid out once per width.

reportlab lays a paragraph out (``Paragraph.wrap``: its line breaking, a width measure
for every word) each time something asks its size, and in a table that is several times
for the same width: a ``KeepTogether`` measures its group, the frame measures the table
again to place it, and the table measures each cell once more when it draws it (and a
repeated header on every page). The bottin at 10,000 persons laid each cell out about three
times. The layout depends only on the paragraph's fragments, its style and the width
(never on the height offered), so the last one is kept with what it was made from and
given back while none of them has changed; another width lays it out anew. reportlab drops
a paragraph's layout when it cannot split it on what is left of a page (too little room):
the kept one is given back on the next page, where the width is the same.
"""

from __future__ import annotations

from functools import cache

from reportlab.platypus import Paragraph

_MEMO = "_ahuntsic_wrap"


def kept_width(paragraph: Paragraph) -> float | None:
    """The width the paragraph's current layout (``blPara``) was made for, if it is the
    kept one (None otherwise)."""
    memo = paragraph.__dict__.get(_MEMO)
    if memo is None or memo[3] is not paragraph.__dict__.get("blPara"):
        return None
    if memo[1] is not paragraph.frags or memo[2] is not paragraph.style:
        return None
    return memo[0]


def keep_layout(paragraph: Paragraph, width: float, blpara, height: float) -> None:
    """Give ``paragraph`` the layout ``blpara`` for ``width`` (made elsewhere, exactly as
    ``Paragraph.wrap`` would make it: see ``split_lines``), as if it had been wrapped."""
    paragraph.blPara = blpara
    paragraph.width, paragraph.height = width, height
    paragraph.__dict__[_MEMO] = (width, paragraph.frags, paragraph.style, blpara, (width, height))


def forget_layout(paragraph: Paragraph) -> None:
    """Drop the layout kept for ``paragraph``: for code that changes its fragments' text in
    place (``typography.typeset``), which the kept layout could not notice."""
    paragraph.__dict__.pop(_MEMO, None)


@cache
def remember_wraps() -> None:
    """Make ``Paragraph.wrap`` keep its last layout (once per process)."""
    reportlab_wrap = Paragraph.wrap

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        memo = self.__dict__.get(_MEMO)
        if (
            memo is not None
            and memo[0] == availWidth
            and memo[1] is self.frags
            and memo[2] is self.style
            and memo[3] is self.__dict__.get("blPara", memo[3])
        ):
            self.blPara = memo[3]  # given back if a failed split dropped it
            self.width, self.height = memo[4]
            return memo[4]
        size = reportlab_wrap(self, availWidth, availHeight)
        blpara = self.__dict__.get("blPara")
        if blpara is not None:
            self.__dict__[_MEMO] = (availWidth, self.frags, self.style, blpara, size)
        return size

    Paragraph.wrap = wrap
