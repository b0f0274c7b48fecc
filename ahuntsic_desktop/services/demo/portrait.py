"""Demo step: portrait indicators for a few themes, four territories (a sub-sector, the
neighbourhood, the borough, Montréal) and three census years. Every figure is invented."""

from __future__ import annotations

from decimal import Decimal

from ...domain import Indicator
from .common import Demo

YEARS = (2011, 2016, 2021)
SOURCE = "Données fictives de démonstration (modèle : profil du recensement)"
# (name, level, how far it usually sits from the neighbourhood's value)
TERRITORIES = (
    ("Secteur des Saules (fictif)", "sous_secteur", 1.25),
    ("Ahuntsic", "quartier", 1.0),
    ("Ahuntsic-Cartierville", "arrondissement", 0.95),
    ("Montréal", "ville", 0.9),
)
# (theme, name, population group, unit, neighbourhood value in 2011, change per 5 years)
INDICATORS = (
    ("Démographie", "Personnes de 65 ans et plus", "", "%", 17.0, 1.4),
    ("Démographie", "Familles monoparentales", "Familles avec enfants", "%", 31.0, -0.8),
    ("Démographie", "Personnes issues de l'immigration", "", "%", 33.0, 1.9),
    ("Revenu", "Personnes à faible revenu (MFR-ApI)", "", "%", 21.0, -1.6),
    ("Revenu", "Personnes à faible revenu (MFR-ApI)", "Moins de 18 ans", "%", 24.0, -2.1),
    ("Logement", "Ménages locataires", "", "%", 62.0, -0.6),
    ("Logement", "Locataires consacrant 30 % ou plus du revenu au logement", "", "%", 36.0, 0.7),
    ("Scolarité", "Personnes de 25 à 64 ans sans diplôme", "", "%", 14.0, -1.5),
)


def write_indicators(demo: Demo) -> None:
    rows = []
    for theme, name, group, unit, base, step in INDICATORS:
        for territory, level, factor in TERRITORIES:
            for index, year in enumerate(YEARS):
                value = (base + step * index) * factor * demo.rng.uniform(0.96, 1.04)
                rows.append(
                    {
                        "id": demo.new_id("indicator"),
                        "theme": theme,
                        "name": name,
                        "territory": territory,
                        "territory_level": level,
                        "population_group": group,
                        "year": year,
                        "value": Decimal(str(round(value, 1))),
                        "unit": unit,
                        "source": SOURCE,
                    }
                )
    demo.write(Indicator, rows)
