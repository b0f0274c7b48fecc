"""Check every row of a file before anything is written: the preview.

Each row gets its clean values or its problems, with the row number the user sees in
Excel: missing name, bad email, unknown sector, duplicate of an existing record, duplicate
inside the file, bad date, bad amount, unknown category... Nothing is written here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date

from sqlalchemy import select

from ...domain import Membership, MembershipCategory, Organization, Representation
from ...domain.enums import Sector
from ...i18n import _
from ...store import Database
from ..core import ValidationError
from ..core import settings as settings_service
from ..registry import DuplicateIndex, Kind, Match, email_key, name_key
from . import values as cv
from .collector import collector_paused
from .fields import FIELDS_BY_KEY, MEMBERSHIP_FIELDS, ImportKind, fields_for
from .model import ImportOptions, ImportPreview, Problem, Reason, RowResult
from .readers import SourceRow, SourceTable, cell_text
from .value_maps import mapped_cell

Progress = Callable[[int, int], None]
_MEMOISED = {
    cv.email, cv.phone, cv.postal_code, cv.day, cv.sector, cv.payment_method, cv.year, cv.cents,
    cv.text,
}  # fmt: skip


class _Context:
    """What the checks need from the database, loaded once."""

    def __init__(self, db: Database, kind: ImportKind, options: ImportOptions, today: date):
        self.kind = kind
        self.options = options
        self.current_year = settings_service.load(db).membership_year_of(today)
        self.index = DuplicateIndex.load(
            db, Kind.PERSON if kind is ImportKind.PERSONS else Kind.ORGANIZATION
        )
        c, m = MembershipCategory, Membership
        member = m.person_id if kind is ImportKind.PERSONS else m.organization_id
        with db.session() as session:
            connection = session.connection()
            self.categories = {
                name_key(r.name): r
                for r in connection.execute(
                    select(c.id, c.name, c.for_persons, c.for_organizations, c.default_dues_cents)
                )
            }
            self.receipts = set(
                connection.execute(
                    select(m.receipt_number).where(m.receipt_number.is_not(None))
                ).scalars()
            )
            self.organizations: dict[str, list] = defaultdict(list)
            self.memberships: set[tuple[int, int]] = set()
            self.representations: set[tuple[int, int]] = set()
            if kind is ImportKind.PERSONS:
                for row in connection.execute(
                    select(Organization.id, Organization.name, Organization.archived_at)
                ):
                    self.organizations[name_key(row.name)].append(row)
            if options.add_to_existing:
                self.memberships = set(
                    connection.execute(select(member, m.year).where(member.is_not(None))).all()
                )
                if kind is ImportKind.PERSONS:
                    r = Representation
                    self.representations = set(
                        connection.execute(select(r.person_id, r.organization_id)).all()
                    )
        self.seen_names: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
        self.seen_emails: dict[str, int] = {}
        self.seen_receipts: dict[str, int] = {}


class _Row:
    """One row being checked: its cells by field, and the problems found."""

    def __init__(
        self, row: SourceRow, columns: dict[str, int], titles: list[str], memo: dict, maps: dict
    ):
        self.row, self.columns, self.titles, self.memo = row, columns, titles, memo
        self.maps = maps
        self.result = RowResult(row.number, {})

    def cell(self, key: str):
        index = self.columns.get(key)
        if index is None:
            return None
        return mapped_cell(self.row.cells[index], self.maps.get(key))

    def title(self, key: str) -> str:
        index = self.columns.get(key)
        return self.titles[index] if index is not None else FIELDS_BY_KEY[key].title

    def problem(self, key: str | None, reason: Reason, message: str) -> None:
        index = self.columns.get(key) if key else None
        column = self.titles[index] if index is not None else ""
        value = cell_text(self.row.cells[index]) if index is not None else None  # as in the file
        self.result.problems.append(
            Problem(self.row.number, key, column, value or "", reason, message)
        )

    def convert(self, key: str, function, *args, **kwargs):
        if key not in self.columns:
            return None
        value = self.cell(key)
        memo_key = (
            (function, type(value), value, args, *kwargs.items())  # True == 1, but a yes
            if function in _MEMOISED  # is not a year
            else None
        )
        outcome = self.memo.get(memo_key) if memo_key else None
        if outcome is None:
            try:
                outcome = (function(value, *args, **kwargs), None)
            except cv.CellError as error:
                outcome = (None, error)
            if memo_key:
                self.memo[memo_key] = outcome
        result, error = outcome
        if error is not None:
            self.problem(key, error.reason, error.message)
        return result

    def text(self, key: str, max_length: int, multiline: bool = False):
        return self.convert(key, cv.text, key, self.title(key), max_length, multiline=multiline)


def _describe(matches: list[Match]) -> str:
    shown = [
        _("« {name} » (#{id}, {why}{archived})").format(
            name=m.name,
            id=m.id,
            why=m.reason_text,
            archived=_(", archivé") if m.archived else "",
        )
        for m in matches[:3]
    ]
    more = len(matches) - len(shown)
    return ", ".join(shown) + (_(" et {n} autre(s)").format(n=more) if more else "")


def _names(ctx: _Context, values: dict) -> tuple:
    if ctx.kind is ImportKind.ORGANIZATIONS:
        return (values.get("name"),)
    return (values.get("first_name"), values.get("last_name"))


def _is_same(ctx: _Context, email: str | None, other_email: str | None, by_email: bool) -> bool:
    """Persons with one name and two different emails are two persons (homonyms)."""
    if by_email or ctx.kind is ImportKind.ORGANIZATIONS:
        return True
    return not (email and other_email and email_key(email) != email_key(other_email))


def _check_duplicates(ctx: _Context, row: _Row) -> None:
    values = row.result.values
    names, email = _names(ctx, values), values.get("email")
    key, ekey = name_key(*names), email_key(email)
    if not key:
        return
    matches = [
        m
        for m in ctx.index.find(names, email, reasons=("name", "email"))
        if _is_same(ctx, email, m.email, "email" in m.reasons)
    ]
    if matches and ctx.options.add_to_existing and len(matches) == 1 and not matches[0].archived:
        row.result.existing_id = matches[0].id
    elif matches:
        row.problem(
            None,
            Reason.DUPLICATE_EXISTING,
            _("Existe déjà : {list}.").format(list=_describe(matches)),
        )
    earlier = [n for n, other in ctx.seen_names.get(key, ()) if _is_same(ctx, email, other, False)]
    if ekey and ekey in ctx.seen_emails:
        earlier.append(ctx.seen_emails[ekey])
    if earlier:
        row.problem(
            None,
            Reason.DUPLICATE_IN_FILE,
            _("Doublon de la ligne {row} du fichier.").format(row=min(earlier)),
        )
    ctx.seen_names[key].append((row.row.number, email))
    if ekey:
        ctx.seen_emails.setdefault(ekey, row.row.number)


def _check_membership(ctx: _Context, row: _Row) -> None:
    raw = row.cell("category")
    if raw is None:
        given = [k for k in MEMBERSHIP_FIELDS[1:] if row.cell(k) is not None]
        if given:
            row.problem(
                "category",
                Reason.MISSING_CATEGORY,
                _("Catégorie de membre manquante : l'adhésion ne peut pas être créée."),
            )
        return
    category = ctx.categories.get(name_key(cell_text(raw)))
    if category is None:
        known = ", ".join(sorted(c.name for c in ctx.categories.values())) or _("aucune")
        row.problem(
            "category",
            Reason.UNKNOWN_CATEGORY,
            _("Catégorie inconnue : « {value} » (catégories : {known}).").format(
                value=cell_text(raw), known=known
            ),
        )
    elif not (
        category.for_persons if ctx.kind is ImportKind.PERSONS else category.for_organizations
    ):
        row.problem(
            "category",
            Reason.UNKNOWN_CATEGORY,
            _("La catégorie « {name} » ne s'applique pas à ce type de membre.").format(
                name=category.name
            ),
        )
    year = row.convert("year", cv.year, ctx.current_year) if "year" in row.columns else None
    if "year" not in row.columns:
        year = ctx.current_year
    dues = row.convert("dues", cv.cents, row.title("dues"))
    paid_on = row.convert("paid_on", cv.day, row.title("paid_on"))
    method = row.convert("payment_method", cv.payment_method)
    if method and paid_on is None and row.cell("paid_on") is None:
        row.problem(
            "paid_on",
            Reason.BAD_DATE,
            _("Indiquez la date du paiement avec son mode de paiement."),
        )
    receipt = row.text("receipt_number", 40)
    if receipt:
        if receipt in ctx.receipts or receipt in ctx.seen_receipts:
            where = ctx.seen_receipts.get(receipt)
            message = _("Le reçu numéro « {number} » a déjà été émis.").format(number=receipt)
            if where:
                message += " " + _("(ligne {row})").format(row=where)
            row.problem("receipt_number", Reason.RECEIPT_TAKEN, message)
        ctx.seen_receipts.setdefault(receipt, row.row.number)
    existing = row.result.existing_id
    if existing is not None and year is not None and (existing, year) in ctx.memberships:
        row.problem(
            "year",
            Reason.MEMBERSHIP_EXISTS,
            _("Ce membre a déjà une adhésion pour l'année {year}.").format(year=year),
        )
    if category is not None:
        row.result.values["membership"] = {
            "category_id": category.id,
            "year": year,
            "dues_cents": category.default_dues_cents if dues is None else dues,
            "paid_on": paid_on,
            "payment_method": method if paid_on else None,
            "receipt_number": receipt,
        }


def _check_organization_link(ctx: _Context, row: _Row) -> None:
    raw = cell_text(row.cell("organization"))
    if raw is None:
        return
    found = ctx.organizations.get(name_key(raw), [])
    active = [o for o in found if o.archived_at is None]
    if len(active) == 1:
        row.result.values["organization_id"] = active[0].id
    elif found and not active:
        row.problem(
            "organization",
            Reason.UNKNOWN_ORGANIZATION,
            _("L'organisme « {name} » est archivé : restaurez-le d'abord.").format(name=raw),
        )
    elif not found:
        row.problem(
            "organization",
            Reason.UNKNOWN_ORGANIZATION,
            _("Organisme inconnu : « {name} ». Importez ou créez-le d'abord.").format(name=raw),
        )
    else:
        row.problem(
            "organization",
            Reason.UNKNOWN_ORGANIZATION,
            _("Plusieurs organismes s'appellent « {name} » : précisez.").format(name=raw),
        )


def _check_row(ctx: _Context, row: _Row) -> RowResult:
    values = row.result.values
    if ctx.kind is ImportKind.ORGANIZATIONS:
        values["name"] = row.text("name", 200)
        if not values["name"] and "name" not in row.result.problem_fields():
            row.problem("name", Reason.MISSING_NAME, _("Le nom de l'organisme est obligatoire."))
        values["acronym"] = row.text("acronym", 40)
        values["city"] = row.text("city", 100)
        values["website"] = row.convert("website", cv.website)
        values["sector"] = row.convert("sector", cv.sector, Sector.COMMUNITY.value)
        values["sector"] = values["sector"] or Sector.COMMUNITY.value
    else:
        values["first_name"] = row.text("first_name", 100)
        values["last_name"] = row.text("last_name", 100)
        named = {"first_name", "last_name"} & row.result.problem_fields()
        if not (values["first_name"] or values["last_name"]) and not named:
            row.problem(
                "last_name", Reason.MISSING_NAME, _("Indiquez au moins le nom ou le prénom.")
            )
        values["sector"] = row.convert("sector", cv.sector, None)
        values["is_resident"] = bool(row.convert("is_resident", cv.yes_no))
        _check_organization_link(ctx, row)
    values["email"] = row.convert("email", cv.email)
    values["phone"] = row.convert("phone", cv.phone)
    values["address"] = row.text("address", 300)
    values["postal_code"] = row.convert("postal_code", cv.postal_code)
    values["notes"] = row.text("notes", 10_000, multiline=True)
    _check_duplicates(ctx, row)
    _check_membership(ctx, row)
    existing, organization = row.result.existing_id, values.get("organization_id")
    if existing is not None and (existing, organization) in ctx.representations:
        values.pop("organization_id")  # already represents it: nothing to add
    return row.result


def required_missing(kind: ImportKind | str, mapping: list[str | None]) -> str | None:
    """A French message when the mapping lacks the name column(s), else None."""
    mapped = set(mapping)
    if ImportKind(kind) is ImportKind.ORGANIZATIONS and "name" not in mapped:
        return _("Associez une colonne au nom de l'organisme.")
    if ImportKind(kind) is ImportKind.PERSONS and not mapped & {"first_name", "last_name"}:
        return _("Associez une colonne au nom ou au prénom.")
    return None


@collector_paused()
def check_rows(
    db: Database,
    source: SourceTable,
    kind: ImportKind | str,
    mapping: list[str | None],
    options: ImportOptions | None = None,
    *,
    progress: Progress | None = None,
    today: date | None = None,
) -> ImportPreview:
    """Check every row of ``source`` with ``mapping`` (one field key or None per column)."""
    kind = ImportKind(kind)
    missing = required_missing(kind, mapping)
    if missing:
        raise ValidationError(missing)
    allowed = {f.key for f in fields_for(kind)}
    columns: dict[str, int] = {}
    for index, key in enumerate(mapping):
        if key is not None and key in allowed and key not in columns:
            columns[key] = index
    options = options or ImportOptions()
    ctx = _Context(db, kind, options, today or date.today())
    titles = source.column_titles
    memo: dict = {}  # the same first name, postal code, phone or date is checked once
    maps = options.value_maps
    results = []
    total = len(source.rows)
    for done, row in enumerate(source.rows, start=1):
        unreadable = source.row_problems.get(row.number)
        if unreadable:  # its cells are not what the file meant: nothing else is checked
            problem = Problem(row.number, None, "", "", Reason.UNREADABLE_ROW, unreadable)
            results.append(RowResult(row.number, {}, [problem]))
        else:
            results.append(_check_row(ctx, _Row(row, columns, titles, memo, maps)))
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)
    return ImportPreview(
        kind=kind,
        file_name=source.file_name,
        headers=titles,
        mapping=list(mapping),
        rows=results,
        cells={row.number: row.cells for row in source.rows},
        options=options,
    )
