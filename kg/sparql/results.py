"""SPARQL query results written out: the one writer of each format, for ``kg query`` and ``kg serve``.

Solutions are written as SPARQL 1.1 JSON, XML, CSV or TSV (for the protocol, chosen by the HTTP
``Accept`` header or ``format``), booleans likewise, graphs (CONSTRUCT, DESCRIBE) as RDF. Rows are
written to SPARQL JSON here; the other result formats are pyoxigraph's own serialisers, fed from
that JSON, so each format follows its W3C specification and ``kg query --format csv`` gives the
bytes ``/sparql?format=csv`` gives. Reading is capped in rows and time for a server.
"""
from __future__ import annotations

import io
import json
import time
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.vocab import compact
from kg.text import shorten

RESULT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
RESULT_FORMATS = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values"),
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
}


class QueryTimeout(QueryError):
    """A query that ran past the server's time limit."""


@dataclass
class Answer:
    """A query's answer ready to send: body, media type, and whether rows were cut at the cap."""

    body: bytes
    media_type: str
    truncated: bool = False


def negotiate(accept: str | None, kinds: dict) -> str | None:
    """The media type of ``kinds`` the ``Accept`` header prefers (q-values honoured), None if none."""
    if not accept:
        return None
    ranked = []
    for position, item in enumerate(accept.split(",")):
        parts = [p.strip() for p in item.split(";")]
        media, q = parts[0].lower(), 1.0
        for param in parts[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, position, media))
    for negative_q, _, media in sorted(ranked):
        if negative_q == 0:
            break
        if media in kinds:
            return media
        if media in ("*/*", "application/*", "text/*"):
            return next((m for m in kinds if m.startswith(media[:-1]) or media == "*/*"), None)
    return None


def answer(result, *, accept: str | None = None, fmt: str | None = None, max_rows: int | None = 10000,
           deadline: float | None = None, cancelled=None) -> Answer:
    """Serialise a query result (solutions, boolean or triples) in the format asked for, reading at
    most ``max_rows`` rows (all when None) and stopping at ``deadline`` (a ``time.monotonic()`` value)."""
    if isinstance(result, (bool, ox.QueryBoolean)):
        return _solutions_answer({"head": {}, "boolean": bool(result)}, accept, fmt)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows, truncated = _take(result, max_rows, deadline, cancelled)
        found = _solutions_answer(solutions_document(names, [[row[n] for n in names] for row in rows]), accept, fmt)
        found.truncated = truncated
        return found
    triples, truncated = _take(result, max_rows, deadline, cancelled)
    media = fmt if fmt in GRAPH_TYPES else negotiate(accept, GRAPH_TYPES) or "application/n-triples"
    out = io.BytesIO()
    ox.serialize(triples, out, format=GRAPH_TYPES[media])
    return Answer(out.getvalue(), media, truncated)


def _solutions_answer(document: dict, accept: str | None, fmt: str | None) -> Answer:
    name = fmt if fmt in RESULT_FORMATS else RESULT_TYPES.get(negotiate(accept, RESULT_TYPES) or "", "json")
    data = (json.dumps(document, ensure_ascii=False) + "\n").encode("utf-8")
    result_format, media = RESULT_FORMATS[name]
    if name != "json":
        parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        if isinstance(parsed, ox.QueryBoolean) and name in ("csv", "tsv"):
            return Answer(b"true\n" if bool(parsed) else b"false\n", "text/plain")
        out = io.BytesIO()
        parsed.serialize(out, format=result_format)
        data = out.getvalue()
    return Answer(data, media + ("; charset=utf-8" if not media.endswith("xml") else ""))


def solutions_document(names: list[str], rows: list[list]) -> dict:
    """Variable names and rows of terms (None where unbound) as a SPARQL 1.1 Query Results JSON document."""
    bindings = [{n: _json_term(t) for n, t in zip(names, row) if t is not None} for row in rows]
    return {"head": {"vars": names}, "results": {"bindings": bindings}}


def format_results(names: list[str], rows: list[list], fmt: str) -> str:
    """Solutions as text in ``fmt`` (csv, tsv or json), written as :func:`answer` writes them."""
    if fmt not in ("csv", "tsv", "json"):
        raise QueryError(f"unknown result format {fmt!r}; use table, csv, tsv or json")
    return _solutions_answer(solutions_document(names, rows), None, fmt).body.decode("utf-8")


def rows_of(solutions) -> tuple[list[str], list[list]]:
    """Variable names and rows of raw terms from a SELECT result."""
    names = [v.value for v in solutions.variables]
    return names, [[row[name] for name in names] for row in solutions]


def term_text(term) -> str:
    """A term's value as text ("" when unbound)."""
    return "" if term is None else term.value


#: Widest cell of a result table on a terminal; longer values end in an ellipsis.
CELL_WIDTH = 60


def table_cell(term, width: int = CELL_WIDTH) -> str:
    """A term as a terminal table shows it: an IRI as ``prefix:name`` when kg knows its namespace,
    any value on one line and cut to ``width`` characters with an ellipsis.

    >>> table_cell(ox.NamedNode("https://w3id.org/kg/id/actor/asimi-goita"))
    'actor:asimi-goita'
    >>> table_cell(ox.Literal("x" * 80), width=10)
    'xxxxxxxxx…'
    """
    if term is None:
        return ""
    text = (compact(term.value) or term.value) if isinstance(term, ox.NamedNode) else term.value
    return shorten(text, width)


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        item = {"type": "literal", "value": term.value}
        if term.language:
            item["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            item["datatype"] = term.datatype.value
        return item
    return {"type": "literal", "value": str(term)}  # quoted triples (RDF-star) as text


def _take(items, max_rows: int, deadline: float | None, cancelled) -> tuple[list, bool]:
    """At most ``max_rows`` of ``items``, and whether there were more; raises past ``deadline``."""
    taken = []
    for item in items:
        _check_time(deadline, cancelled)
        if max_rows is not None and len(taken) >= max_rows:
            return taken, True
        taken.append(item)
    return taken, False


def _check_time(deadline: float | None, cancelled) -> None:
    if (deadline is not None and time.monotonic() > deadline) or (cancelled is not None and cancelled.is_set()):
        raise QueryTimeout("query ran past the time limit")
