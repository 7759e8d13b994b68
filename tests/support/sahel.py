"""Two weeks of hand-coded Sahel news (made up for the tests): the week of Monday 2025-08-04 and
the week before it, three countries, an event two sources report and a third denies, an alleged
massacre, a planned one, places with and without coordinates, an article with no publication date.

What the week of 2025-08-04 holds, as a brief should tell it:

- new: the arrest of Moussa Mara in Bamako (2025-08-03; Sahel Wire and AFP report it, the junta
  denies it), JNIM's attack on the Burkinabe army in Djibo, the Burkinabe army's alleged killing
  of Djibo villagers (according to Human Rights Watch), the Niamey protest against the Nigerien
  junta, ECOWAS's planned sanctions on the Nigerien junta, the junta's ban of Malian political parties,
  JNIM's undated, placeless threat against ECOWAS (in an article about Burkina Faso);
- not new: JNIM's attack on Malian soldiers near Gao (2025-07-28), reported again this week;
- new actors: Moussa Mara, the Burkinabe army, Djibo villagers, Human Rights Watch is a source,
  Niamey protesters, the Nigerien junta, ECOWAS, Malian political parties;
- the previous week: JNIM attacked Malian soldiers near Gao twice (two events), the junta consulted Russia.
"""
from __future__ import annotations

from support.events import actor, event, place, story

SOLDIERS = actor("Malian soldiers", "MilitaryForce", "MLI")
JUNTA = actor("Malian military junta", "MilitaryGovernment", "MLI")
MARA = actor("Moussa Mara", "Person", "MLI")
PARTIES = actor("Malian political parties", "PoliticalParty", "MLI")
JNIM = actor("JNIM", "ArmedGroup")
BF_ARMY = actor("Burkinabe army", "MilitaryForce", "BFA")
VILLAGERS = actor("Djibo villagers", "Civilians", "BFA")
NIGER_JUNTA = actor("Nigerien military junta", "MilitaryGovernment", "NER")
PROTESTERS = actor("Niamey protesters", "Protesters", "NER")
ECOWAS = actor("ECOWAS", "InternationalOrganization")
RUSSIA = actor("Russia", "Country", "RUS")

BAMAKO = place("Bamako", "MLI", 12.65, -8.0, 2460596)
GAO = place("Gao", "MLI", 16.2719, -0.0447, 2457163)
DJIBO = place("Djibo", "BFA", 14.1022, -1.6306, 2361177)
NIAMEY = place("Niamey", "NER", 13.5137, 2.1098, 2440485)
NORTH = place("the north (Mali)", "MLI")

ARREST = "Malian soldiers arrested Moussa Mara in Bamako on 3 August 2025."

STORIES = [
    # the week before: 2025-07-28 .. 2025-08-03
    story("gao-1", "2025-07-29", [
        event("Attack", JNIM, SOLDIERS, date="2025-07-28", place=GAO,
              sentence="JNIM fighters attacked Malian soldiers near Gao on 28 July 2025."),
        event("Attack", JNIM, SOLDIERS, date="2025-07-27", place=NORTH,
              sentence="A day earlier JNIM had attacked soldiers in the north."),
    ], source="Sahel Wire"),
    story("russia-1", "2025-08-01", [
        event("Consult", JUNTA, RUSSIA, date="2025-07-31", sentence="The junta met Russian officials on 31 July 2025."),
    ], source="Bamako Daily"),
    # the week of 2025-08-04
    story("mara-1", "2025-08-04", [
        event("Arrest", SOLDIERS, MARA, date="2025-08-03", place=BAMAKO, sentence=ARREST),
        event("Attack", JNIM, SOLDIERS, date="2025-07-28", place=GAO,
              sentence="Last week JNIM attacked Malian soldiers near Gao."),
    ], source="Sahel Wire", url="https://example.org/sahel/mara-1"),
    story("mara-2", "2025-08-05", [
        event("Arrest", SOLDIERS, MARA, date="2025-08-03", place=BAMAKO, source="his party",
              sentence="Soldiers detained Moussa Mara in Bamako on 3 August 2025, according to his party."),
    ], source="AFP"),
    story("mara-3", "2025-08-06", [
        event("Arrest", SOLDIERS, MARA, modality="denied", same_as="2025-08-03", place=BAMAKO, source="Malian military junta",
              sentence="The junta denied that soldiers had arrested Moussa Mara."),
        event("Ban", JUNTA, PARTIES, date="2025-08-05", sentence="The junta dissolved all political parties on 5 August 2025."),
    ], source="Bamako Daily"),
    story("djibo-1", "2025-08-07", [
        event("Attack", JNIM, BF_ARMY, date="2025-08-05", place=DJIBO,
              sentence="JNIM attacked a Burkinabe army base in Djibo on 5 August 2025."),
        event("Killing", BF_ARMY, VILLAGERS, modality="alleged", date="2025-08-06", place=DJIBO, source="Human Rights Watch",
              sentence="Burkinabe soldiers killed dozens of villagers in Djibo on 6 August, Human Rights Watch alleged."),
        event("Threaten", JNIM, ECOWAS, sentence="JNIM threatened ECOWAS in a statement."),
    ], source="Burkina24"),
    story("niamey-1", "2025-08-08", [
        event("Protest", PROTESTERS, NIGER_JUNTA, date="2025-08-08", place=NIAMEY,
              sentence="Thousands of protesters marched against the junta in Niamey on 8 August 2025."),
        event("Sanction", ECOWAS, NIGER_JUNTA, modality="planned",
              sentence="ECOWAS will impose sanctions on the Nigerien junta."),
    ], source="Reuters"),
    story("undated-1", None, [
        event("ProvideAid", RUSSIA, JUNTA, sentence="Russia delivered aid to the junta."),
    ]),
]
