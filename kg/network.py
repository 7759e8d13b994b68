"""Project the knowledge graph into networkx: actors as nodes, one edge per asserted event."""
from __future__ import annotations

import networkx as nx

from kg.store import KgStore

EDGES_QUERY = """
PREFIX kgo:  <https://w3id.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
SELECT ?event ?agent ?agentLabel ?agentType ?target ?targetLabel ?targetType ?type ?plover ?goldstein
       ?modality ?date ?sentence ?article ?attributed
WHERE {
  ?assertion kgo:asserts ?event ; kgo:modality/rdfs:label ?modality ; kgo:sentence ?sentence ;
             prov:wasDerivedFrom/schema:identifier ?article .
  ?event kgo:eventType ?t .
  ?t skos:notation ?type ; kgo:ploverRoot ?plover ; skos:broadMatch/kgo:goldstein ?goldstein .
  OPTIONAL { ?event kgo:agent ?agent . ?agent rdfs:label ?agentLabel ; a ?agentType .
             FILTER(STRSTARTS(STR(?agentType), STR(kgo:))) }
  OPTIONAL { ?event kgo:target ?target . ?target rdfs:label ?targetLabel ; a ?targetType .
             FILTER(STRSTARTS(STR(?targetType), STR(kgo:))) }
  FILTER(BOUND(?agent) || BOUND(?target))
  OPTIONAL { ?event kgo:date ?date }
  OPTIONAL { ?assertion kgo:attributedTo ?attributed }
}"""


def actor_multigraph(store: KgStore) -> nx.MultiDiGraph:
    """Actor-to-actor MultiDiGraph: one edge per assertion of an event with both agent and target.

    Actors of events with only one participant are nodes without that edge.
    """
    graph = nx.MultiDiGraph()
    prefix = "https://w3id.org/kg/ontology#"
    for row in store.query(EDGES_QUERY):
        for role in ("agent", "target"):
            if row[role] is not None:
                graph.add_node(row[role].value, label=row[role + "Label"].value, type=row[role + "Type"].value.removeprefix(prefix))
        if row["agent"] is None or row["target"] is None:
            continue
        agent, target = row["agent"].value, row["target"].value
        graph.add_edge(
            agent,
            target,
            key=f'{row["event"].value}|{row["article"].value}|{row["modality"].value}',
            event=row["event"].value,
            type=row["type"].value,
            plover=row["plover"].value,
            goldstein=float(row["goldstein"].value),
            modality=row["modality"].value,
            date=row["date"].value if row["date"] else "",
            sentence=row["sentence"].value,
            article=row["article"].value,
            source=row["attributed"].value if row["attributed"] else "",
        )
    return graph


def dyads(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """Weighted DiGraph of dyads: event count and net cooperation(+)/conflict(-) score per pair.

    Denied events do not count towards either.
    """
    result = nx.DiGraph()
    for u, v, data in graph.edges(data=True):
        if data["modality"] == "denied":
            continue
        if not result.has_edge(u, v):
            result.add_edge(u, v, count=0, score=0.0)
        result[u][v]["count"] += 1
        result[u][v]["score"] += data["goldstein"]
    for node, data in graph.nodes(data=True):
        if node in result:
            result.nodes[node].update(data)
    return result
