"""A corpus view of 40 actors in four countries (hand-coded, made up for the tests): what an analyst's
network of a few weeks looks like, to check that it reads at fit-to-screen."""
from __future__ import annotations

from support.events import actor, event, place, story

COUNTRIES = {
    "MLI": ("Malian", ["army", "military junta", "police", "gendarmerie", "opposition coalition", "journalists union",
                       "Wagner fighters", "Dozo militia", "Tuareg rebels", "civil society groups"],
            place("Bamako", "MLI", 12.65, -8.0)),
    "BFA": ("Burkinabe", ["army", "military junta", "VDP volunteers", "police", "Koglweogo militia", "students",
                          "trade unions", "Catholic bishops", "refugees", "Ansarul Islam"], place("Ouagadougou", "BFA", 12.37, -1.53)),
    "NER": ("Nigerien", ["army", "military junta", "police", "Tillaberi villagers", "ruling party", "protest movement",
                         "herders", "judges", "Islamic State Sahel", "opposition leaders"], place("Niamey", "NER", 13.51, 2.11)),
    "SDN": ("Sudanese", ["armed forces", "Rapid Support Forces", "resistance committees", "doctors union", "Darfur civilians",
                         "Port Sudan government", "SPLM-North", "Arab tribal militia", "aid workers", "Khartoum residents"],
            place("Khartoum", "SDN", 15.5, 32.56)),
}
TYPES = ["MilitaryForce", "MilitaryGovernment", "MilitaryForce", "MilitaryForce", "PoliticalParty", "Media",
         "ArmedGroup", "ArmedGroup", "Insurgents", "Civilians"]
PAIRS = [(0, 8, "Attack"), (1, 4, "Arrest"), (2, 5, "Arrest"), (6, 9, "Killing"), (7, 9, "Attack"), (0, 7, "ArmedClash"),
         (1, 5, "Ban"), (4, 1, "Protest"), (9, 0, "Accuse"), (1, 6, "Cooperate"), (3, 4, "Repression"), (8, 3, "Ambush"),
         (5, 1, "Condemn"), (1, 0, "Support"), (6, 8, "Attack"), (2, 9, "Arrest"), (8, 0, "Attack"), (4, 5, "Agree")]


def forty_actor_stories() -> list:
    actors = {code: [actor(f"{people} {name}", TYPES[i], code) for i, name in enumerate(names)]
              for code, (people, names, _) in COUNTRIES.items()}
    stories = []
    for c, (code, (_, _, where)) in enumerate(COUNTRIES.items()):
        claims = []
        for k, (a, b, kind) in enumerate(PAIRS):
            day = 1 + (k * 3 + c) % 28
            modality = "denied" if k % 7 == 3 else "alleged" if k % 5 == 4 else "asserted"
            claims.append(event(kind, actors[code][a], actors[code][b], date=f"2025-07-{day:02d}", modality=modality,
                                place=where if k % 3 == 0 else None, source="officials" if modality != "asserted" else None,
                                sentence=f"{actors[code][a].label} and {actors[code][b].label}: {kind.lower()} on {day} July 2025."))
        stories.append(story(f"{code.lower()}-week", "2025-07-30", claims, source=f"{code} Monitor"))
    codes = list(COUNTRIES)
    regional = [event("Cooperate", actors["MLI"][1], actors["BFA"][1], date="2025-07-20", sentence="The Malian and Burkinabe juntas signed a defence pact."),
                event("Cooperate", actors["BFA"][1], actors["NER"][1], date="2025-07-20", sentence="The Burkinabe and Nigerien juntas joined it."),
                event("Accuse", actors["SDN"][0], actors["SDN"][1], date="2025-07-22", sentence="The army accused the RSF of shelling."),
                event("Attack", actors["MLI"][6], actors["BFA"][9], date="2025-07-25", sentence="Wagner fighters crossed into Burkina Faso."),
                event("Support", actors["NER"][1], actors[codes[0]][1], date="2025-07-26", sentence="Niamey backed Bamako.")]
    stories.append(story("sahel-region", "2025-07-31", regional, source="Regional Wire"))
    return stories
