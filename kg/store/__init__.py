"""Store: where the graph lives, behind one :class:`Store` protocol.

:mod:`.local` is the embedded Oxigraph store on disk (the default) or in memory; :mod:`.remote`
any SPARQL 1.1 server (Oxigraph, Fuseki, Virtuoso, GraphDB, QLever); :mod:`.articles` is what
both do to an article's named graph (its content hash, its replacement in one transaction, with
the events, actors and places only its old version used); :mod:`.importer` loads RDF made
elsewhere; :mod:`.location` says what a ``--store`` value names, and :func:`open_store` opens it;
:mod:`.watchdog` bounds the memory of a command reading a store that may be damaged.

One named graph per article holds its assertions and provenance; events, actors and places live in
a shared graph; the ontology sits in a graph of its own. Queries see the union of all graphs.
The embedded store answers the build's merge lookups off its own indexes: by IRI
(``asserted_events``) for events dated by day or month, else by identity (``merge_candidates``);
a remote one with the SPARQL query of :mod:`kg.resolve.merge`.
Takes quads and SPARQL; gives solutions. May import: ``kg.sparql``, ``kg.resolve``, ``kg.rdf``, ``kg.errors``.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Protocol

import pyoxigraph as ox

from kg.store.local import LocalStore
from kg.store.location import default_store_path, is_remote
from kg.store.remote import RemoteStore

__all__ = ["Store", "open_store"]


class Store(Protocol):
    """What kg asks of a store, embedded or remote."""

    path: str

    def query(self, sparql: str, bindings: dict | None = None):
        """Solutions of a SELECT, a boolean for ASK, triples for CONSTRUCT and DESCRIBE."""

    def select(self, sparql: str, bindings: dict | None = None) -> list:
        """A SELECT query's solutions as a list."""

    def count(self, sparql_where: str) -> int:
        """How many solutions a group graph pattern has."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update."""

    def replace_article(self, article_id: str, quads: Iterable) -> int:
        """Replace one article's named graph (and what only its old version used); returns quads added."""

    def load_graph(self, graph: ox.NamedNode, quads: Iterable) -> int:
        """Replace ``graph`` with the default-graph triples of a stream of quads and add the others
        to their own graphs, all at once; returns how many quads were read."""

    def merge_candidates(self, wanted: list, own: str) -> dict:
        """The stored events of each wanted (type, agent, target) identity that graphs other than
        ``own`` assert: event IRI, agent, target and date (see :mod:`kg.resolve.merge`)."""

    def article_hashes(self, article_ids: list[str]) -> dict[str, str]:
        """The stored content hashes of those of ``article_ids`` that are in the store."""

    def quads(self, *, include_ontology: bool = False) -> Iterator[ox.Quad]:
        """Every quad of the store."""

    def dump(self, handle: BinaryIO, rdf_format: ox.RdfFormat, *, include_ontology: bool = False) -> None:
        """Write the store's data in an RDF format."""

    def load_ontology(self) -> None:
        """Put the ontology in its own graph (replacing an older version)."""

    def flush(self) -> None:
        """Make what was written durable."""


def open_store(spec: str | Path | None = None, *, read_only: bool = False) -> Store:
    """The store a ``--store`` value names: a folder (embedded Oxigraph), ``:memory:``, or the URL of
    a SPARQL 1.1 server. ``$KG_STORE`` is the default; ``$KG_STORE_TOKEN`` is sent as a bearer token
    to a server."""
    where = str(spec) if spec is not None else default_store_path()
    if is_remote(where):
        return RemoteStore.open(where, read_only=read_only, token=os.environ.get("KG_STORE_TOKEN") or None)
    return LocalStore.open(where, read_only=read_only)
