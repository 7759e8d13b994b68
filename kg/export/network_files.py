"""The actor network as GraphML and GEXF, for Gephi, Cytoscape, yEd, igraph and networkx.

GraphML holds the claim-level multigraph of :func:`kg.network.graphs.actor_multigraph`: one edge per
claim (event, article, modality) with the event, its type, date, modality, sentence and source, so
every edge traces back to its sentence. GEXF holds the weighted dyads of :func:`kg.network.graphs.dyads`
(denied claims left out): weight = the dyad's count, score = its net cooperation (+) / conflict (-)
score, and one spell per dated event, spanning the period its date names (2025-05 is 2025-05-01 to 2025-05-31),
so that Gephi's timeline shows when each dyad was active. Both carry every actor of the store with
its label, kg type, country and sector.
"""
from __future__ import annotations

import re
from typing import BinaryIO

import networkx as nx

from kg.dates import date_span
from kg.network.graphs import actor_multigraph, dyads
from kg.rdf.vocab import sparql_prefixes

ACTOR_ATTRIBUTES = sparql_prefixes("kgo", "rdfs") + """
SELECT ?actor (GROUP_CONCAT(DISTINCT ?c; separator=";") AS ?country) (GROUP_CONCAT(DISTINCT ?s; separator=";") AS ?sector)
WHERE {
  ?actor a ?class . ?class rdfs:subClassOf* kgo:Actor .
  OPTIONAL { ?actor kgo:countryCode ?c }
  OPTIONAL { ?actor kgo:sector ?s }
}
GROUP BY ?actor"""


def write_graphml(store, handle: BinaryIO) -> None:
    """The claim-level actor multigraph as GraphML."""
    graph = _with_actor_attributes(store, actor_multigraph(store))
    graph.graph["name"] = "kg actor network: one edge per claim"
    nx.write_graphml(xml_safe(graph), handle, encoding="utf-8")


def write_gexf(store, handle: BinaryIO) -> None:
    """The weighted dyads as GEXF, with event-date spells for Gephi's timeline."""
    claims = actor_multigraph(store)
    pairs = dyads(claims)
    graph = nx.DiGraph(name="kg actor network: weighted dyads")
    for node, data in claims.nodes(data=True):
        graph.add_node(node, **data)
    for u, v, data in pairs.edges(data=True):
        kept = [e for e in claims.get_edge_data(u, v).values() if e.get("modality") != "denied"]
        spells = sorted({date_span(e["date"]) for e in kept if e.get("date")})
        types = ", ".join(sorted({e["type"] for e in kept if e.get("type")}))
        attributes = {"weight": data["count"], "score": float(data["score"]), "label": types, "types": types}
        if spells:
            attributes["spells"] = spells
        graph.add_edge(u, v, **attributes)
    graph = _with_actor_attributes(store, graph)
    nx.write_gexf(xml_safe(graph), handle, encoding="utf-8")


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    """``value`` with the characters XML 1.0 cannot hold (control characters, lone surrogates) as U+FFFD."""
    return _NOT_XML.sub("\ufffd", value)


def xml_safe(graph):
    """``graph`` with every string attribute made :func:`xml_text`: a label imported from elsewhere
    with a stray control character must not make the whole file unreadable."""
    for data in (graph.graph, *(d for _, d in graph.nodes(data=True)), *(d for *_, d in graph.edges(data=True))):
        for key, value in data.items():
            if isinstance(value, str):
                data[key] = xml_text(value)
    return graph


def _with_actor_attributes(store, graph):
    for row in store.query(ACTOR_ATTRIBUTES):
        node = row["actor"].value
        if node in graph:
            graph.nodes[node]["country"] = row["country"].value if row["country"] else ""
            graph.nodes[node]["sector"] = row["sector"].value if row["sector"] else ""
    for _, data in graph.nodes(data=True):
        data.setdefault("country", "")
        data.setdefault("sector", "")
    return graph
