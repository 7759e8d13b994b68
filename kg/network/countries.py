"""Which country an event is in, when the text does not always say: its place's country, else its
actors' (the agent's, then the target's), else the main country of the article that reports it
(the country its events' places and actors name most). ACLED users expect every event to have one.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable


def main_countries(mentions: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The country each article names most, from (article, country) pairs, one per mention; ties go
    to the code first in alphabetical order.

    >>> main_countries([("a", "MLI"), ("a", "BFA"), ("a", "MLI"), ("b", "NER")])
    {'a': 'MLI', 'b': 'NER'}
    """
    counts: dict[str, Counter] = {}
    for article, country in mentions:
        if country:
            counts.setdefault(article, Counter())[country] += 1
    return {article: min(c, key=lambda code: (-c[code], code)) for article, c in counts.items()}


def event_country(place: str | None, agent: str | None, target: str | None, articles: Iterable[str],
                  main: dict[str, str]) -> tuple[str, str]:
    """(ISO code, where it came from: ``place``, ``actor``, ``article`` or ``""``) for one event.

    >>> event_country(None, None, "MLI", ["a"], {"a": "BFA"})
    ('MLI', 'actor')
    >>> event_country(None, None, None, ["b", "a"], {"a": "BFA"})
    ('BFA', 'article')
    """
    if place:
        return place, "place"
    if agent or target:
        return agent or target, "actor"
    for article in sorted(articles):
        if main.get(article):
            return main[article], "article"
    return "", ""


def claim_countries(items: list[dict]) -> dict[str, str]:
    """The country of each event of ``items`` (claim dicts of :func:`kg.network.claims.claims`)."""
    mentions = []
    by_event: dict[str, dict] = {}
    for c in items:
        for code in (c.get("place_country"), (c["agent"] or {}).get("country"), (c["target"] or {}).get("country")):
            if code:
                mentions.append((c["article"], code))
        entry = by_event.setdefault(c["event"], {"place": None, "agent": None, "target": None, "articles": set()})
        entry["place"] = entry["place"] or c.get("place_country") or None
        entry["agent"] = entry["agent"] or (c["agent"] or {}).get("country") or None
        entry["target"] = entry["target"] or (c["target"] or {}).get("country") or None
        entry["articles"].add(c["article"])
    main = main_countries(mentions)
    return {event: event_country(e["place"], e["agent"], e["target"], e["articles"], main)[0] for event, e in by_event.items()}
