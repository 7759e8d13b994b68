"""Check graphs against ``ontology/shapes.ttl`` and report violations in plain words.

The data is checked together with the ontology (class hierarchy, event-type scheme), so that
``sh:class kgo:Actor`` accepts a ``kgo:Person`` and an event type must be a concept of the scheme.
:class:`Validator` runs the shapes as SPARQL in Oxigraph (:mod:`kg.shacl`): what every build uses
on every article, and what ``kg validate`` runs on a whole store where it lies.
:class:`PyShaclValidator` runs them in pySHACL, the reference the first is held to.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from kg.ontology import ONTOLOGY_FILE, SHAPES_FILE

SH = "http://www.w3.org/ns/shacl#"
LABELS = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "https://schema.org/headline",
    "https://schema.org/identifier",
)
SENTENCE = "https://w3id.org/kg/ontology#sentence"
ONTOLOGY_PREDICATES = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
    "http://www.w3.org/2000/01/rdf-schema#subClassOf",
    "http://www.w3.org/2004/02/skos/core#inScheme",
}


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: the node that fails, its label, the property path, the message, the value."""

    focus: str
    label: str
    path: str
    message: str
    value: str = ""

    def line(self) -> str:
        """The violation as one readable line: ``label [node] path: message (value ...)``."""
        who = f"{self.label} [{self.focus}]" if self.label else self.focus
        where = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value else ""
        return f"{who}{where}: {self.message}{value}"


class Validator:
    """The shapes compiled to SPARQL and the ontology triples they consult, parsed once, to check
    many graphs against: each check loads the graph into an in-memory Oxigraph store."""

    def __init__(self, shapes: Path = SHAPES_FILE, ontology: Path = ONTOLOGY_FILE):
        import pyoxigraph as ox

        from kg.shacl import ShapeQueries

        self.queries = ShapeQueries(shapes)
        with ontology.open("rb") as handle:
            self.ontology = [t for t in ox.parse(handle, format=ox.RdfFormat.TURTLE)
                             if t.predicate.value in ONTOLOGY_PREDICATES]

    def check(self, quads: Iterable) -> list[Violation]:
        """Violations of the shapes by ``quads``: pyoxigraph quads or triples, or tuples of rdflib
        terms (a 4th element, the graph, is ignored: the triples are checked as one graph)."""
        import pyoxigraph as ox

        from kg.store import to_ox

        default = ox.DefaultGraph()
        store = ox.Store()
        store.extend(ox.Quad(t.subject, t.predicate, t.object, default) for t in self.ontology)
        store.extend(ox.Quad(q.subject, q.predicate, q.object, default) if isinstance(q, (ox.Quad, ox.Triple))
                     else ox.Quad(to_ox(q[0]), to_ox(q[1]), to_ox(q[2]), default) for q in quads)
        return report(self.queries.run(store.query), store.query)


class PyShaclValidator:
    """The shapes and the ontology in rdflib, checked by pySHACL: slower, and the reference that
    :class:`Validator` must agree with."""

    def __init__(self, shapes: Path = SHAPES_FILE, ontology: Path = ONTOLOGY_FILE):
        import rdflib

        self.shapes = rdflib.Graph().parse(shapes, format="turtle")
        full = rdflib.Graph().parse(ontology, format="turtle")
        self.ontology = [t for t in full if str(t[1]) in ONTOLOGY_PREDICATES]

    def check(self, triples: Iterable[tuple]) -> list[Violation]:
        """Violations of the shapes by ``triples`` (rdflib terms; a 4th element, the graph, is ignored)."""
        import rdflib
        from pyshacl import validate

        data = rdflib.Graph()
        for triple in self.ontology:
            data.add(triple)
        for quad in triples:
            data.add(tuple(quad[:3]))
        with quiet_rdflib():
            conforms, results, _ = validate(data, shacl_graph=self.shapes, inference="none", inplace=True)
        return [] if conforms else violations_of(results, data)


def report(found: list, query) -> list[Violation]:
    """Violations from the rows of :meth:`kg.shacl.ShapeQueries.run`, each focus node labelled from
    the data through ``query`` (SPARQL over the data), sorted and unique."""
    from kg.store import to_rdflib

    labels: dict = {}
    violations = set()
    for row in found:
        if row.focus not in labels:
            labels[row.focus] = _stored_label(query, row.focus)
        value = row.value if row.value is not None and row.value != row.focus else None
        violations.add(Violation(focus=compact(to_rdflib(row.focus)), label=labels[row.focus], path=row.check.path,
                                 message=row.check.message, value=_value(to_rdflib(value)) if value is not None else ""))
    return sorted(violations)


def _stored_label(query, node) -> str:
    """What :func:`_label` gives, read with SPARQL: the first of LABELS the node has, else its sentence."""
    import pyoxigraph as ox

    if not isinstance(node, ox.NamedNode):
        return ""  # a blank node cannot be named in a query, a literal has no label
    properties = " ".join(f"<{p}>" for p in (*LABELS, SENTENCE))
    rows = query(f"SELECT ?p ?l WHERE {{ VALUES ?p {{ {properties} }} <{node.value}> ?p ?l }}")
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row["p"].value, []).append(row["l"].value)
    for prop in LABELS:
        if prop in found:
            return sorted(found[prop])[0]
    if SENTENCE in found:
        text = " ".join(sorted(found[SENTENCE])[0].split())
        return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'
    return ""


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


def violations_of(results, data) -> list[Violation]:
    """The top-level results of a pySHACL report graph, labelled from ``data``, sorted and unique."""
    from rdflib import URIRef
    from rdflib.namespace import RDF

    found = set()
    for report in results.subjects(RDF.type, URIRef(SH + "ValidationReport")):
        for result in results.objects(report, URIRef(SH + "result")):
            focus = results.value(result, URIRef(SH + "focusNode"))
            path = results.value(result, URIRef(SH + "resultPath"))
            messages = sorted(str(m) for m in results.objects(result, URIRef(SH + "resultMessage")))
            value = results.value(result, URIRef(SH + "value"))
            found.add(Violation(
                focus=compact(focus),
                label=_label(data, focus),
                path=_path(results, path) if path is not None else "",
                message=messages[0] if messages else "does not conform",
                value=_value(value) if value is not None and value != focus else "",
            ))
    return sorted(found)


def compact(term) -> str:
    """An IRI with a known prefix as ``prefix:rest``; other terms as N-Triples would write them."""
    from rdflib import URIRef

    from kg.store import PREFIXES

    if isinstance(term, URIRef):
        text = str(term)
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda p: -len(p[1])):
            if text.startswith(namespace):
                return f"{prefix}:{text[len(namespace):]}"
        return f"<{text}>"
    return term.n3() if term is not None else ""


def _label(data, node) -> str:
    from rdflib import URIRef

    for prop in LABELS:
        value = data.value(node, URIRef(prop))
        if value is not None:
            return str(value)
    sentence = data.value(node, URIRef(SENTENCE))
    if sentence is not None:
        text = " ".join(str(sentence).split())
        return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'
    return ""


def _value(term) -> str:
    from rdflib import Literal

    if isinstance(term, Literal):
        return f'"{term}"' + (f"^^{compact(term.datatype)}" if term.datatype else "")
    return compact(term)


def _path(graph, path) -> str:
    """A SHACL property path in SPARQL's path syntax (``a|b``, ``a/b``, ``^a``)."""
    from rdflib import BNode, URIRef
    from rdflib.collection import Collection

    if isinstance(path, URIRef):
        return compact(path)
    if isinstance(path, BNode):
        for key, joiner in (("alternativePath", "|"), ("inversePath", "^"), ("zeroOrMorePath", "*"),
                            ("oneOrMorePath", "+"), ("zeroOrOnePath", "?")):
            inner = graph.value(path, URIRef(SH + key))
            if inner is None:
                continue
            if key == "alternativePath":
                return "(" + "|".join(_path(graph, p) for p in Collection(graph, inner)) + ")"
            if key == "inversePath":
                return "^" + _path(graph, inner)
            return _path(graph, inner) + joiner
        if graph.value(path, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#first")) is not None:
            return "/".join(_path(graph, p) for p in Collection(graph, path))
    return str(path)


def validate_store(store, *, pyshacl: bool = False) -> tuple[list[Violation], int]:
    """Violations of the shapes by everything in a :class:`kg.store.KgStore` (or a remote store),
    and how many distinct triples outside the ontology graph were checked. The shapes run as SPARQL
    queries where the data lies, all graphs as one, the store's ontology graph giving the classes;
    with ``pyshacl`` the store is copied into rdflib and checked by pySHACL instead, against the
    ontology file."""
    from kg.iris import ONTOLOGY_GRAPH
    from kg.shacl import ShapeQueries
    from kg.store import to_rdflib

    if pyshacl:
        with quiet_rdflib():
            triples = {(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)) for q in store.quads()}
        return PyShaclValidator().check(triples), len(triples)
    checked = store.count(f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ONTOLOGY_GRAPH}>) }}")
    return report(ShapeQueries().run(store.query), store.query), checked
