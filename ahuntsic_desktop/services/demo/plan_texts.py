"""Texts of the two fictional action plans of the demo table.

The real pillars and chantiers of a table are its own data; these are invented, in the
usual vocabulary of Montréal's neighbourhood round tables.
"""

from __future__ import annotations

from typing import NamedTuple


class ChantierText(NamedTuple):
    name: str
    pillar: int | None  # index in the plan's pillars
    mandate: str
    subject: str  # object phrase for generic means: "sur {subject}", "pour {subject}"
    orientations: tuple[str, ...]
    means: tuple[str, ...]
    # (title, indicator, unit, low, high): drawn for the targets of its orientations
    targets: tuple[tuple[str, str, str, int, int], ...] = ()


# Generic means, filled with a chantier's or an orientation's subject when its own run out.
GENERIC_MEANS: tuple[str, ...] = (
    "Concerter les partenaires sur {subject}",
    "Documenter les besoins des résidents concernant {subject}",
    "Mener une campagne de sensibilisation sur {subject}",
    "Soutenir les projets des organismes touchant {subject}",
    "Mobiliser les résidents pour {subject}",
    "Développer des outils communs sur {subject}",
    "Porter les besoins du quartier auprès des instances concernant {subject}",
    "Évaluer les actions concertées touchant {subject}",
    "Diffuser les bons coups du quartier sur {subject}",
    "Chercher du financement pour {subject}",
    "Former les intervenants sur {subject}",
    "Tenir un forum annuel sur {subject}",
    "Produire un portrait statistique sur {subject}",
    "Créer un comité de suivi pour {subject}",
)

# Generic targets (title, indicator, unit, low, high), after a chantier's own.
GENERIC_TARGETS: tuple[tuple[str, str, str, int, int], ...] = (
    ("Partenaires mobilisés sur {subject}", "Nombre d'organismes", "organismes", 5, 25),
    ("Activités réalisées sur {subject}", "Nombre d'activités", "activités", 5, 40),
    ("Résidents rejoints concernant {subject}", "Nombre de personnes", "personnes", 50, 500),
    ("Outils produits sur {subject}", "Nombre d'outils", "outils", 2, 10),
)

CURRENT_TITLE = "Plan d'action 2021-2025"
CURRENT_YEARS = (2021, 2025)
CURRENT_VISION = (
    "En 2025, notre quartier est solidaire, inclusif et vert : chaque personne peut s'y loger, "
    "s'y nourrir, s'y déplacer et s'y épanouir, et les résidents comme les organismes "
    "décident ensemble de son avenir. (Vision fictive de démonstration.)"
)

PILLARS: tuple[tuple[str, str], ...] = (
    ("Conditions de vie", "Agir sur les besoins de base : se loger, se nourrir, avoir un revenu."),
    ("Milieu de vie", "Un quartier sécuritaire, vert et agréable à parcourir."),
    (
        "Développement des personnes",
        "Accompagner chaque personne, de la petite enfance au grand âge.",
    ),
    (
        "Participation et concertation",
        "Renforcer la voix des résidents et le travail collectif des organismes.",
    ),
)

# fmt: off
CHANTIERS: tuple[ChantierText, ...] = (
    ChantierText(
        "Sécurité alimentaire", 0,
        "Améliorer l'accès de tous les ménages à une alimentation saine, abordable et locale.",
        "la sécurité alimentaire",
        (
            "Améliorer l'accès physique et économique aux aliments sains",
            "Développer l'autonomie alimentaire des ménages",
            "Soutenir l'agriculture urbaine et les circuits courts",
        ),
        (
            "Ouvrir un marché solidaire saisonnier près de la rue Fleury",
            "Coordonner le calendrier des dépannages alimentaires",
            "Offrir des ateliers de cuisine collective aux familles",
            "Aménager trois jardins collectifs supplémentaires",
            "Mettre en place un frigo communautaire",
            "Cartographier les déserts alimentaires du quartier",
        ),
        (
            ("Ménages rejoints par le marché solidaire", "Nombre de ménages", "ménages", 150, 600),
            ("Jardins collectifs actifs", "Nombre de jardins", "jardins", 4, 12),
        ),
    ),
    ChantierText(
        "Logement abordable et salubre", 0,
        "Préserver et développer le logement abordable, et lutter contre l'insalubrité.",
        "le logement",
        (
            "Préserver le parc de logements abordables",
            "Développer le logement social et communautaire",
        ),
        (
            "Tenir une clinique d'information sur les droits des locataires",
            "Répertorier les terrains propices au logement social",
            "Accompagner trois projets de coopérative d'habitation",
            "Organiser une campagne contre l'insalubrité",
            "Documenter les évictions dans le quartier",
        ),
        (
            ("Logements sociaux et communautaires en chantier", "Nombre de logements", "logements", 50, 300),
            ("Locataires accompagnés", "Nombre de personnes", "personnes", 100, 500),
        ),
    ),
    ChantierText(
        "Emploi et revenu", 0,
        "Favoriser l'accès à l'emploi et à un revenu suffisant.",
        "l'emploi",
        (
            "Faciliter l'accès à l'emploi des personnes éloignées du marché du travail",
            "Améliorer l'accès aux programmes de soutien du revenu",
        ),
        (
            "Tenir une foire de l'emploi de quartier",
            "Offrir des cliniques d'impôts bénévoles",
            "Créer un répertoire des employeurs inclusifs",
            "Accompagner les jeunes vers un premier emploi",
        ),
        (
            ("Déclarations de revenus produites", "Nombre de déclarations", "déclarations", 300, 1500),
        ),
    ),
    ChantierText(
        "Accès aux services", 0,
        "Rapprocher les services publics et communautaires des résidents qui en ont besoin.",
        "l'accès aux services",
        (
            "Faire connaître les ressources du quartier",
            "Rejoindre les personnes isolées",
            "Simplifier le parcours vers les services de santé",
        ),
        (
            "Publier un bottin des ressources en cinq langues",
            "Former des agents de milieu de proximité",
            "Tenir des kiosques mobiles d'information",
            "Créer un guichet d'accueil commun",
            "Organiser des cliniques de vaccination de proximité",
            "Offrir un accompagnement aux démarches en ligne",
        ),
        (
            ("Personnes rejointes par les agents de milieu", "Nombre de personnes", "personnes", 200, 1200),
            ("Langues du bottin des ressources", "Nombre de langues", "langues", 3, 8),
        ),
    ),
    ChantierText(
        "Mobilité active et transport collectif", 1,
        "Rendre les déplacements à pied, à vélo et en transport collectif sûrs et agréables.",
        "la mobilité",
        (
            "Sécuriser les déplacements actifs autour des écoles",
            "Améliorer la desserte en transport collectif",
        ),
        (
            "Réaliser des marches exploratoires autour des écoles",
            "Demander de nouvelles traverses piétonnes",
            "Organiser une vélorution de quartier",
            "Documenter les besoins de desserte des aînés",
        ),
        (
            ("Intersections sécurisées", "Nombre d'intersections", "intersections", 5, 20),
        ),
    ),
    ChantierText(
        "Verdissement et environnement", 1,
        "Verdir le quartier, réduire les îlots de chaleur et mobiliser autour de la transition.",
        "l'environnement",
        (
            "Réduire les îlots de chaleur",
            "Soutenir les initiatives citoyennes de transition écologique",
        ),
        (
            "Aménager des ruelles vertes",
            "Planter des arbres dans les cours d'école",
            "Organiser des corvées de nettoyage des berges",
            "Ouvrir une ressourcerie de quartier",
        ),
        (
            ("Ruelles vertes aménagées", "Nombre de ruelles", "ruelles", 3, 15),
            ("Arbres plantés", "Nombre d'arbres", "arbres", 100, 800),
        ),
    ),
    ChantierText(
        "Sécurité urbaine et aménagement", 1,
        "Améliorer le sentiment de sécurité et l'aménagement des espaces publics.",
        "la sécurité urbaine",
        (
            "Améliorer le sentiment de sécurité dans les espaces publics",
            "Aménager des lieux de rencontre accessibles",
        ),
        (
            "Réaliser un diagnostic de sécurité avec les femmes du quartier",
            "Améliorer l'éclairage des parcs",
            "Installer du mobilier urbain adapté aux aînés",
            "Animer les parcs en soirée l'été",
        ),
        (),
    ),
    ChantierText(
        "Petite enfance et familles", 2,
        "Soutenir les familles et le développement des tout-petits.",
        "les familles",
        (
            "Favoriser le développement global des tout-petits",
            "Soutenir les parents dans leur rôle",
            "Faciliter l'accès des familles aux services de garde",
        ),
        (
            "Offrir des haltes-garderies éphémères",
            "Tenir une fête de la famille annuelle",
            "Créer des ateliers parents-enfants",
            "Diffuser l'information sur les places en garderie",
            "Former les intervenants à l'éveil à la lecture",
        ),
        (
            ("Familles participant aux ateliers", "Nombre de familles", "familles", 40, 250),
        ),
    ),
    ChantierText(
        "Persévérance scolaire", 2,
        "Favoriser la réussite éducative des jeunes de 0 à 20 ans.",
        "la persévérance scolaire",
        (
            "Soutenir les élèves à risque de décrochage",
            "Rapprocher les familles et l'école",
        ),
        (
            "Offrir de l'aide aux devoirs dans trois écoles",
            "Tenir les Journées de la persévérance scolaire",
            "Créer un programme de mentorat",
            "Accompagner les parents nouvellement arrivés",
        ),
        (
            ("Élèves inscrits à l'aide aux devoirs", "Nombre d'élèves", "élèves", 60, 300),
        ),
    ),
    ChantierText(
        "Jeunesse", 2,
        "Offrir aux jeunes des lieux, des projets et une voix dans le quartier.",
        "les jeunes",
        (
            "Développer des lieux et des activités pour les 12-25 ans",
            "Favoriser l'engagement des jeunes",
        ),
        (
            "Ouvrir un local jeunesse le vendredi soir",
            "Créer un conseil jeunesse de quartier",
            "Soutenir des projets d'art urbain",
            "Offrir des stages d'été rémunérés",
        ),
        (),
    ),
    ChantierText(
        "Vieillir dans le quartier", 2,
        "Permettre aux aînés de vieillir chez eux, entourés et en sécurité.",
        "les aînés",
        (
            "Briser l'isolement des aînés",
            "Adapter les services et les lieux aux aînés",
        ),
        (
            "Mettre en place des appels d'amitié",
            "Organiser des dîners communautaires",
            "Former des sentinelles contre la maltraitance",
            "Offrir du transport accompagné",
        ),
        (
            ("Aînés rejoints par les appels d'amitié", "Nombre de personnes", "personnes", 50, 300),
        ),
    ),
    ChantierText(
        "Vie de quartier et culture", 3,
        "Animer le quartier et rendre la culture accessible à toutes et à tous.",
        "la vie de quartier",
        (
            "Animer les espaces publics toute l'année",
            "Rendre la culture accessible",
        ),
        (
            "Tenir une fête de quartier annuelle",
            "Créer un festival de ruelles",
            "Offrir des sorties culturelles gratuites",
            "Soutenir un journal de quartier",
        ),
        (
            ("Participants à la fête de quartier", "Nombre de participants", "personnes", 500, 3000),
        ),
    ),
    ChantierText(
        "Participation citoyenne", 3,
        "Renforcer la participation des résidents aux décisions qui les touchent.",
        "la participation citoyenne",
        (
            "Outiller les résidents pour participer aux décisions",
            "Rejoindre les résidents peu entendus",
        ),
        (
            "Tenir deux assemblées de quartier par année",
            "Offrir une école citoyenne",
            "Créer un fonds pour les initiatives citoyennes",
            "Réaliser des micro-trottoirs dans chaque secteur",
        ),
        (
            ("Résidents aux assemblées de quartier", "Nombre de résidents", "personnes", 80, 400),
            ("Part des participants issus de l'immigration", "Pourcentage", "%", 20, 50),
        ),
    ),
    ChantierText(
        "Inclusion des personnes immigrantes", 3,
        "Favoriser l'accueil et la pleine participation des personnes immigrantes.",
        "l'inclusion des personnes immigrantes",
        (
            "Faciliter l'accueil des nouveaux arrivants",
            "Lutter contre la discrimination",
        ),
        (
            "Offrir des jumelages interculturels",
            "Traduire les communications de la table",
            "Former les organismes à l'approche interculturelle",
            "Organiser une semaine interculturelle",
        ),
        (),
    ),
)

# fmt: on
