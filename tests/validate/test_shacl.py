"""The shapes run as SPARQL (kg.shacl) report what pySHACL reports, on the Mali graph and on graphs
broken at random in every way the shapes constrain; and a shape the compiler cannot run is refused."""
import random

import pytest
import rdflib
from rdflib import Literal, URIRef

from kg.validate.compile import ShapeError, ShapeQueries
from kg.validate.validators import PyShaclValidator, Validator

KGO = "https://w3id.org/kg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@pytest.fixture(scope="module")
def engines():
    return Validator(), PyShaclValidator()


@pytest.fixture(scope="module")
def mali_triples(mali_events):
    from kg.rdf.quads import article_graph
    from kg.rdf.terms import to_rdflib

    article, events = mali_events
    return sorted({(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)) for q in article_graph(article, events)})


def reported(violations) -> set:
    """What a violation says, but the label: of a node with two, either engine may name it by either."""
    return {(v.focus, v.path, v.message, v.value) for v in violations}


def test_every_targeted_shape_and_property_becomes_a_query():
    checks = ShapeQueries().checks
    paths = {c.path for c in checks}
    assert {"kgo:eventType", "kgo:agent", "kgo:modality", "oa:hasSelector", "kgo:contentHash", "kgo:latitude",
            "(kgo:actorText|kgo:actionText|kgo:targetText|kgo:timeText)"} <= paths
    assert all(c.query.startswith("SELECT DISTINCT ?this") for c in checks)


@pytest.mark.model
def test_the_mali_graph_conforms_for_both_engines(engines, mali_triples):
    fast, reference = engines
    assert len(mali_triples) > 300
    assert fast.check(mali_triples) == [] == reference.check(mali_triples)


def mutate(triples: list, rng: random.Random) -> list:
    """``triples`` with one to three random breakages of the kinds the shapes constrain."""
    triples = list(triples)
    for _ in range(rng.randint(1, 3)):
        index = rng.randrange(len(triples))
        s, p, o = triples[index]
        kind = rng.choice(("drop", "retype", "duplicate", "literal", "iri", "class", "swap"))
        if kind == "drop":
            del triples[index]
        elif kind == "retype" and isinstance(o, Literal):
            triples[index] = (s, p, rng.choice((
                Literal("2025-13-45", datatype=URIRef(XSD + "date")), Literal("1.5", datatype=URIRef(XSD + "decimal")),
                Literal(str(o), lang="en"), Literal(""), Literal("7", datatype=URIRef(XSD + "integer")),
                Literal("-3", datatype=URIRef(XSD + "decimal")), Literal("2025-02", datatype=URIRef(XSD + "gYearMonth")),
                Literal("mli"), Literal("x" * 64))))
        elif kind == "duplicate":
            extra = Literal(f"{o} again") if isinstance(o, Literal) else URIRef(f"{o}-other")
            triples.append((s, p, extra))
        elif kind == "literal" and isinstance(o, URIRef) and p != RDF_TYPE:
            triples[index] = (s, p, Literal(str(o)))
        elif kind == "iri" and isinstance(o, URIRef) and p != RDF_TYPE:
            triples[index] = (s, p, URIRef(f"{o}-unknown"))
        elif kind == "class" and p == RDF_TYPE:
            triples[index] = (s, p, rng.choice((URIRef(KGO + "Place"), URIRef(KGO + "Person"), URIRef(KGO + "Event"),
                                                URIRef(KGO + "Nothing"), URIRef(KGO + "Article"))))
        elif kind == "swap" and str(p).endswith("#start"):
            ends = [t for t in triples if t[0] == s and str(t[1]).endswith("#end")]
            if ends:
                triples[index] = (s, p, Literal(int(ends[0][2]) + 5, datatype=URIRef(XSD + "nonNegativeInteger")))
    return triples


@pytest.mark.model
@pytest.mark.parametrize("seed", range(40))
def test_both_engines_report_the_same_violations_of_a_randomly_broken_graph(engines, mali_triples, seed):
    fast, reference = engines
    rng = random.Random(seed)
    small = [t for t in mali_triples if rng.random() < 0.35 or t[1] == RDF_TYPE]  # a quicker graph to check
    broken = mutate(small, rng)
    graph = rdflib.Graph()
    for triple in broken:
        graph.add(triple)
    expected = reported(reference.check(graph))
    assert reported(fast.check(broken)) == expected
    assert expected  # every seed breaks something: dropping a third of the triples leaves events without parts


def test_a_shape_with_a_feature_the_compiler_does_not_run_is_refused(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true .
    """, encoding="utf-8")
    with pytest.raises(ShapeError, match="closed"):
        ShapeQueries(shapes)
    shapes.write_text("""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:a ex:b ) ; sh:minCount 1 ] .
    """, encoding="utf-8")
    with pytest.raises(ShapeError, match="property path"):
        ShapeQueries(shapes)


@pytest.mark.model
def test_a_whole_store_is_checked_where_it_lies(tmp_path, extractor):
    """``kg validate`` runs the queries on the store itself; a triple written past the build is caught."""
    import pyoxigraph as ox

    from kg.api import KnowledgeGraph
    from kg.rdf.iris import ONTOLOGY_GRAPH
    from kg.validate.validators import validate_store

    doc = tmp_path / "doc.txt"
    doc.write_text("Rebels attacked an army base near Gao on Monday, the army said.\n", encoding="utf-8")
    graph = KnowledgeGraph(str(tmp_path / "store"))
    graph.build([doc], extractor=extractor)
    violations, checked = validate_store(graph.store)
    assert violations == [] and checked == graph.store.count(f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ONTOLOGY_GRAPH}>)")
    assessment = graph.store.select(f"SELECT ?a WHERE {{ ?a a <{KGO}Assertion> }} LIMIT 1")[0]["a"]
    graph.store.store.add(ox.Quad(assessment, ox.NamedNode(KGO + "confidence"), ox.Literal("high"),
                                  ox.NamedNode("https://w3id.org/kg/id/graph/hand-made")))
    fast = {(v.focus, v.path, v.value) for v in validate_store(graph.store)[0]}
    reference = {(v.focus, v.path, v.value) for v in validate_store(graph.store, pyshacl=True)[0]}
    assert fast == reference and len(fast) == 2  # a second confidence, and one that is not a decimal
    assert {v for _, _, v in fast} == {"", '"high"'}
