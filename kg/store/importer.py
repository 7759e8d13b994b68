"""Load RDF made elsewhere into the store, all or nothing.

Triples outside any named graph (every triple of a Turtle, N-Triples, JSON-LD or RDF/XML file, and
the default graph of a TriG or N-Quads file) go to a named graph of their own,
``https://w3id.org/kg/id/graph/import/<file-name>``, or the graph given: importing the file again
replaces that graph, and dropping it removes the import. Quads already in a named graph (TriG,
N-Quads, JSON-LD with ``@graph``) keep it, and are added to what the store holds there: a TriG
export of another kg store merges into this one, article graphs, events and actors included.

The file is read as a stream (memory stays bounded whatever its size) and stored by the store's
:meth:`~kg.store.Store.load_graph`: all of it or, at a syntax error or a crash, nothing; the graph
it replaces holds its old triples until the new ones take their place. kg's own graphs (the shared
graph of events and actors, the ontology's, article graphs) can be added to by a file's named
graphs but never replaced by ``--graph``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from kg.errors import InputError
from kg.rdf.iris import import_graph_iri, reserved_graph

FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
}


@dataclass
class ImportSummary:
    """What one import did: quads read, into which graphs."""

    path: str
    quads: int
    graphs: list[str]
    default_graph: str


def import_format(path: Path) -> ox.RdfFormat:
    """The RDF format of a file, from its extension."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(FORMATS)
        raise InputError(f"cannot tell the RDF format from the extension {path.suffix or '(none)'!r}; use {known}",
                         path=str(path)) from None


def read_quads(path: Path) -> Iterator[ox.Quad]:
    """The quads of an RDF file, read as a stream; a syntax error is an :class:`InputError` with
    its line and column."""
    fmt = import_format(path)
    if not path.is_file():
        raise InputError("no such file" if not path.exists() else "not a file", path=str(path))
    try:
        yield from ox.parse(path=str(path), format=fmt)
    except SyntaxError as exc:
        where = f"{path}:{exc.lineno}:{exc.offset}" if exc.lineno else str(path)
        raise InputError(f"{where}: not valid {fmt.name}: {_parser_message(exc)}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read ({getattr(exc, 'strerror', None) or exc})", path=str(path)) from None


def import_rdf(store, path: str | Path, graph: str | None = None) -> ImportSummary:
    """Import an RDF file into a :class:`kg.store.Store` (see the module docstring for graphs)."""
    path = Path(path)
    import_format(path)
    if graph is not None and reserved_graph(graph):
        raise InputError(f"--graph {graph} is a graph kg keeps itself (the shared, ontology or an article graph); "
                         "give a graph of your own", path=str(path))
    try:
        target = ox.NamedNode(graph) if graph else ox.NamedNode(str(import_graph_iri(path.name)))
    except ValueError:
        raise InputError(f"--graph {graph!r} is not an IRI (give one such as https://example.org/graph/mine)") from None
    graphs: set[str] = set()

    def noted(quads: Iterator[ox.Quad]) -> Iterator[ox.Quad]:
        for quad in quads:
            graphs.add(target.value if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value)
            yield quad

    count = store.load_graph(target, noted(read_quads(path)))
    return ImportSummary(str(path), count, sorted(graphs), target.value)


def _parser_message(exc: SyntaxError) -> str:
    """Oxigraph's message without the position it already gives in ``lineno``/``offset``."""
    text = " ".join(str(exc.msg if exc.msg else exc).split())
    return re.sub(r"^Parser error [^:]*: ", "", text)
