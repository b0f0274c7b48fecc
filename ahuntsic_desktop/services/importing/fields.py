"""What an import can fill, and the guess of which file column fills what.

Headers are compared folded (accents, case and punctuation ignored), in French and English:
« Prénom », « First name », « Courriel », « E-mail », « Payé le », « Code postal »...
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from ...i18n import N_, _


class ImportKind(StrEnum):
    ORGANIZATIONS = "organismes"
    PERSONS = "personnes"


_ORG = frozenset({ImportKind.ORGANIZATIONS})
_PERSON = frozenset({ImportKind.PERSONS})
_BOTH = _ORG | _PERSON


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # French source string; translate with _()
    kinds: frozenset[ImportKind]
    synonyms: tuple[str, ...]
    help: str = ""
    example_org: str = ""
    example_person: str = ""
    required: bool = False

    @property
    def title(self) -> str:
        return _(self.label)

    def example(self, kind: ImportKind) -> str:
        return self.example_org if kind is ImportKind.ORGANIZATIONS else self.example_person


FIELDS: tuple[Field, ...] = (
    Field("name", N_("Nom"), _ORG,
          ("nom", "name", "nom de l organisme", "nom organisme", "organisme", "organization",
           "organisation", "organization name", "raison sociale"),
          N_("Nom complet de l'organisme (obligatoire)."), "Maison des jeunes (exemple)",
          required=True),
    Field("acronym", N_("Sigle"), _ORG, ("sigle", "acronyme", "acronym", "abreviation"),
          N_("Sigle ou acronyme."), "MDJ"),
    Field("last_name", N_("Nom"), _PERSON,
          ("nom", "nom de famille", "last name", "lastname", "surname", "family name", "name"),
          N_("Nom de famille (le nom ou le prénom est obligatoire)."),
          example_person="Côté-Lévesque", required=True),
    Field("first_name", N_("Prénom"), _PERSON,
          ("prenom", "first name", "firstname", "given name", "prenoms"),
          N_("Prénom."), example_person="Marie"),
    Field("email", N_("Courriel"), _BOTH,
          ("courriel", "email", "e mail", "adresse courriel", "adresse electronique", "mail",
           "courriel email", "email address", "courriel e mail"),
          N_("Adresse courriel valide."), "info@mdj.example", "marie@exemple.org"),
    Field("phone", N_("Téléphone"), _BOTH,
          ("telephone", "tel", "phone", "phone number", "numero de telephone", "cellulaire",
           "cell", "telephone principal"),
          N_("Avec l'indicatif régional, par exemple 514 555-1234 ; « poste 12 » permis."),
          "514 555-0100", "438 555-0199"),
    Field("address", N_("Adresse"), _BOTH,
          ("adresse", "address", "adresse postale", "street address", "rue"),
          N_("Numéro et rue."), "10000, rue Lajeunesse", "1234, boulevard Gouin Est"),
    Field("city", N_("Ville"), _ORG, ("ville", "city", "municipalite"),
          N_("Ville."), "Montréal"),
    Field("postal_code", N_("Code postal"), _BOTH,
          ("code postal", "postal code", "cp", "zip", "zip code", "postcode"),
          N_("Code postal canadien, par exemple H3L 2L9."), "H3L 2L9", "H2C 1A1"),
    Field("website", N_("Site Web"), _ORG,
          ("site web", "site internet", "website", "web", "site", "url", "web site"),
          N_("Adresse du site, par exemple www.exemple.org."), "www.mdj.example"),
    Field("sector", N_("Secteur"), _BOTH, ("secteur", "sector", "milieu"),
          N_("Communautaire, Institutionnel, Municipal et élu·es, Scolaire, Santé et services "
             "sociaux, Privé, Citoyen ou Autre (vide : Communautaire pour un organisme)."),
          "Communautaire", "Citoyen"),
    Field("organization", N_("Organisme"), _PERSON,
          ("organisme", "organization", "organisation", "organisme represente",
           "organisme representé", "employeur", "employer", "organization name"),
          N_("Nom d'un organisme déjà inscrit que la personne représente (déléguée)."),
          example_person="Maison des jeunes (exemple)"),
    Field("is_resident", N_("Résident·e"), _PERSON,
          ("resident", "residente", "resident e", "resident du quartier", "residente du quartier"),
          N_("Oui ou Non : la personne habite le quartier."), example_person="Oui"),
    Field("category", N_("Catégorie"), _BOTH,
          ("categorie", "category", "categorie de membre", "type de membre", "membership category",
           "type d adhesion", "membership type"),
          N_("Catégorie de membre déjà définie dans les paramètres (laissez vide : pas "
             "d'adhésion)."), "Membre régulier", "Membre citoyen"),
    Field("year", N_("Année"), _BOTH,
          ("annee", "year", "annee d adhesion", "membership year", "annee de l adhesion"),
          N_("Année où commence l'année d'adhésion, par exemple 2026 ou 2026-2027 (vide : "
             "l'année en cours)."), "2026", "2026-2027"),
    Field("dues", N_("Cotisation"), _BOTH,
          ("cotisation", "dues", "montant", "amount", "fee", "membership fee", "cotisation payee",
           "montant de la cotisation"),
          N_("Montant en dollars, par exemple 50 ou 1 234,56 (vide : celui de la catégorie)."),
          "50,00", "10"),
    Field("paid_on", N_("Payé le"), _BOTH,
          ("paye le", "payee le", "date de paiement", "paid on", "payment date", "date paiement",
           "paid", "date du paiement", "paiement"),
          N_("Date du paiement : 2026-04-01, 01/04/2026 ou 1er avril 2026 (vide : non payée)."),
          "2026-04-01", "1er avril 2026"),
    Field("payment_method", N_("Mode de paiement"), _BOTH,
          ("mode de paiement", "payment method", "mode", "moyen de paiement", "paiement par"),
          N_("Comptant, Chèque, Virement, Carte ou Autre."), "Chèque", "Virement"),
    Field("receipt_number", N_("Reçu"), _BOTH,
          ("recu", "no de recu", "numero de recu", "receipt", "receipt number", "no recu"),
          N_("Numéro de reçu déjà émis (vide : numéroté automatiquement si payée)."), "", ""),
    Field("notes", N_("Notes"), _BOTH,
          ("notes", "note", "remarques", "remarque", "commentaires", "commentaire", "comments"),
          N_("Texte libre."), "", ""),
)  # fmt: skip
FIELDS_BY_KEY = {f.key: f for f in FIELDS}
MEMBERSHIP_FIELDS = ("category", "year", "dues", "paid_on", "payment_method", "receipt_number")


def fields_for(kind: ImportKind | str) -> list[Field]:
    kind = ImportKind(kind)
    return [f for f in FIELDS if kind in f.kinds]


_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def normalize_header(text: object) -> str:
    """« Payé le (AAAA-MM-JJ) * » -> ``paye le``; « E-mail » -> ``e mail``."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = _PARENTHESES.sub(" ", folded.replace("·", ""))
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def _score(header: str, field: Field) -> int:
    """3: a synonym exactly, 2: starts with a synonym, 1: holds a synonym of 4+ letters."""
    if not header:
        return 0
    best = 0
    for synonym in field.synonyms:
        if header == synonym:
            return 3
        if header.startswith(synonym + " "):
            best = max(best, 2)
        elif len(synonym) >= 4 and f" {synonym} " in f" {header} ":
            best = max(best, 1)
    return best


def guess_mapping(headers: list[str], kind: ImportKind | str) -> list[str | None]:
    """One field key (or None: ignored) per column, each field used at most once; the
    best-scoring column wins a field, the leftmost on a tie."""
    candidates = fields_for(kind)
    normalized = [normalize_header(h) for h in headers]
    scored = []
    for column, header in enumerate(normalized):
        for rank, field in enumerate(candidates):
            score = _score(header, field)
            if score:
                scored.append((-score, column, rank, field.key))
    scored.sort()
    mapping: list[str | None] = [None] * len(headers)
    used: set[str] = set()
    for _negative_score, column, _rank, key in scored:
        if mapping[column] is None and key not in used:
            mapping[column] = key
            used.add(key)
    return mapping


def recognised_count(headers: list[object]) -> int:
    """How many cells of a row look like headers of either kind (to find the header row)."""
    count = 0
    for header in headers:
        if isinstance(header, str) and len(header) > 200:  # a note, not a header
            continue
        text = normalize_header(header)
        if text and any(_score(text, f) >= 2 for f in FIELDS):
            count += 1
    return count


def guess_kind(headers: list[str]) -> ImportKind:
    """Persons when a column looks like a first name, organisations otherwise."""
    first_name = FIELDS_BY_KEY["first_name"]
    if any(_score(normalize_header(h), first_name) >= 2 for h in headers):
        return ImportKind.PERSONS
    return ImportKind.ORGANIZATIONS
