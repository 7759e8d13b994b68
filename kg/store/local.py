"""The embedded store: a persistent Oxigraph store on disk (RocksDB), or one in memory.

One process writes a store at a time: a second writer gets :class:`~kg.errors.StoreError` ("in
use"). Readers take no lock and see the store as it was when they opened it, every article whole,
since each article is written in one transaction.
"""
from __future__ import annotations

import time
import uuid
from itertools import islice, zip_longest
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.rdf.iris import ENTITY_GRAPH, ONTOLOGY_GRAPH, PENDING_GRAPHS, STAGE_ADDS, STAGE_REPLACES, graph_iri
from kg.rdf.scheme import ONTOLOGY_FILE
from kg.rdf.terms import ox_quad
from kg.rdf.vocab import KGO, PREFIXES
from kg.resolve.merge import Identity, Row
from kg.sparql.binding import bind
from kg.sparql.syntax import syntax_message
from kg.store.articles import content_hashes, layout_update, old_references, replacement_update
from kg.store.location import MEMORY, default_store_path

DELETE_BATCH = 20_000  # quads removed per transaction when a graph is emptied
BULK_BATCH = 100_000  # quads handed to the bulk loader at once
STAGE_REPLACES_OX = ox.NamedNode(str(STAGE_REPLACES))
STAGE_ADDS_OX = ox.NamedNode(str(STAGE_ADDS))
ENTITY_GRAPH_OX = ox.NamedNode(str(ENTITY_GRAPH))
AGENT, TARGET, ABOUT, EVENT_TYPE, DATE, ASSERTS = (
    ox.NamedNode(str(p)) for p in (KGO.agent, KGO.target, KGO.about, KGO.eventType, KGO.date, KGO.asserts))


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
        if not read_only:
            local.tidy()
            if not store.contains_named_graph(ox.NamedNode(str(ONTOLOGY_GRAPH))):
                local.load_ontology()
        return local

    def tidy(self) -> None:
        """Put the store in order before writing: move article graphs an earlier kg stored beside the
        shared graphs to ``graph/article/`` (see :func:`kg.store.articles.layout_update`), finish a
        graph load that was committed but not applied, and drop what an unfinished one staged."""
        names = [g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)]
        update = layout_update(names)
        if update:
            self.update(update)
        pending = [n for n in names if n.startswith(PENDING_GRAPHS)]
        for journal in (n for n in pending if "/" not in n[len(PENDING_GRAPHS):]):
            self._apply(ox.NamedNode(journal))
        for stage in pending:
            self._delete_graph(ox.NamedNode(stage))  # staged by a load that never committed
        self.flush()

    def load_ontology(self) -> None:
        """Load the ontology Turtle into its own graph (replacing any older version)."""
        with ONTOLOGY_FILE.open("rb") as handle:
            self.load_graph(ox.NamedNode(str(ONTOLOGY_GRAPH)), ox.parse(handle, format=ox.RdfFormat.TURTLE))

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
            gone = set(events)
            related = [x for x in related if not self._referenced_elsewhere(x, graph, gone)]
            self.store.update(replacement_update(article_id, converted, events, related))
        except OSError as exc:
            raise StoreError(f"store {self.path}: cannot write article {article_id!r}: {exc}") from None
        return len(converted)

    def _referenced_elsewhere(self, node, graph: ox.NamedNode, events: set) -> bool:
        """Whether a quad of another graph than ``graph`` refers to ``node``, not counting those the
        article's old ``events`` make in the shared graph: such a node stays, whatever replacing the
        article removes, and the update need not look for its references (for an actor of many
        events, the army or the police, that look is most of a replacement's cost)."""
        for quad in self.store.quads_for_pattern(None, None, node, None):
            if quad.graph_name == graph or (quad.graph_name == ENTITY_GRAPH_OX and quad.subject in events):
                continue
            return True
        return False

    def merge_candidates(self, wanted: list[Identity], own: str) -> dict[Identity, list[Row]]:
        """The stored events of each ``wanted`` identity that graphs other than ``own`` assert (what
        :func:`kg.resolve.merge.sparql_candidates` finds), read off the store's indexes from the
        identity's agent or its target, whichever has fewer events: the cost is that of the events
        of the rarer actor, not of the store (an army or the police is agent of many events, the
        person it arrests of few)."""
        own_graph = ox.NamedNode(own)
        store = self.store
        found: dict[Identity, list[Row]] = {}
        for key in wanted:
            kind, agent, target = key
            kind_node = ox.NamedNode(kind)
            agent_node = ox.NamedNode(agent) if agent else None
            target_node = ox.NamedNode(target) if target else None
            rows = []
            for event in self._events_of(agent_node, target_node):
                if ox.Quad(event, EVENT_TYPE, kind_node, ENTITY_GRAPH_OX) not in store:
                    continue
                if target_node is not None:
                    if (ox.Quad(event, TARGET, target_node, ENTITY_GRAPH_OX) not in store
                            and ox.Quad(event, ABOUT, target_node, ENTITY_GRAPH_OX) not in store):
                        continue
                elif self._has(event, TARGET) or self._has(event, ABOUT):
                    continue
                if agent_node is None:
                    if self._has(event, AGENT):
                        continue
                elif ox.Quad(event, AGENT, agent_node, ENTITY_GRAPH_OX) not in store:
                    continue
                if not self._asserted_elsewhere(event, own_graph):
                    continue
                rows.extend((event.value, agent, target, date) for date in self._dates(event) or [None])
            if rows:
                found[key] = rows
        return found

    def asserted_events(self, iris: list[str], own: str) -> dict[str, str | None]:
        """Those of ``iris`` that are events of the shared graph which a graph other than ``own``
        asserts, with their dates (None when undated): a few index look-ups each."""
        own_graph = ox.NamedNode(own)
        found: dict[str, str | None] = {}
        for iri in iris:
            node = ox.NamedNode(iri)
            if self._has(node, EVENT_TYPE) and self._asserted_elsewhere(node, own_graph):
                dates = self._dates(node)
                found[iri] = dates[-1] if dates else None
        return found

    def _asserted_elsewhere(self, event: ox.NamedNode, own_graph: ox.NamedNode) -> bool:
        """Whether a named graph other than ``own_graph`` asserts ``event``."""
        return any(isinstance(q.graph_name, ox.NamedNode) and q.graph_name != own_graph
                   for q in self.store.quads_for_pattern(None, ASSERTS, event, None))

    def _dates(self, event: ox.NamedNode) -> list[str]:
        """The dates ``event`` has in the shared graph."""
        return [q.object.value for q in self.store.quads_for_pattern(event, DATE, None, ENTITY_GRAPH_OX)]

    def _events_of(self, agent: ox.NamedNode | None, target: ox.NamedNode | None) -> list:
        """The events (distinct, in index order) of whichever of ``agent`` and ``target`` (given
        one at least) has fewer: both runs of the index are read in step, and the first to end is
        the answer, so that what is read is about twice the rarer run."""
        runs = []
        if agent is not None:
            runs.append((q.subject for q in self.store.quads_for_pattern(None, AGENT, agent, ENTITY_GRAPH_OX)))
        if target is not None:
            runs.append((q.subject for p in (TARGET, ABOUT)
                         for q in self.store.quads_for_pattern(None, p, target, ENTITY_GRAPH_OX)))
        if len(runs) == 1:
            return list(dict.fromkeys(runs[0]))
        read: tuple[list, list] = ([], [])
        for pair in zip_longest(*runs, fillvalue=None):
            for side, event in enumerate(pair):
                if event is None:
                    return list(dict.fromkeys(read[side]))
                read[side].append(event)
        return list(dict.fromkeys(read[0]))  # both ended together

    def _has(self, subject, predicate: ox.NamedNode) -> bool:
        """Whether ``subject`` has a value of ``predicate`` in the shared graph."""
        return next(iter(self.store.quads_for_pattern(subject, predicate, None, ENTITY_GRAPH_OX)), None) is not None

    def article_hashes(self, article_ids: list[str]) -> dict[str, str]:
        """The stored content hashes of those of ``article_ids`` that are in the store, in one query."""
        return content_hashes(self, article_ids)

    def quads(self, *, include_ontology: bool = False) -> Iterator[ox.Quad]:
        """Every quad of the store (without the ontology graph unless asked; never what a graph load
        has staged)."""
        ontology = ox.NamedNode(str(ONTOLOGY_GRAPH))
        try:
            for q in self.store:
                if (include_ontology or q.graph_name != ontology) and not (
                        isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(PENDING_GRAPHS)):
                    yield q
        except RuntimeError as exc:  # a table block that fails its checksum
            raise damaged(self.path, exc) from None

    def load_graph(self, graph: ox.NamedNode, quads: Iterable) -> int:
        """Replace ``graph`` with the triples of ``quads`` that are in no named graph, and add the
        others to their own graphs; returns how many quads were read.

        ``quads`` may be a stream (a parser's) of any length: memory stays bounded. They are staged in
        graphs of their own (``graph/pending/<load>/<n>``); one small transaction then writes the
        load's journal (which staging graph replaces or adds to which graph), and the staged triples
        are moved into place a batch at a time, each step recorded so that it can be done again. A
        load that fails or is killed before its journal is written changes nothing (what it staged
        is dropped when the store is next opened for writing); one killed after is finished then.
        Queries over all graphs see the old triples or the new ones, or both, at every moment.
        """
        load = f"{PENDING_GRAPHS}{uuid.uuid4().hex}"
        staged: dict[ox.NamedNode, ox.NamedNode] = {}
        count = 0

        def restaged(items: Iterable) -> Iterator[ox.Quad]:
            nonlocal count
            for quad in items:
                home = graph if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name
                stage = staged.get(home)
                if stage is None:
                    stage = staged[home] = ox.NamedNode(f"{load}/{len(staged)}")
                count += 1
                yield ox.Quad(quad.subject, quad.predicate, quad.object, stage)

        try:
            self._bulk_add(restaged(quads))
        except BaseException:
            for stage in staged.values():
                self._delete_graph(stage)
            raise
        if graph not in staged:  # a file with no triples of its own empties the graph
            staged[graph] = ox.NamedNode(f"{load}/{len(staged)}")
        journal = ox.NamedNode(load)
        self.store.extend([ox.Quad(stage, STAGE_REPLACES_OX if home == graph else STAGE_ADDS_OX, home, journal)
                           for home, stage in staged.items()])
        self.flush()
        self._apply(journal)
        return count

    def _apply(self, journal: ox.NamedNode) -> None:
        """Move the staged graphs a load's journal lists into place; safe to run again after a crash."""
        for entry in list(self.store.quads_for_pattern(None, None, None, journal)):
            stage, home = entry.subject, entry.object
            if entry.predicate == STAGE_REPLACES_OX:
                self._delete_graph(home)
            self._bulk_add(ox.Quad(q.subject, q.predicate, q.object, home)
                           for q in self.store.quads_for_pattern(None, None, None, stage))
            self.store.remove(entry)  # done: from here on the stage is only left-overs
            self._delete_graph(stage)
        self._delete_graph(journal)
        self.flush()

    def _bulk_add(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads without a transaction, a bounded batch at a time (the bulk loader holds what it
        is given in memory until it writes its files)."""
        stream = iter(quads)
        while batch := list(islice(stream, BULK_BATCH)):
            self.store.bulk_extend(batch)

    def _delete_graph(self, graph: ox.NamedNode) -> None:
        """Remove a graph's quads a batch per transaction, so memory stays bounded."""
        while batch := list(islice(self.store.quads_for_pattern(None, None, None, graph), DELETE_BATCH)):
            blank = [q for q in batch if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)]
            if len(blank) < len(batch):
                self.store.update(f"DELETE DATA {{ GRAPH {graph} {{ " + " ".join(
                    f"{q.subject} {q.predicate} {q.object} ." for q in batch
                    if not (isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode))) + " } }")
            for quad in blank:
                self.store.remove(quad)  # DELETE DATA cannot name a blank node
            self.flush()  # the deletions leave memory for disk: memory stays flat however big the graph
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)  # empty now: forget its name too

    def query(self, sparql: str, bindings: dict | None = None):
        """Run a SPARQL query over the union of all graphs; parameters are bound, never pasted."""
        try:
            return self.store.query(bind(sparql, bindings or {}), use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(syntax_message(sparql, exc)) from None
        except RuntimeError as exc:
            if "corruption" in str(exc).lower():
                raise damaged(self.path, exc) from None
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



def damaged(where: str, exc: Exception) -> StoreError:
    """The one line for a store whose data fails its checksums while it is read."""
    return StoreError(f"store {where} is damaged and cannot be read ({' '.join(str(exc).split())[:300]}); "
                      "restore a copy or build it again")


def _store_error(where: str, exc: Exception) -> StoreError:
    message = str(exc)
    if "lock" in message.lower() and "permission denied" not in message.lower():
        return StoreError(f"store {where} is in use by another kg process (one writer at a time); wait for it to finish")
    first = " ".join(message.split()) if message else type(exc).__name__
    if "permission denied" in message.lower() or "read-only file system" in message.lower():
        return StoreError(f"store {where} cannot be written ({first[:200]}): this command changes the store and needs "
                          "write access to its folder; commands that only read it (query, stats, export, view) still work")
    if isinstance(exc, RuntimeError) or "corruption" in message.lower() or (Path(where) / "CURRENT").exists():
        return StoreError(f"store {where} is damaged and cannot be opened ({first[:300]}); rebuild it or restore a copy")
    return StoreError(f"cannot open store {where}: {first[:300]}")
