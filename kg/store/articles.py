"""What every store does to an article's named graph, written once for the embedded and the remote
store: look up content hashes; replace the graph in one SPARQL update that also removes the events
only its old version asserted, with the actors, places and issues only they referred to; and move
the article graphs of a store an earlier kg made (``graph/<id>``, where an article with the id
``entities`` or ``ontology`` was the shared graph) to where no id can reach a shared graph.

The update is made of terms Oxigraph writes, so no text from an article can break out of them.
"""
from __future__ import annotations

import pyoxigraph as ox

from kg.rdf.iris import ENTITY_GRAPH, earlier_article_graph, graph_iri
from kg.rdf.vocab import KGO, SEM

#: The properties by which an event refers to what it involves.
PARTICIPANTS = (KGO.agent, KGO.target, KGO.about, SEM.hasPlace)


def content_hashes(store, article_ids: list[str]) -> dict[str, str]:
    """The content hashes ``store`` (anything with ``select``) holds for those of ``article_ids``
    it has, by article id, in one query."""
    if not article_ids:
        return {}
    graphs = {str(graph_iri(i)): i for i in article_ids}
    values = " ".join(f"<{g}>" for g in graphs)
    rows = store.select(f"SELECT ?g ?h WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?a <{KGO.contentHash}> ?h }} }}")
    return {graphs[r["g"].value]: r["h"].value for r in rows}


def old_references(store, article_id: str) -> tuple[list, list]:
    """The events an article's stored graph asserts and what those events refer to (for the clean-up
    of :func:`replacement_update`)."""
    graph = graph_iri(article_id)
    participants = "|".join(f"<{p}>" for p in PARTICIPANTS)
    rows = store.select(f"""SELECT DISTINCT ?e ?x WHERE {{ GRAPH <{graph}> {{ ?a <{KGO.asserts}> ?e }}
        OPTIONAL {{ GRAPH <{ENTITY_GRAPH}> {{ ?e {participants} ?x }} }} }}""")
    events = list(dict.fromkeys(r["e"] for r in rows))
    related = list(dict.fromkeys(r["x"] for r in rows if r["x"] is not None))
    return events, related


def replacement_update(article_id: str, quads: list[ox.Quad], events: list, related: list) -> str:
    """One SPARQL update that drops the article's graph, inserts ``quads``, then removes from the
    shared graph the old ``events`` nothing asserts any more and the ``related`` nodes nothing
    refers to any more."""
    graph = graph_iri(article_id)
    operations = [f"DROP SILENT GRAPH <{graph}>"]
    if quads:
        operations.append(f"INSERT DATA {{ {graph_blocks(quads)} }}")
    if events:
        values = " ".join(str(e) for e in events)
        operations.append(f"""DELETE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o }} }} WHERE {{ VALUES ?e {{ {values} }}
            GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o }} FILTER NOT EXISTS {{ GRAPH ?g {{ ?a <{KGO.asserts}> ?e }} }} }}""")
    if related:
        values = " ".join(str(x) for x in related)
        operations.append(f"""DELETE {{ GRAPH <{ENTITY_GRAPH}> {{ ?x ?p ?o }} }} WHERE {{ VALUES ?x {{ {values} }}
            GRAPH <{ENTITY_GRAPH}> {{ ?x ?p ?o }} FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?q ?x }} }} }}""")
    return " ;\n".join(operations)


def graph_blocks(quads: list[ox.Quad]) -> str:
    """Quads as ``GRAPH <g> { s p o . ... }`` blocks in N-Triples term syntax (escaped by pyoxigraph)."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    return " ".join(f"GRAPH {g} {{ {' '.join(lines)} }}" for g, lines in by_graph.items())


def layout_update(graph_names: list[str]) -> str | None:
    """One SPARQL update (None when nothing is to do) that moves the article graphs of an earlier
    layout to ``graph/article/<id>``."""
    operations = [f"MOVE SILENT GRAPH <{name}> TO GRAPH <{moved}>" for name in graph_names
                  if (moved := earlier_article_graph(name)) is not None]
    return " ;\n".join(operations) or None
