"""How much room text takes in the workbooks: character widths of Calibri 11 (Carlito has
the same metrics), the lines a wrapped cell needs, and names that fit sheet tabs and print
headers. Plain Python, no openpyxl."""

from __future__ import annotations

from collections.abc import Iterable

from ...i18n import _

# Widths of characters in Calibri 11 (the workbooks' font; Carlito has the same metrics),
# in units of a digit's width, which is how column widths are counted. Others count 1.
_NARROW = dict.fromkeys("'il j,I.·", 0.47) | dict.fromkeys(";:f-()", 0.57)
_SHAPES = _NARROW | dict.fromkeys("Jtr", 0.67) | dict.fromkeys("/szcçLxvy", 0.82)
CHAR_WIDTHS = _SHAPES | dict.fromkeys("AVDHG", 1.18) | dict.fromkeys("NUOQ&w", 1.3)
CHAR_WIDTHS |= dict.fromkeys("mMW@", 1.65)


def text_width(text: str) -> float:
    """The width of ``text`` in Calibri 11, in digit widths (column-width units)."""
    get = CHAR_WIDTHS.get
    return sum(get(ch, 1.0) for ch in text)


def line_count(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped column ``width`` characters wide: word
    wrapping simulated with Calibri's widths (readers size rows from the file, they do not
    measure the text)."""
    room = max(3.0, width - 0.6)
    total = 0
    for paragraph in text.split("\n"):
        length, lines = 0.0, 1
        for word in paragraph.split():
            size = text_width(word)
            needed = size if length == 0 else length + 0.47 + size
            if needed > room and length:
                lines += 1 + int(size // room)
                length = size % room
            else:
                length = needed
        total += lines
    return total


def header_footer_text(text: str, limit: int = 80) -> str:
    """Text for a printed header: ``&`` doubled (it starts codes), cut to ``limit``."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text.replace("&", "&&")


def sheet_name(title: str, taken: Iterable[str] = ()) -> str:
    """A valid, unused sheet name: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in title).strip(" '") or _("Feuille")
    name, n = cleaned[:31], 2
    taken = {t.casefold() for t in taken}
    while name.casefold() in taken:
        suffix = f" ({n})"
        name, n = cleaned[: 31 - len(suffix)] + suffix, n + 1
    return name
