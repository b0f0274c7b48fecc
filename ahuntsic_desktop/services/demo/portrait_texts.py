"""Texts of the demo portrait: issues, residents' stories and the community milieu. All
invented; every pseudonym and story is fictional."""

from __future__ import annotations

from ...i18n import N_

# (kind, title, text, theme of the démarche (contributions), population,
#  indicator names that support it, words of the 2021-2025 orientations that answer it)
ISSUES = (
    (
        "enjeu",
        N_("Des loyers hors de portée"),
        N_(
            "Les hausses de loyer dépassent la progression des revenus ; les ménages locataires "
            "à faible revenu y consacrent une part croissante de leur budget."
        ),
        N_("Logement"),
        N_("Ménages locataires"),
        ("Ménages locataires", "Locataires consacrant 30 % ou plus du revenu au logement"),
        ("logement", "loger"),
    ),
    (
        "diagnostic",
        N_("Des logements en mauvais état"),
        N_(
            "Humidité, moisissures et isolation déficiente reviennent dans les témoignages des "
            "intervenant·es qui visitent les familles."
        ),
        N_("Logement"),
        N_("Familles locataires"),
        ("Ménages locataires",),
        ("salubr", "logement"),
    ),
    (
        "enjeu",
        N_("Se nourrir près de chez soi"),
        N_(
            "Le nord du quartier compte peu de commerces d'alimentation abordables à distance de "
            "marche."
        ),
        N_("Sécurité alimentaire"),
        N_("Personnes à faible revenu"),
        ("Personnes à faible revenu (MFR-ApI)",),
        ("aliment", "nourrir"),
    ),
    (
        "diagnostic",
        N_("Des enfants touchés par la pauvreté"),
        N_(
            "La part des moins de 18 ans vivant sous le seuil de faible revenu reste plus élevée "
            "dans le secteur des Saules que dans l'ensemble du quartier."
        ),
        N_("Sécurité alimentaire"),
        N_("Enfants et familles"),
        ("Personnes à faible revenu (MFR-ApI)", "Familles monoparentales"),
        ("famille", "enfan"),
    ),
    (
        "enjeu",
        N_("Traverser le quartier à pied en sécurité"),
        N_(
            "Grands boulevards, feux trop courts et trottoirs mal déneigés freinent les "
            "déplacements des personnes âgées."
        ),
        N_("Mobilité et déplacements"),
        N_("Aîné·es"),
        ("Personnes de 65 ans et plus",),
        ("déplac", "mobilit", "transport"),
    ),
    (
        "enjeu",
        N_("Des îlots de chaleur autour des tours"),
        N_("Les secteurs les plus denses manquent d'arbres et d'espaces frais l'été."),
        N_("Verdissement et espaces publics"),
        N_("Résident·es des grands immeubles"),
        (),
        ("vert", "environnement"),
    ),
    (
        "diagnostic",
        N_("Des jeunes sans lieu à eux le soir"),
        N_("Les 12-17 ans disent manquer d'endroits ouverts, gratuits et animés en soirée."),
        N_("Jeunesse"),
        N_("Jeunes de 12 à 17 ans"),
        (),
        ("jeune",),
    ),
    (
        "enjeu",
        N_("L'isolement des aîné·es"),
        N_("Beaucoup de personnes âgées vivent seules et sortent peu, surtout l'hiver."),
        N_("Aîné·es"),
        N_("Aîné·es vivant seul·es"),
        ("Personnes de 65 ans et plus",),
        ("aîné", "isolement"),
    ),
    (
        "diagnostic",
        N_("Des nouveaux arrivants qui ne savent pas où s'adresser"),
        N_("Les ressources existent mais restent peu connues des personnes arrivées depuis peu."),
        N_("Accès aux services"),
        N_("Personnes immigrantes récentes"),
        ("Personnes issues de l'immigration",),
        ("accueil", "immigra"),
    ),
    (
        "enjeu",
        N_("Des études interrompues"),
        N_("Une part des adultes n'a pas de diplôme, ce qui limite l'accès à l'emploi."),
        N_("Accès aux services"),
        N_("Adultes de 25 à 64 ans"),
        ("Personnes de 25 à 64 ans sans diplôme",),
        (),
    ),
    (
        "enjeu",
        N_("Une table peu connue des résident·es"),
        N_(
            "Les partenaires se connaissent bien, mais la concertation rejoint encore peu de "
            "résident·es."
        ),
        N_("Vie de quartier et participation"),
        N_("Résident·es"),
        (),
        ("participation", "citoyen"),
    ),
    (
        "diagnostic",
        N_("De longs délais pour voir un médecin"),
        N_(
            "Les délais d'accès aux soins de première ligne reviennent souvent dans les entretiens."
        ),
        N_("Accès aux services"),
        N_("Toute la population"),
        (),
        (),
    ),
)

# (pseudonym, theme, text, consent to publication)
STORIES = (
    (
        N_("Madeleine"),
        N_("Logement"),
        N_(
            "Histoire fictive : arrivée dans le quartier il y a trente ans, elle a vu son loyer "
            "doubler en dix ans. Le comité de locataires l'a aidée à faire valoir ses droits, et "
            "elle y accueille maintenant les nouveaux voisins."
        ),
        True,
    ),
    (
        N_("Karim"),
        N_("Accès aux services"),
        N_(
            "Histoire fictive : nouvellement arrivé avec sa famille, il a mis des mois à trouver "
            "une place en francisation. Une bénévole de la bibliothèque lui a montré les "
            "ressources du quartier."
        ),
        True,
    ),
    (
        N_("Sophie"),
        N_("Sécurité alimentaire"),
        N_(
            "Histoire fictive : mère de deux enfants, elle cuisine chaque semaine avec d'autres "
            "parents dans une cuisine collective, ce qui allège son budget et l'a sortie de "
            "l'isolement."
        ),
        True,
    ),
    (
        N_("Gérard"),
        N_("Aîné·es"),
        N_("Histoire fictive sans consentement enregistré : elle ne doit jamais être publiée."),
        False,
    ),
)

SECTIONS = {
    "fonctionnement_concertation": N_(
        "La table réunit deux fois par année son assemblée de quartier et, chaque mois, son "
        "comité de coordination. Les chantiers se rencontrent à leur rythme et rendent compte "
        "à l'assemblée. (Texte fictif de démonstration.)"
    ),
    "partenariats": N_(
        "Les organismes communautaires travaillent avec l'arrondissement, le CIUSSS, les écoles "
        "et la bibliothèque ; plusieurs projets sont portés à deux ou trois partenaires."
    ),
    "forces_pratiques": N_(
        "Une longue habitude de concertation, des partenaires qui se connaissent, des projets "
        "nés des résident·es et des ruelles vertes qui rapprochent les voisins."
    ),
    "contraintes_defis": N_(
        "Financement par projets, roulement du personnel, locaux rares et chers ; la "
        "participation des résident·es reste difficile à soutenir dans la durée."
    ),
    "inquietudes": N_(
        "La hausse des loyers, l'essoufflement des équipes et la fin de certains programmes "
        "de financement inquiètent le milieu pour les prochaines années."
    ),
    "pistes": N_(
        "Mutualiser des ressources, mieux faire connaître la table, miser sur les lieux "
        "de rencontre informels et suivre ensemble les indicateurs du portrait."
    ),
}
