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

from kg.errors import QueryError, StoreError
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
GRAPH_FORMATS = {"ttl": "text/turtle", "nt": "application/n-triples", "rdfxml": "application/rdf+xml",
                 "jsonld": "application/ld+json"}


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


def kind_of(result) -> str:
    """What a query gave: ``"boolean"`` (ASK), ``"solutions"`` (SELECT) or ``"graph"`` (CONSTRUCT, DESCRIBE)."""
    if isinstance(result, (bool, ox.QueryBoolean)):
        return "boolean"
    return "solutions" if isinstance(result, ox.QuerySolutions) else "graph"


def answer(result, *, accept: str | None = None, fmt: str | None = None, max_rows: int | None = 10000,
           deadline: float | None = None, cancelled=None) -> Answer:
    """Serialise a query result (solutions, boolean or triples) in the format asked for, reading at
    most ``max_rows`` rows (all when None) and stopping at ``deadline`` (a ``time.monotonic()`` value).

    ``fmt`` names a results format (json, xml, csv, tsv) or a graph format (ttl, nt, rdfxml, jsonld, or
    its media type); without one the ``Accept`` header decides, else SPARQL JSON and N-Triples."""
    kind = kind_of(result)
    if kind == "boolean":
        return _solutions_answer({"head": {}, "boolean": bool(result)}, accept, fmt)
    if kind == "solutions":
        names = [v.value for v in result.variables]
        rows, truncated = _take(result, max_rows, deadline, cancelled)
        found = _solutions_answer(solutions_document(names, [[row[n] for n in names] for row in rows]), accept, fmt)
        found.truncated = truncated
        return found
    triples, truncated = _take(result, max_rows, deadline, cancelled)
    media = GRAPH_FORMATS.get(fmt or "") or (fmt if fmt in GRAPH_TYPES else None)
    media = media or negotiate(accept, GRAPH_TYPES) or "application/n-triples"
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


COMMAND_FORMATS = {"solutions": ("table", "csv", "tsv", "json"), "boolean": ("table", "csv", "tsv", "json"),
                   "graph": ("table", "ttl", "nt", "rdfxml", "jsonld")}


def check_command_format(fmt: str) -> None:
    """Raise :class:`QueryError` for a ``kg query --format`` that no kind of result has."""
    if not any(fmt in names for names in COMMAND_FORMATS.values()):
        raise QueryError(f"unknown result format {fmt!r}; use table, csv, tsv or json (SELECT, ASK), "
                         "or ttl, nt, rdfxml or jsonld (CONSTRUCT, DESCRIBE)")


def printed(result, fmt: str) -> tuple[list[str], list[list]] | bytes:
    """What ``kg query`` prints for a result: the names and rows of a table of solutions, else the
    bytes of ``fmt`` as :func:`answer` writes them (``true``/``false`` for ASK as a table; Turtle
    for the triples of CONSTRUCT and DESCRIBE as a table)."""
    check_command_format(fmt)
    kind = kind_of(result)
    if fmt not in COMMAND_FORMATS[kind]:
        what = {"graph": "CONSTRUCT and DESCRIBE give triples", "boolean": "ASK gives a boolean",
                "solutions": "SELECT gives solutions"}[kind]
        raise QueryError(f"{what}: use --format {', '.join(COMMAND_FORMATS[kind])}, not {fmt!r}")
    if fmt == "table":
        if kind == "solutions":
            return rows_of(result)
        if kind == "boolean":
            return b"true\n" if bool(result) else b"false\n"
        fmt = "ttl"
    return answer(result, fmt=fmt, max_rows=None).body


def format_results(names: list[str], rows: list[list], fmt: str) -> str:
    """Solutions as text in ``fmt`` (csv, tsv or json), written as :func:`answer` writes them."""
    if fmt not in ("csv", "tsv", "json"):
        raise QueryError(f"unknown result format {fmt!r}; use table, csv, tsv or json")
    return _solutions_answer(solutions_document(names, rows), None, fmt).body.decode("utf-8")


def rows_of(solutions) -> tuple[list[str], list[list]]:
    """Variable names and rows of raw terms from a SELECT result."""
    names = [v.value for v in solutions.variables]
    rows, _ = _take(solutions, None, None, None)
    return names, [[row[name] for name in names] for row in rows]


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
    try:
        for item in items:
            _check_time(deadline, cancelled)
            if max_rows is not None and len(taken) >= max_rows:
                return taken, True
            taken.append(item)
    except (OSError, RuntimeError) as exc:  # raised while the engine works out the next row
        message = " ".join(str(exc).split())
        if "corruption" in message.lower():
            raise StoreError(f"the store is damaged and cannot be read ({message[:300]}); restore a copy or build it again") from None
        raise QueryError(f"query failed: {message}") from None
    return taken, False


def _check_time(deadline: float | None, cancelled) -> None:
    if (deadline is not None and time.monotonic() > deadline) or (cancelled is not None and cancelled.is_set()):
        raise QueryTimeout("query ran past the time limit")
