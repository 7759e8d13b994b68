"""Names resolved without false merges, on a corpus of colliding surnames written for the test: a
surname alone takes the full name its own article gives, else the one full name the build knows,
else (several known) it stays apart, marked with the names it may be; a full name is never made
longer; and the decisions are the same whatever order the names or the articles come in."""
from __future__ import annotations

import itertools

import pytest

from kg.api import KnowledgeGraph
from kg.rdf.iris import actor_iri, graph_iri
from kg.resolve.resolver import Resolver

KGO = "https://w3id.org/kg/ontology#"


def answers(names: list[str], asked: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    resolver = Resolver()
    for name in names:
        resolver.learn(name)
    return [(resolver.full_name(a), resolver.candidates(a)) for a in asked]


def test_a_surname_known_in_full_once_resolves_and_one_known_twice_stays_apart_in_any_order():
    names = ["Sadio Camara", "Abdoulaye Camara", "Asimi Goïta", "Nema Sagara"]
    asked = ["Camara", "Goita", "Keita", "Sagara", "Nema Sagara"]
    results = {tuple(answers(list(order), asked)) for order in itertools.permutations(names)}
    assert results == {(
        ("Camara", ("Abdoulaye Camara", "Sadio Camara")),  # two known: no one
        ("Asimi Goïta", ("Asimi Goïta",)),  # accents and case aside
        ("Keita", ()),  # none known: the surname as it is
        ("Nema Sagara", ("Nema Sagara",)),
        ("Nema Sagara", ()),  # a full name is looked up by no one
    )}


def test_a_full_name_is_never_made_longer():
    assert answers(["Asimi Nema Sagara"], ["Nema Sagara"]) == [("Nema Sagara", ())]


# Articles of a corpus about Mali where two people share each of two surnames.
ARTICLES = {
    "camara-defence": "Defence Minister Sadio Camara ordered the arrest of three officers in Kati on 2 May 2025.",
    "camara-general": "Soldiers loyal to General Abdoulaye Camara attacked a checkpoint in Gao on 4 May 2025.",
    "camara-alone": "Camara ordered the arrest of two journalists in Bamako on 6 May 2025.",
    "camara-own": "General Abdoulaye Camara met the envoy in Mopti. Camara later accused the rebels of attacking the town.",
    "diallo-one": "Police arrested opposition leader Mamadou Diallo in Sikasso on 8 May 2025.",
    "diallo-alone": "Diallo denounced the junta in Bamako on 9 May 2025.",
}


def build(order: list[str], extractor, folder) -> KnowledgeGraph:
    paths = []
    for key in order:
        path = folder / f"{key}.md"
        path.write_text(f"---\npublished: 2025-05-10\n---\n{ARTICLES[key]}\n", encoding="utf-8")
        paths.append(path)
    graph = KnowledgeGraph(":memory:")
    graph.build(paths, extractor=extractor)
    return graph


def people_of(graph: KnowledgeGraph, article: str) -> set[str]:
    rows = graph.store.select(f"""
        SELECT DISTINCT ?name WHERE {{
          GRAPH <{graph_iri(article)}> {{ ?a <{KGO}asserts> ?e }}
          ?e <{KGO}agent>|<{KGO}target> ?x . ?x a <{KGO}Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name .
        }}""")
    return {r["name"].value for r in rows}


@pytest.mark.model
def test_colliding_surnames_in_a_corpus_resolve_only_where_it_is_safe_and_in_any_order(extractor, tmp_path):
    forward = build(list(ARTICLES), extractor, tmp_path)
    assert people_of(forward, "camara-own") == {"Abdoulaye Camara"}  # the article's own full name first
    assert people_of(forward, "diallo-alone") == {"Mamadou Diallo"}  # the one Diallo the build knows
    alone = forward.store.select(f"""
        SELECT ?x ?label ?may WHERE {{ ?e <{KGO}agent> ?x . ?x <http://www.w3.org/2000/01/rdf-schema#label> ?label ;
                                        <{KGO}mayBeNamed> ?may }} ORDER BY ?may""")
    assert [(r["label"].value, r["may"].value) for r in alone] == [("Camara", "Abdoulaye Camara"), ("Camara", "Sadio Camara")]
    assert {r["x"].value for r in alone} == {str(actor_iri("Camara in camara-alone"))}  # kept apart, of its article
    assert str(actor_iri("Camara")) not in {r["x"].value for r in forward.store.select("SELECT ?x WHERE { ?e ?p ?x }")}
    assert forward.validate() == []

    backward = build(list(reversed(ARTICLES)), extractor, tmp_path)
    shuffled = build(["camara-alone", "diallo-alone", "camara-own", "diallo-one", "camara-general", "camara-defence"],
                     extractor, tmp_path)
    entity = f"SELECT ?s ?p ?o WHERE {{ GRAPH <https://w3id.org/kg/id/graph/entities> {{ ?s ?p ?o }} }}"
    settled = {frozenset((r["s"], r["p"], r["o"]) for r in g.store.select(entity)) for g in (forward, backward, shuffled)}
    assert len(settled) == 1
