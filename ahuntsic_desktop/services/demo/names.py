"""Names for the fictional demo table: Québec first and last names of varied origins,
streets and postal areas of the north of Montréal.

Every person and address made from these lists is fictional; streets are real street names
but house numbers are drawn at random.
"""

from __future__ import annotations

# (weight, first names, last names): a person takes both names from the same group.
# fmt: off
NAME_GROUPS: tuple[tuple[int, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        60,
        (
            "Marie", "Sophie", "Isabelle", "Julie", "Nathalie", "Geneviève", "Catherine",
            "Émilie", "Mélanie", "Karine", "Valérie", "Josée", "Annie", "Caroline",
            "Stéphanie", "Chantal", "Sylvie", "Lise", "Francine", "Monique", "Marie-Ève",
            "Anne-Marie", "Marie-Claude", "Audrey", "Camille", "Léa", "Chloé", "Rosalie",
            "Florence", "Noémie", "Jean", "Pierre", "Michel", "Louis", "François", "Martin",
            "Mathieu", "Alexandre", "Maxime", "Simon", "Étienne", "Olivier", "Gabriel",
            "Félix", "William", "Samuel", "Vincent", "Jean-François", "Marc-André",
            "Pierre-Luc", "Philippe", "Éric", "Sébastien", "Patrick", "Daniel", "Denis",
            "Gilles", "Réjean", "Normand", "Yves", "Luc", "Benoît", "Guillaume", "Jérôme",
        ),
        (
            "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie",
            "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron",
            "Leblanc", "Paquette", "Girard", "Simard", "Boucher", "Caron", "Beaulieu",
            "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc", "Lefebvre",
            "Poulin", "Thibault", "St-Pierre", "Nadeau", "Martin", "Landry", "Martel",
            "Bédard", "Grenier", "Lessard", "Bernier", "Richard", "Michaud", "Hébert",
            "Desjardins", "Couture", "Turcotte", "Lachance", "Parent", "Blais", "Gosselin",
            "Savard", "Proulx", "Beaudoin", "Demers", "Perreault", "Boudreau", "Lemieux",
            "Cyr", "Perron", "Dufour", "Dion", "Mercier", "Bolduc", "Bérubé", "Boisvert",
            "Langlois", "Ménard", "Therrien", "Plante", "Bilodeau", "Blanchette", "Dussault",
        ),
    ),
    (
        8,
        (
            "Jean-Robert", "Fabiola", "Nadège", "Ketly", "Rose-Marie", "Marie-Carmelle",
            "Jocelyne", "Wilson", "Frantz", "Jean-Claude", "Réginald", "Magalie", "Évens",
            "Guerda", "Stéphane", "Widline",
        ),
        (
            "Joseph", "Pierre", "Jean-Baptiste", "Saint-Louis", "Charles", "Louis", "Alexis",
            "Étienne", "Célestin", "Augustin", "Desrosiers", "Dorvil", "Jean-Louis", "Noël",
        ),
    ),
    (
        8,
        (
            "Karim", "Yasmine", "Amina", "Mehdi", "Samir", "Nadia", "Fatima", "Rachid",
            "Leïla", "Youssef", "Nour", "Omar", "Sarah", "Malik", "Imane", "Hakim", "Rania",
            "Ali", "Meriem",
        ),
        (
            "Haddad", "Benali", "Belkacem", "Bouzid", "Khoury", "Saadi", "Mansour", "Cherif",
            "Amrani", "Bennani", "Hamdi", "Nasser", "Aziz", "Slimani", "Tahiri", "Zerrouki",
        ),
    ),
    (
        6,
        (
            "Giuseppe", "Maria", "Antonio", "Francesca", "Marco", "Giulia", "Luca", "Anna",
            "Giovanni", "Rosa", "Paolo", "Carmela", "Sergio", "Lina", "Tony", "Sandra",
        ),
        (
            "Rossi", "Lombardi", "Ferrara", "Santoro", "Russo", "Esposito", "Romano",
            "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca",
            "Mancini", "Caruso", "Costa", "Fontana",
        ),
    ),
    (
        5,
        (
            "Carlos", "Mariana", "Diego", "Sofía", "Luis", "Valentina", "Ana", "José",
            "Camila", "Andrés", "Gabriela", "Javier", "Lucía", "Miguel", "Daniela", "Fernando",
        ),
        (
            "Rodriguez", "Garcia", "Lopez", "Martinez", "Hernandez", "Gonzalez", "Perez",
            "Sanchez", "Ramirez", "Torres", "Flores", "Mendoza", "Castillo", "Vargas",
            "Morales", "Ortiz",
        ),
    ),
    (
        4,
        (
            "Minh", "Linh", "Thanh", "Huy", "Lan", "Mai", "Tuan", "Hoa", "Duc", "Phuong",
            "Trang", "Khanh", "Bao", "Anh",
        ),
        ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo", "Duong", "Ly"),
    ),
    (
        3,
        ("Wei", "Mei", "Jun", "Li", "Xin", "Yan", "Hui", "Ming", "Ling", "Hao", "Jing", "Qiang"),
        ("Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Zhao", "Wu", "Zhou", "Lin", "Xu", "Sun"),
    ),
    (
        4,
        (
            "Aïssatou", "Mamadou", "Fatoumata", "Ousmane", "Mariama", "Ibrahima", "Awa",
            "Moussa", "Kadiatou", "Abdoulaye", "Aminata", "Souleymane", "Cheikh", "Binta",
        ),
        (
            "Diallo", "Traoré", "Camara", "Diop", "Ndiaye", "Sow", "Ba", "Keita", "Coulibaly",
            "Cissé", "Touré", "Sylla", "Barry", "Bah",
        ),
    ),
    (
        2,
        (
            "Georgios", "Eleni", "Dimitri", "Nikos", "Katerina", "Kostas", "Sofia", "Yannis",
            "Despina", "Christos", "Athena",
        ),
        (
            "Papadopoulos", "Georgiou", "Nikolaou", "Konstantinou", "Dimitriou", "Pappas",
            "Vlachos", "Karras", "Economou", "Antonopoulos",
        ),
    ),
)
# fmt: on

NAME_WEIGHTS: tuple[int, ...] = tuple(group[0] for group in NAME_GROUPS)

STREETS: tuple[str, ...] = (
    "rue Fleury Est",
    "rue Fleury Ouest",
    "boulevard Henri-Bourassa Est",
    "boulevard Henri-Bourassa Ouest",
    "rue Lajeunesse",
    "rue Saint-Hubert",
    "avenue Christophe-Colomb",
    "avenue Papineau",
    "rue Sauvé Est",
    "rue Sauvé Ouest",
    "boulevard Gouin Est",
    "boulevard Gouin Ouest",
    "boulevard de l'Acadie",
    "rue Saint-Denis",
    "avenue Péloquin",
    "rue Prieur Est",
    "rue Sauriol Est",
    "avenue Millen",
    "rue Berri",
    "rue de Port-Royal Est",
    "rue Legendre Est",
    "rue Chabanel Ouest",
    "rue Tolhurst",
    "rue Laverdure",
    "rue Meilleur",
    "avenue De Lorimier",
    "rue Clark",
    "boulevard Saint-Laurent",
)

# Forward sortation areas of the north of Montréal (H2x and H3x), and the letters Canada Post
# uses in postal codes.
POSTAL_AREAS: tuple[str, ...] = ("H2B", "H2C", "H2M", "H2N", "H3L", "H3M")
POSTAL_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"

# Fictional mail domains of residents (``.example`` is reserved for examples).
PERSONAL_DOMAINS: tuple[str, ...] = (
    "courriel.example",
    "messagerie.example",
    "poste.example",
    "boite.example",
)

PLACES: tuple[str, ...] = (
    "Salle polyvalente, Maison du quartier (fictive)",
    "Bibliothèque du Sault (fictive), salle d'animation",
    "Centre communautaire Le Pont, grande salle",
    "Sous-sol de l'église de la Visitation (fictive)",
    "En ligne (visioconférence)",
    "Local de la table, salle de réunion",
    "Parc des Berges (fictif), chalet",
)

OUTDOOR_PLACES: tuple[str, ...] = (
    "Marché de la rue Fleury",
    "Parc des Berges (fictif)",
    "Parvis de la bibliothèque du Sault (fictive)",
    "Ruelle verte des Érables (fictive)",
    "Centre communautaire Le Pont, hall d'entrée",
    "Station de métro Henri-Bourassa, sortie nord",
)
