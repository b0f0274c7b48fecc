"""Texts of the demo's démarches de planification. Fictional, written for the demo: any
resemblance to a real table's documents is in the structure only."""

from __future__ import annotations

from ...i18n import N_

PAST_TITLE = N_("Démarche de planification 2019-2020 (fictive)")
CURRENT_TITLE = N_("Démarche de planification en cours (fictive)")
COMMITTEE_BODY = "CP"  # comité de planification

FRAME = (
    (
        "mandat",
        N_(
            "Le comité de planification reçoit de l'assemblée le mandat de dresser le bilan du "
            "plan qui s'achève, de décrire le quartier tel que ses habitant·es le vivent et de "
            "proposer les priorités du prochain plan d'action."
        ),
    ),
    (
        "echeancier",
        N_(
            "La démarche s'étale sur deux années : cadrage l'hiver, bilan et portrait au "
            "printemps et à l'automne, priorités l'année suivante, adoption en assemblée."
        ),
    ),
    (
        "objectifs",
        N_(
            "Entendre des personnes qu'on entend peu ; mesurer le chemin parcouru ; choisir "
            "ensemble un petit nombre de priorités portées par plusieurs partenaires."
        ),
    ),
    (
        "strategie_enquete",
        N_(
            "Aller là où les gens sont déjà : marchés, parcs, halls d'immeubles, organismes. "
            "Croiser ce qui est dit avec les données publiques du territoire."
        ),
    ),
    (
        "approches",
        N_(
            "Approche participative et intersectorielle ; attention portée aux personnes en "
            "situation de pauvreté, aux aîné·es isolé·es, aux jeunes et aux nouveaux arrivants."
        ),
    ),
    (
        "methodologie",
        N_(
            "Activités variées (entretiens, ateliers, visites, groupes de discussion), notes "
            "transcrites le jour même, contributions codées par thème puis priorisées par vote."
        ),
    ),
    (
        "principes",
        N_(
            "Transparence sur ce qui est retenu ; confidentialité des propos ; retour aux "
            "participant·es à chaque étape."
        ),
    ),
    (
        "phases",
        N_(
            "Cadrage, bilan du plan précédent, portrait du quartier, priorités et conception "
            "participative, rédaction et adoption."
        ),
    ),
    (
        "portee_limites",
        N_(
            "La démarche ne remplace pas une étude statistique ; certains groupes ont été "
            "difficiles à joindre malgré les efforts, ce que le plan reconnaît."
        ),
    ),
)

# (name, first day offset in days from the start, last day offset, deliverables)
PAST_PHASES = (
    (N_("Lancement et cadrage"), 0, 105, N_("Cadre de travail adopté ; comité formé.")),
    (N_("Bilan du plan d'action 2009-2019"), 106, 288, N_("Bilan des orientations et cibles.")),
    (N_("Portrait de quartier"), 289, 440, N_("Portrait et diagnostics partagés.")),
    (N_("Priorités et conception participative"), 441, 624, N_("Priorités retenues.")),
    (N_("Rédaction et adoption du plan"), 625, 700, N_("Plan d'action 2021-2025 adopté.")),
)

# (activity type as seeded, phase index, how many, titles to draw from)
PAST_ACTIVITIES = (
    ("Micro-trottoir", 2, 2, (N_("Micro-trottoir au marché"), N_("Micro-trottoir au parc"))),
    ("Entretien avec des partenaires", 1, 4,
     (N_("Entretien avec un CLSC"), N_("Entretien avec une école"),
      N_("Entretien avec un organisme jeunesse"), N_("Entretien avec l'arrondissement"))),
    ("Entretien avec des résident·es", 2, 3,
     (N_("Entretien avec une famille"), N_("Entretien avec un aîné"),
      N_("Entretien avec une nouvelle arrivante"))),
    ("Atelier d'idéation", 3, 3,
     (N_("Atelier d'idéation : vivre ensemble"), N_("Atelier d'idéation : se déplacer"),
      N_("Atelier d'idéation : se nourrir"))),
    ("Réflexion collective", 0, 2,
     (N_("Réflexion collective sur le cadre de travail"),
      N_("Réflexion collective des partenaires"))),
    ("Visite commentée", 2, 2,
     (N_("Visite commentée avec des intervenant·es"), N_("Visite commentée des HLM"))),
    ("Groupe de discussion", 2, 3,
     (N_("Groupe de discussion : jeunes"), N_("Groupe de discussion : aîné·es"),
      N_("Groupe de discussion : parents"))),
    ("Visite de quartier", 2, 4,
     (N_("Visite du secteur nord"), N_("Visite du secteur est"),
      N_("Visite du secteur ouest"), N_("Visite des berges"))),
    ("Atelier de conception participative", 3, 4,
     (N_("Conception participative : une ruelle"), N_("Conception participative : un parc"),
      N_("Conception participative : un marché"), N_("Conception participative : un local"))),
    ("Suivi et ajustement", 4, 3,
     (N_("Suivi avec le comité de planification"), N_("Ajustement des priorités"),
      N_("Suivi avec les porteurs de chantiers"))),
)  # fmt: skip

THEMES = (
    N_("Logement"),
    N_("Sécurité alimentaire"),
    N_("Mobilité et déplacements"),
    N_("Verdissement et espaces publics"),
    N_("Jeunesse"),
    N_("Aîné·es"),
    N_("Vie de quartier et participation"),
    N_("Accès aux services"),
)

# (text, kind, theme indexes)
CONTRIBUTIONS = (
    (N_("Les loyers montent plus vite que les revenus."), "constat", (0,)),
    (N_("Des logements humides et mal isolés."), "constat", (0,)),
    (N_("Un comité de locataires dans chaque grand immeuble."), "proposition", (0, 6)),
    (N_("Pas d'épicerie abordable à distance de marche au nord."), "constat", (1,)),
    (N_("Un marché solidaire l'été."), "idee", (1, 3)),
    (N_("Des cuisines collectives le soir pour les parents qui travaillent."), "besoin", (1,)),
    (N_("Les frigos communautaires fonctionnent bien."), "force", (1,)),
    (N_("Traverser le boulevard est dangereux pour les aîné·es."), "defi", (2, 5)),
    (N_("Une navette vers le centre commercial."), "idee", (2, 5)),
    (N_("Plus de supports à vélo près des écoles."), "proposition", (2, 4)),
    (N_("Les ruelles vertes rapprochent les voisins."), "force", (3, 6)),
    (N_("Des îlots de chaleur autour des tours."), "constat", (3,)),
    (N_("Planter des arbres dans les cours d'école."), "proposition", (3, 4)),
    (N_("Un lieu pour les 12-17 ans ouvert le soir."), "besoin", (4,)),
    (N_("Les jeunes veulent être consultés sur les parcs."), "constat", (4, 3)),
    (N_("Une ligue sportive gratuite l'été."), "idee", (4,)),
    (N_("Beaucoup d'aîné·es vivent seul·es."), "constat", (5,)),
    (N_("Des appels d'amitié par des bénévoles."), "idee", (5, 6)),
    (N_("Garder les bancs à l'ombre."), "besoin", (5, 3)),
    (N_("Les organismes se connaissent et s'entraident."), "force", (6,)),
    (N_("Les nouveaux arrivants ne savent pas où s'adresser."), "defi", (7, 6)),
    (N_("Un guichet unique d'information dans la bibliothèque."), "proposition", (7,)),
    (N_("Des services traduits dans plusieurs langues."), "besoin", (7,)),
    (N_("Les délais pour voir un médecin sont longs."), "constat", (7,)),
    (N_("Une fête de quartier chaque année."), "idee", (6,)),
    (N_("Mieux faire connaître la table aux résident·es."), "defi", (6,)),
    (N_("Des jardins partagés près des HLM."), "proposition", (1, 3)),
    (N_("Le transport adapté manque le soir."), "defi", (2, 5)),
    (N_("Des haltes-garderies pendant les activités."), "besoin", (6, 4)),
    (N_("Un répertoire des ressources à jour et en ligne."), "idee", (7,)),
    (N_("La rénovation ne doit pas chasser les locataires."), "defi", (0,)),
    (N_("Des corvées de propreté avec les écoles."), "idee", (3, 4)),
    (N_("Le marché public attire tout le quartier."), "force", (1, 6)),
    (N_("Des trottoirs déneigés plus tôt."), "besoin", (2, 5)),
    (N_("Une ressource en médiation entre voisins."), "proposition", (0, 6)),
    (N_("Des bibliothèques ouvertes plus tard."), "besoin", (4, 7)),
)

SALIENT = (
    (N_("Le logement, première inquiétude"),
     N_("Dans presque toutes les activités, le coût et l'état des logements reviennent en "
        "premier ; la démarche en fait un pilier du plan."), 1),
    (N_("Se nourrir près de chez soi"),
     N_("Le nord du quartier manque d'accès à une alimentation abordable ; les initiatives "
        "existantes sont appréciées et à consolider."), 1),
    (N_("Des jeunes qui veulent leur place"),
     N_("Les jeunes demandent des lieux à eux et une voix dans l'aménagement des parcs."), 4),
    (N_("Une concertation reconnue, à mieux faire connaître"),
     N_("Les partenaires se connaissent et s'entraident ; les résident·es connaissent peu la "
        "table : la participation citoyenne est à renforcer."), 6),
)  # fmt: skip

# the démarche under way: (name, first day offset, last day offset, deliverables)
CURRENT_PHASES = (
    (N_("Lancement et cadrage"), 0, 75, N_("Cadre de travail adopté.")),
    (N_("Bilan du plan d'action 2021-2025"), 76, 230, N_("Bilan des chantiers.")),
    (N_("Portrait de quartier"), 231, 400, N_("Portrait mis à jour.")),
    (N_("Priorités et rédaction"), 401, 540, N_("Prochain plan d'action.")),
)
CURRENT_START = -150  # days from the demo's today
