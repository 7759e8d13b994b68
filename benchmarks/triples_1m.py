"""Oxigraph against rdflib's in-memory graph on a million kg-shaped triples.

Generates synthetic but realistic kg data (actors with Zipf-like popularity, places, articles,
events of the ontology's event types, one to three assertions per event with modality, attribution,
sentence and a text-position selector), loads it into a pyoxigraph in-memory Store and into an
rdflib Graph, runs two aggregates (events per type; events per agent) and a two-hop query (whom
the targets of an actor went on to act against), checks that both engines agree, and prints the
times and the rdflib/Oxigraph ratios.

    python benchmarks/triples_1m.py [--triples 1000000] [--repeat 3] [--seed 7]

Run on demand (``make bench-triples``); it takes a few minutes and a few GB of memory, mostly rdflib's.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from itertools import islice
from typing import Iterator

KGO = "https://w3id.org/kg/ontology#"
KGR = "https://w3id.org/kg/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
SCHEMA = "https://schema.org/"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
ACTOR_TYPES = ["Person", "MilitaryForce", "Government", "MilitaryGovernment", "ArmedGroup", "Insurgents",
               "PoliticalParty", "Civilians", "Protesters", "Media", "InternationalOrganization", "Country"]
SECTORS = ["GOV", "MIL", "REB", "INS", "CVL", "OPP", "MED", "IGO", "COP"]
COUNTRIES = ["MLI", "BFA", "NER", "TCD", "SDN", "SOM", "NGA", "COD", "ETH", "LBY", "MMR", "YEM"]
MODALITIES = ["Asserted", "Reported", "Alleged", "Denied", "Planned", "Hypothetical"]
MODALITY_WEIGHTS = [50, 25, 10, 6, 6, 3]
SOURCES = ["AFP", "Reuters", "AP", "local sources", "a military spokesman", "witnesses", "the ministry", "residents"]

AGGREGATE_TYPES = f"""
PREFIX kgo: <{KGO}>
SELECT ?type (COUNT(?e) AS ?events) WHERE {{ ?e a kgo:Event ; kgo:eventType ?type }}
GROUP BY ?type ORDER BY DESC(?events) ?type"""

AGGREGATE_ACTORS = f"""
PREFIX kgo: <{KGO}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?actor ?name (COUNT(?e) AS ?events) WHERE {{ ?e kgo:agent ?actor . ?actor rdfs:label ?name }}
GROUP BY ?actor ?name ORDER BY DESC(?events) ?actor LIMIT 50"""

TWO_HOP = f"""
PREFIX kgo: <{KGO}>
SELECT ?c (COUNT(*) AS ?paths) WHERE {{
  ?e1 kgo:agent <{KGR}actor/a0> ; kgo:target ?b .
  ?e2 kgo:agent ?b ; kgo:target ?c .
  FILTER(?c != <{KGR}actor/a0>)
}} GROUP BY ?c ORDER BY DESC(?paths) ?c LIMIT 50"""

QUERIES = [("aggregate: events per type", AGGREGATE_TYPES),
           ("aggregate: events per agent", AGGREGATE_ACTORS),
           ("two-hop: actor -> event -> target -> event -> target", TWO_HOP)]


def triples(total: int, seed: int) -> Iterator[tuple[str, str, tuple[str, str | None] | str]]:
    """``total`` kg-shaped triples as (subject IRI, predicate IRI, object) where the object is an IRI
    string or a (lexical form, datatype IRI or None) literal pair."""
    rng = random.Random(seed)
    n_actors, n_places = max(50, total // 500), max(20, total // 2000)
    count = 0

    def emit(s, p, o):
        nonlocal count
        count += 1
        return s, p, o

    actors = [f"{KGR}actor/a{i}" for i in range(n_actors)]
    for i, actor in enumerate(actors):
        kind = ACTOR_TYPES[i % len(ACTOR_TYPES)]
        yield emit(actor, RDF_TYPE, KGO + kind)
        yield emit(actor, RDFS_LABEL, (f"Actor {i} ({kind})", None))
        yield emit(actor, KGO + "countryCode", (COUNTRIES[i % len(COUNTRIES)], None))
        yield emit(actor, KGO + "sector", (SECTORS[i % len(SECTORS)], None))
    places = [f"{KGR}place/geonames-{100000 + i}" for i in range(n_places)]
    for i, place in enumerate(places):
        yield emit(place, RDF_TYPE, KGO + "Place")
        yield emit(place, RDFS_LABEL, (f"Town {i}", None))
        yield emit(place, KGO + "countryCode", (COUNTRIES[i % len(COUNTRIES)], None))
        yield emit(place, KGO + "geonamesId", (str(100000 + i), XSD + "integer"))
        yield emit(place, KGO + "latitude", (f"{rng.uniform(-10, 25):.3f}", XSD + "decimal"))
        yield emit(place, KGO + "longitude", (f"{rng.uniform(-15, 45):.3f}", XSD + "decimal"))
    popularity = [1.0 / (rank + 1) for rank in range(n_actors)]  # a few actors act in most events
    event_types = _event_types()
    article, article_events = -1, 0
    event = 0
    while count < total:
        if article_events == 0:
            article += 1
            article_events = rng.randint(3, 30)
            art = f"{KGR}article/news-{article}"
            yield emit(art, RDF_TYPE, KGO + "Article")
            yield emit(art, SCHEMA + "identifier", (f"news-{article}", None))
            yield emit(art, KGO + "contentHash", (f"{rng.getrandbits(256):064x}", None))
            yield emit(art, SCHEMA + "headline", (f"Clashes and arrests, report {article}", None))
            yield emit(art, SCHEMA + "datePublished", (_date(rng), XSD + "date"))
        article_events -= 1
        node = f"{KGR}event/e{event}"
        event += 1
        agent, target = rng.choices(actors, weights=popularity, k=2)
        etype = rng.choice(event_types)
        yield emit(node, RDF_TYPE, KGO + "Event")
        yield emit(node, KGO + "eventType", KGO + etype)
        yield emit(node, RDFS_LABEL, (f"{agent.rsplit('/', 1)[1]}: {etype} {target.rsplit('/', 1)[1]}", None))
        yield emit(node, KGO + "agent", agent)
        if agent != target:
            yield emit(node, KGO + "target", target)
        if rng.random() < 0.7:
            yield emit(node, KGO + "date", (_date(rng), XSD + "date"))
        if rng.random() < 0.6:
            yield emit(node, SEM + "hasPlace", rng.choice(places))
        for k in range(rng.choice([1, 1, 1, 2, 2, 3])):
            assertion = f"{KGR}assertion/{event}-{k}"
            selector = assertion + "/selector"
            start = rng.randint(0, 5000)
            yield emit(assertion, RDF_TYPE, KGO + "Assertion")
            yield emit(assertion, KGO + "asserts", node)
            yield emit(assertion, KGO + "modality", KGO + rng.choices(MODALITIES, weights=MODALITY_WEIGHTS)[0])
            yield emit(assertion, KGO + "confidence", (f"{rng.uniform(0.5, 1):.2f}", XSD + "decimal"))
            yield emit(assertion, KGO + "sentence", (f"Sentence {event}-{k} about {etype} by actor {agent}.", None))
            yield emit(assertion, KGO + "actionText", (etype.lower(), None))
            if rng.random() < 0.4:
                yield emit(assertion, KGO + "attributedTo", (rng.choice(SOURCES), None))
            yield emit(assertion, PROV + "wasDerivedFrom", art)
            yield emit(assertion, OA + "hasSource", art)
            yield emit(assertion, OA + "hasSelector", selector)
            yield emit(selector, RDF_TYPE, OA + "TextPositionSelector")
            yield emit(selector, OA + "start", (str(start), XSD + "integer"))
            yield emit(selector, OA + "end", (str(start + rng.randint(40, 300)), XSD + "integer"))


def _date(rng: random.Random) -> str:
    return f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _event_types() -> list[str]:
    from kg.rdf.scheme import event_types

    return sorted(event_types())


def load_oxigraph(data: list):
    import pyoxigraph as ox

    nodes: dict[str, ox.NamedNode] = {}

    def node(iri: str) -> ox.NamedNode:
        term = nodes.get(iri)
        if term is None:
            term = nodes[iri] = ox.NamedNode(iri)
        return term

    def obj(o):
        if isinstance(o, str):
            return node(o)
        value, datatype = o
        return ox.Literal(value, datatype=node(datatype)) if datatype else ox.Literal(value)

    store = ox.Store()
    store.bulk_extend(ox.Quad(node(s), node(p), obj(o), ox.DefaultGraph()) for s, p, o in data)
    return store


def load_rdflib(data: list):
    from rdflib import Graph, Literal, URIRef

    graph = Graph()
    nodes: dict[str, URIRef] = {}

    def node(iri: str) -> URIRef:
        term = nodes.get(iri)
        if term is None:
            term = nodes[iri] = URIRef(iri)
        return term

    add = graph.add
    for s, p, o in data:
        if isinstance(o, str):
            add((node(s), node(p), node(o)))
        else:
            value, datatype = o
            add((node(s), node(p), Literal(value, datatype=node(datatype) if datatype else None)))
    return graph


def run_oxigraph(store, query: str) -> list[tuple]:
    return [tuple(_plain(row[i]) for i in range(len(row))) for row in store.query(query)]


def run_rdflib(graph, query: str) -> list[tuple]:
    return [tuple(_plain(v) for v in row) for row in graph.query(query)]


def _plain(term) -> str | None:
    if term is None:
        return None
    return getattr(term, "value", None) if hasattr(term, "value") and not isinstance(term, str) else str(term)


def timed(fn, repeat: int) -> tuple[float, list]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per query; the median is reported")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    started = time.perf_counter()
    data = list(islice(triples(args.triples, args.seed), args.triples))
    print(f"generated {len(data):,} kg triples in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    store = load_oxigraph(data)
    ox_load = time.perf_counter() - started
    started = time.perf_counter()
    graph = load_rdflib(data)
    rdf_load = time.perf_counter() - started
    assert len(store) == len(graph), (len(store), len(graph))
    print(f"loaded {len(graph):,} distinct triples: oxigraph {ox_load:.2f} s, rdflib {rdf_load:.2f} s "
          f"(rdflib/oxigraph {rdf_load / ox_load:.1f}x)")
    del data

    print(f"\n{'query':55} {'oxigraph':>10} {'rdflib':>10} {'ratio':>8}  rows")
    for name, query in QUERIES:
        ox_time, ox_rows = timed(lambda: run_oxigraph(store, query), args.repeat)
        rdf_time, rdf_rows = timed(lambda: run_rdflib(graph, query), args.repeat)
        same = _normalised(ox_rows) == _normalised(rdf_rows)
        print(f"{name:55} {ox_time * 1000:8.1f}ms {rdf_time * 1000:8.1f}ms {rdf_time / ox_time:7.1f}x  "
              f"{len(ox_rows)}{'' if same else '  RESULTS DIFFER'}")


def _normalised(rows: list[tuple]) -> list[tuple]:
    return sorted(tuple("" if v is None else str(v) for v in row) for row in rows)


if __name__ == "__main__":
    main()
