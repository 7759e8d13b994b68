"""SHACL shapes run as SPARQL: every constraint of the SHACL shapes becomes one query that
selects the nodes violating it, answered by the store that holds the data.

pySHACL walks a graph in Python, about 40 ms for each article a build adds, and it needs the whole
graph copied into rdflib first. Compiled to SPARQL, the same shapes take a millisecond or two per
article in Oxigraph, and ``kg validate`` checks a store of millions of triples where it lies. The
report is the one pySHACL gives (focus node, path, message, value): the tests hold the two engines
to the same results on the same graphs.

The compiler covers the SHACL Core components listed in :data:`SUPPORTED` and paths that are an
IRI or an ``sh:alternativePath`` of IRIs; a shape using anything else is refused when the shapes
are read, so that no constraint is ever skipped in silence.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Callable, Iterable

from kg.rdf.scheme import SHAPES_FILE
from kg.validate.report import path_text

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
XSD = "http://www.w3.org/2001/XMLSchema#"
SUPPORTED = frozenset({
    "targetClass", "property", "path", "message", "node", "nodeKind", "class", "datatype", "minCount",
    "maxCount", "minLength", "pattern", "flags", "in", "hasValue", "minInclusive", "maxInclusive",
    "minExclusive", "maxExclusive", "lessThan", "or", "name", "description",
})
# How to tell a well-formed literal of a datatype from an ill-typed one: the cast of its lexical form
# succeeds (and, for the bounded integer types, lands in range).
_CASTS = ("date", "dateTime", "gYear", "gYearMonth", "decimal", "integer", "boolean", "double", "float", "time")
_INTEGER_RANGES = {"nonNegativeInteger": ">= 0", "positiveInteger": "> 0", "nonPositiveInteger": "<= 0",
                   "negativeInteger": "< 0"}


class ShapeError(ValueError):
    """The shapes use a SHACL feature this compiler does not cover."""


@dataclass(frozen=True)
class Check:
    """One constraint as a query: ``SELECT ?this ?value`` gives each violation's focus and value."""

    path: str      # the property path as SPARQL writes it, compacted ("" for a node's own constraints)
    message: str
    query: str


@dataclass(frozen=True)
class Found:
    """One row of a check: the focus node, the offending value (None when the focus itself is at fault)."""

    check: Check
    focus: object
    value: object | None


class ShapeQueries:
    """The shapes of a SHACL file compiled to SPARQL, to run against any store that answers it."""

    def __init__(self, shapes: Path = SHAPES_FILE):
        import rdflib

        graph = rdflib.Graph().parse(shapes, format="turtle")
        self.checks: tuple[Check, ...] = tuple(_Compiler(graph).compile())

    def run(self, query: Callable[[str], Iterable]) -> list[Found]:
        """Every violation, with ``query(sparql)`` answering over the data (all graphs as one) and
        giving rows that are indexed by variable name."""
        found = []
        for check in self.checks:
            for row in query(check.query):
                found.append(Found(check, row["this"], row["value"]))
        return found


class _Compiler:
    """Turns node shapes into :class:`Check` queries. Node shapes with a target become queries of
    their own; shapes met through ``sh:node`` and ``sh:or`` become ``EXISTS`` conditions."""

    def __init__(self, graph):
        self.graph = graph
        self.names = count()

    # ---------------------------------------------------------------- reading the shapes

    def _value(self, node, key: str):
        from rdflib import URIRef

        return self.graph.value(node, URIRef(SH + key))

    def _values(self, node, key: str) -> list:
        from rdflib import URIRef

        return list(self.graph.objects(node, URIRef(SH + key)))

    def _list(self, node) -> list:
        from rdflib.collection import Collection

        return list(Collection(self.graph, node))

    def _keys(self, node) -> set[str]:
        return {str(p)[len(SH):] for p in self.graph.predicates(node) if str(p).startswith(SH)}

    def _fresh(self) -> str:
        return f"?v{next(self.names)}"

    def compile(self) -> Iterable[Check]:
        from rdflib import URIRef

        for shape in sorted(set(self.graph.subjects(URIRef(SH + "targetClass"), None))):
            for target in self._values(shape, "targetClass"):
                head = f"?this <{RDF_TYPE}>/<{SUBCLASS}>* {_term(target)} ."
                for path, message, pattern, value in self._patterns(shape, "?this"):
                    projected = f"({value} AS ?value)" if value else "(?unbound AS ?value)"
                    yield Check(path, message, f"SELECT DISTINCT ?this {projected} WHERE {{ {head} {pattern} }}")

    def _patterns(self, shape, this: str) -> Iterable[tuple[str, str, str, str | None]]:
        """(path, message, pattern, value variable) for each constraint of ``shape`` on ``this``."""
        unknown = self._keys(shape) - SUPPORTED
        if unknown:
            raise ShapeError(f"{shape}: SHACL features not compiled to SPARQL: {', '.join(sorted(unknown))}")
        message = self._message(shape)
        if self._value(shape, "path") is None:  # a node shape: its own constraints apply to the node
            for pattern in self._value_conditions(shape, this, this):
                yield "", message or "the node does not conform to its shape", pattern, None
            for prop in self._values(shape, "property"):
                yield from self._patterns(prop, this)
            return
        path = self._value(shape, "path")
        sparql_path = self._sparql_path(path)
        shown = path_text(self.graph, path)
        message = message or f"{shown} does not conform"
        value = self._fresh()
        for pattern in self._value_conditions(shape, this, value):
            yield shown, message, f"{this} {sparql_path} {value} . {pattern}", value
        for pattern in self._focus_conditions(shape, this, sparql_path):
            yield shown, message, pattern, None

    def _message(self, shape) -> str:
        messages = sorted(str(m) for m in self._values(shape, "message"))
        return messages[0] if messages else ""

    def _sparql_path(self, path) -> str:
        from rdflib import BNode, URIRef

        if isinstance(path, URIRef):
            return _term(path)
        if isinstance(path, BNode) and self._value(path, "alternativePath") is not None:
            options = self._list(self._value(path, "alternativePath"))
            if all(isinstance(p, URIRef) for p in options):
                return "(" + "|".join(_term(p) for p in options) + ")"
        raise ShapeError(f"property path {path}: only IRIs and alternatives of IRIs are compiled to SPARQL")

    # ---------------------------------------------------------------- constraints

    def _focus_conditions(self, shape, this: str, path: str) -> Iterable[str]:
        """Constraints on the set of values a focus node has: counts and sh:hasValue."""
        low = self._value(shape, "minCount")
        if low is not None and int(low) > 0:
            yield f"FILTER NOT EXISTS {{ {self._distinct_values(this, path, int(low))} }}"
        high = self._value(shape, "maxCount")
        if high is not None:
            yield self._distinct_values(this, path, int(high) + 1)
        for required in self._values(shape, "hasValue"):
            yield f"FILTER NOT EXISTS {{ {this} {path} {_term(required)} }}"

    def _distinct_values(self, this: str, path: str, how_many: int) -> str:
        """A pattern matching when ``this`` has at least ``how_many`` distinct values on ``path``."""
        names = [self._fresh() for _ in range(how_many)]
        triples = " ".join(f"{this} {path} {name} ." for name in names)
        apart = [f"!sameTerm({a}, {b})" for i, a in enumerate(names) for b in names[i + 1:]]
        return triples + (f" FILTER({' && '.join(apart)})" if apart else "")

    def _value_conditions(self, shape, this: str, value: str) -> Iterable[str]:
        """A pattern per constraint on each value node ``value`` (``this`` itself for node shapes)."""
        for condition in self._value_filters(shape, value):
            yield f"FILTER({condition})"
        for other in self._values(shape, "lessThan"):
            bound = self._fresh()
            yield f"{this} {_term(other)} {bound} . FILTER(!COALESCE({value} < {bound}, false))"

    def _value_filters(self, shape, value: str) -> list[str]:
        """Boolean SPARQL expressions, each true when ``value`` violates one constraint of ``shape``."""
        filters = []
        kind = self._value(shape, "nodeKind")
        if kind is not None:
            tests = {"IRI": f"isIRI({value})", "Literal": f"isLiteral({value})", "BlankNode": f"isBlank({value})",
                     "BlankNodeOrIRI": f"(isBlank({value}) || isIRI({value}))",
                     "IRIOrLiteral": f"(isIRI({value}) || isLiteral({value}))",
                     "BlankNodeOrLiteral": f"(isBlank({value}) || isLiteral({value}))"}
            filters.append(f"!{tests[str(kind)[len(SH):]]}")
        for cls in self._values(shape, "class"):
            filters.append(f"NOT EXISTS {{ {value} <{RDF_TYPE}>/<{SUBCLASS}>* {_term(cls)} }}")
        for datatype in self._values(shape, "datatype"):
            filters.append(f"!({_well_typed(value, str(datatype))})")
        for key, operator in (("minInclusive", ">="), ("maxInclusive", "<="), ("minExclusive", ">"),
                              ("maxExclusive", "<")):
            for bound in self._values(shape, key):
                filters.append(f"!COALESCE({value} {operator} {_term(bound)}, false)")
        for length in self._values(shape, "minLength"):
            filters.append(f"(isBlank({value}) || STRLEN(STR({value})) < {int(length)})")
        for pattern in self._values(shape, "pattern"):
            flags = self._value(shape, "flags")
            arguments = f"{_string(str(pattern))}" + (f", {_string(str(flags))}" if flags is not None else "")
            filters.append(f"(isBlank({value}) || !REGEX(STR({value}), {arguments}))")
        for members in self._values(shape, "in"):
            options = " || ".join(f"sameTerm({value}, {_term(m)})" for m in self._list(members))
            filters.append(f"!({options or 'false'})")
        for inner in self._values(shape, "node"):
            filters.append(self._violates(inner, value))
        for alternatives in self._values(shape, "or"):
            filters.append(" && ".join(f"({self._violates(s, value)})" for s in self._list(alternatives)) or "true")
        return filters

    def _violates(self, shape, node: str) -> str:
        """An expression true when ``node`` does not conform to ``shape`` (used by sh:node, sh:or)."""
        parts = [f"EXISTS {{ {pattern} }}" for _, _, pattern, _ in self._patterns(shape, node)]
        return " || ".join(parts) or "false"


def _well_typed(value: str, datatype: str) -> str:
    """A SPARQL expression true when ``value`` is a literal of ``datatype`` with a valid lexical form."""
    typed = f"isLiteral({value}) && datatype({value}) = <{datatype}>"
    local = datatype[len(XSD):] if datatype.startswith(XSD) else None
    if local in _CASTS:
        return f"{typed} && COALESCE(isLiteral(<{datatype}>(STR({value}))), false)"
    if local in _INTEGER_RANGES:
        return (f"isLiteral({value}) && datatype({value}) IN (<{datatype}>, <{XSD}integer>) && "
                f"COALESCE(<{XSD}integer>(STR({value})) {_INTEGER_RANGES[local]}, false)")
    return typed


def _term(node) -> str:
    """An rdflib term as SPARQL writes it."""
    return node.n3()


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
