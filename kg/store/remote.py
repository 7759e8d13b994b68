"""A kg store on any SPARQL 1.1 server: Oxigraph server, Apache Jena Fuseki, Virtuoso, GraphDB, QLever.

Queries go over the SPARQL 1.1 Protocol (POST, results as SPARQL JSON, parsed by pyoxigraph into
the same solution objects the embedded store gives), writes over SPARQL 1.1 Update, each one
request the server applies whole or not at all: an article's replacement (drop its graph, insert
its quads, drop what only its old version used) and a whole graph's (the ontology, ``kg import``).

``--store URL`` names the server's base; kg adds ``/query`` and ``/update`` (Oxigraph's layout).
Other layouts say theirs after ``#``: Fuseki ``http://host:3030/ds#query=query,update=update``,
Virtuoso ``http://host:8890#query=sparql,update=sparql`` (a ``store=`` path is accepted and unused). Queries that use no
``GRAPH`` must see every named graph: start the server with its union-default-graph setting
(``oxigraph serve --union-default-graph``, Fuseki ``tdb2:unionDefaultGraph``; Virtuoso and GraphDB
do this by default). kg checks this when it opens the store.
"""
from __future__ import annotations

import tempfile
import urllib.error
import urllib.parse
import urllib.request
from typing import Iterable, Iterator

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.rdf.iris import ONTOLOGY_GRAPH
from kg.resolve.merge import Identity, Row, sparql_candidates
from kg.rdf.scheme import ONTOLOGY_FILE
from kg.rdf.terms import ox_quad
from kg.rdf.vocab import ONTOLOGY_IRI
from kg.sparql.binding import bind
from kg.sparql.syntax import syntax_message
from kg.store.articles import content_hashes, layout_update, old_references, replacement_update
from kg.store.local import write_quads

ENDPOINTS = {"query": "query", "update": "update", "store": "store"}
JSON_RESULTS = "application/sparql-results+json"


def endpoints(url: str) -> dict[str, str]:
    """The query, update and graph-store URLs of a ``--store`` URL (see the module docstring)."""
    base, _, fragment = url.partition("#")
    paths = dict(ENDPOINTS)
    for item in filter(None, (p.strip() for p in fragment.split(","))):
        key, sep, value = item.partition("=")
        if not sep or key not in ENDPOINTS:
            raise StoreError(f"store URL {url}: after '#' give query=PATH, update=PATH, store=PATH")
        paths[key] = value
    base = base.rstrip("/") + "/"
    return {k: urllib.parse.urljoin(base, v) for k, v in paths.items()}


class RemoteStore:
    """The :class:`kg.store.Store` protocol over the SPARQL 1.1 protocols."""

    def __init__(self, url: str, *, read_only: bool = False, timeout: float = 60.0, token: str | None = None):
        self.path = url.partition("#")[0]
        self.urls = endpoints(url)
        self.read_only = read_only
        self.timeout = timeout
        self.token = token
        self.store = None  # no embedded store behind this one

    @classmethod
    def open(cls, url: str, *, read_only: bool = False, token: str | None = None) -> "RemoteStore":
        """Connect, load the ontology when the server lacks it (unless read-only) and check that
        queries see the union of the named graphs."""
        store = cls(url, read_only=read_only, token=token)
        if not read_only:
            store.tidy()
        has_ontology = store.ask(f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}")
        if not has_ontology and not read_only:
            store.load_ontology()
            has_ontology = True
        if has_ontology and not store.ask(f"ASK {{ <{ONTOLOGY_IRI}> ?p ?o }}"):
            raise StoreError(f"SPARQL server {store.path} does not query the union of its named graphs; start it with "
                             "its union-default-graph setting (oxigraph serve --union-default-graph)")
        return store

    # ------------------------------------------------------------------ HTTP

    def _request(self, url: str, *, data=None, content_type: str | None = None,
                 accept: str | None = None, method: str = "POST", length: int | None = None) -> bytes:
        """Send ``data`` (bytes, or a file of ``length`` bytes) and return the answer's body."""
        headers = {"User-Agent": "kg"}
        if length is not None:
            headers["Content-Length"] = str(length)
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace").strip()
            raise _HttpError(exc.code, " ".join(body.split())[:300] or exc.reason) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"cannot reach SPARQL server {self.path}: {reason}") from None

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update on the server."""
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")
        try:
            self._request(self.urls["update"], data=sparql.encode("utf-8"),
                          content_type="application/sparql-update; charset=utf-8")
        except _HttpError as exc:
            raise StoreError(f"SPARQL server {self.path} refused an update (HTTP {exc.status}): {exc.message}") from None

    # ------------------------------------------------------------------ queries

    def query(self, sparql: str, bindings: dict | None = None):
        """Run a query on the server; SELECT gives pyoxigraph solutions, ASK a boolean, CONSTRUCT
        and DESCRIBE a list of triples."""
        text = bind(sparql, bindings or {})
        try:
            data = self._request(self.urls["query"], data=urllib.parse.urlencode({"query": text}).encode("ascii"),
                                 content_type="application/x-www-form-urlencoded",
                                 accept=f"{JSON_RESULTS}, application/n-triples;q=0.9")
        except _HttpError as exc:
            _raise_syntax(sparql)
            raise QueryError(f"query failed on {self.path} (HTTP {exc.status}): {exc.message}") from None
        if data.lstrip().startswith(b"{"):
            result = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
            return bool(result) if isinstance(result, ox.QueryBoolean) else result
        return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))

    def ask(self, sparql: str) -> bool:
        return bool(self.query(sparql))

    def select(self, sparql: str, bindings: dict | None = None) -> list:
        return list(self.query(sparql, bindings))

    def count(self, sparql_where: str) -> int:
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {sparql_where} }}")
        return int(rows[0]["n"].value)

    def merge_candidates(self, wanted: list[Identity], own: str) -> dict[Identity, list[Row]]:
        """The stored events of each ``wanted`` identity that graphs other than ``own`` assert, in
        one SPARQL query."""
        return sparql_candidates(self, wanted, own)

    def article_hashes(self, article_ids: list[str]) -> dict[str, str]:
        """The stored content hashes of those of ``article_ids`` on the server, in one query."""
        return content_hashes(self, article_ids)

    def quads(self, *, include_ontology: bool = False) -> Iterator[ox.Quad]:
        """Every quad in the server's named graphs (without kg's ontology graph unless asked)."""
        skip = "" if include_ontology else f"FILTER(?g != <{ONTOLOGY_GRAPH}>)"
        for row in self.query(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {skip} }}"):
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def dump(self, handle, rdf_format: ox.RdfFormat, *, include_ontology: bool = False) -> None:
        """Write the server's data (without kg's ontology graph unless asked) in an RDF format."""
        write_quads(self.quads(include_ontology=include_ontology), handle, rdf_format)

    # ------------------------------------------------------------------ writes

    def replace_article(self, article_id: str, quads: Iterable) -> int:
        """Replace one article's named graph and add its shared-graph quads in one update request;
        events only its old version asserted leave the shared graph, with the actors and places
        only they referred to (the update :func:`kg.store.articles.replacement_update` writes)."""
        converted = [ox_quad(q) for q in quads]
        events, related = old_references(self, article_id)
        self.update(replacement_update(article_id, converted, events, related))
        return len(converted)

    def tidy(self) -> None:
        """Move article graphs an earlier kg stored beside the shared graphs to ``graph/article/``
        (see :func:`kg.store.articles.layout_update`)."""
        names = [row["g"].value for row in self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g {} }")]
        update = layout_update(names)
        if update:
            self.update(update)

    def load_graph(self, graph: ox.NamedNode, quads: Iterable) -> int:
        """Replace ``graph`` with the triples of ``quads`` that are in no named graph and add the
        others to their own graphs, in one update request (the server applies it whole or not at
        all); returns how many quads were read. The request is written to a temporary file first,
        so memory stays bounded whatever the size of the stream."""
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")
        count = 0
        with tempfile.SpooledTemporaryFile(max_size=8 << 20) as body:
            body.write(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{\n".encode("utf-8"))
            for quad in quads:
                home = graph if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name
                body.write(f"GRAPH {home} {{ {quad.subject} {quad.predicate} {quad.object} }}\n".encode("utf-8"))
                count += 1
            body.write(b"}\n")
            length = body.tell()
            body.seek(0)
            try:
                self._request(self.urls["update"], data=body, length=length,
                              content_type="application/sparql-update; charset=utf-8")
            except _HttpError as exc:
                raise StoreError(f"SPARQL server {self.path} refused graph {graph.value} (HTTP {exc.status}): "
                                 f"{exc.message}") from None
        return count

    def load_ontology(self) -> None:
        """Put the ontology Turtle in its own graph on the server (replacing an older one)."""
        with ONTOLOGY_FILE.open("rb") as handle:
            self.load_graph(ox.NamedNode(str(ONTOLOGY_GRAPH)), ox.parse(handle, format=ox.RdfFormat.TURTLE))

    def flush(self) -> None:
        """Nothing to do: every update is committed by the server when it answers."""


class _HttpError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _raise_syntax(sparql: str) -> None:
    """Raise the same one-line syntax error the embedded store gives when ``sparql`` does not parse."""
    try:
        ox.Store().query(sparql)
    except SyntaxError as exc:
        raise QueryError(syntax_message(sparql, exc)) from None
    except (OSError, RuntimeError):
        pass
