"""Finding events costs the same per sentence however many names an article holds: an article that
names thousands of people (a list of the detained, a roll of the dead) is found in linear time, not
in the square of its names."""
from __future__ import annotations

import time

import pytest

from kg.extraction.events import extract_events
from kg.records import Article
from kg.resolve.resolver import Resolver

pytestmark = [pytest.mark.model, pytest.mark.slow]

GIVEN = ["Amadou", "Fatoumata", "Ibrahim", "Aminata", "Moussa", "Mariam", "Oumar", "Kadiatou", "Seydou", "Awa"]
FAMILY = ["Traoré", "Diallo", "Keita", "Coulibaly", "Sangaré", "Touré", "Cissé", "Konaté", "Diarra", "Maïga"]


def roll(sentences: int) -> str:
    """An article of ``sentences`` arrests, each naming two different people."""
    lines = []
    for i in range(sentences):
        first = f"{GIVEN[i % 10]} {FAMILY[(i // 10) % 10]}"
        second = f"{GIVEN[(i + 3) % 10]} {FAMILY[(i // 7) % 10]}"
        lines.append(f"Soldiers arrested {first} and {second} in Bamako.")
    return " ".join(lines)


def seconds_per_sentence(extractor, sentences: int) -> float:
    with extractor.nlp.select_pipes(disable=["kg_events"]):
        doc = extractor.nlp(roll(sentences))
    finder = extractor.nlp.get_pipe("kg_events")
    started = time.perf_counter()
    events = extract_events(finder(doc), Article(id="roll", text=doc.text), extractor.rules, Resolver())
    taken = time.perf_counter() - started
    assert len(events) >= sentences // 2  # most arrests found, so the work measured is the real work
    return taken / sentences


def test_event_finding_is_linear_in_the_names_of_an_article(extractor):
    seconds_per_sentence(extractor, 50)  # warm up the matchers' caches
    small = min(seconds_per_sentence(extractor, 250) for _ in range(2))
    large = min(seconds_per_sentence(extractor, 2_000) for _ in range(2))
    # linear: the same per sentence; one scan of all names per word would make it eight times as much
    assert large < 2.5 * small, f"{small * 1e3:.2f} ms a sentence at 250 sentences, {large * 1e3:.2f} ms at 2,000"
