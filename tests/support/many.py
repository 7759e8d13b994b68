"""A made-up store of many actors and claims (seeded, so the same every run), built without the
pipeline: enough actors that betweenness is sampled, claims denied, alleged and reported, events
two articles report, one-sided claims, dates of every precision, places with and without
coordinates. For the tests that compare what the store sums up with what every claim says."""
from __future__ import annotations

import random

from support.events import actor, event, place, story

TYPES = ["Attack", "Arrest", "Protest", "Cooperate", "Accuse", "Coup", "Ambush", "ProvideAid", "Ban", "Consult"]
KINDS = ["MilitaryForce", "Government", "Insurgents", "Civilians", "Person", "Media", "PoliticalParty"]
MODALITIES = ["asserted", "asserted", "reported", "alleged", "denied", "planned"]
PLACES = [place("Bamako", "MLI", 12.65, -8.0), place("Gao", "MLI"), place("Niamey", "NER", 13.51, 2.11), None]
DATES = [None, "2024", "2024-05", "2024-05-03", "2025-01-20", "2025-02"]


def many_stories(articles: int = 60, actors: int = 400, claims: int = 20, seed: int = 3) -> list:
    """``articles`` stories of ``claims`` claims each among ``actors`` actors, a few of them busy."""
    rng = random.Random(seed)
    cast = [actor(f"Actor {i:03d}", KINDS[i % len(KINDS)], ["MLI", "NER", None][i % 3]) for i in range(actors)]
    busy = cast[:12]
    stories, earlier = [], []
    for a in range(articles):
        told = []
        for c in range(claims):
            if earlier and rng.random() < 0.15:  # another article's event, told again
                kind, agent, target, date, where = rng.choice(earlier)
                told.append(event(kind, agent, target, modality=rng.choice(MODALITIES), date=date, place=where,
                                  sentence=f"Article {a} says again: {kind} {c}."))
                continue
            agent = rng.choice(busy) if rng.random() < 0.4 else rng.choice(cast)
            target = rng.choice(cast) if rng.random() < 0.85 else None
            if rng.random() < 0.08:
                agent = None
            kind, date, where = rng.choice(TYPES), rng.choice(DATES), rng.choice(PLACES)
            source = rng.choice([None, None, "AFP", "local officials"])
            told.append(event(kind, agent, target, modality=rng.choice(MODALITIES), date=date, place=where, source=source,
                              sentence=f"In article {a}, claim {c}: {kind}."))
            earlier.append((kind, agent, target, date, where))
        stories.append(story(f"m{a:03d}", f"2025-03-{1 + a % 28:02d}", told, source=rng.choice(["Wire", None])))
    return stories
