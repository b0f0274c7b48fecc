"""Texts of the fictional evaluation of the 2009-2019 plan: démarches intégrées, projets
phares, chantier evaluations, the global evaluation and the table's timeline. Invented for
the demo: no real organisation, person or result."""

from __future__ import annotations

from typing import NamedTuple


class WorkText(NamedTuple):
    title: str
    description: str
    years: tuple[int, int]
    chantiers: tuple[int, ...]  # indexes in EVALUATED_CHANTIERS
    evaluation: str
    evaluation_text: str


# fmt: off
APPROACHES: tuple[WorkText, ...] = (
    WorkText(
        "Revitalisation intégrée du secteur des Saules (fictif)",
        "Une démarche de secteur réunissant habitation, alimentation et vie de quartier "
        "autour d'un même plan de voisinage.",
        (2010, 2018), (0, 1, 3), "atteinte",
        "Le secteur s'est doté d'un comité de voisinage durable ; trois projets en sont nés.",
    ),
    WorkText(
        "Approche concertée enfance-famille (fictive)",
        "Une table de travail commune aux organismes famille, aux écoles et au réseau de "
        "la santé, pour les enfants de 0 à 12 ans.",
        (2009, 2019), (2, 3), "partielle",
        "Les liens école-communauté se sont renforcés ; le financement est resté fragile.",
    ),
    WorkText(
        "Mobilisation citoyenne intégrée (fictive)",
        "Former et accompagner des résidentes et résidents pour qu'ils prennent part aux "
        "chantiers et aux assemblées.",
        (2012, 2019), (3, 4), "partielle",
        "Une cinquantaine de résident·es formé·es (chiffre fictif) ; peu restent engagés "
        "au-delà d'un an.",
    ),
    WorkText(
        "Démarche intégrée d'aménagement des abords de la rivière (fictive)",
        "Coordonner les actions d'aménagement, de verdissement et de sécurité le long des "
        "berges.",
        (2014, 2019), (4,), "non_atteinte",
        "Les travaux prévus ont été reportés par les instances concernées ; l'étude est faite.",
    ),
)

PROJECTS: tuple[WorkText, ...] = (
    WorkText(
        "Épicerie solidaire Le Panier (fictive)",
        "Une épicerie à prix modiques gérée par ses membres.",
        (2011, 2019), (0,), "atteinte",
        "Ouverte en 2013 (fictif) ; elle sert des centaines de ménages chaque mois.",
    ),
    WorkText(
        "Marché public d'été du parc (fictif)",
        "Un marché saisonnier de fruits et légumes frais, avec des kiosques d'organismes.",
        (2010, 2019), (0, 3), "atteinte",
        "Tenu chaque été depuis 2012 (fictif), avec une fréquentation en hausse.",
    ),
    WorkText(
        "Coopérative d'habitation Les Tilleuls (fictive)",
        "Un projet de logements coopératifs pour familles et personnes seules.",
        (2012, 2019), (1,), "partielle",
        "Le terrain est réservé ; la construction attend le financement public.",
    ),
    WorkText(
        "Ruelles vertes du quartier (fictif)",
        "Verdir et sécuriser les ruelles avec les riverains.",
        (2013, 2019), (4, 3), "atteinte",
        "Six ruelles aménagées (chiffre fictif) avec leurs comités de riverains.",
    ),
    WorkText(
        "Carrefour jeunesse-école (fictif)",
        "Un lieu d'accueil après l'école pour l'aide aux devoirs et les loisirs.",
        (2009, 2016), (2,), "partielle",
        "Très fréquenté, mais fermé deux ans faute de locaux.",
    ),
    WorkText(
        "Fête de quartier annuelle (fictive)",
        "Une fête qui fait connaître les organismes et rassemble les voisins.",
        (2009, 2019), (3,), "atteinte",
        "Dix éditions tenues (fictif), organisées par un comité de bénévoles.",
    ),
    WorkText(
        "Navette communautaire vers les commerces (fictive)",
        "Une navette pour les aînés et les personnes à mobilité réduite.",
        (2015, 2018), (4, 0), "non_atteinte",
        "Essai d'un an concluant, abandonné faute de partenaire pour le transport.",
    ),
)

# Per chantier of the evaluated plan (same order): achievements, challenges, lessons.
CHANTIER_EVALUATIONS: tuple[tuple[str, str, str, str], ...] = (
    ("atteinte",
     "Un réseau de dépannage coordonné, une épicerie solidaire et un marché d'été.",
     "La demande a crû plus vite que les ressources des organismes.",
     "Relier l'aide d'urgence à des projets d'autonomie alimentaire."),
    ("partielle",
     "Un comité logement actif et un projet coopératif en préparation.",
     "Le marché locatif s'est resserré ; les délais de financement sont longs.",
     "Documenter les besoins tôt pour appuyer les demandes de financement."),
    ("partielle",
     "Des liens plus solides entre écoles, familles et organismes.",
     "Le roulement du personnel scolaire freine la continuité.",
     "Des ententes écrites survivent mieux aux changements de personnes."),
    ("atteinte",
     "Une fête annuelle, des comités de voisinage et plus de résident·es aux assemblées.",
     "Rejoindre les nouveaux arrivants et les personnes isolées reste difficile.",
     "Aller vers les gens là où ils sont, plutôt que de les attendre."),
    ("non_atteinte",
     "Des ruelles vertes et des marches exploratoires.",
     "Les aménagements majeurs dépendent de décisions prises ailleurs.",
     "Choisir des cibles que la table peut influencer directement."),
)

SECTIONS: dict[str, str] = {
    "methode": (
        "Le bilan repose sur une relecture des documents de la période, une douzaine "
        "d'entretiens avec des partenaires et trois ateliers d'évaluation ouverts aux "
        "membres (démarche fictive de démonstration). Chaque cible et chaque stratégie "
        "d'action a été classée atteinte, partiellement atteinte, non atteinte ou sans objet."
    ),
    "constats_apprentissages": (
        "Les chantiers qui avaient un porteur stable ont le mieux avancé.\n\n"
        "Les projets nés d'une démarche intégrée ont duré plus longtemps que les autres.\n\n"
        "Plusieurs cibles étaient trop larges pour être mesurées : le prochain plan devra "
        "prévoir ses indicateurs dès le départ."
    ),
    "forces": (
        "Une concertation intersectorielle vivante, la confiance entre organismes, et la "
        "capacité de lancer des projets concrets avec peu de moyens."
    ),
    "defis": (
        "Le financement par projets, l'essoufflement des bénévoles et la difficulté de "
        "rejoindre les populations les plus vulnérables."
    ),
    "recommandations": (
        "Les recommandations qui suivent ont guidé la démarche de planification suivante."
    ),
}

RECOMMENDATIONS: tuple[str, ...] = (
    "Se doter d'un plan plus court, avec des cibles mesurables et suivies chaque année.",
    "Assurer un porteur à chaque chantier avant de l'ouvrir.",
    "Consolider le financement de la concertation plutôt que celui des seuls projets.",
    "Donner une place réelle aux résident·es dans les instances.",
    "Documenter les résultats au fil de l'eau pour faciliter le prochain bilan.",
)

# (year, month or None, category, title, description)
TIMELINE: tuple[tuple[int, int | None, str, str, str], ...] = (
    (2000, 10, "fondation", "Premières rencontres des organismes du quartier",
     "Des organismes se réunissent pour parler de pauvreté dans le quartier."),
    (2001, 5, "fondation", "Fondation de la table de quartier (fictive)",
     "Adoption des règlements généraux et élection du premier comité de coordination."),
    (2002, 6, "assemblee", "Première assemblée générale annuelle", ""),
    (2004, None, "projet", "Premier portrait de quartier",
     "Un portrait statistique et qualitatif partagé avec les partenaires."),
    (2006, 11, "assemblee", "Forum de quartier sur la sécurité alimentaire", ""),
    (2008, None, "demarche", "Démarche de planification 2008-2009",
     "Consultations dans le milieu pour préparer le premier plan d'action."),
    (2009, 6, "plan", "Adoption du plan d'action 2009-2019", ""),
    (2010, 8, "projet", "Premier marché public d'été", ""),
    (2011, 4, "projet", "Lancement de la revitalisation du secteur des Saules", ""),
    (2013, 3, "projet", "Ouverture de l'épicerie solidaire", ""),
    (2014, 6, "assemblee", "Assemblée de mi-parcours du plan", "Bilan d'étape et ajustements."),
    (2015, 9, "projet", "Essai de la navette communautaire", ""),
    (2016, None, "projet", "Portrait de quartier mis à jour", ""),
    (2017, 5, "projet", "Aménagement des premières ruelles vertes", ""),
    (2018, 10, "autre", "Déménagement de la table dans de nouveaux locaux", ""),
    (2019, 2, "demarche", "Lancement de la démarche de planification stratégique", ""),
    (2019, 11, "demarche", "Grandes activités de conception participative", ""),
    (2020, 3, "demarche", "Bilan du plan 2009-2019 présenté aux membres", ""),
    (2021, 6, "plan", "Adoption du plan d'action 2021-2025", ""),
    (2021, 6, "assemblee", "Vingtième assemblée générale annuelle", ""),
)
# fmt: on
