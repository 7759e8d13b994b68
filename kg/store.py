"""The triple store: an embedded, persistent Oxigraph store on disk (or in memory).

One named graph per article holds its assertions and provenance; events, actors and places live
in a shared graph; the ontology sits in its own graph so queries can read labels and mappings.
Queries see the union of all graphs.
"""
from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.bindings import bind, values_clause  # noqa: F401 - values_clause is part of this module's API
from kg.errors import QueryError, StoreError
from kg.iris import ENTITY_GRAPH, ONTOLOGY_GRAPH, graph_iri
from kg.sparql_text import undeclared_prefix
from kg.ontology import ONTOLOGY_FILE

MEMORY = ":memory:"
KGO_NS = "https://w3id.org/kg/ontology#"
ASSERTS = ox.NamedNode(KGO_NS + "asserts")
PARTICIPANTS = {
    ox.NamedNode(KGO_NS + "agent"),
    ox.NamedNode(KGO_NS + "target"),
    ox.NamedNode("http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace"),
}
DEFAULT_STORE = ".kg/store"


def default_store_path() -> str:
    """``$KG_STORE`` when set, else ``.kg/store``."""
    return os.environ.get("KG_STORE") or DEFAULT_STORE


def to_ox(term) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """An rdflib term as a pyoxigraph term (a pyoxigraph term stays as it is)."""
    if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return term
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(term):
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == XSD_STRING else URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"not an RDF term: {term!r}")


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class KgStore:
    """A kg knowledge graph in an Oxigraph store."""

    def __init__(self, store: ox.Store, path: str):
        self.store = store
        self.path = path

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> "KgStore":
        """Open (creating if needed) the store at ``path``; ``:memory:`` for a throwaway one.

        One process writes a store at a time: a second writer gets :class:`StoreError` ("in use").
        Readers (``read_only``) take no lock and see the store as it was when they opened it, every
        article in it whole, since each article is written in one transaction.
        """
        where = str(path) if path is not None else default_store_path()
        if where == MEMORY:
            store = ox.Store()
        elif read_only:
            store = _open_read_only(where)
        else:
            store = _open_writer(where)
        kg_store = cls(store, where)
        if not read_only and not store.contains_named_graph(ox.NamedNode(str(ONTOLOGY_GRAPH))):
            kg_store.load_ontology()
        return kg_store

    def load_ontology(self) -> None:
        """Load ``ontology/conflict.ttl`` into its own graph (replacing any older version)."""
        graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
        with ONTOLOGY_FILE.open("rb") as handle:
            quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in ox.parse(handle, format=ox.RdfFormat.TURTLE)]
        self.store.remove_graph(graph) if self.store.contains_named_graph(graph) else None
        self.store.extend(quads)

    def replace_article(self, article_id: str, quads: Iterable[tuple]) -> int:
        """Replace one article's named graph and add its shared-graph quads; returns quads added.

        Events the old version of the article asserted and no assertion points at any more leave
        the shared graph, and so do the actors and places only they referred to. All of it is one
        transaction (a SPARQL update, or for a new article one ``Store.extend``): a reader, or a store
        killed half-way, sees the article's old version or its new one, never a part.
        """
        graph = ox.NamedNode(str(graph_iri(article_id)))
        converted = [q if isinstance(q, ox.Quad) else ox.Quad(to_ox(q[0]), to_ox(q[1]), to_ox(q[2]), ox.NamedNode(str(q[3])))
                     for q in quads]
        try:
            if not self.store.contains_named_graph(graph):
                self.store.extend(converted)  # a new article: one transaction, no update to parse
                return len(converted)
            before = [q.object for q in self.store.quads_for_pattern(None, ASSERTS, None, graph)]
            dropped = self._orphans(before, graph, converted) if before else []
            self.store.update(replacement_update(graph, dropped, converted))
        except OSError as exc:
            raise StoreError(f"store {self.path}: cannot write article {article_id!r}: {exc}") from None
        return len(converted)

    def _orphans(self, events: list, graph: ox.NamedNode, new: list[ox.Quad]) -> list:
        """What leaves the shared graph when ``graph`` is replaced by ``new``: the given events no
        assertion will assert any more, then the actors and places nothing else will refer to."""
        entities = ox.NamedNode(str(ENTITY_GRAPH))
        asserted = {q.object for q in new if q.predicate == ASSERTS}
        referred = {q.object for q in new}
        orphans = [e for e in dict.fromkeys(events) if e not in asserted and not any(
            q.graph_name != graph for q in self.store.quads_for_pattern(None, ASSERTS, e))]
        gone = set(orphans)
        related = [q.object for e in orphans for q in self.store.quads_for_pattern(e, None, None, entities)
                   if q.predicate in PARTICIPANTS]
        for node in dict.fromkeys(related):
            if node not in referred and all(q.graph_name == graph or (q.subject in gone and q.graph_name == entities)
                                            for q in self.store.quads_for_pattern(None, None, node)):
                orphans.append(node)
        return orphans

    def article_hash(self, article_id: str) -> str | None:
        """The content hash stored for an article, or None when it is not in the store."""
        rows = self.select(
            "SELECT ?g ?h WHERE { GRAPH ?g { ?a <https://w3id.org/kg/ontology#contentHash> ?h } }",
            {"g": graph_iri(article_id)},
        )
        return rows[0]["h"].value if rows else None

    def article_hashes(self, article_ids: list[str]) -> dict[str, str]:
        """The stored content hashes of those of ``article_ids`` that are in the store, in one query."""
        return content_hashes(self, article_ids)

    def quads(self, *, include_ontology: bool = False):
        """Every quad of the store (without the ontology graph unless asked)."""
        ontology = ox.NamedNode(str(ONTOLOGY_GRAPH))
        return (q for q in self.store if include_ontology or q.graph_name != ontology)

    def replace_graph(self, graph: ox.NamedNode, quads: list) -> None:
        """Replace the named graph ``graph`` with ``quads`` (pyoxigraph quads) and flush."""
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        self.store.extend(quads)
        self.flush()

    def query(self, sparql: str, bindings: dict | None = None):
        """Run a SPARQL query over the union of all graphs; parameters are bound, never pasted."""
        try:
            return self.store.query(bind(sparql, bindings or {}), use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(syntax_message(sparql, exc)) from None
        except RuntimeError as exc:
            raise QueryError(f"query failed: {exc}") from None
        except OSError as exc:
            raise StoreError(f"store {self.path}: {exc}") from None

    def select(self, sparql: str, bindings: dict | None = None) -> list:
        """A SELECT query's solutions as a list."""
        return list(self.query(sparql, bindings))

    def count(self, sparql_where: str) -> int:
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {sparql_where} }}")
        return int(rows[0]["n"].value)

    def dump(self, handle, rdf_format: ox.RdfFormat, *, include_ontology: bool = False) -> None:
        """Write the store's data (without the ontology graph unless asked) in an RDF format."""
        ontology = ox.NamedNode(str(ONTOLOGY_GRAPH))
        quads = (q for q in self.store if include_ontology or q.graph_name != ontology)
        if rdf_format.supports_datasets:
            ox.serialize(quads, handle, format=rdf_format, prefixes=PREFIXES)
        else:
            ox.serialize(list(dict.fromkeys(q.triple for q in quads)), handle, format=rdf_format, prefixes=PREFIXES)

    def flush(self) -> None:
        if self.path != MEMORY:
            self.store.flush()


def content_hashes(store, article_ids: list[str]) -> dict[str, str]:
    """The content hashes ``store`` (local or remote: anything with ``select``) holds for those of
    ``article_ids`` it has, by article id, in one query."""
    if not article_ids:
        return {}
    graphs = {str(graph_iri(i)): i for i in article_ids}
    values = " ".join(f"<{g}>" for g in graphs)
    rows = store.select(f"SELECT ?g ?h WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?a <{KGO_NS}contentHash> ?h }} }}")
    return {graphs[r["g"].value]: r["h"].value for r in rows}


def replacement_update(graph: ox.NamedNode, dropped: list, quads: list[ox.Quad]) -> str:
    """One SPARQL update that drops ``graph``, removes the shared-graph descriptions of ``dropped``
    nodes, then inserts ``quads``: terms are written by Oxigraph, so no text can break out of them."""
    entities = ox.NamedNode(str(ENTITY_GRAPH))
    parts = [f"DROP SILENT GRAPH {graph}"]
    if dropped:
        values = " ".join(str(node) for node in dropped)
        parts.append(f"DELETE {{ GRAPH {entities} {{ ?s ?p ?o }} }} WHERE {{ VALUES ?s {{ {values} }} GRAPH {entities} {{ ?s ?p ?o }} }}")
    by_graph: dict = {}
    for quad in quads:
        by_graph.setdefault(quad.graph_name, []).append(f"{quad.triple} .")
    if by_graph:
        body = " ".join(f"GRAPH {g} {{ {' '.join(triples)} }}" for g, triples in by_graph.items())
        parts.append(f"INSERT DATA {{ {body} }}")
    return " ;\n".join(parts)


def _open_writer(where: str) -> ox.Store:
    """The read-write store at ``where``, created if missing; "in use" when another process has it."""
    folder = Path(where)
    if folder.is_dir() and any(folder.iterdir()) and not (folder / "CURRENT").exists():
        raise StoreError(f"{where} is a folder of other files, not a kg store: give --store a new or a store folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return ox.Store(where)
    except (OSError, RuntimeError) as exc:
        raise _store_error(where, exc) from None


def _open_read_only(where: str, attempts: int = 5) -> ox.Store:
    """The store at ``where`` for reading, while a writer may be busy with it: RocksDB's read-only
    mode replays the write-ahead log up to its last whole transaction. A file the writer removes
    at that moment (a log it has just flushed) fails the opening; another attempt then succeeds."""
    folder = Path(where)
    if not folder.is_dir() or not (folder / "CURRENT").exists():
        what = "a file" if folder.is_file() else "a folder of other files" if folder.is_dir() else "nothing"
        raise StoreError(f"no store at {where} ({what} there): build one first with 'kg build'")
    for attempt in range(1, attempts + 1):
        try:
            return ox.Store.read_only(where)
        except (OSError, RuntimeError) as exc:
            if attempt == attempts or "lock" in str(exc).lower():
                raise _store_error(where, exc) from None
            time.sleep(0.05 * attempt)
    raise StoreError(f"cannot open store {where}")  # not reached: the last attempt raises


def _store_error(where: str, exc: Exception) -> StoreError:
    message = str(exc)
    if "lock" in message.lower():
        return StoreError(f"store {where} is in use by another kg process (one writer at a time); wait for it to finish")
    first = " ".join(message.split()) if message else type(exc).__name__
    if isinstance(exc, RuntimeError) or "corruption" in message.lower() or (Path(where) / "CURRENT").exists():
        return StoreError(f"store {where} is damaged and cannot be opened ({first[:300]}); rebuild it or restore a copy")
    return StoreError(f"cannot open store {where}: {first[:300]}")


def syntax_message(sparql: str, error: SyntaxError) -> str:
    """Oxigraph's syntax error as one line, its position in the query as written (without bound
    parameters) and the text found there: ``SPARQL syntax error at line 2, column 7 (at "..."): ...``."""
    try:
        ox.Store().query(sparql)  # the query as written: positions the user can find
    except SyntaxError as exc:
        error = exc
    except (OSError, RuntimeError):
        pass
    undeclared = undeclared_prefix(sparql)
    if undeclared:
        prefix, line, column = undeclared
        return f"SPARQL syntax error at line {line}, column {column}: prefix '{prefix}:' is not declared (add PREFIX {prefix}: <...>)"
    text = str(error)
    match = re.match(r"error at (\d+):(\d+): (.*)", text, re.S)
    if not match:
        return f"SPARQL syntax error: {text}"
    line, column, message = int(match[1]), int(match[2]), " ".join(match[3].split())
    lines = sparql.splitlines() or [""]
    near = lines[line - 1][column - 1:].strip() if 0 < line <= len(lines) else ""
    near = f' (at "{near[:30]}{"…" if len(near) > 30 else ""}")' if near else " (at the end)"
    return f"SPARQL syntax error at line {line}, column {column}{near}: {message}"


PREFIXES = {
    "kgo": "https://w3id.org/kg/ontology#",
    "kgr": "https://w3id.org/kg/id/",
    "actor": "https://w3id.org/kg/id/actor/",
    "event": "https://w3id.org/kg/id/event/",
    "issue": "https://w3id.org/kg/id/issue/",
    "place": "https://w3id.org/kg/id/place/",
    "article": "https://w3id.org/kg/id/article/",
    "assertion": "https://w3id.org/kg/id/assertion/",
    "graph": "https://w3id.org/kg/id/graph/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
