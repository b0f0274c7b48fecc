"""Reddition de comptes: the indicators a funder asks for over a period, on a summary sheet,
then detail sheets. Counts only: no person's name, email or phone, unless the option
*include contacts* is ticked, and then only of those who consented (sheet « Contacts »)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from ...domain.enums import Sector
from ...domain.labels import label
from ...i18n import _, format_date, format_money
from ...services.core import settings as settings_service
from ...services.core.periods import check_period
from ...services.funding.report import (
    SharedContacts,
    consenting_participants,
    funded_chantier_activity,
    funder_agreements,
    organization_name,
)
from ...services.reports.activity import ActivityStats, activity_stats
from ...store import Database
from ..catalog import ExportOptions, Progress
from ..privacy_marks import banner_for, left_out_text, mark_first_row
from .common import (
    BOLD,
    FONT_NAME,
    HEADER_FILL,
    HEADER_RULE,
    HEADER_STYLE_FILL,
    WHITE_BOLD,
    Book,
    Col,
    line_count,
    measured_height,
    put,
    wrap_texts,
)
from .funded_chantiers import funded_section, funded_sheet

PAGE_ROWS = 56  # rows of the summary that fit on a portrait page, with some room
NOTE = Font(name=FONT_NAME, italic=True, color="52606D")


def title_block(ws: Worksheet, lines: Sequence[tuple[str, str]], width: int, start: int = 1) -> int:
    """A title (bold, large) in row ``start`` and label/value lines above a summary;
    returns the next row."""
    ws.merge_cells(start_row=start, start_column=1, end_row=start, end_column=width)
    first = ws.cell(start, 1)
    put(first, lines[0][0])
    first.font = Font(name=FONT_NAME, bold=True, size=14, color=HEADER_FILL)
    ws.row_dimensions[start].height = 24
    row = start + 1
    for key, value in lines[1:]:
        put(ws.cell(row, 1), key)
        ws.cell(row, 1).font = BOLD
        put(ws.cell(row, 2), value)
        row += 1
    return row + 1


def section_row(ws: Worksheet, row: int, titles: Sequence[str]) -> None:
    """A section's header row inside a summary sheet, as tall as its longest bold title
    wrapped in its column (a fixed 30 pt held two lines of three)."""
    lines = 1
    for c, title in enumerate(titles, start=1):
        cell = ws.cell(row, c)
        put(cell, title)
        cell.font, cell.fill, cell.border = WHITE_BOLD, HEADER_STYLE_FILL, HEADER_RULE
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        width = ws.column_dimensions[get_column_letter(c)].width or 10
        lines = max(lines, line_count(title, width, bold=True))
    measured_height(ws, row, lines, padding=5)


NOTE_WIDTHS = (48, 15, 15, 15, 17)  # the summary's columns A to E


class Summary:
    """The « Sommaire » sheet: a title block, then sections of small tables."""

    def __init__(self, book: Book, title: str, lines: list[tuple[str, str]]) -> None:
        self.book = book
        self.ws = book.new_sheet(_("Sommaire"))
        for letter, width in zip("ABCDE", NOTE_WIDTHS, strict=True):
            self.ws.column_dimensions[letter].width = width
        if book.banner is not None:
            mark_first_row(self.ws, book.banner)
        self.row = title_block(self.ws, [(title, ""), *lines], 5, start=book.header_row)
        self.page_top = 1

    def note(self, text: str) -> None:
        self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=5)
        cell = self.ws.cell(self.row, 1)
        put(cell, text)
        cell.font = NOTE
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # A merged cell is not measured by readers: its lines across the five columns.
        measured_height(self.ws, self.row, line_count(text, sum(NOTE_WIDTHS) * 0.9), padding=4)
        self.row += 2

    def section(self, titles: list[str], kinds: list[str], rows: list[tuple]) -> None:
        needed = max(1, len(rows)) + 2
        if self.row - self.page_top + needed > PAGE_ROWS and self.row > self.page_top + 3:
            self.ws.row_breaks.append(Break(id=self.row - 1))  # keep a section on one page
            self.page_top = self.row
        section_row(self.ws, self.row, titles)
        self.row += 1
        if not rows:
            put(self.ws.cell(self.row, 1), _("Aucune donnée pour la période."))
            self.ws.cell(self.row, 1).font = NOTE
            self.row += 1
        for values in rows:
            for c, (value, kind) in enumerate(zip(values, kinds, strict=True), start=1):
                put(self.ws.cell(self.row, c), value, kind)
            wrap_texts(self.ws, self.row, NOTE_WIDTHS)  # a chantier and its entente, a period
            self.row += 1
        self.book.advance(len(rows))
        self.row += 1


def _summary(
    book: Book,
    stats: ActivityStats,
    funder: str,
    agreements,
    shared: SharedContacts | None,
    funded=(),
) -> None:
    lines = [
        (_("Bailleur de fonds"), funder),
        (_("Période"), str(stats.period)),
    ]
    if stats.stops_early and stats.counted is not None:
        lines.append((_("Compté jusqu'au"), format_date(stats.counted.end)))
    for agreement in agreements:
        end = format_date(agreement.end_date) if agreement.end_date else _("sans fin")
        lines.append(
            (
                _("Entente"),
                f"{agreement.programme} — {format_money(agreement.amount_cents)} "
                f"({format_date(agreement.start_date)} – {end})",
            )
        )
    lines.append((_("Produit le"), format_date(book.now.date())))
    sheet = Summary(book, _("Reddition de comptes"), lines)
    if shared is not None:
        sheet.note(
            _(
                "Contient les coordonnées des personnes qui ont consenti à leur communication "
                "aux bailleurs de fonds (feuille « Contacts ») : à transmettre de façon "
                "sécurisée."
            )
        )
        sheet.note(left_out_text(shared.left_out))
    else:
        sheet.note(
            _(
                "Des nombres seulement : ce rapport ne contient aucun renseignement personnel "
                "(ni nom, ni courriel, ni téléphone)."
            )
        )
    if stats.stops_early:
        sheet.note(stats.counted_note)
    int_pair = ["text", "int"]
    sheet.section(
        [_("Indicateurs clés"), _("Nombre")],
        int_pair,
        [
            (_("Membres ({year})").format(year=stats.membership_year_label), stats.members_total),
            (_("Nouveaux organismes membres"), stats.new_organizations),
            (_("Nouvelles personnes membres"), stats.new_persons),
            (_("Rencontres tenues"), stats.meetings_held),
            (_("Présences aux rencontres"), stats.presences),
            (_("Citoyen·nes présent·es (personnes distinctes)"), stats.citizens_present),
            (_("Participant·es anonymes aux activités"), stats.anonymous_total),
            (_("Activités de participation tenues"), sum(a[1] for a in stats.activities_by_format)),
            (_("Résolutions"), stats.resolutions_total),
            (_("Suivis décidés"), stats.follow_ups_decided),
            (_("Suivis réalisés"), stats.follow_ups_done),
            (_("Suivis ouverts à la fin de la période"), stats.follow_ups_open),
        ],
    )
    if funded:
        funded_section(sheet, funded)
    sheet.section(
        [_("Membres par secteur"), _("Organismes"), _("Personnes"), _("Total")],
        ["text", "int", "int", "int"],
        [(s.sector, s.organizations, s.persons, s.total) for s in stats.members_by_sector],
    )
    sheet.section(
        [_("Membres par catégorie"), _("Droit de vote"), _("Membres")],
        ["text", "bool", "int"],
        stats.members_by_category,
    )
    sheet.section(
        [
            _("Rencontres tenues par type"),
            _("Rencontres"),
            _("Présences"),
            _("Participant·es anonymes"),
            _("Moyenne par rencontre"),
        ],
        ["text", "int", "int", "int", "average"],
        [(k.kind, k.held, k.presences, k.anonymous, k.average) for k in stats.meetings_by_kind],
    )
    sheet.section(
        [_("Participation citoyenne"), _("Nombre")],
        int_pair,
        [
            (_("Citoyen·nes présent·es (personnes distinctes)"), stats.citizens_present),
            (_("Présences de citoyen·nes"), stats.citizen_presences),
            *(
                (_("Participant·es anonymes — {sector}").format(sector=s), n)
                for s, n in stats.anonymous_by_sector
            ),
        ],
    )
    sheet.section(
        [_("Activités de participation par format"), _("Activités"), _("Participant·es")],
        ["text", "int", "int"],
        stats.activities_by_format,
    )
    sheet.section(
        [_("Résolutions par décision"), _("Nombre")], int_pair, stats.resolutions_by_outcome
    )
    sheet.section([_("Résolutions par instance"), _("Nombre")], int_pair, stats.resolutions_by_body)
    if stats.left_out:
        sheet.section(
            [_("Rencontres non comptées"), _("Date"), _("Instance"), _("Statut")],
            ["text", "date", "text", "text"],
            [(m.title or m.kind, m.date, m.body, m.status) for m in stats.left_out],
        )
    if stats.plan_title:
        sheet.section(
            [_("Avancement du plan par pilier"), _("Avancement")],
            ["text", "percent"],
            [(_("Ensemble — {plan}").format(plan=stats.plan_title), stats.plan_progress)]
            + [(f"{p.number}. {p.name}", p.progress) for p in stats.pillars],
        )
        sheet.section(
            [_("Avancement par chantier"), _("Avancement")],
            ["text", "percent"],
            [(f"{c.number}. {c.name}", c.progress) for c in stats.chantiers],
        )
    book.print_setup(sheet.ws, landscape=False, title_rows=None)


def _details(book: Book, stats: ActivityStats) -> None:
    book.data_sheet(
        _("Rencontres"),
        [
            Col(_("Date"), "date"),
            Col(_("Type"), width=26),
            Col(_("Titre"), width=44),
            Col(_("Instance"), width=10),
            Col(_("Chantier"), width=26),
            Col(_("Présent·es"), "int", 11),
            Col(_("Excusé·es"), "int", 11),
            Col(_("Participant·es anonymes"), "int", 14),
        ],
        [
            (m.date, m.kind, m.title, m.body, m.chantier, m.present, m.excused, m.anonymous)
            for m in stats.meetings
        ],
        frozen_columns=1,
    )
    activities = [m for m in stats.meetings if m.format or m.anonymous_by_sector]
    sectors = [
        s for s in Sector if any(dict(m.anonymous_by_sector).get(s.value) for m in activities)
    ]
    book.data_sheet(
        _("Participation"),
        [
            Col(_("Date"), "date"),
            Col(_("Format"), width=22),
            Col(_("Titre"), width=44),
            Col(_("Personnes inscrites présentes"), "int", 14),
            *(Col(_("Anonymes — {sector}").format(sector=label(s)), "int", 14) for s in sectors),
            Col(_("Total"), "int", 10),
        ],
        [
            (
                m.date,
                m.format or m.kind,
                m.title,
                m.present,
                *(dict(m.anonymous_by_sector).get(s.value, 0) for s in sectors),
                m.present + m.anonymous,
            )
            for m in activities
        ],
        frozen_columns=1,
    )
    book.data_sheet(
        _("Résolutions"),
        [
            Col(_("Numéro"), width=14),
            Col(_("Date"), "date"),
            Col(_("Instance"), width=10),
            Col(_("Titre"), width=50),
            Col(_("Décision"), width=20),
            Col(_("Pour"), "int", 8),
            Col(_("Contre"), "int", 8),
            Col(_("Abstentions"), "int", 11),
        ],
        [
            (
                r.number,
                r.date,
                r.body,
                r.title,
                r.outcome,
                r.votes_for,
                r.votes_against,
                r.abstentions,
            )
            for r in stats.resolutions
        ],
        frozen_columns=1,
    )
    book.data_sheet(
        _("Plan d'action"),
        [
            Col(_("Numéro"), width=9),
            Col(_("Pilier"), width=30),
            Col(_("Chantier"), width=36),
            Col(_("Avancement"), "percent", 12),
            Col(_("Moyens et cibles comptés"), "int", 14),
            Col(_("Réalisés"), "number", 11),
        ],
        [(p.number, p.name, "", p.progress, p.counted, p.done) for p in stats.pillars]
        + [(c.number, c.pillar, c.name, c.progress, c.counted, c.done) for c in stats.chantiers],
    )


def write(
    db: Database, path: Path | str, options: ExportOptions, progress: Progress | None = None
) -> Path:
    period = check_period(options.start, options.end)
    table_settings = settings_service.load(db)
    funder = organization_name(db, options.funder_id)
    stats = activity_stats(
        db, period, options.day, plan_id=options.plan_id, beyond_today=options.beyond_today
    )
    agreements = funder_agreements(db, options.funder_id, period)
    funded = funded_chantier_activity(
        db, options.funder_id, period, options.day, beyond_today=options.beyond_today
    )
    counted = stats.counted or period
    shared = consenting_participants(db, counted, options.day) if options.include_contacts else None
    contacts = shared.lines if shared is not None else []
    book = Book(
        _("Reddition de comptes — {funder}").format(funder=funder),
        table_name=table_settings.table_name,
        short_name=table_settings.short_name(),
        paper_size=table_settings.paper_size,
        subject=str(period),
        progress=progress,
        # counts only, unless contacts are asked for: then it is confidential
        banner=banner_for(db) if options.include_contacts else None,
    )
    book.expect(80 + 2 * len(stats.meetings) + len(stats.resolutions) + len(contacts))
    _summary(book, stats, funder, agreements, shared, funded)
    _details(book, stats)
    if funded:
        funded_sheet(book, funded)
    if options.include_contacts:
        book.data_sheet(
            _("Contacts"),
            [
                Col(_("Nom"), width=18),
                Col(_("Prénom"), width=14),
                Col(_("Organisme"), width=34),
                Col(_("Courriel"), width=36),
                Col(_("Téléphone"), width=16),
                Col(_("Présences"), "int", 11),
            ],
            [
                (c.last_name, c.first_name, c.organization, c.email, c.phone, c.presences)
                for c in contacts
            ],
            frozen_columns=2,
        )
    return book.save(path)
