"""Fictional organisations of the demo table, and parts to make more of them at scale.

Names of real institutions carry « (fictif) » / « (fictive) »: the demo never speaks for them.
"""

from __future__ import annotations

from ...domain.enums import PartnerKind, Sector

# fmt: off
Co, In, Mu, Sc, He, Pr, Ci, Ot = (
    Sector.COMMUNITY,
    Sector.INSTITUTIONAL,
    Sector.MUNICIPAL,
    Sector.SCHOOL,
    Sector.HEALTH,
    Sector.PRIVATE,
    Sector.CITIZEN,
    Sector.OTHER,
)
FUNDER, INSTITUTIONAL, COMMUNITY = PartnerKind.FUNDER, PartnerKind.INSTITUTIONAL, PartnerKind.COMMUNITY

# (sector, name, acronym, partner kind): the sixty organisations of scale 1. The first
# fifteen community groups are the table's core members (regular, paid, every year).
BASE_ORGANIZATIONS: tuple[tuple[Sector, str, str | None, PartnerKind | None], ...] = (
    (Co, "Carrefour jeunesse-emploi des Prairies", "CJE des Prairies", None),
    (Co, "Maison des jeunes Le Tremplin du Sault", "MDJ Le Tremplin", None),
    (Co, "Centre de femmes L'Étincelle", None, None),
    (Co, "Comité logement Ahuntsic-Nord", "CLAN", None),
    (Co, "Cuisine collective La Marmite du quartier", None, None),
    (Co, "Comptoir alimentaire L'Entraide Fleury", None, None),
    (Co, "Maison de la famille Les Petits Pas", None, None),
    (Co, "Centre d'action bénévole des Berges", "CAB des Berges", None),
    (Co, "Groupe de ressources techniques Habitat Nord", "GRT Habitat Nord", None),
    (Co, "Corporation de développement communautaire des Rivières", "CDC des Rivières", COMMUNITY),
    (Co, "Réseau d'entraide des nouveaux arrivants", "RENA", None),
    (Co, "Regroupement des aînés de la Visitation", None, None),
    (Co, "Centre communautaire Le Pont", None, None),
    (Co, "Collectif en sécurité alimentaire Le Panier", None, COMMUNITY),
    (Co, "Éco-quartier du Sault (fictif)", None, None),
    (Co, "Maison des jeunes L'Escale d'Ahuntsic", "MDJ L'Escale", None),
    (Co, "Coopérative d'habitation Les Trembles", None, None),
    (Co, "Halte-garderie Les Lucioles", None, None),
    (Co, "Club de devoirs Le Cartable", None, None),
    (Co, "Association des locataires des Habitations Péloquin", None, None),
    (Co, "Jardin collectif Les Pousses", None, None),
    (Co, "Popote roulante d'Ahuntsic-Est", None, None),
    (Co, "Centre d'écoute L'Accueil", None, None),
    (Co, "Ressource Parents-Ados du Nord", None, None),
    (Co, "Friperie solidaire La Deuxième Vie", None, None),
    (Co, "Service d'aide aux immigrants des Prairies", "SAIP", None),
    (Co, "Atelier de vélo communautaire La Chaîne", None, None),
    (Co, "Groupe d'entraide en santé mentale Le Phare", None, None),
    (Co, "Maison d'hébergement L'Oasis", None, None),
    (In, "Centre local d'emploi d'Ahuntsic (fictif)", "CLE", None),
    (In, "Office municipal d'habitation, secteur Nord (fictif)", "OMH", INSTITUTIONAL),
    (In, "Poste de quartier 27, service de police (fictif)", "PDQ 27", None),
    (In, "Société de transport, planification du réseau (fictive)", None, None),
    (In, "Centre de justice de proximité du Nord (fictif)", None, None),
    (Mu, "Arrondissement d'Ahuntsic-Cartierville (fictif)", None, INSTITUTIONAL),
    (Mu, "Ville de Montréal, Service de la diversité et de l'inclusion sociale (fictif)", "SDIS", FUNDER),
    (Mu, "Bibliothèque du Sault (fictive)", None, None),
    (Mu, "Bureau de la conseillère de ville du district des Berges (fictif)", None, None),
    (Mu, "Bureau du député de la circonscription des Prairies (fictif)", None, None),
    (Mu, "Maison de la culture du Nord (fictive)", None, None),
    (Sc, "Centre de services scolaire du Nord (fictif)", "CSSN", INSTITUTIONAL),
    (Sc, "École primaire des Érables (fictive)", None, None),
    (Sc, "École primaire du Ruisseau (fictive)", None, None),
    (Sc, "École secondaire de la Rivière (fictive)", None, None),
    (Sc, "Collège des Prairies (fictif)", None, None),
    (He, "CIUSSS du Nord-de-l'Île-de-Montréal (fictif)", "CIUSSS NIM", INSTITUTIONAL),
    (He, "CLSC d'Ahuntsic (fictif)", None, None),
    (He, "Direction régionale de santé publique (fictive)", "DRSP", None),
    (He, "Groupe de médecine familiale des Berges (fictif)", "GMF des Berges", None),
    (He, "Centre d'hébergement Les Saules (fictif)", "CHSLD Les Saules", None),
    (Pr, "Caisse populaire du Nord-de-l'Île (fictive)", None, None),
    (Pr, "Société de développement commercial Fleury (fictive)", "SDC Fleury", None),
    (Pr, "Pharmacie des Berges (fictive)", None, None),
    (Pr, "Boulangerie Au Pain du Sault", None, None),
    (Ot, "Centraide du Grand Montréal (fictif)", None, FUNDER),
    (Ot, "Fondation du Nord de l'île (fictive)", None, FUNDER),
    (Ot, "Regroupement des tables de quartier (fictif)", None, COMMUNITY),
    (Ci, "Comité citoyen des ruelles vertes", None, None),
    (Ci, "Association des résidents du Domaine-Saint-Sulpice", None, None),
    (Ci, "Collectif citoyen Ahuntsic en transition", None, None),
)

CORE_MEMBERS = 15

# Parts of more organisations, per sector: (kinds, qualifiers, suffix).
_NATURE = (
    "des Érables", "du Ruisseau", "des Saules", "de la Rivière", "des Pins", "du Boisé",
    "des Hirondelles", "de l'Île", "des Cèdres", "du Vallon", "des Trembles", "des Rapides",
)
_SPIRIT = (
    "Le Tremplin", "L'Envol", "La Passerelle", "Le Phare", "L'Ancrage", "La Ruche",
    "Le Carrefour", "La Boussole", "Le Relais", "L'Éclaircie", "Le Sillon", "La Source",
    "Le Rucher", "L'Arc-en-ciel", "La Grève", "Le Quai", "La Clairière", "Le Fil d'Ariane",
)
_PLACE = (
    "d'Ahuntsic", "du Sault", "des Prairies", "de la Visitation", "du Nord", "des Berges",
    "de Saint-Sulpice", "Fleury", "de l'Acadie",
)

EXTRA_PARTS: dict[Sector, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    Co: (
        (
            "Maison des jeunes", "Centre de femmes", "Cuisine collective", "Comptoir alimentaire",
            "Comité logement", "Maison de la famille", "Centre d'action bénévole",
            "Club de devoirs", "Jardin collectif", "Popote roulante", "Centre d'écoute",
            "Friperie solidaire", "Groupe d'entraide", "Halte-garderie", "Centre communautaire",
            "Regroupement des aînés", "Coopérative d'habitation", "Atelier communautaire",
        ),
        tuple(f"{s} {p}" for s in _SPIRIT for p in _PLACE),
        "",
    ),
    In: (
        ("Centre local d'emploi", "Bureau de Services Québec", "Centre de justice de proximité",
         "Office d'habitation"),
        _PLACE,
        " (fictif)",
    ),
    Mu: (
        ("Bibliothèque", "Maison de la culture", "Centre sportif", "Chalet de parc"),
        _NATURE + _PLACE,
        " (fictif)",
    ),
    Sc: (
        ("École primaire", "École secondaire", "Centre d'éducation des adultes",
         "Centre de formation professionnelle"),
        _NATURE,
        " (fictive)",
    ),
    He: (
        ("Clinique", "Groupe de médecine familiale", "Centre d'hébergement",
         "Point de service du CLSC"),
        _NATURE + _PLACE,
        " (fictif)",
    ),
    Pr: (
        ("Caisse populaire", "Pharmacie", "Épicerie", "Boulangerie", "Librairie", "Quincaillerie"),
        _NATURE + _PLACE,
        " (fictive)",
    ),
    Ci: (
        ("Comité citoyen", "Association des résidents", "Collectif citoyen",
         "Comité des locataires"),
        _NATURE + _PLACE,
        "",
    ),
    Ot: (
        ("Fondation", "Paroisse", "Regroupement régional", "Association culturelle"),
        _NATURE + _PLACE,
        " (fictive)",
    ),
}

# fmt: on

# Share of each sector among the organisations added at scale (weights).
EXTRA_WEIGHTS: dict[Sector, int] = {Co: 50, In: 8, Mu: 8, Sc: 8, He: 8, Pr: 7, Ci: 6, Ot: 5}
