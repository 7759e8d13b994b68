"""Bind query parameters as a SPARQL VALUES block, written by Oxigraph's term serialiser.

Values are never pasted into query text as raw strings: each one becomes an RDF term that Oxigraph
writes (quotes and IRIs escaped), so a parameter cannot change a query's structure. For SELECT and
ASK queries the block opens the WHERE clause, so FILTERs and OPTIONALs see the bound values (what
rdflib's ``initBindings`` does); other query forms get it as the trailing VALUES clause. A
subquery that names a parameter gets its value too, at the start of its own WHERE clause: a
parameter means one value throughout the query, and a subquery can then start from what the
value selects instead of from everything the store holds.
"""
from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib.term import Node

from kg.errors import QueryError
from kg.rdf.terms import to_ox
from kg.sparql.syntax import mask, subquery_braces, where_brace


def values_clause(bindings: dict) -> str:
    """A SPARQL VALUES block binding each ``name`` to its term, serialised by Oxigraph."""
    names, terms = [], []
    for name, value in bindings.items():
        if not name.isidentifier():
            raise QueryError(f"parameter name {name!r} is not a SPARQL variable name")
        if isinstance(value, (ox.NamedNode, ox.Literal)):
            term = value
        elif isinstance(value, Node):  # rdflib terms (URIRef is a str too)
            term = to_ox(value)
        elif isinstance(value, str):
            term = ox.Literal(value)
        else:
            raise QueryError(f"parameter {name!r}: {value!r} is not a string or an RDF term")
        names.append(f"?{name}")
        terms.append(str(term))
    return f"VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"


def bind(sparql: str, bindings: dict) -> str:
    """``sparql`` with ``bindings`` joined in: at the start of the WHERE clause of a SELECT or ASK
    query (same line, so error positions keep their line), and of each subquery that names one of
    them; else as a trailing VALUES clause."""
    if not bindings:
        return sparql
    block = values_clause(bindings)
    at = where_brace(sparql)
    if at is None:
        return f"{sparql}\n{block}"
    text = mask(sparql)
    named = re.compile(r"[?$](?:" + "|".join(map(re.escape, bindings)) + r")(?![A-Za-z0-9_])")
    inside = [start for start, end in subquery_braces(sparql) if named.search(text, start, end)]
    for brace in sorted([at, *inside], reverse=True):
        sparql = f"{sparql[:brace + 1]} {block} {sparql[brace + 1:]}"
    return sparql
