"""The funder report's part on the chantiers the funder's agreements fund: for each, its
activity over the agreement's period (meetings held, presences, anonymous participants),
a section of the summary and a detail sheet. Counts only, no person named."""

from __future__ import annotations

from collections.abc import Sequence

from ...i18n import _, format_date
from ...services.funding.report import ChantierActivity
from .common import Book, Col


def _period(line: ChantierActivity) -> str:
    return f"{format_date(line.counted.start)} – {format_date(line.counted.end)}"


def funded_section(sheet, lines: Sequence[ChantierActivity]) -> None:
    """A section of the « Sommaire » (a :class:`.funder_report.Summary`)."""
    sheet.section(
        [_("Chantiers financés (période de l'entente)"), _("Période comptée"),
         _("Rencontres tenues"), _("Présences"), _("Participant·es anonymes")],
        ["text", "text", "int", "int", "int"],
        [(f"{a.chantier} — {a.programme}", _period(a), a.meetings_held, a.presences,
          a.anonymous) for a in lines],
    )  # fmt: skip


def funded_sheet(book: Book, lines: Sequence[ChantierActivity]) -> None:
    book.data_sheet(
        _("Chantiers financés"),
        [
            Col(_("Chantier"), width=34),
            Col(_("Entente"), width=40),
            Col(_("Montant alloué"), "money", 16),
            Col(_("Du"), "date"),
            Col(_("Au"), "date"),
            Col(_("Rencontres tenues"), "int", 12),
            Col(_("Présences"), "int", 11),
            Col(_("Participant·es anonymes"), "int", 14),
        ],
        [
            (
                a.chantier,
                a.programme,
                a.amount_cents,
                a.counted.start,
                a.counted.end,
                a.meetings_held,
                a.presences,
                a.anonymous,
            )
            for a in lines
        ],  # fmt: skip
        frozen_columns=1,
    )
