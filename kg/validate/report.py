"""Violations of the SHACL shapes as readable lines: focus node, its label, path, message, value.

Both engines report through here (SPARQL queries through :func:`report`, pySHACL through
:func:`violations_of`), so the same violation reads the same whichever found it.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.rdf.terms import to_rdflib
from kg.rdf.vocab import KGO, PREFIXES
from kg.rdf.vocab import compact as compact_iri

SH = PREFIXES["sh"]
LABELS = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "https://schema.org/headline",
    "https://schema.org/identifier",
)
SENTENCE = str(KGO.sentence)


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



def report(found: list, query) -> list[Violation]:
    """Violations from the rows of :meth:`kg.validate.compile.ShapeQueries.run`, each focus node labelled from
    the data through ``query`` (SPARQL over the data), sorted and unique."""
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
                path=path_text(results, path) if path is not None else "",
                message=messages[0] if messages else "does not conform",
                value=_value(value) if value is not None and value != focus else "",
            ))
    return sorted(found)



def compact(term) -> str:
    """An IRI with a known prefix as ``prefix:rest``; other terms as N-Triples would write them."""
    from rdflib import URIRef

    if isinstance(term, URIRef):
        return compact_iri(str(term)) or f"<{term}>"
    return term.n3() if term is not None else ""



def focus_iri(violation: Violation) -> str | None:
    """The IRI of a violation's focus node (what :func:`compact` wrote), None when it is no IRI.

    >>> focus_iri(Violation(focus="rdfs:label", label="", path="", message=""))
    'http://www.w3.org/2000/01/rdf-schema#label'
    >>> focus_iri(Violation(focus="<http://example.org/x>", label="", path="", message=""))
    'http://example.org/x'
    """
    focus = violation.focus
    if focus.startswith("<") and focus.endswith(">"):
        return focus[1:-1]
    prefix, colon, rest = focus.partition(":")
    return PREFIXES[prefix] + rest if colon and prefix in PREFIXES and not rest.startswith("//") else None


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



def path_text(graph, path) -> str:
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
                return "(" + "|".join(path_text(graph, p) for p in Collection(graph, inner)) + ")"
            if key == "inversePath":
                return "^" + path_text(graph, inner)
            return path_text(graph, inner) + joiner
        if graph.value(path, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#first")) is not None:
            return "/".join(path_text(graph, p) for p in Collection(graph, path))
    return str(path)
