"""Names resolved again from what a parse found, without parsing again: an article that knew a
person only by surname gets, once the build knows the full name, the events a new extraction from
those names gives, also when it was parsed in pieces."""
from __future__ import annotations

import pytest

from kg.extraction.extractor import Extractor
from kg.records import Article
from kg.resolve.resolver import Resolver

TEXT = ("Colonel Traoré told reporters that soldiers had arrested two mayors in Sikasso on 3 March 2025.\n\n"
        "Traoré later accused the rebels of attacking a convoy near Gao.\n\n"
        "Police detained Traoré's spokesman in Bamako on 5 March 2025.")


def knowing(*names: str) -> Resolver:
    resolver = Resolver()
    for name in names:
        resolver.learn(name)
    return resolver


def contracts(events) -> list[dict]:
    return [event.contract() for event in events]


@pytest.mark.model
@pytest.mark.parametrize("piece_chars", [100_000, 120])
def test_names_resolved_again_are_those_a_new_extraction_gives(extractor, piece_chars):
    reader = Extractor(rules=extractor.rules, nlp=extractor.nlp, piece_chars=piece_chars)
    article = Article(id="colonel", text=TEXT, published="2025-03-06")
    (_, first, unresolved), = reader.stream([article], resolver=Resolver(), keep=True)
    (_, fresh), = reader.stream([article], resolver=knowing("Ibrahim Traoré"))
    again = unresolved.resolve(knowing("Ibrahim Traoré"))
    assert contracts(again) == contracts(fresh)
    labels = {ref.label for event in first for ref in (event.actor, event.target) if ref is not None}
    assert "Traoré" in labels and "Ibrahim Traoré" not in labels  # unknown at first: the surname as it is
    assert "Ibrahim Traoré" in {ref.label for event in again for ref in (event.actor, event.target) if ref is not None}
    assert [e.iri for e in again] == [e.iri for e in fresh] != [e.iri for e in first]


@pytest.mark.model
def test_resolving_again_leaves_what_was_kept_as_it_was(extractor):
    article = Article(id="colonel", text=TEXT, published="2025-03-06")
    (_, _, unresolved), = extractor.stream([article], resolver=Resolver(), keep=True)
    with_name = contracts(unresolved.resolve(knowing("Ibrahim Traoré")))
    without = contracts(unresolved.resolve(Resolver()))
    assert with_name != without
    assert contracts(unresolved.resolve(knowing("Ibrahim Traoré"))) == with_name
