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


BOLD_FACTOR = 1.1  # bold Calibri is about a tenth wider


def line_count(text: str, width: float, *, bold: bool = False) -> int:
    """How many lines ``text`` takes in a wrapped column ``width`` characters wide: word
    wrapping simulated with Calibri's widths, bold a tenth wider, and a word longer than
    the line (an email) broken over as many lines as it needs."""
    room = max(3.0, width - 0.6)
    factor = BOLD_FACTOR if bold else 1.0
    # Most texts fit on one line: the widest character (1.65) or the whole text's width
    # (its spaces at least as wide as the single spaces of the word wrapping) says so.
    if "\n" not in text and (
        len(text) * 1.65 * factor <= room or text_width(text) * factor <= room
    ):
        return 1
    space = 0.47 * factor
    total = 0
    for paragraph in text.split("\n"):
        length, lines = 0.0, 1
        for word in paragraph.split():
            size = text_width(word) * factor
            if length and length + space + size > room:
                lines, length = lines + 1, 0.0
            if length:
                length += space + size
                continue
            while size > room:  # the reader breaks a word too long for the line
                lines, size = lines + 1, size - room
            length = size
        total += lines
    return total


def cut_to_width(text: str, width: float, factor: float = 1.0) -> str:
    """``text`` cut on a word with « … » so that it takes at most ``width`` digit widths
    (``factor`` 1.1 for bold)."""
    text = " ".join(text.split())
    if text_width(text) * factor <= width:
        return text
    words = text.split(" ")
    while len(words) > 1 and text_width(" ".join(words) + " …") * factor > width:
        words.pop()
    cut = " ".join(words).rstrip(",;:—–- ")
    while cut and text_width(cut + "…") * factor > width:  # one long word: cut inside it
        cut = cut[:-1]
    return cut + "…"


# Digit widths of 9-point Calibri across a Letter (or A4) page inside 0.5-inch margins.
HEADER_ROOM = {True: 160.0, False: 118.0}  # landscape, portrait
HEADER_GAP = 6.0
HEADER_SIZES = (9, 8, 7)  # points: a long title is set smaller before it is cut


def header_parts(
    table_name: str, title: str, day: str, *, landscape: bool = True, short_name: str = ""
) -> tuple[str, str, str, int]:
    """(left, centre, right, font size) of a printed header whose parts do not run into
    one another: the centred title (bold) keeps the most room; the table's short name
    stands in for its long one, then the text is set smaller (down to 7 points); only then
    is it cut on a word."""
    left, title = " ".join(table_name.split()), " ".join(title.split())

    def side() -> float:
        return max(text_width(left), text_width(day))

    def fits(size: int) -> bool:
        room = HEADER_ROOM[landscape] * 9 / size
        return text_width(title) * 1.1 + 2 * (side() + HEADER_GAP) <= room

    if not fits(HEADER_SIZES[0]) and short_name.strip():
        left = " ".join(short_name.split())
    for size in HEADER_SIZES:
        if fits(size):
            return left, title, day, size
    room = HEADER_ROOM[landscape] * 9 / size
    if text_width(left) > room / 4:
        left = cut_to_width(left, room / 4)
    title = cut_to_width(title, room - 2 * (side() + HEADER_GAP), 1.1)
    return left, title, day, size


def header_footer_text(text: str, limit: int = 80) -> str:
    """Text for a printed header: ``&`` doubled (it starts codes), cut to ``limit``."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text.replace("&", "&&")


def sheet_name(title: str, taken: Iterable[str] = ()) -> str:
    """A valid, unused sheet name: at most 31 characters, none of []:*?/\\. A longer title
    is shortened on a word, its closing parenthesis kept: « Plan d'action 2009-2019
    (évalué) » becomes « Plan d'action 2009-2019 » (the words in parentheses go first),
    never « Plan d'action 2009-2019 (évalué »."""
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in title).strip(" '") or _("Feuille")
    cleaned = " ".join(cleaned.split())
    name, n = _shortened(cleaned, 31), 2
    taken = {t.casefold() for t in taken}
    while name.casefold() in taken:
        suffix = f" ({n})"
        name, n = _shortened(cleaned, 31 - len(suffix)) + suffix, n + 1
    return name


def _shortened(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut between words (a parenthesis at its
    end dropped whole first), with « … » when words were left out."""
    if len(text) <= limit:
        return text
    if text.endswith(")") and " (" in text:
        head = text[: text.rindex(" (")].rstrip()
        if len(head) <= limit:
            return head
        text = head
    words = text.split(" ")
    while len(words) > 1 and len(" ".join(words)) + 1 > limit:
        words.pop()
    short = " ".join(words).rstrip(",;:—–- ")
    return (short[: limit - 1] if len(short) >= limit else short) + "…"
