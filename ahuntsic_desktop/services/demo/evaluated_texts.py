"""Texts of the fictional previous action plan, 2009-2019, as evaluated at its end."""

from __future__ import annotations

from .plan_texts import ChantierText

# fmt: off
EVALUATED_TITLE = "Plan d'action 2009-2019 (évalué)"
EVALUATED_YEARS = (2009, 2019)
EVALUATED_VISION = (
    "Un quartier où il fait bon vivre pour toutes et tous, solidaire et mobilisé contre la "
    "pauvreté. (Vision fictive de démonstration.)"
)

EVALUATED_CHANTIERS: tuple[ChantierText, ...] = (
    ChantierText(
        "Sécurité alimentaire (2009-2019)", None,
        "Améliorer l'accès à une saine alimentation.", "l'accès aux aliments sains",
        (
            "Améliorer l'accès physique et économique à des aliments sains",
            "Développer l'autonomie alimentaire des ménages",
            "Soutenir l'agriculture urbaine",
        ),
        (
            "Créer un groupe d'achat collectif", "Ouvrir une épicerie solidaire",
            "Offrir des ateliers de cuisine économique", "Aménager des bacs de culture",
            "Tenir un marché d'été", "Distribuer des paniers de légumes",
            "Coordonner les dépannages alimentaires", "Créer un jardin collectif pour les aînés",
        ),
        (
            ("Ménages membres du groupe d'achat", "Nombre de ménages", "ménages", 30, 200),
            ("Jardins collectifs", "Nombre de jardins", "jardins", 2, 8),
            ("Points de dépannage coordonnés", "Nombre de points", "points", 3, 10),
            ("Participants aux ateliers de cuisine", "Nombre de personnes", "personnes", 50, 400),
            ("Marchés d'été tenus", "Nombre d'éditions", "éditions", 3, 10),
        ),
    ),
    ChantierText(
        "Habitation (2009-2019)", None,
        "Améliorer les conditions de logement.", "le logement",
        (
            "Préserver le parc de logements abordables",
            "Développer le logement social et communautaire",
        ),
        (
            "Tenir un comité logement actif", "Réaliser un recensement des logements insalubres",
            "Accompagner des projets de coopératives", "Faire pression pour une réserve foncière",
            "Informer les locataires de leurs droits",
        ),
        (
            ("Logements sociaux livrés", "Nombre de logements", "logements", 40, 250),
            ("Locataires informés", "Nombre de personnes", "personnes", 200, 1500),
            ("Plaintes d'insalubrité accompagnées", "Nombre de plaintes", "plaintes", 20, 150),
        ),
    ),
    ChantierText(
        "Réussite éducative (2009-2019)", None,
        "Favoriser la réussite éducative.", "la réussite éducative",
        (
            "Favoriser la réussite éducative des jeunes de 0 à 20 ans",
            "Mobiliser les parents autour de la réussite de leurs enfants",
        ),
        (
            "Offrir l'aide aux devoirs", "Tenir des activités d'éveil à la lecture",
            "Créer des comités de parents dans les écoles", "Soutenir la transition primaire-secondaire",
            "Offrir des camps pédagogiques d'été",
        ),
        (
            ("Taux de diplomation au secondaire", "Pourcentage", "%", 60, 85),
            ("Élèves suivis en aide aux devoirs", "Nombre d'élèves", "élèves", 50, 300),
            ("Parents engagés", "Nombre de parents", "personnes", 30, 200),
        ),
    ),
    ChantierText(
        "Vie de quartier (2009-2019)", None,
        "Renforcer le tissu social du quartier.", "la vie de quartier",
        (
            "Animer les espaces publics et favoriser les rencontres",
            "Briser l'isolement des aînés",
        ),
        (
            "Tenir une fête de quartier", "Créer un réseau de bénévoles",
            "Organiser des dîners communautaires", "Publier un calendrier des activités",
            "Offrir des visites d'amitié",
        ),
        (
            ("Participants à la fête de quartier", "Nombre de personnes", "personnes", 300, 2000),
            ("Bénévoles actifs", "Nombre de bénévoles", "personnes", 40, 250),
            ("Aînés visités", "Nombre d'aînés", "personnes", 30, 200),
        ),
    ),
    ChantierText(
        "Aménagement urbain et environnement (2009-2019)", None,
        "Améliorer le cadre de vie.", "l'aménagement urbain",
        (
            "Améliorer la sécurité des déplacements actifs",
            "Verdir les secteurs défavorisés",
        ),
        (
            "Réaliser des marches exploratoires", "Demander des saillies de trottoir",
            "Planter des arbres dans les secteurs défavorisés", "Aménager une première ruelle verte",
            "Nettoyer les berges de la rivière",
        ),
        (
            ("Intersections réaménagées", "Nombre d'intersections", "intersections", 3, 15),
            ("Arbres plantés", "Nombre d'arbres", "arbres", 100, 600),
            ("Ruelles vertes", "Nombre de ruelles", "ruelles", 1, 8),
        ),
    ),
)
# fmt: on

# How many orientations, targets and means the evaluated plan has (its evaluation report).
EVALUATED_TARGETS_PER_ORIENTATION = 3
EVALUATED_MEANS = 73
