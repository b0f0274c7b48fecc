"""Round trip of the ``contributions`` workbook: a démarche's contributions go out to Excel
(or LibreOffice) so that themes are coded there, and come back with a preview.

The export (:mod:`ahuntsic_desktop.exports.xlsx.contributions`) writes one row per
contribution with its identifier, and a hidden sheet naming the format and the démarche.
On import, the columns Nature, Thèmes and Votes are read; a row's text, activity, date and
population are for reading only. :func:`preview_roundtrip` writes nothing and says, per row
of the sheet, what would change, and which rows are refused (unknown identifier, unknown
kind, votes that are not a whole number...) with the sheet's row number.
:func:`apply_roundtrip` writes every change in one transaction, or nothing: never while a
row is refused, and never when the database moved since the preview.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, func, select

from ...domain import Contribution, ContributionTheme, ProcessActivity, Theme
from ...domain.labels import label
from ...domain.planning import ContributionKind
from ...i18n import N_, _
from ...store import Database
from ..core import ValidationError
from ..core import validation as v
from .common import count, require_process
from .contributions import list_contributions, parse_kind

log = logging.getLogger(__name__)

FORMAT_NAME = "ahuntsic-desktop/contributions"
FORMAT_VERSION = 1
META_SHEET = "_ahuntsic"
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
CHUNK = 500  # ids per IN (...) when applying
THEME_SEPARATORS = re.compile(r"[;,\n]")

# (key, French header): the import finds each column by its header, wherever it was moved.
COLUMNS = (
    ("id", N_("Identifiant")),
    ("activity", N_("Activité")),
    ("date", N_("Date")),
    ("kind", N_("Nature")),
    ("text", N_("Contribution")),
    ("themes", N_("Thèmes")),
    ("population", N_("Population concernée")),
    ("votes", N_("Votes")),
)
READ = ("id", "kind", "themes", "votes")


@dataclass(frozen=True)
class ExportRow:
    id: int
    activity: str
    date: dt.date
    kind: str  # its label
    text: str
    themes: str  # « Logement, Sécurité »
    population: str
    votes: int


@dataclass(frozen=True)
class Coded:
    """What the import changes on a contribution."""

    kind: str
    themes: tuple[str, ...]  # names, in the vocabulary's spelling when known
    votes: int


@dataclass(frozen=True)
class RoundtripChange:
    row: int  # the sheet's row number
    id: int
    text: str
    current: Coded
    incoming: Coded

    @property
    def themes_added(self) -> tuple[str, ...]:
        now = {v.name_sort_key(t) for t in self.current.themes}
        return tuple(t for t in self.incoming.themes if v.name_sort_key(t) not in now)

    @property
    def themes_removed(self) -> tuple[str, ...]:
        wanted = {v.name_sort_key(t) for t in self.incoming.themes}
        return tuple(t for t in self.current.themes if v.name_sort_key(t) not in wanted)

    @property
    def kind_changed(self) -> bool:
        return self.current.kind != self.incoming.kind

    @property
    def votes_changed(self) -> bool:
        return self.current.votes != self.incoming.votes


@dataclass(frozen=True)
class RowProblem:
    row: int
    message: str


@dataclass
class RoundtripPreview:
    process_id: int
    changes: list[RoundtripChange] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    unchanged: int = 0
    new_themes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def export_rows(db: Database, process_id: int, today: dt.date) -> list[ExportRow]:
    """The démarche's contributions as the sheet lists them, in activity order."""
    with db.session() as session:
        require_process(session, process_id)
        dates = dict(
            session.execute(
                select(ProcessActivity.id, ProcessActivity.date).where(
                    ProcessActivity.process_id == process_id
                )
            ).all()
        )
    lines = list_contributions(db, process_id, today)
    rows = [
        ExportRow(
            c.id,
            c.activity_title,
            dates[c.activity_id],
            c.kind_label,
            c.text,
            ", ".join(c.themes),
            c.population,
            c.votes,
        )
        for c in lines
    ]
    rows.sort(key=lambda r: (r.date, r.activity, r.id))
    return rows


def meta_rows(process_id: int, title: str, sheet: str, exported_at: dt.datetime) -> list[tuple]:
    return [
        ("format", FORMAT_NAME),
        ("version", FORMAT_VERSION),
        ("process_id", process_id),
        ("process_title", title),
        ("sheet", sheet),
        ("exported_at", exported_at.isoformat(timespec="seconds")),
    ]


# -- reading the file -------------------------------------------------------------------


def _fold(text: object) -> str:
    return " ".join(str(text or "").casefold().split())


def _not_ours() -> ValidationError:
    return ValidationError(
        _(
            "Ce classeur n'est pas une liste de contributions exportée par Ahuntsic Desktop "
            "(sa feuille d'origine est absente ou modifiée)."
        ),
        "path",
    )


def _read(path: Path) -> tuple[dict, list[tuple[int, dict]]]:
    """The hidden sheet's facts and the rows (sheet row number, {key: value})."""
    from openpyxl import load_workbook  # slow to import: only when importing

    if not path.is_file():
        raise ValidationError(_("Le fichier « {name} » est introuvable.").format(name=path.name))
    if path.stat().st_size > MAX_BYTES:
        raise ValidationError(
            _("« {name} » est trop gros (20 Mo au plus).").format(name=path.name), "path"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file it cannot read
        log.info("unreadable contributions workbook: %s", type(error).__name__)
        raise ValidationError(
            _("« {name} » n'est pas un classeur Excel lisible.").format(name=path.name), "path"
        ) from error
    try:
        if META_SHEET not in workbook.sheetnames:
            raise _not_ours()
        meta = {
            row[0]: row[1]
            for row in workbook[META_SHEET].iter_rows(values_only=True, max_col=2)
            if row and row[0]
        }
        if meta.get("format") != FORMAT_NAME or meta.get("sheet") not in workbook.sheetnames:
            raise _not_ours()
        rows = workbook[meta["sheet"]].iter_rows(values_only=True)
        header = next(rows, ())
        titles = {_fold(t): k for k, t in COLUMNS} | {_fold(_(t)): k for k, t in COLUMNS}
        positions = {titles[_fold(t)]: i for i, t in enumerate(header) if _fold(t) in titles}
        missing = [k for k in READ if k not in positions]
        if missing:
            names = ", ".join(_(dict(COLUMNS)[k]) for k in missing)
            raise ValidationError(
                _("Colonnes introuvables dans la feuille : {names}.").format(names=names), "path"
            )
        lines = []
        for number, row in enumerate(rows, start=2):
            if number > MAX_ROWS + 1:
                raise ValidationError(
                    _("Trop de lignes (au plus {max}).").format(max=MAX_ROWS), "path"
                )
            values = {key: row[i] if i < len(row) else None for key, i in positions.items()}
            if all(values.get(k) in (None, "") for k in READ):
                continue
            lines.append((number, values))
        return meta, lines
    finally:
        workbook.close()


def _current(db: Database, process_id: int) -> dict[int, tuple[str, Coded]]:
    """id -> (text, what the app holds now) for the démarche's contributions."""
    with db.session() as session:
        rows = session.execute(
            select(Contribution.id, Contribution.text, Contribution.kind, Contribution.votes)
            .join(ProcessActivity, ProcessActivity.id == Contribution.activity_id)
            .where(ProcessActivity.process_id == process_id)
        ).all()
        themes: dict[int, list[str]] = {}
        for cid, name in session.execute(
            select(ContributionTheme.contribution_id, Theme.name)
            .join(Theme, Theme.id == ContributionTheme.theme_id)
            .join(Contribution, Contribution.id == ContributionTheme.contribution_id)
            .join(ProcessActivity, ProcessActivity.id == Contribution.activity_id)
            .where(ProcessActivity.process_id == process_id)
            .order_by(Theme.position, Theme.name)
        ):
            themes.setdefault(cid, []).append(name)
    return {
        i: (text, Coded(kind, tuple(themes.get(i, ())), votes)) for i, text, kind, votes in rows
    }


def _known_themes(db: Database) -> dict[str, str]:
    with db.session() as session:
        return {v.name_sort_key(n): n for n in session.scalars(select(Theme.name))}


def _coded(values: dict, known: dict[str, str], new: dict[str, str]) -> Coded:
    kind = parse_kind(str(values.get("kind") or "").strip() or None)
    votes = count(values.get("votes"), "votes", _("Votes"))
    names: dict[str, str] = {}
    for part in THEME_SEPARATORS.split(str(values.get("themes") or "")):
        name = v.optional_text(part, "themes", _("Thèmes"), max_length=120)
        if name is None:
            continue
        folded = v.name_sort_key(name)
        if folded not in known:
            new.setdefault(folded, name)
        names.setdefault(folded, known.get(folded) or new[folded])
    return Coded(kind, tuple(names.values()), votes)


def preview_roundtrip(db: Database, path: Path | str) -> RoundtripPreview:
    """Compare the edited workbook with the database: nothing is written."""
    meta, lines = _read(Path(path))
    try:
        process_id = int(meta["process_id"])
    except (KeyError, TypeError, ValueError) as error:
        raise _not_ours() from error
    with db.session() as session:
        require_process(session, process_id)
    preview = RoundtripPreview(process_id)
    current, known, new = _current(db, process_id), _known_themes(db), {}
    seen: set[int] = set()
    for row, values in lines:
        raw = values.get("id")
        try:
            cid = int(raw) if not isinstance(raw, bool) and str(raw).strip().isdigit() else None
        except (TypeError, ValueError):
            cid = None
        if cid is None or cid not in current:
            preview.problems.append(
                RowProblem(
                    row,
                    _("Identifiant inconnu « {value} » : cette contribution n'est pas de la "
                      "démarche.").format(value=raw if raw is not None else ""),
                )
            )  # fmt: skip
            continue
        if cid in seen:
            preview.problems.append(RowProblem(row, _("Cette contribution figure deux fois.")))
            continue
        seen.add(cid)
        try:
            incoming = _coded(values, known, new)
        except ValidationError as error:
            preview.problems.append(RowProblem(row, error.message))
            continue
        text, now = current[cid]
        change = RoundtripChange(row, cid, text, now, incoming)
        if change.kind_changed or change.votes_changed or _themes_differ(now, incoming):
            preview.changes.append(change)
        else:
            preview.unchanged += 1
    used = {v.name_sort_key(t) for c in preview.changes for t in c.incoming.themes}
    preview.new_themes = [name for folded, name in new.items() if folded in used]
    return preview


def _themes_differ(a: Coded, b: Coded) -> bool:
    return {v.name_sort_key(t) for t in a.themes} != {v.name_sort_key(t) for t in b.themes}


def apply_roundtrip(db: Database, preview: RoundtripPreview) -> int:
    """Write the previewed changes in one transaction; returns how many contributions
    changed. Refused, writing nothing, while a row is refused or when a contribution
    changed in the app since the preview."""
    if preview.problems:
        raise ValidationError(
            _("{n} ligne(s) refusée(s) : corrigez le classeur, puis refaites l'aperçu.").format(
                n=len(preview.problems)
            )
        )
    current = _current(db, preview.process_id)
    for change in preview.changes:
        if change.id not in current or current[change.id][1] != change.current:
            raise ValidationError(
                _(
                    "Une contribution a changé depuis l'aperçu : refaites l'aperçu avant "
                    "d'importer. Rien n'a été modifié."
                )
            )
    with db.session() as session:
        ids = {v.name_sort_key(n): i for i, n in session.execute(select(Theme.id, Theme.name))}
        last = session.scalar(select(func.max(Theme.position))) or 0
        for name in preview.new_themes:
            if v.name_sort_key(name) not in ids:
                last += 1
                theme = Theme(name=name, position=last)
                session.add(theme)
                session.flush()
                ids[v.name_sort_key(name)] = theme.id
        changes = preview.changes
        for start in range(0, len(changes), CHUNK):  # a few statements, not one per row
            chunk = {c.id: c for c in changes[start : start + CHUNK]}
            for contribution in session.scalars(
                select(Contribution).where(Contribution.id.in_(chunk))
            ):
                incoming = chunk[contribution.id].incoming
                contribution.kind, contribution.votes = incoming.kind, incoming.votes
            session.execute(
                delete(ContributionTheme).where(ContributionTheme.contribution_id.in_(chunk))
            )
            session.add_all(
                ContributionTheme(contribution_id=c.id, theme_id=ids[v.name_sort_key(t)])
                for c in chunk.values()
                for t in c.incoming.themes
            )
    return len(preview.changes)


def kind_label(code: str) -> str:
    return label(code, ContributionKind)
