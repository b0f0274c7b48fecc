"""Message templates (modèles de courriel): a name, a language (fr or en), a subject and a
body with fields between braces, such as ``{prenom}`` or ``{date_reunion}``.

Rendering never crashes on a template the user typed: an unknown field or a stray brace
is refused when the template is saved, with a French message naming the field.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from babel.dates import format_date as babel_date
from babel.numbers import format_currency
from sqlalchemy import select

from ...domain import MessageTemplate
from ...domain.communications import TemplateLanguage
from ...i18n import N_, _
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import validation as v

LOCALES = {"fr": "fr_CA", "en": "en_CA"}
# The fields a template may use, with what each holds (shown in Settings).
FIELDS: dict[str, str] = {
    "prenom": N_("prénom de la personne"),
    "nom": N_("nom de famille"),
    "organisme": N_("organisme représenté"),
    "titre_reunion": N_("titre de la rencontre"),
    "date_reunion": N_("date de la rencontre"),
    "heure_reunion": N_("heure de la rencontre"),
    "lieu": N_("lieu de la rencontre"),
    "montant_du": N_("montant de la cotisation due"),
    "table": N_("nom de la table"),
}


@dataclass(frozen=True)
class TemplateData:
    name: str
    language: str
    subject: str
    body: str


@dataclass(frozen=True)
class TemplateLine:
    id: int
    name: str
    language: str
    subject: str
    body: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.language})"


def check_fields(text: str, field: str) -> None:
    """Refuse a field the app does not know or a brace left open."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        raise ValidationError(
            _("Accolade mal fermée dans le modèle : écrivez les champs ainsi : {{prenom}}."),
            field,
        ) from error
    for _literal, name, _spec, _conversion in parsed:
        if name is not None and name not in FIELDS:
            raise ValidationError(
                _("Champ inconnu dans le modèle : {{{name}}}. Champs possibles : {fields}.").format(
                    name=name, fields=", ".join("{" + f + "}" for f in FIELDS)
                ),
                field,
            )


def render(text: str, values: Mapping[str, str]) -> str:
    """``text`` with its fields filled; a field without a value becomes empty."""
    return text.format_map({name: values.get(name, "") for name in FIELDS})


def format_day(day: dt.date | None, language: str) -> str:
    if day is None:
        return ""
    locale = LOCALES.get(language, "fr_CA")
    if language == "fr" and day.day == 1:
        return babel_date(day, format="d'er' MMMM y", locale=locale)
    return babel_date(day, format="long", locale=locale)


def format_hour(time: dt.time | None, language: str) -> str:
    if time is None:
        return ""
    if language == "fr":
        return f"{time.hour} h" if time.minute == 0 else f"{time.hour} h {time.minute:02d}"
    return time.strftime("%I:%M %p").lstrip("0")


def format_amount(cents: int | None, language: str) -> str:
    if cents is None:
        return ""
    return format_currency(Decimal(cents) / 100, "CAD", locale=LOCALES.get(language, "fr_CA"))


def _check(data: TemplateData) -> TemplateData:
    name = v.required_text(data.name, "name", _("Nom du modèle"), max_length=100)
    language = v.choice(data.language, TemplateLanguage, "language", _("Langue"))
    subject = v.required_text(data.subject, "subject", _("Objet"), max_length=300)
    body = v.required_text(data.body, "body", _("Texte"), max_length=20000, multiline=True)
    check_fields(subject, "subject")
    check_fields(body, "body")
    return TemplateData(name, language, subject, body)


def _line(t: MessageTemplate) -> TemplateLine:
    return TemplateLine(t.id, t.name, t.language, t.subject, t.body)


def list_templates(db: Database) -> list[TemplateLine]:
    with db.session() as session:
        rows = session.scalars(
            select(MessageTemplate).order_by(MessageTemplate.name, MessageTemplate.language.desc())
        ).all()
        return [_line(t) for t in rows]


def get_template(db: Database, template_id: int) -> TemplateLine:
    with db.session() as session:
        found = session.get(MessageTemplate, template_id)
        if found is None:
            raise NotFoundError(_("Ce modèle n'existe plus."))
        return _line(found)


def save_template(db: Database, data: TemplateData, template_id: int | None = None) -> int:
    """Create (``template_id`` None) or change a template; returns its id."""
    clean = _check(data)
    with db.session() as session:
        same = session.scalar(
            select(MessageTemplate.id).where(
                MessageTemplate.name == clean.name,
                MessageTemplate.language == clean.language,
                MessageTemplate.id != (template_id or 0),
            )
        )
        if same is not None:
            raise ValidationError(
                _("Un modèle « {name} » existe déjà dans cette langue.").format(name=clean.name),
                "name",
            )
        if template_id is None:
            template = MessageTemplate()
            session.add(template)
        else:
            template = session.get(MessageTemplate, template_id)
            if template is None:
                raise NotFoundError(_("Ce modèle n'existe plus."))
        template.name, template.language = clean.name, clean.language
        template.subject, template.body = clean.subject, clean.body
        session.flush()
        return template.id


def delete_template(db: Database, template_id: int) -> None:
    with db.session() as session:
        template = session.get(MessageTemplate, template_id)
        if template is not None:
            session.delete(template)
