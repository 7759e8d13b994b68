"""The embedded store: a persistent Oxigraph store on disk (RocksDB), or one in memory.

One process writes a store at a time: a second writer gets :class:`~kg.errors.StoreError` ("in
use"). Readers take no lock and see the store as it was when they opened it, every article whole,
since each article is written in one transaction.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.rdf.iris import ONTOLOGY_GRAPH, graph_iri
from kg.rdf.scheme import ONTOLOGY_FILE
from kg.rdf.terms import ox_quad
from kg.rdf.vocab import PREFIXES
from kg.sparql.binding import bind
from kg.sparql.syntax import syntax_message
from kg.store.articles import content_hashes, old_references, replacement_update
from kg.store.location import MEMORY, default_store_path


class LocalStore:
    """A kg knowledge graph in an embedded Oxigraph store."""

    def __init__(self, store: ox.Store, path: str):
        self.store = store
        self.path = path

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> "LocalStore":
        """Open (creating if needed) the store at ``path``; ``:memory:`` for a throwaway one."""
        where = str(path) if path is not None else default_store_path()
        if where == MEMORY:
            store = ox.Store()
        elif read_only:
            store = _open_read_only(where)
        else:
            store = _open_writer(where)
        local = cls(store, where)
        if not read_only and not store.contains_named_graph(ox.NamedNode(str(ONTOLOGY_GRAPH))):
            local.load_ontology()
        return local

    def load_ontology(self) -> None:
        """Load the ontology Turtle into its own graph (replacing any older version)."""
        graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
        with ONTOLOGY_FILE.open("rb") as handle:
            quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in ox.parse(handle, format=ox.RdfFormat.TURTLE)]
        self.store.remove_graph(graph) if self.store.contains_named_graph(graph) else None
        self.store.extend(quads)

    def replace_article(self, article_id: str, quads: Iterable) -> int:
        """Replace one article's named graph and add its shared-graph quads; returns quads added.

        Events the old version of the article asserted and no assertion points at any more leave
        the shared graph, and so do the actors and places only they referred to. All of it is one
        transaction (a SPARQL update, or for a new article one ``Store.extend``): a reader, or a store
        killed half-way, sees the article's old version or its new one, never a part.
        """
        graph = ox.NamedNode(str(graph_iri(article_id)))
        converted = [ox_quad(q) for q in quads]
        try:
            if not self.store.contains_named_graph(graph):
                self.store.extend(converted)  # a new article: one transaction, no update to parse
                return len(converted)
            events, related = old_references(self, article_id)
            self.store.update(replacement_update(article_id, converted, events, related))
        except OSError as exc:
            raise StoreError(f"store {self.path}: cannot write article {article_id!r}: {exc}") from None
        return len(converted)

    def article_hashes(self, article_ids: list[str]) -> dict[str, str]:
        """The stored content hashes of those of ``article_ids`` that are in the store, in one query."""
        return content_hashes(self, article_ids)

    def quads(self, *, include_ontology: bool = False) -> Iterator[ox.Quad]:
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
        """How many solutions a group graph pattern has."""
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {sparql_where} }}")
        return int(rows[0]["n"].value)

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update in one transaction, and flush."""
        try:
            self.store.update(sparql)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL update syntax error: {' '.join(str(exc).split())}") from None
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"update failed: {exc}") from None
        self.flush()

    def dump(self, handle: BinaryIO, rdf_format: ox.RdfFormat, *, include_ontology: bool = False) -> None:
        """Write the store's data (without the ontology graph unless asked) in an RDF format."""
        write_quads(self.quads(include_ontology=include_ontology), handle, rdf_format)

    def flush(self) -> None:
        """Write what is in memory to disk (nothing to do for a store in memory)."""
        if self.path != MEMORY:
            self.store.flush()


def write_quads(quads: Iterable[ox.Quad], handle: BinaryIO, rdf_format: ox.RdfFormat) -> None:
    """Serialise quads (as triples, once each, for a format without graphs) with kg's prefixes."""
    if rdf_format.supports_datasets:
        ox.serialize(quads, handle, format=rdf_format, prefixes=PREFIXES)
    else:
        ox.serialize(list(dict.fromkeys(q.triple for q in quads)), handle, format=rdf_format, prefixes=PREFIXES)


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
