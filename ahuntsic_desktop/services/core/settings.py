"""Table-wide settings kept in the data file, with their defaults and validation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache

from ...domain.enums import MeetingKind
from ...i18n import _
from ...store import Database
from .errors import ValidationError

PAPER_SIZES = ("letter", "a4")
QUORUM_MODES = ("count", "percent", "majority")


def default_quorum_rules() -> dict[str, dict[str, int | str]]:
    rules: dict[str, dict[str, int | str]] = {
        kind.value: {"mode": "percent", "value": 50} for kind in MeetingKind
    }
    rules[MeetingKind.AGA.value] = {"mode": "count", "value": 10}
    rules[MeetingKind.AGE.value] = {"mode": "count", "value": 10}
    rules[MeetingKind.PARTICIPATION.value] = {"mode": "count", "value": 0}
    return rules


@dataclass
class TableSettings:
    table_name: str = "Table de quartier"
    # In a sentence, documents need the name with its article: « Pour la Table de quartier
    # d'Ahuntsic », « que la Table ... détient ». Short: where room is scarce (print headers).
    table_name_with_article: str = ""
    table_short_name: str = ""
    table_address: str = ""  # street, then « Montréal (Québec)  H2C 1A1 »: on receipts
    membership_year_start_month: int = 4
    paper_size: str = "letter"
    quorum_rules: dict[str, dict[str, int | str]] = field(default_factory=default_quorum_rules)
    user_name: str = ""
    backup_keep: int = 10
    privacy_officer_name: str = ""
    privacy_officer_contact: str = ""
    retention_enabled: bool = True  # list people due for anonymisation (Law 25)
    retention_years: int = 7  # ...after this many years without any activity
    language: str = "fr_CA"

    def name_in_sentence(self, *, capitalized: bool = False) -> str:
        """« la Table de quartier d'Ahuntsic »: the name with its article, as set; otherwise
        « la » before a name starting with « Table », the bare name for any other."""
        name = self.table_name_with_article.strip()
        if not name:
            bare = self.table_name.strip()
            name = f"la {bare}" if bare.split(" ")[0] in ("Table", "Concertation") else bare
        return name[:1].upper() + name[1:] if capitalized else name

    def short_name(self) -> str:
        return self.table_short_name.strip() or self.table_name

    def membership_year_of(self, day: date) -> int:
        """The membership year (named by the calendar year it starts in) containing ``day``."""
        return day.year if day.month >= self.membership_year_start_month else day.year - 1

    def membership_year_label(self, year: int) -> str:
        if self.membership_year_start_month == 1:
            return str(year)
        return f"{year}-{year + 1}"

    def quorum_required(self, kind: str, voting_invited: int) -> int:
        """How many voting members must be present for a meeting of ``kind``."""
        rule = self.quorum_rules.get(kind) or default_quorum_rules().get(kind)
        if not rule:
            return 0
        if rule["mode"] == "count":
            return int(rule["value"])
        if rule["mode"] == "majority":
            return voting_invited // 2 + 1  # more than half: 6 of 10, 6 of 11
        # At least the percentage: "50 %" is half, so 5 of 10 reaches it.
        return -(-int(rule["value"]) * voting_invited // 100)  # ceiling of a percentage

    def no_voting_member_no_quorum(self, kind: str, voting_invited: int) -> bool:
        """No voting member listed under a rule relative to them (percentage, majority):
        nothing to count, and no voting member means no quorum (never "0 sur 0 requis")."""
        rule = self.quorum_rules.get(kind) or default_quorum_rules().get(kind)
        if voting_invited or not rule:
            return False
        return rule["mode"] == "majority" or (rule["mode"] == "percent" and int(rule["value"]) > 0)

    def quorum_reached(self, kind: str, present_voting: int, voting_invited: int) -> bool:
        if self.no_voting_member_no_quorum(kind, voting_invited):
            return False
        return present_voting >= self.quorum_required(kind, voting_invited)

    def quorum_rule_text(self, kind: str) -> str:
        """The quorum rule of ``kind`` in words, as Settings and the minutes say it."""
        rule = self.quorum_rules.get(kind) or default_quorum_rules().get(kind)
        return quorum_rule_text(rule)


def quorum_rule_text(rule: dict[str, int | str] | None) -> str:
    if not rule or (rule["mode"] == "count" and not int(rule["value"])):
        return _("aucun quorum")
    if rule["mode"] == "count":
        return _("au moins {count} membres votants présents").format(count=int(rule["value"]))
    if rule["mode"] == "majority":
        return _("majorité (50 % + 1) des membres votants de l'instance")
    return _("au moins {percent} % des membres votants de l'instance").format(
        percent=int(rule["value"])
    )


FIELDS = tuple(TableSettings.__dataclass_fields__)


@cache
def setting_table():
    """The ``setting`` table as Core sees it: reading the settings needs neither the model
    nor the ORM (0.25 s to import). SQLAlchemy itself is imported only here, not with this
    module, which the window imports before its first paint (see :func:`table_name`)."""
    from sqlalchemy import JSON, column, table

    return table("setting", column("key"), column("value", JSON))


def validate(settings: TableSettings) -> None:
    from . import validation as v

    if not isinstance(settings.table_name, str) or not settings.table_name.strip():
        raise ValidationError(_("Le nom de la table est obligatoire."), "table_name")
    if len(settings.table_name) > 200:
        raise ValidationError(
            _("Le nom de la table est trop long (200 caractères au plus)."), "table_name"
        )
    # Printed on every document: no control characters, reasonable lengths.
    v.required_text(settings.table_name, "table_name", _("Nom de la table"), max_length=200)
    v.optional_text(
        settings.table_name_with_article,
        "table_name_with_article",
        _("Nom de la table dans une phrase"),
        max_length=210,
    )
    v.optional_text(settings.table_short_name, "table_short_name", _("Nom court"), max_length=60)
    v.optional_text(
        settings.table_address, "table_address", _("Adresse"), max_length=300, multiline=True
    )
    v.optional_text(settings.user_name, "user_name", _("Votre nom"), max_length=100)
    v.optional_text(
        settings.privacy_officer_name, "privacy_officer_name", _("Responsable"), max_length=200
    )
    v.optional_text(
        settings.privacy_officer_contact,
        "privacy_officer_contact",
        _("Coordonnées du ou de la responsable"),
        max_length=300,
    )
    month = settings.membership_year_start_month
    if not isinstance(month, int) or isinstance(month, bool) or not 1 <= month <= 12:
        raise ValidationError(
            _("Le mois de début de l'année doit être entre 1 et 12."), "membership_year_start_month"
        )
    if settings.paper_size not in PAPER_SIZES:
        raise ValidationError(_("Format de papier inconnu."), "paper_size")
    if not 1 <= int(settings.backup_keep) <= 365:
        raise ValidationError(
            _("Le nombre de sauvegardes doit être entre 1 et 365."), "backup_keep"
        )
    if not isinstance(settings.retention_years, int) or not 1 <= settings.retention_years <= 100:
        raise ValidationError(
            _("La durée de conservation doit être entre 1 et 100 ans."), "retention_years"
        )
    for kind, rule in settings.quorum_rules.items():
        if kind not in {k.value for k in MeetingKind}:
            raise ValidationError(
                _("Type de rencontre inconnu dans les règles de quorum."), "quorum_rules"
            )
        if rule.get("mode") not in QUORUM_MODES:
            raise ValidationError(_("Règle de quorum inconnue."), "quorum_rules")
        value = rule.get("value")
        if not isinstance(value, int) or value < 0 or (rule["mode"] == "percent" and value > 100):
            raise ValidationError(
                _("Le quorum doit être un nombre positif (au plus 100 s'il est en pourcentage)."),
                "quorum_rules",
            )


def table_name(db: Database) -> str:
    """The table's name (the window's title). Before the file's first read, the one read
    when it was opened: start-up paints the window before it imports SQLAlchemy."""
    if not db.engine_made:
        return db.name_at_opening or TableSettings.table_name
    return load(db).table_name


def load(db: Database) -> TableSettings:
    from sqlalchemy import select

    setting = setting_table()
    with db.reading() as connection:
        rows = connection.execute(select(setting.c.key, setting.c.value))
        stored = dict(rows.all())
    settings = TableSettings()
    for key, value in stored.items():
        if key in FIELDS:
            setattr(settings, key, value)
    if isinstance(settings.quorum_rules, dict):
        merged = default_quorum_rules()
        merged.update(settings.quorum_rules)
        settings.quorum_rules = merged
    return settings


def save(db: Database, settings: TableSettings) -> None:
    from ...domain import Setting

    validate(settings)
    with db.session() as session:
        for key, value in asdict(settings).items():
            session.merge(Setting(key=key, value=value))
