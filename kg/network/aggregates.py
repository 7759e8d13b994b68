"""The actor network summed up by the store itself: dyads and actors from SPARQL aggregates, so that
``kg stats`` and the views' choice of what to draw read one row per dyad and per actor, never one
per claim.

:func:`dyad_network` gives what :func:`kg.network.analytics.dyad_network` computes from every claim
(:func:`kg.network.claims.claims`), on a store that conforms to the shapes: the same actors, the
same dyads with the same counts and scores (dates left out: ``first`` and ``last`` are not summed).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from kg.network.claims import event_types
from kg.rdf.vocab import KGO_NS as KGO
from kg.rdf.vocab import sparql_prefixes

if TYPE_CHECKING:
    from kg.store import Store

#: Per (agent, target, event type): events some claim says happened, their undenied claims, and
#: events only denied. Each property is read in a subquery of its own, which Oxigraph joins by
#: hashing (one pass over the property) where a plain pattern is looked up once per row.
DYADS_QUERY = sparql_prefixes("kgo") + """
SELECT ?agent ?target ?t (SUM(IF(?live > 0, 1, 0)) AS ?events) (SUM(?live) AS ?claims)
       (SUM(IF(?live = 0, 1, 0)) AS ?denied)
WHERE {
  { SELECT ?event (SUM(IF(?m = kgo:Denied, 0, 1)) AS ?live) WHERE {
      ?assertion kgo:asserts ?event . { SELECT ?assertion ?m WHERE { ?assertion kgo:modality ?m } } }
    GROUP BY ?event }
  { SELECT ?event ?agent WHERE { ?event kgo:agent ?agent } }
  { SELECT ?event ?target WHERE { ?event kgo:target ?target } }
  { SELECT ?event ?t WHERE { ?event kgo:eventType ?t } }
}
GROUP BY ?agent ?target ?t"""

#: Every actor some claim names (as agent or target), with its label, kg actor class and country
#: (the classes read from the ontology first: the store then looks up only their members).
ACTORS_QUERY = sparql_prefixes("kgo", "rdfs") + """
SELECT ?actor (MIN(?name) AS ?label) (MIN(STR(?class)) AS ?type) (MIN(?code) AS ?country) WHERE {
  { SELECT DISTINCT ?actor WHERE {
      { SELECT ?event ?actor WHERE { ?event kgo:agent|kgo:target ?actor } }
      { SELECT DISTINCT ?event WHERE { ?assertion kgo:asserts ?event } } } }
  { SELECT ?actor ?name WHERE { ?actor rdfs:label ?name } }
  { SELECT ?actor ?class WHERE { ?class rdfs:subClassOf* kgo:Actor . ?actor a ?class } }
  OPTIONAL { SELECT ?actor ?code WHERE { ?actor kgo:countryCode ?code } }
}
GROUP BY ?actor"""


def actors(store: Store) -> dict[str, dict]:
    """Every actor a claim names, by IRI: ``label, type, country`` (an actor given several classes
    or countries by different articles shows the first of each in alphabetical order)."""
    return {actor.value: {"label": label.value, "type": kind.value.removeprefix(KGO),
                          "country": "" if country is None else country.value}
            for actor, label, kind, country in store.query(ACTORS_QUERY)}


def dyad_network(store: Store) -> nx.DiGraph:
    """Every actor a claim names as a node (``label, type, country``), in IRI order, and one edge
    per ordered pair of actors with an undenied event, with the attributes of
    :func:`kg.network.graphs.dyads` but ``first`` and ``last``: ``count, score, mean, claims,
    denied, cooperation, conflict, quad1``..``quad4`` and ``types``."""
    nodes = actors(store)
    types = event_types(store)
    pairs: dict[tuple[str, str], dict[str, list[int]]] = {}
    for agent, target, kind, events, claims, denied in store.query(DYADS_QUERY):
        agent, target = agent.value, target.value
        if agent not in nodes or target not in nodes:
            continue  # an actor without a name or a kg class is no node, as in the claims
        counts = pairs.setdefault((agent, target), {}).setdefault(kind.value.removeprefix(KGO), [0, 0, 0])
        for i, value in enumerate((events, claims, denied)):
            counts[i] += int(value.value)
    network = nx.DiGraph()
    network.add_nodes_from(sorted(nodes.items()))
    for (agent, target), by_type in sorted(pairs.items()):
        live = {t: c for t, c in by_type.items() if c[0]}
        if not live:
            continue
        count = sum(c[0] for c in live.values())
        info = {t: types.get(t, {"goldstein": 0.0, "quad_class": 0}) for t in live}
        score = sum(live[t][0] * float(info[t]["goldstein"]) for t in live)
        network.add_edge(
            agent, target,
            count=count,
            score=score,
            mean=score / count,
            claims=sum(c[1] for c in live.values()),
            denied=sum(c[2] for c in by_type.values()),
            cooperation=sum(live[t][0] for t in live if info[t]["goldstein"] > 0),
            conflict=sum(live[t][0] for t in live if info[t]["goldstein"] < 0),
            **{f"quad{q}": sum(live[t][0] for t in live if int(info[t]["quad_class"] or 0) == q) for q in (1, 2, 3, 4)},
            types=" ".join(sorted(live, key=lambda t: (-live[t][0], t))),
        )
    return network
