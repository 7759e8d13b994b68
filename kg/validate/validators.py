"""Check graphs against the SHACL shapes, the ontology's classes and scheme included.

The data is checked together with the ontology (class hierarchy, event-type scheme), so that
``sh:class kgo:Actor`` accepts a ``kgo:Person`` and an event type must be a concept of the scheme.
:class:`Validator` runs the shapes as SPARQL in Oxigraph (:mod:`kg.validate.compile`): what every
build uses on every article, and what ``kg validate`` runs on a whole store where it lies.
:class:`PyShaclValidator` runs them in pySHACL, the reference the first is held to.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable

from kg.rdf.iris import ONTOLOGY_GRAPH
from kg.rdf.scheme import ONTOLOGY_FILE, SHAPES_FILE
from kg.rdf.terms import to_ox, to_rdflib
from kg.validate.compile import ShapeQueries
from kg.validate.report import Violation, report, violations_of

ONTOLOGY_PREDICATES = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
    "http://www.w3.org/2000/01/rdf-schema#subClassOf",
    "http://www.w3.org/2004/02/skos/core#inScheme",
}


class Validator:
    """The shapes compiled to SPARQL and the ontology triples they consult, parsed once, to check
    many graphs against: each check loads the graph into an in-memory Oxigraph store."""

    def __init__(self, shapes: Path = SHAPES_FILE, ontology: Path = ONTOLOGY_FILE):
        import pyoxigraph as ox

        self.queries = ShapeQueries(shapes)
        with ontology.open("rb") as handle:
            self.ontology = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                             for t in ox.parse(handle, format=ox.RdfFormat.TURTLE) if t.predicate.value in ONTOLOGY_PREDICATES]

    def check(self, quads: Iterable) -> list[Violation]:
        """Violations of the shapes by ``quads``: pyoxigraph quads or triples, or tuples of rdflib
        terms (a 4th element, the graph, is ignored: the triples are checked as one graph).

        Quads keep their graphs in the checking store and the shapes run over the union of its
        graphs (the same triples, as one graph): re-making every quad in the default graph would
        cost more than the check."""
        import pyoxigraph as ox

        default = ox.DefaultGraph()
        store = ox.Store()
        store.extend(self.ontology)
        store.extend(q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object, default)
                     if isinstance(q, ox.Triple) else ox.Quad(to_ox(q[0]), to_ox(q[1]), to_ox(q[2]), default) for q in quads)

        def query(sparql: str):
            return store.query(sparql, use_default_graph_as_union=True)

        return report(self.queries.run(query), query)



class PyShaclValidator:
    """The shapes and the ontology in rdflib, checked by pySHACL: slower, and the reference that
    :class:`Validator` must agree with."""

    def __init__(self, shapes: Path = SHAPES_FILE, ontology: Path = ONTOLOGY_FILE):
        import rdflib

        self.shapes = rdflib.Graph().parse(shapes, format="turtle")
        full = rdflib.Graph().parse(ontology, format="turtle")
        self.ontology = [t for t in full if str(t[1]) in ONTOLOGY_PREDICATES]

    def check(self, triples: Iterable[tuple]) -> list[Violation]:
        """Violations of the shapes by ``triples``: tuples of rdflib terms (a 4th element, the graph,
        is ignored), or pyoxigraph quads or triples."""
        import pyoxigraph as ox
        import rdflib
        from pyshacl import validate

        data = rdflib.Graph()
        for triple in self.ontology:
            data.add(triple)
        for quad in triples:
            if isinstance(quad, (ox.Quad, ox.Triple)):
                data.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
            else:
                data.add(tuple(quad[:3]))
        with quiet_rdflib():
            conforms, results, _ = validate(data, shacl_graph=self.shapes, inference="none", inplace=True)
        return [] if conforms else violations_of(results, data)



@contextmanager
def quiet_rdflib():
    """Silence rdflib's logged tracebacks for ill-typed literals ("2025-13-45"^^xsd:date): the
    shapes report those as violations, in one line each."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)



def validate_store(store, *, pyshacl: bool = False) -> tuple[list[Violation], int]:
    """Violations of the shapes by everything in a :class:`kg.store.Store` (or a remote store),
    and how many distinct triples outside the ontology graph were checked. The shapes run as SPARQL
    queries where the data lies, all graphs as one, the store's ontology graph giving the classes;
    with ``pyshacl`` the store is copied into rdflib and checked by pySHACL instead, against the
    ontology file."""
    if pyshacl:
        with quiet_rdflib():
            triples = {(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)) for q in store.quads()}
        return PyShaclValidator().check(triples), len(triples)
    checked = store.count(f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ONTOLOGY_GRAPH}>) }}")
    return report(ShapeQueries().run(store.query), store.query), checked
